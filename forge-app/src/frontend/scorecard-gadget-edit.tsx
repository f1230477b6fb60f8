import ForgeReconciler from '@forge/react';
import { ScorecardGadgetEdit } from './scorecard-edit-view';

ForgeReconciler.render(<ScorecardGadgetEdit />);
