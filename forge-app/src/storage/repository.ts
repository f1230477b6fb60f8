import type { TicketResult } from '../model/ticket-result';
import { type Bucket, type CycleEntry, cycleEntriesOf, type OpenEntry, openEntriesOf, purgeTicket, SECURED_CYCLE_AT, securedAt, STATE_OF_CODE, type StoredTicket, storeTicketResults, type TicketEntry, ticketEntriesOf } from './aggregates';
import { type Backend, currentBackend } from './backend';
import { keys } from './keys';
import { countWithPrefix, getValue, keyPagesWithPrefix, valuesWithPrefix } from './store';
import { type MarketTicketQuery, marketTicketsSql } from './sql/market';
import { type CycleCount, type CycleCountQuery, cycleCountsSql, type CyclePage, type CyclePageQuery, cyclePageSql, type ListedCycle, listedOrder, openCyclesSql, servedPage, ticketFactsSql } from './sql/reads';
import { purgeTicketSql, type StoreOutcome, storeResultsSql, ticketCountSql, ticketKeyPagesSql, ticketResultSql, dueOpenKeysSql } from './sql/results';
import { storeFieldChangesSql } from './sql/field-changes';
import { summariseAllBehind } from './sql/cycle-summary';
import type { FieldChange } from '../model/field-change';
import { GROUP_FIELDS } from '../model/group-fields';
import { monthOf, reportedAt } from '../model/ticket-result';

export type { CycleCount, StoreOutcome };
export type { CyclePage } from './sql/reads';

/** A stored ticket as the sync and the issue panel read it: the result, and whether a store of it is unfinished. */
type StoredResult = TicketResult & { pending: boolean };

/**
 * The app's results, whichever store holds them: the sync writes through it, the gadgets and the issue panel read
 * through it. Callers in sync/, resolvers/ (and the views built on them) use only this, never KVS keys or SQL.
 */
export interface ResultRepository {
  store(results: readonly TicketResult[], timeZone: string, gen: number): Promise<Map<string, StoreOutcome>>;
  purge(issueKey: string, gen: number): Promise<boolean>;
  ticket(issueKey: string, gen: number): Promise<StoredResult | undefined>;
  ticketCount(gen: number): Promise<number>;
  /** Stored ticket keys in key order, a page at a time (reconciliation). */
  ticketKeyPages(gen: number): AsyncGenerator<{ keys: string[]; more: boolean }>;
  /** Keys of tickets with an open cycle stored as ongoing whose due time is before `now`. */
  dueOpenKeys(now: number, gen: number): Promise<string[]>;
  /** A policy's cycles in a project over some months, counted (KVS: one per cycle; SQL: counted by the database). */
  cycleCounts(query: CycleCountQuery): Promise<CycleCount[]>;
  ticketFacts(project: string, month: string, gen: number): Promise<TicketEntry[]>;
  openCycles(policyId: string, project: string, gen: number): Promise<OpenEntry[]>;
  /** The internal market's month: tickets created in it, and tickets with a cycle of the given policies reported in it. */
  marketTickets(query: MarketTicketQuery): Promise<TicketResult[]>;
  /** The ticket-level report: a page of a policy's cycles the viewer may see, filtered, and how many match. */
  cyclePage(query: CyclePageQuery): Promise<CyclePage>;
  /** Keeps changes of the fields the app keeps the history of (the OLA owner field); the same change twice is kept once. */
  recordFieldChanges(changes: readonly FieldChange[]): Promise<void>;
  /** Brings what is derived from the results up to date (SQL: per-day summaries left behind; KVS keeps none). */
  catchUp(gen: number): Promise<void>;
}

/** The entry keys of KVS buckets are `<ticket>#<n>`. */
const ticketOfEntry = (entryKey: string) => entryKey.slice(0, entryKey.lastIndexOf('#'));

/** A KVS bucket entry as one counted cycle. */
function countOfEntry(entry: CycleEntry): CycleCount {
  const [code, stopped, at] = entry;
  const groupsAt = SECURED_CYCLE_AT - GROUP_FIELDS.length;
  const fields = Object.fromEntries(GROUP_FIELDS.map((f, i) => [f, (entry[groupsAt + i] as string | null) ?? null]));
  return { entry: { policyId: '', fields, goalLabel: '', start: at, stop: stopped ? at : null, due: at, state: STATE_OF_CODE[code] }, count: 1, secured: securedAt(entry, SECURED_CYCLE_AT) };
}

const kvsResults: ResultRepository = {
  store: storeTicketResults,
  purge: purgeTicket,
  ticket: (issueKey, gen) => getValue<StoredTicket>(keys.ticket(issueKey, gen)),
  ticketCount: (gen) => countWithPrefix(keys.ticketPrefix(gen)),
  async *ticketKeyPages(gen) {
    const prefix = keys.ticketPrefix(gen);
    for await (const page of keyPagesWithPrefix(prefix)) yield { keys: page.keys.map((key) => key.slice(prefix.length)), more: page.nextCursor !== undefined };
  },
  async dueOpenKeys(now, gen) {
    const indexes = await valuesWithPrefix<Bucket<OpenEntry>>(keys.openPrefix(gen));
    return [...new Set(indexes.flatMap(({ value }) => Object.values(value.entries).filter((e) => e.state === 'ongoing' && e.due !== null && e.due < now).map((e) => e.key)))];
  },
  async cycleCounts(query) {
    const counts: CycleCount[] = [];
    for (const month of query.months) {
      for (const [entryKey, entry] of await cycleEntriesOf(query.policyId, query.project, month, query.gen)) {
        if (query.tickets && !query.tickets.has(ticketOfEntry(entryKey))) continue;
        if (entry[2] >= query.from && entry[2] <= query.to) counts.push(countOfEntry(entry));
      }
    }
    return counts;
  },
  ticketFacts: ticketEntriesOf,
  openCycles: openEntriesOf,
  // KVS keeps no index by creation: every stored ticket of the generation is read (the store before the SQL upgrade).
  async marketTickets(query) {
    const policies = new Set(query.policyIds);
    const { created } = query;
    const inMonth = (t: StoredTicket) => (created !== null && t.created >= created.from && t.created <= created.to) || t.cycles.some((c) => policies.has(c.policyId) && monthOf(reportedAt(c), query.timeZone) === query.month);
    const stored = await valuesWithPrefix<StoredTicket>(keys.ticketPrefix(query.gen));
    return stored.map(({ value }) => value).filter((t) => t.project === query.project && inMonth(t));
  },
  async cyclePage(query) {
    const groupAt = query.group ? 3 + GROUP_FIELDS.indexOf(query.group.field) : -1;
    const matching: Array<ListedCycle & { secured: { level: string; issueId: string } | null }> = [];
    for (const project of query.projects) {
      for (const month of query.months) {
        for (const [entryKey, entry] of await cycleEntriesOf(query.policyId, project, month, query.gen)) {
          if (query.state && STATE_OF_CODE[entry[0]] !== query.state) continue;
          if (query.group && !String(entry[groupAt] ?? '').split(', ').includes(query.group.value)) continue;
          matching.push({ key: ticketOfEntry(entryKey), n: Number(entryKey.slice(entryKey.lastIndexOf('#') + 1)), project, at: entry[2], secured: securedAt(entry, SECURED_CYCLE_AT) });
        }
      }
    }
    // The gate is asked once per project and level, with one of its issues.
    const levelKey = (project: string, level: string) => `${project}\u0000${level}`;
    const levels = new Map(matching.flatMap(({ project, secured }) => (secured ? [[levelKey(project, secured.level), { project, ...secured }] as const] : [])));
    const browsable = new Set((levels.size === 0 ? [] : await query.browsable([...levels.values()])).map((l) => levelKey(l.project, l.level)));
    const visible = matching.filter((c) => c.secured === null || browsable.has(levelKey(c.project, c.secured.level))).sort(listedOrder);
    const page = servedPage(query.page, query.pageSize, visible.length);
    return { cycles: visible.slice(page * query.pageSize, (page + 1) * query.pageSize).map(({ key, n }) => ({ key, n })), total: visible.length, page };
  },
  // KVS has no table for them: each stored result keeps its cycles' holdings (`held`), all the OLA view reads; after the
  // upgrade to SQL, a ticket's next sync records its history from Jira's changelog (the full history each time).
  recordFieldChanges: async () => {},
  catchUp: async () => {},
};

const sqlResults: ResultRepository = {
  store: storeResultsSql,
  purge: purgeTicketSql,
  ticket: async (issueKey, gen) => {
    const result = await ticketResultSql(issueKey, gen);
    return result && { ...result, pending: false };
  },
  ticketCount: ticketCountSql,
  ticketKeyPages: ticketKeyPagesSql,
  dueOpenKeys: dueOpenKeysSql,
  cycleCounts: cycleCountsSql,
  ticketFacts: ticketFactsSql,
  openCycles: openCyclesSql,
  marketTickets: marketTicketsSql,
  cyclePage: cyclePageSql,
  recordFieldChanges: storeFieldChangesSql,
  catchUp: summariseAllBehind,
};

const byBackend: Record<Exclude<Backend, 'migrating'>, ResultRepository> = { kvs: kvsResults, sql: sqlResults };

/** Where the gadgets read: KVS until the upgrade's copy is complete, SQL after. */
export const readableResults = async (): Promise<ResultRepository> => byBackend[(await currentBackend()) === 'sql' ? 'sql' : 'kvs'];

/** Where the sync writes: both stores while the upgrade copies (so nothing stored meanwhile is missed), else one. */
export async function writableResults(): Promise<ResultRepository[]> {
  const backend = await currentBackend();
  return backend === 'migrating' ? [kvsResults, sqlResults] : [byBackend[backend]];
}

/** The two stores by name: the upgrade copies from one into the other. */
export const resultStores = byBackend;
