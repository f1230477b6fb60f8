import { checkNumber, isBlank } from '../kpi/validate';

/** KPI id → the KPI's value for a period; a missing or blank entry has no value. */
export type KpiValues = Readonly<Record<string, number | null | undefined>>;

/** A KPI's value from a record, checked to be a number; `fn` and `recordName` name it in error messages. */
export function valueOf(fn: string, recordName: string, values: KpiValues, id: string): number | null {
  const value = values[id];
  return isBlank(value) ? null : checkNumber(fn, `${recordName}.${id}`, value);
}
