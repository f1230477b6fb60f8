import ForgeReconciler from '@forge/react';
import { ComplianceGadget } from './compliance-view';

ForgeReconciler.render(<ComplianceGadget />);
