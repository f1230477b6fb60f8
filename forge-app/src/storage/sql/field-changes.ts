import type { FieldChange } from '../../model/field-change';
import { insertRows } from './rows';

/** The columns' width in characters (schema `field_changes`): a longer value is kept cut, never refused. */
const VALUE_CHARS = 1024;
const cut = (value: string | null): string | null => (value === null ? null : [...value].slice(0, VALUE_CHARS).join(''));

const COLUMNS = ['issue_key', 'field', 'changed_at', 'history_id', 'project', 'from_value', 'to_value'];

/**
 * Keeps field changes: the primary key (ticket, field, instant, Jira history id) makes a re-sync of the same
 * changelog a no-op; a ticket moved to another project keeps its key's rows with the newest project.
 */
export async function storeFieldChangesSql(changes: readonly FieldChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((c) => [c.issueKey, c.field, c.changedAt, c.historyId, c.project, cut(c.from), cut(c.to)]);
  await insertRows('field_changes', COLUMNS, rows, 'ON DUPLICATE KEY UPDATE project = VALUES(project)');
}

