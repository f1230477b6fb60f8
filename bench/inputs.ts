import { intIn, mulberry32 } from './prng';
import { MS_PER_DAY, MS_PER_MINUTE } from '../core/calendar';

/** Start instants fall in [FROM, TO): 2024-01-01 to 2026-12-17, so an end 5 days later stays inside 2026. */
export const FROM = Date.UTC(2024, 0, 1);
export const TO = Date.UTC(2026, 11, 17);
/** Window boundaries (minutes after midnight): 08:00, 12:00, 13:00, 17:00. */
const BOUNDARIES = [480, 720, 780, 1020];
export const MAX_ADD_MINUTES = 2000;
export const MAX_GAP_DAYS = 5;

/**
 * Random business-time inputs, the same for every engine. All instants are whole minutes (the peers count whole
 * minutes only). One start in ten sits exactly on an opening or closing time, where engines' conventions differ;
 * the rest are uniform over the whole week, so nights, weekends and holidays are covered too.
 */
export interface Inputs {
  readonly size: number;
  /** Duration pairs: from `a[i]` to `b[i]`, b − a uniform in 0 … MAX_GAP_DAYS calendar days. */
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** Additions: `minutes[i]` (0 … MAX_ADD_MINUTES working minutes) after `start[i]`. */
  readonly start: Float64Array;
  readonly minutes: Float64Array;
}

function instant(rand: () => number): number {
  if (rand() < 0.1) {
    const day = Math.floor(FROM / MS_PER_DAY) + intIn(rand, 0, Math.floor((TO - FROM) / MS_PER_DAY) - 1);
    return day * MS_PER_DAY + BOUNDARIES[intIn(rand, 0, 3)] * MS_PER_MINUTE;
  }
  return FROM + intIn(rand, 0, (TO - FROM) / MS_PER_MINUTE - 1) * MS_PER_MINUTE;
}

export function generateInputs(size: number, seed: number): Inputs {
  const rand = mulberry32(seed);
  const a = new Float64Array(size);
  const b = new Float64Array(size);
  const start = new Float64Array(size);
  const minutes = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    a[i] = instant(rand);
    b[i] = a[i] + intIn(rand, 0, MAX_GAP_DAYS * 1440) * MS_PER_MINUTE;
    start[i] = instant(rand);
    minutes[i] = intIn(rand, 0, MAX_ADD_MINUTES);
  }
  return { size, a, b, start, minutes };
}
