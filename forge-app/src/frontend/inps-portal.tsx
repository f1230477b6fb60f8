import ForgeReconciler from '@forge/react';
import { InpsPortalQuestion } from './inps-portal-view';

ForgeReconciler.render(<InpsPortalQuestion />);
