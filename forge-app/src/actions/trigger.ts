import { randomUUID } from 'node:crypto';
import api from '@forge/api';
import { loadConfig } from '../config/store';
import { JiraClient } from '../jira/client';
import { triggerWhenLicensed } from '../license';
import { runtime } from '../runtime';
import { alertsInBucket, bucketOf, dropIndexed, loadAlertCursor, saveAlertCursor } from '../storage/alerts';
import { activeGeneration } from '../sync/generations';
import { fireAlert, type FireOutcome } from './fire';

/** Buckets a run catches up at most after an outage (a day of 5-minute buckets); older ones wait for the next run. */
const MAX_BUCKETS_PER_RUN = 288;

/** What a run did, for the tests and the logs. */
interface AlertRunReport {
  buckets: number;
  outcomes: Record<FireOutcome, number>;
  failed: number;
}

/**
 * The frequent scheduled trigger (every 5 minutes): fires the alerts of every finished bucket of the due-time index
 * since the last one it finished, never rescanning tickets. An entry is dropped once handled; one whose firing
 * failed, or that another run is firing, stays, and the cursor stays at the bucket before it, so the next run tries
 * it again (finding the alert's record). Alerts are fired within one bucket and one interval of their time.
 * @internal Exported for its tests.
 */
export async function runAlerts(): Promise<AlertRunReport> {
  const report: AlertRunReport = { buckets: 0, outcomes: { fired: 0, already: 0, 'not-due': 0, refused: 0, busy: 0 }, failed: 0 };
  const { config } = await loadConfig();
  if (!config) return report;
  const now = runtime.now();
  const last = bucketOf(now) - 1; // the current bucket is still filling
  // A first run looks back a day: alerts indexed before the trigger ever ran are not skipped.
  const cursor = (await loadAlertCursor()) ?? last - MAX_BUCKETS_PER_RUN;
  const gen = await activeGeneration();
  const jira = new JiraClient(api.asApp().requestJira, runtime.sleep);
  const run = randomUUID();
  for (let bucket = cursor + 1; bucket <= Math.min(last, cursor + MAX_BUCKETS_PER_RUN); bucket++) {
    let failedHere = 0;
    for (const { key, value } of await alertsInBucket(bucket)) {
      try {
        const outcome = await fireAlert(jira, value, config.policies, gen, now, run);
        report.outcomes[outcome]++;
        // Another run is firing it: the entry stays, and so does the cursor, until that run has done.
        if (outcome === 'busy') failedHere++;
        else await dropIndexed(key);
      } catch (error) {
        failedHere++;
        console.error(`alert ${key}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    report.buckets++;
    report.failed += failedHere;
    if (failedHere > 0) break;
    await saveAlertCursor(bucket);
  }
  return report;
}

/** The handler manifest.yml names for the alert trigger; an unlicensed site does nothing (license.ts). */
export const alertsTrigger = triggerWhenLicensed(async () => {
  await runAlerts();
});
