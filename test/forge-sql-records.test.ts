import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forge, forgeMocks } from './helpers/forge-doubles';
import { forgeSql, forgeSqlMock } from './helpers/forge-sql';
import { HOUR, T0 } from './helpers/forge-config';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());
vi.mock('@forge/events', () => forgeMocks.events());
vi.mock('@forge/sql', () => forgeSqlMock());

const { appLifecycle } = await import('../src/index');
const { runtime } = await import('../forge-app/src/runtime');
const { database } = await import('../forge-app/src/storage/sql/database');
const { loadStorageState } = await import('../forge-app/src/storage/backend');
const { allFailures, clearFailure, makeAllDue, recordFailure } = await import('../forge-app/src/sync/failures');
const { addConsumed, loadConsumed, loadSyncState, saveSyncState } = await import('../forge-app/src/sync/state');
const { answerEntriesOf, answerRecordOf, claimAnswer, countAnswer } = await import('../forge-app/src/storage/inps-answers');

const answer = (issueKey: string, score: number) => ({ issueKey, score, comment: 'Nhanh', at: T0, month: '2025-03', organization: 'Acme', securityLevel: null, issueId: '1001' });
const STATE = { cursor: T0, lastRunAt: T0, more: false, lastRun: null };
const rowsOf = async (table: string) => Number((await database.select<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

afterAll(() => forgeSql.drop());

beforeEach(async () => {
  forge.reset();
  await forgeSql.truncateAll();
  runtime.now = () => T0;
});

describe('the failure ledger, the sync state and survey answers on Forge SQL', () => {
  beforeEach(async () => {
    await appLifecycle({ eventType: 'avi:forge:installed:app' });
    expect(await loadStorageState()).toEqual({ backend: 'sql' });
  });

  it('Q6: failures recorded at once each count, with the back-off; cleared and made due in SQL, nothing in KVS', async () => {
    await Promise.all([recordFailure('SUP-1', 'search', new Error('502'), T0), recordFailure('SUP-1', 'search', new Error('502'), T0)]);
    const third = await recordFailure('SUP-1', 'store', new Error('timeout'), T0 + HOUR, undefined, 42);
    // Attempts 1, 2, 3: due at once, then after 1 h, then after 2 h (from the last failure).
    expect(third).toEqual({ key: 'SUP-1', step: 'store', error: 'timeout', attempts: 3, firstFailedAt: T0, lastFailedAt: T0 + HOUR, nextAttemptAt: T0 + 3 * HOUR, updated: 42 });
    await recordFailure('SUP-2', 'compute', 'bad', T0);
    expect((await allFailures()).map((f) => f.key)).toEqual(['SUP-1', 'SUP-2']);
    expect((await makeAllDue(T0 + 5)).map((f) => f.nextAttemptAt)).toEqual([T0 + 3 * HOUR, T0]);
    expect((await allFailures()).map((f) => f.nextAttemptAt)).toEqual([T0 + 5, T0 + 5]);
    await clearFailure('SUP-1');
    expect((await allFailures()).map((f) => f.key)).toEqual(['SUP-2']);
    expect([...forge.kvs.data.keys()].filter((k) => k.startsWith('fail:'))).toEqual([]);
  });

  it('Q6: consumers adding to the counters at once lose nothing; the sync state round-trips', async () => {
    expect(await loadConsumed()).toEqual({ processed: 0, failed: 0, lastEventAt: null });
    await Promise.all(Array.from({ length: 8 }, (_, i) => addConsumed({ processed: 100, failed: i % 2 }, T0 + i)));
    expect(await loadConsumed()).toMatchObject({ processed: 800, failed: 4 });
    expect(await loadSyncState()).toEqual({ cursor: 0, lastRunAt: null, more: false, lastRun: null });
    await saveSyncState(STATE);
    expect(await loadSyncState()).toEqual(STATE);
    expect(forge.kvs.data.has('sync:state')).toBe(false);
  });

  it('Q6: an answer submitted twice at once is stored once, and counted once however often it is counted', async () => {
    const claims = await Promise.all([claimAnswer('acc-1', answer('SUP-7', 9)), claimAnswer('acc-1', answer('SUP-7', 2))]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const stored = (await answerRecordOf('SUP-7', 'acc-1'))!;
    await Promise.all([countAnswer('SUP', 'acc-1', stored), countAnswer('SUP', 'acc-1', stored)]);
    await claimAnswer('acc-2', { ...answer('SUP-8', 10), securityLevel: '10000', issueId: '1008' });
    expect((await answerEntriesOf('SUP', '2025-03')).sort((a, b) => a[0] - b[0])).toEqual([[stored.score, T0, 'Acme'], [10, T0, 'Acme', '10000', '1008']]);
    expect(await answerRecordOf('SUP-7', 'acc-2')).toBeUndefined();
    expect(await rowsOf('inps_answers')).toBe(2);
  });
});

describe('upgrade: the KVS records move into SQL', () => {
  it('Q6: the ledger, the counters, the sync state and the answers are copied once; the upgrade run again changes nothing', async () => {
    // Before the upgrade (no storage state: KVS), the modules write KVS.
    await recordFailure('SUP-3', 'changelog', new Error('503'), T0);
    await recordFailure('SUP-3', 'changelog', new Error('503'), T0 + HOUR);
    await addConsumed({ processed: 40, failed: 1 }, T0);
    await saveSyncState(STATE);
    const record = answer('SUP-9', 6);
    expect(await claimAnswer('qm:8f1c2d3e-aa00:5d2f9a', record)).toBe(true);
    await countAnswer('SUP', 'qm:8f1c2d3e-aa00:5d2f9a', record);
    const before = { failures: await allFailures(), consumed: await loadConsumed(), state: await loadSyncState(), entries: await answerEntriesOf('SUP', '2025-03') };
    expect(forge.kvs.data.has('fail:SUP-3')).toBe(true);

    await appLifecycle({ eventType: 'avi:forge:upgraded:app' });
    expect(await loadStorageState()).toEqual({ backend: 'sql' });
    const after = { failures: await allFailures(), consumed: await loadConsumed(), state: await loadSyncState(), entries: await answerEntriesOf('SUP', '2025-03') };
    expect(after).toEqual(before);
    expect(await answerRecordOf('SUP-9', 'qm:8f1c2d3e-aa00:5d2f9a')).toEqual(record);
    expect(await claimAnswer('qm:8f1c2d3e-aa00:5d2f9a', answer('SUP-9', 0))).toBe(false);
    // The copy keeps what SQL holds: a failure counted since is not reset by the lifecycle event delivered again.
    await recordFailure('SUP-3', 'changelog', new Error('503'), T0 + 2 * HOUR);
    await appLifecycle({ eventType: 'avi:forge:upgraded:app' });
    expect((await allFailures())[0].attempts).toBe(3);
    expect([await rowsOf('sync_failures'), await rowsOf('inps_answers')]).toEqual([1, 1]);
  });
});
