/** Forge async events: at most 50 events and 200 KB per push, and a chain of at most 1,000 pushes. */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_BYTES = 200 * 1024;
export const MAX_PUSHES_PER_CHAIN = 1_000;
/** Issues per queue event: one search/jql page and well under bulkfetch's 1,000. */
export const ISSUES_PER_EVENT = 100;
/** Stop pushing after this long so the trigger (900 s at most) saves its cursor and ends in time; the next run resumes. */
export const TRIGGER_BUDGET_MS = 600_000;
/**
 * The cursor is re-read this far back: JQL compares `updated` at minute precision in the site's time zone, which the
 * app does not know, and search results are eventually consistent. Re-reading is harmless: results are idempotent.
 */
export const CURSOR_OVERLAP_MS = 15 * 60 * 60 * 1000;
export const QUEUE_KEY = 'sla-sync';
/** Every stored ticket is checked against Jira this often (deleted, moved or out-of-scope issues no event reported). */
export const RECONCILE_EVERY_MS = 24 * 60 * 60 * 1000;
