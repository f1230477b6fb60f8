import { said } from '../i18n/error-catalogue';
import { KpiInputError } from './errors';

export const isBlank = (value: unknown): value is null | undefined => value === null || value === undefined;

/** A value as it appears in a message: text in quotes, null and undefined as blank, a date in ISO, a list or record as JSON. */
export const describe = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (isBlank(value)) return 'blank';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value) ?? 'an object';
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : `a ${typeof value}`;
};

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** An argument that must be a finite number. */
export function checkNumber(fn: string, argument: string, value: unknown): number {
  if (!isFiniteNumber(value)) throw new KpiInputError(fn, argument, said('kpi.notANumber', { value: describe(value) }));
  return value;
}

export function checkPositive(fn: string, argument: string, value: unknown): number {
  if (checkNumber(fn, argument, value) <= 0) throw new KpiInputError(fn, argument, said('kpi.notPositive'));
  return value as number;
}

export function checkNonNegative(fn: string, argument: string, value: unknown): number {
  if (checkNumber(fn, argument, value) < 0) throw new KpiInputError(fn, argument, said('kpi.negative'));
  return value as number;
}

export function checkList(fn: string, argument: string, value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) throw new KpiInputError(fn, argument, said('kpi.notAList', { value: describe(value) }));
  return value;
}

/** Two lists that pair row by row. */
export function checkSameLength(fn: string, aName: string, a: readonly unknown[], bName: string, b: readonly unknown[]): void {
  if (a.length !== b.length) {
    throw new KpiInputError(fn, aName, said('kpi.lengthsDiffer', { rows: a.length, other: bName, otherRows: b.length }));
  }
}

/** Row `index` (0-based) of a list, which must be a finite number. */
export function rowNumber(fn: string, argument: string, value: unknown, index: number): number {
  if (!isFiniteNumber(value)) throw new KpiInputError(fn, argument, said('kpi.rowNotANumber', { value: describe(value) }), index + 1);
  return value;
}

export function rowNonNegative(fn: string, argument: string, value: unknown, index: number): number {
  const number = rowNumber(fn, argument, value, index);
  if (number < 0) throw new KpiInputError(fn, argument, said('kpi.rowNegative', { value: number }), index + 1);
  return number;
}

/** A list of finite numbers ≥ 0 with at least one row (durations, for instance). */
export function checkNonNegativeList(fn: string, argument: string, values: unknown): number[] {
  const list = checkList(fn, argument, values);
  if (list.length === 0) throw new KpiInputError(fn, argument, said('kpi.noValues'));
  return list.map((value, index) => rowNonNegative(fn, argument, value, index));
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

export const mean = (values: readonly number[]): number => sum(values) / values.length;
