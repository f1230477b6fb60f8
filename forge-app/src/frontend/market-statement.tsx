import ForgeReconciler from '@forge/react';
import { MarketStatementGadget } from './market-statement-view';

ForgeReconciler.render(<MarketStatementGadget />);
