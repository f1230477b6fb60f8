import ForgeReconciler from '@forge/react';
import { IssuePanel } from './issue-panel-view';

ForgeReconciler.render(<IssuePanel />);
