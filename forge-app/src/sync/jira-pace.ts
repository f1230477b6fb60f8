import type { RequestJira } from '../jira/client';
import { runtime } from '../runtime';
import { keys } from '../storage/keys';
import { getValue, setValue } from '../storage/store';

/**
 * The pace the sync's consumers share for their Jira calls. Jira limits an app's requests per tenant per second and
 * answers 429 with Retry-After past the limit, without publishing the figure
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/); a well-behaved app "paces its own requests,
 * so it rarely hits a limit" and still honours Retry-After when it does
 * (https://developer.atlassian.com/cloud/jira/platform/build-an-app-that-respects-rate-limits/). Consumers run as
 * separate invocations, so what they share is one stored figure, the app's Jira requests a second, learned from
 * 429s: each invocation reads it when it starts, paces its own calls to its share of it, slows down at once on a
 * 429, and when it ends writes the figure back: lowered to its own pace if it met 429s, else raised a little for
 * every 100 calls it made. KVS holds it (one small value under a fixed key, last write wins: a lost update only
 * delays a step of the learning): one read when a consumer starts, a read and a write when it ends, three operations
 * per queue event of up to 100 tickets.
 * @internal Exported for its tests.
 */
export const JIRA_PACE = {
  /** Requests a second a fresh installation starts from (the page gives no figure: a cautious guess). */
  initialPerSecond: 10,
  /** Bounds of the learned figure; above the top the consumers' own call time is the bound anyway. */
  minPerSecond: 1,
  maxPerSecond: 100,
  /**
   * On a 429 the pace is multiplied by this, once per run of 429s: the retries of one call after its Retry-After meet
   * the same crowded window and say nothing new.
   */
  decrease: 0.95,
  /**
   * The shared figure grows by this fraction per 100 calls an invocation made without a 429 (about one queue event's
   * calls): in proportion to the figure, so a generous limit is found as fast as a tight one is kept to.
   */
  increasePer100Calls: 0.05,
} as const;

/** The stored figure: `{ perSecond }` under keys.jiraPace. */
interface SharedPace {
  perSecond: number;
}

const clamp = (perSecond: number): number => Math.min(JIRA_PACE.maxPerSecond, Math.max(JIRA_PACE.minPerSecond, perSecond));

/**
 * One invocation's pacer: a token bucket filled at its share of the app's rate and holding one second of it, so the
 * few calls of a small event (a live issue update) go at once and a long batch settles at the share; 429s lower it.
 */
export class JiraPacer {
  private tokens: number;
  private filledAt: number | null = null;
  private lastThrottled = false;
  /** Calls this invocation made, and the 429 answers among them. */
  calls = 0;
  throttled = 0;

  /** `sharers`: the invocations that may call Jira at once (the queue's consumer limit), each taking an equal share. */
  constructor(
    private perSecond: number,
    private readonly sharers: number,
  ) {
    this.tokens = this.capacity();
  }

  /** Requests a second this invocation paces the whole app at (its own share is this over the sharers). */
  get appPerSecond(): number {
    return this.perSecond;
  }

  private share(): number {
    return this.perSecond / this.sharers;
  }

  private capacity(): number {
    return Math.max(1, this.share());
  }

  private fill(): void {
    const now = runtime.now();
    if (this.filledAt !== null) this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.filledAt) * this.share()) / 1_000);
    this.filledAt = now;
  }

  /** `requestJira` with each call taking a token, waiting for one when the bucket is empty; 429s slow it down. */
  paced(requestJira: RequestJira): RequestJira {
    return async (path, init) => {
      this.fill();
      if (this.tokens < 1) {
        // Whole milliseconds, as the clock counts them.
        await runtime.sleep(Math.ceil(((1 - this.tokens) * 1_000) / this.share()));
        this.fill();
      }
      this.tokens = Math.max(0, this.tokens - 1);
      this.calls++;
      const response = await requestJira(path, init);
      const throttled = response.status === 429;
      if (throttled) this.throttled++;
      if (throttled && !this.lastThrottled) this.perSecond = clamp(this.perSecond * JIRA_PACE.decrease);
      this.lastThrottled = throttled;
      return response;
    };
  }

  /**
   * The shared figure after this invocation, from the one stored now (other invocations may have changed it since
   * this one read it): never above this one's own pace if it met 429s, else up in proportion to the calls it made.
   */
  nextShared(storedNow: number): number {
    return this.throttled > 0 ? Math.min(storedNow, this.perSecond) : clamp(storedNow * (1 + (JIRA_PACE.increasePer100Calls * this.calls) / 100));
  }
}

/** The stored figure: the Jira requests a second the app is paced at. */
const sharedJiraPace = async (): Promise<number> => clamp((await getValue<SharedPace>(keys.jiraPace))?.perSecond ?? JIRA_PACE.initialPerSecond);

/** A pacer for an invocation starting now, at the stored figure. */
export async function startPacer(sharers: number): Promise<JiraPacer> {
  return new JiraPacer(await sharedJiraPace(), sharers);
}

/** Writes back what the invocation learned (see JiraPacer.nextShared); one that made no Jira call learned nothing. */
export async function finishPacer(pacer: JiraPacer): Promise<void> {
  if (pacer.calls === 0) return;
  await setValue<SharedPace>(keys.jiraPace, { perSecond: pacer.nextShared(await sharedJiraPace()) });
}
