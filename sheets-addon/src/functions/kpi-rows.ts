import { KpiInputError } from '../../../core/kpi';

/**
 * Runs a core KPI formula on lists from which blank rows were left out, and puts the user's row numbers back into
 * its errors: the core counts rows of the list it got, the user counts rows of the range they gave.
 */
export function remapKpiRows<T>(rows: readonly number[], formula: () => T): T {
  try {
    return formula();
  } catch (error) {
    if (error instanceof KpiInputError && error.row !== undefined) {
      throw new KpiInputError(error.fn, error.argument, { code: error.code, params: error.params }, rows[error.row - 1] + 1);
    }
    throw error;
  }
}
