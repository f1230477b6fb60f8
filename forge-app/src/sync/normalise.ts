import { COMMENT_FIELD, commentValue, type FieldValue, type SlaClock, type TicketEvent, type TicketHistory } from '../../../core';
import type { AppConfig } from '../config/schema';
import type { TicketComment } from '../jira/comments';
import type { JiraChangeHistory, JiraIssue } from '../jira/types';

/**
 * Jira fields the sync asks search/jql for, given the configured custom fields and JSM's Organizations field (its id
 * differs per site; null where JSM is absent).
 */
export function issueFieldsToFetch(fields: AppConfig['fields'], organizationsField: string | null = null): string[] {
  // `security`: the issue security level, kept with the ticket's entries so readers count only levels the viewer may browse.
  // `reporter`: a comment by the reporter is the customer's (comment conditions).
  const base = ['created', 'updated', 'status', 'resolution', 'project', 'priority', 'assignee', 'reporter', 'security', fields.requestType];
  return [...new Set([...base, ...(fields.team ? [fields.team] : []), ...(organizationsField ? [organizationsField] : []), ...Object.values(fields.extra)])];
}

/** Jira sends date-times as `2025-03-03T09:00:00.000+0700`; bulkfetch may send epoch milliseconds. */
function instantOf(value: string | number): number {
  const at = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(at)) throw new Error(`expected a Jira date-time, got ${JSON.stringify(value)}`);
  return at;
}

/**
 * A Jira field value as text: options and statuses by name, users by account id, JSM request types by name, teams by
 * name, dates kept as ISO text (a retroactive SLA start reads them), arrays as lists.
 */
function fieldText(value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(instantOf(value)).toISOString() : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((item) => fieldText(item)).filter((item): item is string => typeof item === 'string');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.requestType && typeof record.requestType === 'object') return fieldText(record.requestType);
    for (const name of ['accountId', 'name', 'value', 'key', 'title']) {
      if (typeof record[name] === 'string') return record[name];
    }
  }
  return null;
}

/** The id of an issue's security level (Jira's `security` field, `{ id, name }`), or null for an issue under none. */
export const securityLevelOf = (value: unknown): string | null => {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
};

/** A request's JSM organizations by name, from the Organizations field's `[{ id, name }]`; none is null. */
export function organizationsOf(value: unknown): FieldValue {
  const organizations = fieldText(value);
  return Array.isArray(organizations) && organizations.length === 0 ? null : organizations;
}

const CHANGELOG_FIELDS: Record<string, 'status' | 'resolution'> = { status: 'status', resolution: 'resolution' };

/** Fields whose changelog values are account ids (as `fieldText` reads users), not display names. */
const USER_FIELDS = new Set(['assignee', 'reporter']);

/** The Jira field id behind a core field name: the configured request type, team and extras, else the name itself. */
const jiraFieldOf = (coreField: string, fieldMap: AppConfig['fields']): string =>
  coreField === 'requestType' ? fieldMap.requestType : coreField === 'team' && fieldMap.team ? fieldMap.team : (fieldMap.extra[coreField] ?? coreField);

/** What the policies' conditions need besides status and resolution: changes of some fields, and comments. */
export interface ConditionReads {
  /** Jira field id → core field name, for the changelog items the conditions read. */
  fields: ReadonlyMap<string, string>;
  comments: boolean;
}

/** The changelog fields and whether comments are needed, for these clocks: comments are read only when a policy needs them. */
export function conditionReads(clocks: readonly SlaClock[], fieldMap: AppConfig['fields']): ConditionReads {
  const fields = new Map<string, string>();
  let comments = false;
  for (const clock of clocks) {
    for (const field of clock.eventFields) {
      if (field === COMMENT_FIELD) comments = true;
      else if (field !== 'resolution') fields.set(jiraFieldOf(field, fieldMap), field);
    }
  }
  return { fields, comments };
}

/**
 * The reads with the OLA owner fields added (core field names, such as `team`): their changelog items become events
 * of the ticket's history, so the sync can split each cycle by who held it.
 */
export function withOwnerReads(reads: ConditionReads, ownerFields: Iterable<string>, fieldMap: AppConfig['fields']): ConditionReads {
  const fields = new Map(reads.fields);
  for (const field of ownerFields) fields.set(jiraFieldOf(field, fieldMap), field);
  return { fields, comments: reads.comments };
}

/** A changelog item's values as the core reads the field: account ids for users, display text otherwise. */
export const changeValues = (item: JiraChangeHistory['items'][number]): { from: string | null; to: string | null } =>
  USER_FIELDS.has(item.fieldId ?? item.field) ? { from: item.from ?? null, to: item.to ?? null } : { from: item.fromString ?? null, to: item.toString ?? null };

/** A comment as the clocks' comment event: by the customer when the reporter or a portal customer wrote it. */
const commentEvent = (comment: TicketComment, reporter: string | null, created: number): TicketEvent => ({
  at: Math.max(comment.at, created),
  field: COMMENT_FIELD,
  to: commentValue({ public: comment.public, byCustomer: comment.authorIsCustomer || (reporter !== null && comment.authorAccountId === reporter) }),
});

/**
 * A Jira issue and its full changelog as the core's TicketHistory: status and resolution changes become events in
 * time order, the status at creation is the `fromString` of the first status change (or the current status when it
 * never changed), and the ticket's fields carry project, priority, request type, assignee, team and mapped extras.
 */
export function toTicketHistory(
  issue: JiraIssue,
  histories: readonly JiraChangeHistory[],
  fieldMap: AppConfig['fields'],
  organizationsField: string | null = null,
  conditions: { reads: ConditionReads; comments: readonly TicketComment[] } | null = null,
): TicketHistory {
  const f = issue.fields;
  const created = instantOf(f.created as string);
  const events: TicketEvent[] = [];
  let initialStatus: string | null = null;
  const ordered = [...histories].map((h) => ({ at: instantOf(h.created), id: h.id, items: h.items })).sort((a, b) => a.at - b.at || Number(a.id) - Number(b.id));
  for (const history of ordered) {
    // A change logged a moment before `created` (clock skew on import) is taken as happening at creation.
    const at = Math.max(history.at, created);
    for (const item of history.items) {
      const field = CHANGELOG_FIELDS[item.fieldId ?? item.field] ?? CHANGELOG_FIELDS[item.field];
      const conditionField = conditions?.reads.fields.get(item.fieldId ?? item.field);
      if (conditionField !== undefined && !field) events.push({ at, field: conditionField, ...changeValues(item) });
      if (!field) continue;
      if (field === 'status' && initialStatus === null) initialStatus = item.fromString;
      events.push({ at, field, to: item.toString ?? null });
    }
  }
  if (conditions !== null && conditions.comments.length > 0) {
    const reporter = (f.reporter as { accountId?: string } | null | undefined)?.accountId ?? null;
    events.push(...conditions.comments.map((comment) => commentEvent(comment, reporter, created)));
    events.sort((a, b) => a.at - b.at); // stable: a comment at the time of a change comes after it
  }
  const fields: Record<string, FieldValue> = {
    project: (f.project as { key?: string } | undefined)?.key ?? null,
    priority: fieldText(f.priority),
    requestType: fieldText(f[fieldMap.requestType]),
    assignee: fieldText(f.assignee),
    team: fieldMap.team ? fieldText(f[fieldMap.team]) : null,
  };
  // The request's JSM organizations (its internal customers) by name: `[{ id, name }]` in the issue's field.
  if (organizationsField) fields.organization = organizationsOf(f[organizationsField]);
  for (const [coreField, jiraField] of Object.entries(fieldMap.extra)) fields[coreField] = fieldText(f[jiraField]);
  return {
    key: issue.key,
    created,
    status: initialStatus ?? (fieldText(f.status) as string),
    fields,
    events,
  };
}
