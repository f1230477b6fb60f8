import type { WorkCalendar } from '../core/calendar/types';
import { isWorkingMinute, naiveAddMinutes, naiveMinutesBetween } from './calendar';
import { type Inputs, generateInputs } from './inputs';
import type { PeerEngine } from './peers';
import { intIn, mulberry32 } from './prng';
import { when } from './format';
import { MS_PER_DAY, MS_PER_MINUTE } from '../core/calendar';


/** One kind of disagreement, with a verdict on which side is right and a few worked examples. */
interface Finding {
  kind: string;
  count: number;
  verdict: string;
  examples: string[];
}

interface Agreement {
  engine: string;
  operation: 'durations' | 'additions';
  sample: string;
  cases: number;
  /** Cases where the engine gives exactly what ours gives. */
  agree: number;
  /** Cases where the engine matches the naive minute-stepping reference (for additions: the earliest instant). */
  matchReference: number;
  findings: Finding[];
}

const MAX_EXAMPLES = 3;

function tally(findings: Map<string, Finding>, kind: string, verdict: string, example: string): void {
  let f = findings.get(kind);
  if (!f) findings.set(kind, (f = { kind, count: 0, verdict, examples: [] }));
  f.count++;
  if (f.examples.length < MAX_EXAMPLES) f.examples.push(example);
}

/** Minute of the day (UTC) and whether the day has working hours at all. */
function dayFacts(t: number): { minute: number; workingDay: boolean } {
  const midnight = Math.floor(t / MS_PER_DAY) * MS_PER_DAY;
  return { minute: (t - midnight) / MS_PER_MINUTE, workingDay: isWorkingMinute(midnight + 480 * MS_PER_MINUTE) };
}

/** The first working minute at or after t (whole minutes). */
function nextOpening(t: number): number {
  let u = t;
  while (!isWorkingMinute(u)) u += MS_PER_MINUTE;
  return u;
}

type DurationFn = (a: number, b: number) => number;
type AdditionFn = (start: number, n: number) => number;

function compareDurations(engine: string, fn: DurationFn, ours: WorkCalendar, inputs: Inputs, sample: string): Agreement {
  const findings = new Map<string, Finding>();
  let agree = 0;
  let matchReference = 0;
  for (let i = 0; i < inputs.size; i++) {
    const a = inputs.a[i];
    const b = inputs.b[i];
    const mine = ours.workingMinutesBetween(a, b);
    const theirs = fn(a, b);
    const ref = naiveMinutesBetween(a, b);
    if (theirs === mine) agree++;
    if (theirs === ref) {
      matchReference++;
      continue;
    }
    const example = `${when(a)} → ${when(b)}: ${engine} ${theirs}, reference ${ref}${engine.startsWith('ours') ? '' : `, ours ${mine}`}`;
    const end = dayFacts(b);
    if (end.workingDay && end.minute >= 480 && end.minute < 780 && ref > 0 && theirs === ref - (780 - end.minute)) {
      tally(
        findings,
        'end instant on a working day before the 13:00 window: result short by (13:00 − end)',
        `${engine} is wrong (ours and the reference agree). Its workingDiff adds, for each window of the last day, ` +
          'max(from, open) − min(close, to) without skipping windows that open after `to`, so the 13:00-17:00 window ' +
          'contributes (13:00 − to) instead of 0. Days with one window (its default 09:00-17:00) never show it.',
        example,
      );
    } else {
      tally(findings, 'other', `${engine} differs from the minute-stepping reference: look at the examples.`, example);
    }
  }
  return { engine, operation: 'durations', sample, cases: inputs.size, agree, matchReference, findings: [...findings.values()] };
}

function compareAdditions(engine: string, fn: AdditionFn, ours: WorkCalendar, inputs: Inputs, sample: string): Agreement {
  const findings = new Map<string, Finding>();
  let agree = 0;
  let matchReference = 0;
  for (let i = 0; i < inputs.size; i++) {
    const start = inputs.start[i];
    const n = inputs.minutes[i];
    const mine = ours.addWorkingMinutes(start, n);
    const theirs = fn(start, n);
    const ref = naiveAddMinutes(start, n);
    if (theirs === mine) agree++;
    if (theirs === ref) {
      matchReference++;
      continue;
    }
    const example = `${when(start)} + ${n} min: ${engine} ${when(theirs)}, reference ${when(ref)}`;
    const counted = theirs >= start ? naiveMinutesBetween(start, theirs) : -1;
    if (n === 0 && !isWorkingMinute(start) && theirs === nextOpening(start)) {
      tally(
        findings,
        '0 minutes from outside working hours: moves to the next opening',
        `Convention, not an error: 0 working minutes lie between the start and either answer. Ours returns the ` +
          `start unchanged (documented: "Zero minutes returns start unchanged", the earliest such instant); ${engine} ` +
          'snaps to the next opening first. An SLA with a 0-minute goal is due at once under ours.',
        example,
      );
    } else if (counted === n && theirs === nextOpening(ref)) {
      tally(
        findings,
        'due time on a closing time: returns the next opening',
        `Convention: both answers are n working minutes after the start; ours is the earliest (the closing ` +
          `instant, as the calendar semantics in the README say), ${engine} moves on to the next opening.`,
        example,
      );
    } else if (counted === n) {
      tally(findings, 'same working minutes, later instant', `Both are n working minutes after the start; ours is the earliest.`, example);
    } else {
      tally(findings, 'wrong number of working minutes', `${engine} is wrong: ${counted} working minutes after the start, not n.`, example);
    }
  }
  return { engine, operation: 'additions', sample, cases: inputs.size, agree, matchReference, findings: [...findings.values()] };
}

/**
 * Additions built to land exactly on a closing time (12:00 or 17:00 of a working day, 1 to 10 closings after the
 * start): the case where engines' conventions differ most. Durations get the same start and that closing time.
 */
export function closingTimeCases(size: number, seed: number): Inputs {
  const random = generateInputs(size, seed);
  const rand = mulberry32(seed ^ 0x5eed);
  const minutes = new Float64Array(size);
  const b = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const start = random.start[i];
    let left = intIn(rand, 1, 10);
    let target = NaN;
    for (let day = Math.floor(start / MS_PER_DAY); left > 0; day++) {
      for (const close of [720, 1020]) {
        const t = day * MS_PER_DAY + close * MS_PER_MINUTE;
        if (t > start && isWorkingMinute(t - MS_PER_MINUTE) && --left === 0) target = t;
      }
    }
    b[i] = target;
    minutes[i] = naiveMinutesBetween(start, target);
  }
  return { size, a: random.start, b, start: random.start, minutes };
}

export interface AgreementReport {
  rows: Agreement[];
  /** Whether ours matched the reference on every case (a failure here is a bug in core). */
  oursCorrect: boolean;
}

/** Ours against the naive reference, then each peer against ours and the reference, on both samples. */
export function checkAgreement(ours: WorkCalendar, peers: readonly PeerEngine<unknown>[], samples: Record<string, Inputs>): AgreementReport {
  const rows: Agreement[] = [];
  for (const [sample, inputs] of Object.entries(samples)) {
    const oursName = 'ours (WorkCalendar)';
    rows.push(compareDurations(oursName, (a, b) => ours.workingMinutesBetween(a, b), ours, inputs, sample));
    rows.push(compareAdditions(oursName, (s, n) => ours.addWorkingMinutes(s, n), ours, inputs, sample));
    for (const peer of peers) {
      rows.push(compareDurations(peer.name, (a, b) => peer.between(peer.wrap(a), peer.wrap(b)), ours, inputs, sample));
      const add = peer.add;
      if (add) rows.push(compareAdditions(peer.name, (s, n) => add(peer.wrap(s), n), ours, inputs, sample));
    }
  }
  const oursCorrect = rows.filter((r) => r.engine.startsWith('ours')).every((r) => r.matchReference === r.cases);
  return { rows, oursCorrect };
}
