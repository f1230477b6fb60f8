import type { TicketHistory } from '../../core';
import type { JiraChangeHistory } from '../../forge-app/src/jira/types';
import type { DoubleIssue } from './forge-doubles';

/** Jira's date-time text: `2025-03-03T09:00:00.000+0000`. */
export const jiraDate = (at: number): string => new Date(at).toISOString().replace('Z', '+0000');

export const REQUEST_TYPE_FIELD = 'customfield_10010';
export const REQUEST_DATE_FIELD = 'customfield_10050';

/**
 * A core TicketHistory as Jira would serve it: the issue's current fields from search/jql and its changelog from
 * bulkfetch (status changes with from/to names, resolution set or cleared, any other field's change from its logged
 * `from`), shaped like Atlassian's documented payloads.
 */
export function jiraIssueOf(ticket: TicketHistory, id: string): DoubleIssue {
  let status = ticket.status;
  let resolution: string | null = null;
  const histories: JiraChangeHistory[] = ticket.events.map((event, i) => {
    const from = event.field === 'status' ? status : event.field === 'resolution' ? resolution : (event.from ?? null);
    if (event.field === 'status') status = event.to ?? status;
    else if (event.field === 'resolution') resolution = event.to;
    return {
      id: String(10000 + i),
      author: { accountId: 'agent-1', displayName: 'Agent One' },
      created: jiraDate(event.at),
      items: [{ field: event.field, fieldtype: 'jira', fieldId: event.field, from: from === null ? null : '1', fromString: from, to: event.to === null ? null : '2', toString: event.to }],
    } as JiraChangeHistory;
  });
  const updated = ticket.events.length ? ticket.events[ticket.events.length - 1].at : ticket.created;
  const f = ticket.fields;
  const text = (name: string) => (typeof f[name] === 'string' ? (f[name]) : null);
  return {
    id,
    key: ticket.key,
    fields: {
      created: jiraDate(ticket.created),
      updated: jiraDate(updated),
      status: { name: status, statusCategory: { key: resolution ? 'done' : 'indeterminate' } },
      resolution: resolution ? { name: resolution } : null,
      project: { id: '100', key: text('project'), name: text('project') },
      priority: text('priority') ? { id: '2', name: text('priority') } : null,
      assignee: text('assignee') ? { accountId: text('assignee'), displayName: text('assignee') } : null,
      [REQUEST_TYPE_FIELD]: text('requestType') ? { requestType: { id: '7', name: text('requestType') } } : null,
      [REQUEST_DATE_FIELD]: text('requestDate') ? jiraDate(Date.parse(text('requestDate')!)) : null,
    },
    histories,
  };
}
