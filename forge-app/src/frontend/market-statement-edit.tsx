import ForgeReconciler from '@forge/react';
import { MarketStatementEdit } from './market-statement-edit-view';

ForgeReconciler.render(<MarketStatementEdit />);
