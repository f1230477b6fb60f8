import ForgeReconciler from '@forge/react';
import { CustomerReportEdit } from './customer-report-edit-view';

ForgeReconciler.render(<CustomerReportEdit />);
