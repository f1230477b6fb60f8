import { FUNCTIONS, type FunctionName } from '../functions-meta';
import { sheetLanguage } from '../cells/sheet-language';
import { withDatesIn } from '../cells/wall-time';
import { spreadsheetTimeZone } from '../platform';
import { ADD_BUSINESS_DAYS, BUSINESS_DAYS } from './days';
import { HOLIDAYS } from './holidays';
import { errorInLanguage } from '../../../core/i18n';
import { ALLOCATE, SERVICE_CREDIT } from './market';
import { CCC, CSAT, DIO, DPO, DSO, ERROR_RATE, FTR_RATE, INPS, MTBF, RETENTION_RATE, UPTIME } from './kpi';
import {
  KPI_BAND_SCORE, KPI_BINARY_SCORE, KPI_GOAL_SCORE, KPI_GOAL_STATUS, KPI_PAYOUT, KPI_PERFORMANCE, KPI_PROGRESS, KPI_SCORE, KPI_STABILIZE_SCORE,
  KPI_STATUS, SCORECARD,
} from './scores';
import { BUSINESS_HOURS, MTTA, MTTR, SLA_COMPLIANCE, SLA_DUE, SLA_REMAINING, SLA_STATUS, TAT, TIME_TO_FILL } from './time';

type Implementation = (...args: never[]) => unknown;

/** Every name of the metadata table must have an implementation, and nothing else may be exported as one. */
const IMPLEMENTATIONS: Record<FunctionName, Implementation> = {
  BUSINESS_HOURS, BUSINESS_DAYS, ADD_BUSINESS_DAYS, SLA_DUE, SLA_STATUS, SLA_REMAINING, SLA_COMPLIANCE, TAT, FTR_RATE,
  ERROR_RATE, INPS, CSAT, DSO, DPO, DIO, CCC, UPTIME, MTTA, MTBF, MTTR, TIME_TO_FILL, RETENTION_RATE, HOLIDAYS, KPI_SCORE, KPI_STATUS,
  KPI_PROGRESS, KPI_PERFORMANCE, KPI_GOAL_SCORE, KPI_GOAL_STATUS, KPI_BAND_SCORE, KPI_BINARY_SCORE, KPI_STABILIZE_SCORE, KPI_PAYOUT, SCORECARD,
  SERVICE_CREDIT, ALLOCATE,
};

/**
 * A custom function as Sheets calls it: the argument count checked against the metadata table (required arguments
 * present, no extra ones), and every error message starting with the function's name, which is what the cell's
 * #ERROR! tooltip shows.
 */
function asCustomFunction(name: FunctionName, implementation: Implementation) {
  const params = FUNCTIONS[name].params;
  const required = params.filter((p) => !('optional' in p && p.optional)).length;
  return (...args: unknown[]): unknown => {
    try {
      if (args.length > params.length) throw new Error(`expected at most ${params.length} arguments, got ${args.length}`);
      const missing = params.slice(0, required).find((_, i) => args[i] === undefined);
      if (missing) throw new Error(`${missing.name} is required`);
      return (implementation as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      const message = withDatesIn(errorInLanguage(error, sheetLanguage()), spreadsheetTimeZone());
      throw new Error(message.startsWith(`${name}: `) ? message : `${name}: ${message}`);
    }
  };
}

export const customFunctions = Object.fromEntries(
  (Object.keys(IMPLEMENTATIONS) as FunctionName[]).map((name) => [name, asCustomFunction(name, IMPLEMENTATIONS[name])]),
) as Record<FunctionName, (...args: unknown[]) => unknown>;
