import ForgeReconciler from '@forge/react';
import { AdminPage } from './admin-view';

ForgeReconciler.render(<AdminPage />);
