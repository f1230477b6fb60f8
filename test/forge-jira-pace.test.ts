import { beforeEach, expect, it, vi } from 'vitest';
import { forge, forgeMocks } from './helpers/forge-doubles';
import { respond } from './helpers/double-response';

vi.mock('@forge/api', () => forgeMocks.api());
vi.mock('@forge/kvs', () => forgeMocks.kvs());

const { route } = await import('@forge/api');
const { finishPacer, JIRA_PACE, startPacer } = await import('../forge-app/src/sync/jira-pace');
const { runtime } = await import('../forge-app/src/runtime');
type RequestJira = import('../forge-app/src/jira/client').RequestJira;

const PACE_KEY = 'sync:jira-pace';
let clock = 0;
/** When each call started, on the virtual clock. */
let starts: number[] = [];

/** A Jira that answers the scripted statuses in turn (200 once they run out), each after `callMs`. */
const jiraAnswering = (statuses: number[], callMs = 0): RequestJira => {
  const queue = [...statuses];
  return (async () => {
    starts.push(clock);
    clock += callMs;
    const status = queue.shift() ?? 200;
    return respond(status, {}, status === 429 ? { 'Retry-After': '1' } : {});
  }) as unknown as RequestJira;
};

const callTimes = async (requestJira: RequestJira, times: number) => {
  for (let i = 0; i < times; i++) await requestJira(route`/rest/api/3/myself`);
};

const storedPace = () => (forge.kvs.data.get(PACE_KEY) as { perSecond: number } | undefined)?.perSecond;

beforeEach(() => {
  forge.reset();
  clock = 0;
  starts = [];
  runtime.now = () => clock;
  runtime.sleep = async (ms) => {
    clock += ms;
  };
});

it('paces a long batch to the consumer\'s share of the stored pace, counting the time a call takes', async () => {
  forge.kvs.data.set(PACE_KEY, { perSecond: 10 });
  const pacer = await startPacer(10);
  await callTimes(pacer.paced(jiraAnswering([], 150)), 3);
  // Ten consumers share 10 a second: one call a second each, the 150 ms of the answer included.
  expect(starts).toEqual([0, 1_000, 2_000]);
});

it('lets the calls of a small event go at once: a fresh installation\'s one consumer holds a second of its pace', async () => {
  const pacer = await startPacer(1);
  await callTimes(pacer.paced(jiraAnswering([])), JIRA_PACE.initialPerSecond + 1);
  expect(starts).toEqual([...Array<number>(JIRA_PACE.initialPerSecond).fill(0), 1_000 / JIRA_PACE.initialPerSecond]);
});

it('slows down once per run of 429s, and never writes back a figure above its own pace', async () => {
  forge.kvs.data.set(PACE_KEY, { perSecond: 10 });
  const pacer = await startPacer(1);
  await callTimes(pacer.paced(jiraAnswering([429, 429, 200, 429])), 5);
  const lowered = 10 * JIRA_PACE.decrease ** 2;
  expect(pacer.appPerSecond).toBeCloseTo(lowered, 9);
  // Another consumer raised the figure meanwhile: this one's 429s win.
  forge.kvs.data.set(PACE_KEY, { perSecond: 12 });
  await finishPacer(pacer);
  expect(storedPace()).toBeCloseTo(lowered, 9);
});

it('keeps a lower figure another consumer wrote while this one met 429s', async () => {
  forge.kvs.data.set(PACE_KEY, { perSecond: 10 });
  const pacer = await startPacer(1);
  await callTimes(pacer.paced(jiraAnswering([429])), 2);
  forge.kvs.data.set(PACE_KEY, { perSecond: 5 });
  await finishPacer(pacer);
  expect(storedPace()).toBe(5);
});

it('raises the stored figure in proportion to the calls made without a 429, within the bounds', async () => {
  forge.kvs.data.set(PACE_KEY, { perSecond: 20 });
  const pacer = await startPacer(4);
  await callTimes(pacer.paced(jiraAnswering([])), 100);
  await finishPacer(pacer);
  expect(storedPace()).toBeCloseTo(20 * (1 + JIRA_PACE.increasePer100Calls), 9);

  forge.kvs.data.set(PACE_KEY, { perSecond: JIRA_PACE.maxPerSecond });
  const atTop = await startPacer(4);
  await callTimes(atTop.paced(jiraAnswering([])), 100);
  await finishPacer(atTop);
  expect(storedPace()).toBe(JIRA_PACE.maxPerSecond);
});

it('writes nothing for an invocation that made no Jira call', async () => {
  await finishPacer(await startPacer(6));
  expect(forge.kvs.data.has(PACE_KEY)).toBe(false);
});
