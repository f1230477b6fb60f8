import ForgeReconciler from '@forge/react';
import { ComplianceGadgetEdit } from './compliance-edit-view';

ForgeReconciler.render(<ComplianceGadgetEdit />);
