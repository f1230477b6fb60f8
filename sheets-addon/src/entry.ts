/**
 * The bundle's surface: esbuild exposes these as properties of the global `KPI`, and the generated top-level stubs
 * (with the JSDoc Sheets reads) forward to them.
 */
import './zod-jitless';

export { onOpen, onInstall, showScorecard, showCalendars, insertSampleSheet, showHelp } from './addon/menu';
export { getScorecard } from './addon/server';
export { listCalendars, saveCalendar, deleteCalendar, countCalendarFormulas, recalculateCalendar } from './calendars/manager';
export { countrySchedule, addAnnouncedDays } from './calendars/announced';
import { customFunctions } from './functions';

export const {
  BUSINESS_HOURS, BUSINESS_DAYS, ADD_BUSINESS_DAYS, SLA_DUE, SLA_STATUS, SLA_REMAINING, SLA_COMPLIANCE, TAT, FTR_RATE,
  ERROR_RATE, INPS, CSAT, DSO, DPO, DIO, CCC, UPTIME, MTTA, MTBF, MTTR, TIME_TO_FILL, RETENTION_RATE, HOLIDAYS, KPI_SCORE, KPI_STATUS,
  KPI_PROGRESS, KPI_PERFORMANCE, KPI_GOAL_SCORE, KPI_GOAL_STATUS, KPI_BAND_SCORE, KPI_BINARY_SCORE, KPI_STABILIZE_SCORE, KPI_PAYOUT, SCORECARD,
  SERVICE_CREDIT, ALLOCATE,
} = customFunctions;
