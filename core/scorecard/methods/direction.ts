import { said } from '../../i18n/error-catalogue';
import { KpiInputError } from '../../kpi/errors';
import { describe } from '../../kpi/validate';
import type { Direction } from '../schema';

/** Words for a direction that every score function accepts: English and Vietnamese (cao = high, thấp = low). */
const WORDS: Record<string, Direction> = { higher: 'higher', lower: 'lower', cao: 'higher', 'thấp': 'lower' };

/** A direction as a person writes it (any case, surrounding spaces ignored); an error names `argument` otherwise. */
export function directionOf(fn: string, argument: string, value: unknown): Direction {
  const word = typeof value === 'string' ? WORDS[value.trim().normalize('NFC').toLowerCase()] : undefined;
  if (word === undefined) throw new KpiInputError(fn, argument, said('kpi.notOneOf', { choices: 'higher', last: 'lower', value: describe(value) }));
  return word;
}
