import ForgeReconciler from '@forge/react';
import { ScorecardGadget } from './scorecard-view';

ForgeReconciler.render(<ScorecardGadget />);
