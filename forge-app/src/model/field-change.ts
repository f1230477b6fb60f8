/**
 * One change of a ticket field the app keeps the history of (the OLA owner field), as Jira's changelog logged it:
 * the sync writes it, storage keeps it (Forge SQL's `field_changes`). Values as the core reads the field.
 */
export interface FieldChange {
  issueKey: string;
  project: string;
  /** The core's field name (such as `team`), not Jira's field id. */
  field: string;
  changedAt: number;
  /** Jira's changelog history id. */
  historyId: string;
  from: string | null;
  to: string | null;
}
