import { keys, segment } from './keys';
import { createValue, deleteValue, getValue, setValue, valuesWithPrefix } from './store';

/** An alert of one cycle: a policy's warning or breach actions, due at `at`. */
export interface DueAlert {
  issueKey: string;
  policyId: string;
  /** The cycle's start: with the policy, it names the cycle. */
  start: number;
  kind: 'warning' | 'breach';
  at: number;
}

/**
 * The record of an alert being fired: which run fires it (and when it last showed progress), which actions are done;
 * `complete` when all are and the audit entry is written.
 */
export interface FiredAlert {
  firedAt: number;
  owner: string;
  heartbeat: number;
  actionsDone: number[];
  complete: boolean;
}

/** A run that showed no progress on an alert for this long is taken to have died; another run takes the alert over. */
const ALERT_LEASE_MS = 10 * 60_000;

/** One line of the audit list the admin reads. */
export interface AuditEntry extends DueAlert {
  firedAt: number;
  /** The actions carried out, in order. */
  actions: string[];
  /** Why Jira refused the next action, which was not carried out (nor the ones after it). */
  error?: string;
}

/** The index groups due times in buckets of 5 minutes, the alert trigger's interval. */
const ALERT_BUCKET_MS = 5 * 60_000;
export const bucketOf = (at: number): number => Math.floor(at / ALERT_BUCKET_MS);

/** The alert's id: its ticket, policy, cycle and kind (one firing per cycle and kind, ever). */
const alertId = (a: Pick<DueAlert, 'issueKey' | 'policyId' | 'start' | 'kind'>): string => `${a.issueKey}:${segment(a.policyId)}:${a.start}:${a.kind}`;

/** Indexes an alert at its due time; one already due goes into the bucket of `now`, which the trigger reads next. */
export async function indexAlert(alert: DueAlert, now: number): Promise<void> {
  await setValue(keys.alertDue(Math.max(bucketOf(alert.at), bucketOf(now)), alertId(alert)), alert);
}

export const alertsInBucket = async (bucket: number): Promise<Array<{ key: string; value: DueAlert }>> => valuesWithPrefix<DueAlert>(keys.alertDuePrefix(bucket));
export const dropIndexed = (key: string): Promise<void> => deleteValue(key);

export const loadAlertCursor = async (): Promise<number | undefined> => getValue<number>(keys.alertCursor);
export const saveAlertCursor = (bucket: number): Promise<void> => setValue(keys.alertCursor, bucket);

export const firedRecord = (alert: DueAlert): Promise<FiredAlert | undefined> => getValue<FiredAlert>(keys.alertFired(alertId(alert)));

/**
 * Claims an alert for the run `owner` (atomically: FAIL_IF_EXISTS). The record to go on with when the alert is this
 * run's, or was left by a run that died (its lease ran out); `busy` while another live run fires it; the completed
 * record when it was fired already.
 */
export async function claimAlert(alert: DueAlert, now: number, owner: string): Promise<FiredAlert | 'busy'> {
  const fresh: FiredAlert = { firedAt: now, owner, heartbeat: now, actionsDone: [], complete: false };
  if (await createValue(keys.alertFired(alertId(alert)), fresh)) return fresh;
  const found = await firedRecord(alert);
  if (found === undefined) return fresh;
  if (found.complete || found.owner === owner) return found;
  if (now - found.heartbeat < ALERT_LEASE_MS) return 'busy';
  const takenOver = { ...found, owner, heartbeat: now };
  await saveFired(alert, takenOver);
  return takenOver;
}

export const saveFired = (alert: DueAlert, record: FiredAlert): Promise<void> => setValue(keys.alertFired(alertId(alert)), record);

/** The audit entry of a fired alert, keyed by its firing time so a repeated write replaces rather than adds. */
export const writeAudit = (entry: AuditEntry): Promise<void> => setValue(keys.alertAudit(entry.firedAt, alertId(entry)), entry);

export const recentAudit = async (max: number): Promise<AuditEntry[]> => (await valuesWithPrefix<AuditEntry>(keys.alertAuditPrefix, max)).map((e) => e.value);
