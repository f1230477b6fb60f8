import ForgeReconciler from '@forge/react';
import { CustomerReportGadget } from './customer-report-view';

ForgeReconciler.render(<CustomerReportGadget />);
