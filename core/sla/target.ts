import { errorText, said } from '../i18n/error-catalogue';
import { SlaError } from './errors';

/** An SLA goal: working minutes on the goal's calendar, or business days (due at the close of the n-th working day). */
export type SlaTarget = { minutes: number } | { businessDays: number };

const TARGET_TEXT = /^\s*(\d+(?:\.\d+)?)\s*(m|min|h|bd)?\s*$/i;

/**
 * Reads a target as people write it: a number is working hours (`8`), text carries a unit: `30m`, `2.5h`, `3bd`.
 * `argument` names the argument in the error.
 */
export function parseTarget(value: unknown, argument = 'target'): SlaTarget {
  const target = readTarget(value);
  if (target) return target;
  throw new SlaError(argument, said('at', { place: argument, detail: said('sla.notTarget', { value: JSON.stringify(value) }) }));
}

/** What a target should look like, for error messages. */
export const targetExpectation = (value: unknown): string => errorText(said('sla.notTarget', { value: JSON.stringify(value) }), 'en');

/** The target, or null when the value is not one. */
export function readTarget(value: unknown): SlaTarget | null {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0) return { minutes: value * 60 };
  } else if (typeof value === 'string') {
    const match = TARGET_TEXT.exec(value);
    if (match) {
      const amount = Number(match[1]);
      const unit = (match[2] ?? 'h').toLowerCase();
      if (amount > 0 && unit === 'bd' && Number.isInteger(amount)) return { businessDays: amount };
      if (amount > 0 && unit !== 'bd') return { minutes: unit === 'h' ? amount * 60 : amount };
    }
  }
  return null;
}

export const formatTarget = (target: SlaTarget): string =>
  'businessDays' in target ? `${target.businessDays}bd` : target.minutes % 60 === 0 ? `${target.minutes / 60}h` : `${target.minutes}m`;
