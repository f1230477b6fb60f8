/** The grouping fields the gadgets offer, stored with each entry so any of them can group at read time. */
// `organization` (the JSM organizations of the request, i.e. the internal customer) was added last: entries stored
// before it have no value there and group under none.
export const GROUP_FIELDS = ['priority', 'requestType', 'team', 'assignee', 'organization'] as const;

/** One of the grouping fields. */
export type GroupField = (typeof GROUP_FIELDS)[number];
