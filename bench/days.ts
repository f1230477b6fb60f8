// npm run bench (this part is called by bench/run.ts): NETWORKDAYS.INTL / WORKDAY.INTL over a column, through the
// core's prepared form. 100,000 rows with a 150-day holiday list against the same rows without holidays, in one run;
// target ≤ 1.5×. The per-call form (holidays read and sorted again for every row, as BUSINESS_DAYS did) is printed
// beside it for scale. sheets-addon/bench.ts measures the same rows through the Sheets bundle.
import { addWorkingDays, prepareWorkdays, workingDaysBetween } from '../core/calendar/workdays';
import { intIn, mulberry32 } from './prng';

export const DAY_ROWS = 100_000;
export const HOLIDAY_COUNT = 150;
/** 2020-01-01 as a day number; rows and holidays fall in the ten years after it. */
const FIRST_DAY = 18262;
const SPAN_DAYS = 3653;

export interface DayRows {
  starts: number[];
  ends: number[];
  /** Working days to add per row, -40..40. */
  counts: number[];
}

/** Seeded rows: a start in 2020-2029 and an end up to 60 days later. */
export function dayRows(rows = DAY_ROWS): DayRows {
  const rand = mulberry32(20251101);
  const starts: number[] = [];
  const ends: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < rows; i++) {
    const start = FIRST_DAY + intIn(rand, 0, SPAN_DAYS);
    starts.push(start);
    ends.push(start + intIn(rand, 0, 60));
    counts.push(intIn(rand, -40, 40));
  }
  return { starts, ends, counts };
}

/** `count` distinct days spread over the rows' ten years, in date order as a holiday range usually is. */
export function holidayDays(count = HOLIDAY_COUNT): number[] {
  const rand = mulberry32(7);
  const days = new Set<number>();
  while (days.size < count) days.add(FIRST_DAY + intIn(rand, 0, SPAN_DAYS));
  return [...days].sort((a, b) => a - b);
}

/**
 * The fastest of `runs` timings of each piece of work, in ms, the pieces taking turns so that a busy machine slows
 * them alike (the fastest run is the one least disturbed by other processes).
 */
export function fastestMs(runs: number, ...work: (() => unknown)[]): number[] {
  const best = work.map(() => Infinity);
  for (let r = 0; r < runs; r++) {
    work.forEach((w, i) => {
      const t0 = performance.now();
      w();
      best[i] = Math.min(best[i], performance.now() - t0);
    });
  }
  return best;
}

const checksum = (values: number[]) => values.reduce((s, v) => s + v, 0);

function countColumn(rows: DayRows, holidays: number[]): number {
  const workdays = prepareWorkdays(1, holidays);
  const out: number[] = [];
  for (let i = 0; i < rows.starts.length; i++) out.push(workdays.count(rows.starts[i], rows.ends[i]));
  return checksum(out);
}

function addColumn(rows: DayRows, holidays: number[]): number {
  const workdays = prepareWorkdays(1, holidays);
  const out: number[] = [];
  for (let i = 0; i < rows.starts.length; i++) out.push(workdays.add(rows.starts[i], rows.counts[i]));
  return checksum(out);
}

export function runDaysBench(log: (line: string) => void = console.log): { countRatio: number; addRatio: number } {
  const rows = dayRows();
  const holidays = holidayDays();
  const runs = 15;
  const [countWith, countWithout, addWith, addWithout] = fastestMs(
    runs,
    () => countColumn(rows, holidays),
    () => countColumn(rows, []),
    () => addColumn(rows, holidays),
    () => addColumn(rows, []),
  );
  const [perCall, perCallAdd] = fastestMs(
    1,
    () => rows.starts.map((s, i) => workingDaysBetween(s, rows.ends[i], 1, holidays)),
    () => rows.starts.map((s, i) => addWorkingDays(s, rows.counts[i], 1, holidays)),
  );
  const countRatio = countWith / countWithout;
  const addRatio = addWith / addWithout;
  const verdict = (ratio: number) => (ratio <= 1.5 ? 'OK' : 'OVER TARGET');
  log(`core day counts, ${DAY_ROWS.toLocaleString('en')} rows, prepared once (prepareWorkdays), fastest of ${runs} taking turns:`);
  log(`  count (NETWORKDAYS.INTL): ${HOLIDAY_COUNT} holidays ${countWith.toFixed(1)} ms, none ${countWithout.toFixed(1)} ms: ${countRatio.toFixed(2)}× (target ≤ 1.5×) ${verdict(countRatio)}`);
  log(`  add (WORKDAY.INTL):       ${HOLIDAY_COUNT} holidays ${addWith.toFixed(1)} ms, none ${addWithout.toFixed(1)} ms: ${addRatio.toFixed(2)}× (target ≤ 1.5×) ${verdict(addRatio)}`);
  log(`  for scale, the holidays prepared again on every row: count ${perCall.toFixed(0)} ms, add ${perCallAdd.toFixed(0)} ms`);
  return { countRatio, addRatio };
}

if (import.meta.url === `file://${process.argv[1]}`) runDaysBench();
