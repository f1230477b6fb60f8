import type { SlaPolicy } from '../core/sla';
import { InputError } from './errors';

/** The Data quality section: what was read, and every correction made on the way, counted. */
export interface DataQuality {
  rows: number;
  tickets: number;
  /** Rows that came after a row of their ticket which the ticket's order puts later. */
  rowsReordered: number;
  /** Rows taken at the previous row's time, or at the ticket's creation, because their own time was earlier. */
  timesCorrected: number;
  blankStatusesSkipped: number;
  /** Statuses the log holds that no policy starts, pauses or stops on. */
  statusesNoPolicyNames: string[];
  /** Fields the mapping maps whose column is blank on every row. */
  mappedFieldsNeverFilled: string[];
  /** Fields a policy tests or starts on that the mapping does not map (they read as blank on every ticket). */
  policyFieldsNotMapped: string[];
}

export type Correction = 'reordered' | 'time' | 'blankStatus';

/**
 * Counts the corrections as rows are read; with `--strict` the first one is an error naming its row instead.
 */
export class QualityCounter {
  rowsReordered = 0;
  timesCorrected = 0;
  blankStatusesSkipped = 0;

  constructor(
    private readonly strict: boolean,
    private readonly rowName: (row: number) => string,
  ) {}

  correct(kind: Correction, row: number, why: () => string): void {
    if (this.strict) throw new InputError(`${this.rowName(row)}: ${why()} (--strict: corrections are errors; leave --strict out to have them made and counted)`);
    if (kind === 'reordered') this.rowsReordered++;
    else if (kind === 'time') this.timesCorrected++;
    else this.blankStatusesSkipped++;
  }
}

/** Statuses a policy names: those it starts, pauses or stops on. */
export function policyStatuses(policies: readonly SlaPolicy[]): Set<string> {
  const named = new Set<string>();
  for (const policy of policies) {
    if (policy.start.on === 'status') for (const s of policy.start.statuses) named.add(s);
    for (const s of policy.pause.statuses) named.add(s);
    for (const s of policy.stop.statuses) named.add(s);
  }
  return named;
}

/** Fields a policy reads: its conditions, its goals' conditions, a start on a field, the resolution it stops on. */
export function policyFields(policy: SlaPolicy): string[] {
  const fields = new Set<string>();
  for (const condition of policy.appliesTo) fields.add(condition.field);
  for (const goal of policy.goals) for (const condition of goal.when) fields.add(condition.field);
  if (policy.start.on === 'field') fields.add(policy.start.field);
  if (policy.stop.resolutionSet) fields.add('resolution');
  return [...fields];
}
