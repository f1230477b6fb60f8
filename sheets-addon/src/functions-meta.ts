/**
 * The one table of the custom functions: names, argument names and help. The build generates the Apps Script stubs
 * and their JSDoc from it, and the adapter checks argument counts against it, so help text and code cannot drift.
 * Names and argument order are a promise to users (shared/SHEETS-FUNCTIONS.md): never reorder or rename.
 */

interface ParamMeta {
  name: string;
  help: string;
  optional?: boolean;
}

export interface FunctionMeta {
  summary: string;
  params: readonly ParamMeta[];
  returns: string;
}

const CALENDAR: ParamMeta = {
  name: 'calendar',
  optional: true,
  help: 'Optional. Working time such as "Mo-Fr 08:00-12:00,13:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN" or a saved calendar\'s name; a range as tall as the rows gives one calendar per row. Blank (or a blank cell): Mo-Fr 09:00-17:00, sheet time zone.',
};
const HOLIDAYS: ParamMeta = {
  name: 'holidays',
  optional: true,
  help: 'Optional. Dates closed all day, beside the calendar\'s own holidays: date cells or ISO text ("2025-05-02"); blank cells are skipped; a number, other text or an error (#N/A) is an error naming the row.',
};
const AS_OF: ParamMeta = {
  name: 'as_of',
  optional: true,
  help: 'Optional. The date-time to judge open rows at (a cell, not NOW()). Blank: now.',
};
const TARGET: ParamMeta = {
  name: 'target',
  help: 'The SLA goal: working hours (8), a duration with a unit ("30m", "2.5h") or business days ("3bd"); a range gives one per row.',
};
const WEEKEND: ParamMeta = {
  name: 'weekend_or_calendar',
  optional: true,
  help: 'Optional. A weekend as in NETWORKDAYS.INTL: a 7-character mask of 0 and 1, Monday first, 1 = day off ("0000011"), or a code 1-7 or 11-17. Or a calendar (text such as "Mo-Fr 08:00-17:00 | holidays=VN", or a saved name): its days with any working hours count, less its holidays, plus its worked days (a swapped Saturday). Blank: Saturday and Sunday.',
};
const DAY_HOLIDAYS: ParamMeta = {
  name: 'holidays',
  optional: true,
  help: 'Optional. A range of dates that are not working days, read as NETWORKDAYS reads it: date cells and numbers (date serials) count, blank cells and text such as a header are ignored; text that reads as a date ("30/04/2025") or an error value (#N/A) is an error naming the row. A HOLIDAYS() spill works too: its worked rows open a day on a calendar.',
};
/** MTTA, MTTR: wall-clock unless a calendar is given. */
const HOURS_CALENDAR: ParamMeta = {
  ...CALENDAR,
  help: 'Optional. A business calendar to count working hours (text or a saved name; a range as tall as the rows gives one per row, a blank cell counting wall-clock hours). Blank: wall-clock hours.',
};
const DIRECTION: ParamMeta = {
  name: 'direction',
  optional: true,
  help: 'Optional. "higher" (default) when a higher actual is better, "lower" when lower is better (Vietnamese "cao" / "thấp").',
};
const ACTUAL: ParamMeta = { name: 'actual', help: 'The actual value, or a column of them.' };

export const FUNCTIONS = {
  BUSINESS_HOURS: {
    summary: 'Working hours between two date-times on a business calendar (negative if end is before start).',
    params: [
      { name: 'start', help: 'The start date-time: a date cell, ISO text "2025-03-01 08:30", or a column of them.' },
      { name: 'end', help: 'The end date-time, or a column of them as tall as start.' },
      CALENDAR,
      HOLIDAYS,
    ],
    returns: 'Working hours, one per row.',
  },
  BUSINESS_DAYS: {
    summary: 'Working days from start_date to end_date, both counted: the same as NETWORKDAYS.INTL.',
    params: [
      { name: 'start_date', help: 'The first date, or a column of dates.' },
      { name: 'end_date', help: 'The last date, or a column of dates as tall as start_date.' },
      WEEKEND,
      DAY_HOLIDAYS,
    ],
    returns: 'The number of working days, one per row.',
  },
  ADD_BUSINESS_DAYS: {
    summary: 'The working day a number of working days after (or before) a date: the same as WORKDAY.INTL.',
    params: [
      { name: 'start_date', help: 'The date to count from (never counted itself), or a column of dates.' },
      { name: 'days', help: 'Working days to add; negative counts backwards.' },
      WEEKEND,
      DAY_HOLIDAYS,
    ],
    returns: 'The date, one per row (a date for a date cell, a serial number for a number).',
  },
  SLA_DUE: {
    summary: 'The date-time at which an SLA is due.',
    params: [{ name: 'start', help: 'When the clock starts: a date-time or a column of them.' }, TARGET, CALENDAR, HOLIDAYS],
    returns: 'The due date-time, one per row.',
  },
  SLA_STATUS: {
    summary: 'MET, BREACHED or ON TRACK for each request.',
    params: [
      { name: 'start', help: 'When the clock starts: a date-time or a column of them.' },
      { name: 'end', help: 'When the request was done; blank while open.' },
      TARGET,
      CALENDAR,
      HOLIDAYS,
      AS_OF,
    ],
    returns: 'MET, BREACHED or ON TRACK, one per row.',
  },
  SLA_REMAINING: {
    summary: 'Working hours left before an SLA is due (negative once breached).',
    params: [{ name: 'start', help: 'When the clock starts: a date-time or a column of them.' }, TARGET, CALENDAR, HOLIDAYS, AS_OF],
    returns: 'Working hours left, one per row.',
  },
  SLA_COMPLIANCE: {
    summary: 'Share of requests that met their SLA: met ÷ (met + breached); open and past due counts as breached.',
    params: [
      { name: 'starts', help: 'The start date-times of the requests.' },
      { name: 'ends', help: 'When each request was done; blank while open.' },
      TARGET,
      CALENDAR,
      HOLIDAYS,
      AS_OF,
    ],
    returns: 'A fraction from 0 to 1 (format it as a percentage).',
  },
  TAT: {
    summary: 'Turnaround time in working hours over the completed rows.',
    params: [
      { name: 'starts', help: 'The start date-times.' },
      { name: 'ends', help: 'The end date-times; blank rows are still open and left out.' },
      CALENDAR,
      HOLIDAYS,
      { name: 'statistic', optional: true, help: 'Optional. "mean" (default), "median", "min", "max", "count", or a percentile "p1" to "p99" (as PERCENTILE.INC; "p50" is the median).' },
    ],
    returns: 'Working hours.',
  },
  FTR_RATE: {
    summary: 'Share of items done right the first time.',
    params: [{ name: 'outcomes', help: 'TRUE/FALSE per item, or its number of reworks (0 = right first time).' }],
    returns: 'A fraction from 0 to 1.',
  },
  ERROR_RATE: {
    summary: 'Errors divided by items processed.',
    params: [
      { name: 'errors', help: 'Items with errors (a range is summed).' },
      { name: 'total', help: 'Items processed (a range is summed).' },
    ],
    returns: 'A fraction from 0 to 1.',
  },
  INPS: {
    summary: 'Internal Net Promoter Score: % promoters (9-10) minus % detractors (0-6).',
    params: [{ name: 'scores', help: 'Answers from 0 to 10; blanks are left out.' }],
    returns: 'A score from -100 to 100.',
  },
  CSAT: {
    summary: 'Share of satisfied answers: the top two points of the scale.',
    params: [
      { name: 'scores', help: 'Answers from 1 to scale_max; blanks are left out.' },
      { name: 'scale_max', optional: true, help: 'Optional. The top of the scale (default 5).' },
    ],
    returns: 'A fraction from 0 to 1.',
  },
  DSO: {
    summary: 'Days Sales Outstanding: receivables ÷ credit sales × days.',
    params: [
      { name: 'receivables', help: 'Accounts receivable: one cell is the balance at the end of the period; a range of balances (the month ends of a quarter) is averaged, the average balance of the period.' },
      { name: 'credit_sales', help: 'Credit sales over the period (a range is summed).' },
      { name: 'days', help: 'Days in the period.' },
    ],
    returns: 'Days.',
  },
  DPO: {
    summary: 'Days Payable Outstanding: payables ÷ cost of sales × days.',
    params: [
      { name: 'payables', help: 'Accounts payable: one cell is the balance at the end of the period; a range of balances is averaged, the average balance of the period.' },
      { name: 'cost_of_sales', help: 'Cost of sales (cost of goods sold) over the period (a range is summed).' },
      { name: 'days', help: 'Days in the period.' },
    ],
    returns: 'Days.',
  },
  DIO: {
    summary: 'Days Inventory Outstanding: inventory ÷ cost of sales × days.',
    params: [
      { name: 'inventory', help: 'Inventory: one cell is the balance at the end of the period; a range of balances is averaged, the average balance of the period.' },
      { name: 'cost_of_sales', help: 'Cost of sales (cost of goods sold) over the period (a range is summed).' },
      { name: 'days', help: 'Days in the period.' },
    ],
    returns: 'Days.',
  },
  CCC: {
    summary: 'Cash conversion cycle: DSO + DIO − DPO, in days.',
    params: [
      { name: 'dso', help: 'Days Sales Outstanding (a number of days, or =DSO(...)).' },
      { name: 'dio', help: 'Days Inventory Outstanding (or =DIO(...)).' },
      { name: 'dpo', help: 'Days Payable Outstanding (or =DPO(...)).' },
    ],
    returns: 'Days (negative when suppliers are paid after customers pay).',
  },
  UPTIME: {
    summary: 'Availability: 1 − merged outage time inside the period ÷ the period.',
    params: [
      { name: 'outage_starts', help: 'When each outage started.' },
      { name: 'outage_ends', help: 'When each outage ended; blank while ongoing.' },
      { name: 'period_start', help: 'The start of the period.' },
      { name: 'period_end', help: 'The end of the period.' },
    ],
    returns: 'A fraction from 0 to 1.',
  },
  MTTA: {
    summary: 'Mean time to acknowledge, in hours.',
    params: [
      { name: 'created', help: 'When each incident or request was created.' },
      { name: 'acknowledged', help: 'When each was first acknowledged; blank rows are left out.' },
      HOURS_CALENDAR,
    ],
    returns: 'Hours.',
  },
  MTBF: {
    summary: 'Mean time between failures, in hours: up time in the period ÷ the number of merged outages.',
    params: [
      { name: 'outage_starts', help: 'When each outage started.' },
      { name: 'outage_ends', help: 'When each outage ended; blank while ongoing. Overlapping outages count once.' },
      { name: 'period_start', help: 'The start of the period.' },
      { name: 'period_end', help: 'The end of the period.' },
    ],
    returns: 'Hours.',
  },
  MTTR: {
    summary: 'Mean time to restore, in hours.',
    params: [
      { name: 'starts', help: 'When each incident started.' },
      { name: 'ends', help: 'When each was restored; blank rows are left out.' },
      HOURS_CALENDAR,
    ],
    returns: 'Hours.',
  },
  TIME_TO_FILL: {
    summary: 'Mean days from requisition opened to offer accepted.',
    params: [
      { name: 'opened', help: 'When each requisition was opened.' },
      { name: 'filled', help: 'When its offer was accepted; blank rows are left out.' },
      { ...CALENDAR, help: 'Optional. A business calendar to count its working days (a range as tall as the rows gives one per row, a blank cell counting calendar days). Blank: calendar days.' },
    ],
    returns: 'Days.',
  },
  RETENTION_RATE: {
    summary: 'Share of hires still employed a number of months after their hire date.',
    params: [
      { name: 'hire_dates', help: 'Hire dates.' },
      { name: 'exit_dates', help: 'Exit dates; blank while still employed.' },
      { name: 'months', optional: true, help: 'Optional. Months after hire (default 12).' },
      { name: 'as_of', optional: true, help: 'Optional. Only hires at least `months` before this date count. Blank: now.' },
    ],
    returns: 'A fraction from 0 to 1.',
  },
  HOLIDAYS: {
    summary: 'The public holidays of a country in a year: the days that holidays= closes in a calendar.',
    params: [
      { name: 'country', help: 'An ISO 3166 country code, such as "VN".' },
      { name: 'year', help: 'The year, such as 2025.' },
      { name: 'region', optional: true, help: 'Optional. A region code of the country, such as "BY" for Bavaria in "DE".' },
    ],
    returns: 'Two columns: each closed day (a date) and its holiday\'s name.',
  },
  KPI_SCORE: {
    summary: 'Achievement of an actual against its target, from floor to cap.',
    params: [
      ACTUAL,
      { name: 'target', help: 'The target value (greater than 0).' },
      DIRECTION,
      { name: 'floor', optional: true, help: 'Optional. The lowest score (default 0).' },
      { name: 'cap', optional: true, help: 'Optional. The highest score (default 1.2).' },
    ],
    returns: 'Achievement, one per row (1 = on target).',
  },
  KPI_STATUS: {
    summary: 'GREEN when the target is met, AMBER within 10 %, RED below (thresholds adjustable).',
    params: [
      ACTUAL,
      { name: 'target', help: 'The target value (greater than 0).' },
      DIRECTION,
      { name: 'green_from', optional: true, help: 'Optional. Achievement (actual ÷ target, uncapped) from which the status is GREEN, as a fraction (0.95) or a percent cell (95%); default 1, the target met. A number above 1.5 (such as 90) is an error: it is a percent typed without %.' },
      { name: 'red_below', optional: true, help: 'Optional. Achievement below which the status is RED, as a fraction (0.9) or a percent cell (90%); default 0.9. A number above 1.5 is an error, as for green_from.' },
    ],
    returns: 'GREEN, AMBER or RED, one per row.',
  },
  KPI_PROGRESS: {
    summary: 'Progress from a baseline to the target: (actual − baseline) ÷ (target − baseline).',
    params: [
      ACTUAL,
      { name: 'target', help: 'The target value; 0 and negative values are fine.' },
      { name: 'baseline', help: 'Where the KPI started (last year\'s value); above the target when lower is better. Must differ from the target.' },
      { name: 'clamp', optional: true, help: 'Optional. TRUE (default) limits the progress to 0..1; FALSE lets it go below 0 or above 1.' },
    ],
    returns: 'Progress, one per row (1 = target reached).',
  },
  KPI_PERFORMANCE: {
    summary: 'Position of the actual on a min..max scale, from 0 to 1.',
    params: [
      ACTUAL,
      { name: 'min', help: 'The bottom of the scale.' },
      { name: 'max', help: 'The top of the scale (greater than min).' },
      DIRECTION,
    ],
    returns: 'A score from 0 to 1, one per row.',
  },
  KPI_GOAL_SCORE: {
    summary: 'Goal / red-flag score: the red flag scores scale÷3, the goal 2·scale÷3, linear, from 0 to scale.',
    params: [
      ACTUAL,
      { name: 'goal', help: 'The value at which the KPI turns green; 0 is fine. Below the red flag when lower is better.' },
      { name: 'red_flag', help: 'The value past which the KPI turns red (must differ from the goal).' },
      { name: 'scale', optional: true, help: 'Optional. The top score (default 10).' },
    ],
    returns: 'A score from 0 to scale, one per row.',
  },
  KPI_GOAL_STATUS: {
    summary: 'GREEN when the goal is reached, RED when worse than the red flag, AMBER between.',
    params: [
      ACTUAL,
      { name: 'goal', help: 'The value at which the KPI turns green.' },
      { name: 'red_flag', help: 'The value past which the KPI turns red (must differ from the goal).' },
    ],
    returns: 'GREEN, AMBER or RED, one per row.',
  },
  KPI_BAND_SCORE: {
    summary: 'Banded score: each band between ascending boundaries carries an equal share, linear inside it.',
    params: [
      ACTUAL,
      { name: 'bands', help: 'A row or column of ascending boundaries b0 < b1 < … < bn (at least 2).' },
      DIRECTION,
    ],
    returns: 'A score from 0 to 1, one per row.',
  },
  KPI_BINARY_SCORE: {
    summary: 'Binary score: 1 when the target is met, else 0.',
    params: [ACTUAL, { name: 'target', help: 'The target value; 0 is fine.' }, DIRECTION],
    returns: '1 or 0, one per row.',
  },
  KPI_STABILIZE_SCORE: {
    summary: 'Closer is better: 1 at the target, falling linearly to 0 at target ± tolerance.',
    params: [
      ACTUAL,
      { name: 'target', help: 'The value to stay at.' },
      { name: 'tolerance', help: 'How far from the target the score reaches 0 (greater than 0).' },
    ],
    returns: 'A score from 0 to 1, one per row.',
  },
  KPI_PAYOUT: {
    summary: 'KPI pay = base × rate, with a gate, a cap or a step table.',
    params: [
      { name: 'achievement', help: 'The achievement (1 = on target), or a column of them.' },
      { name: 'base', help: 'The base amount (a cell, or a column as tall as achievement).' },
      { name: 'gate', optional: true, help: 'Optional. Below this achievement the rate is 0 (default 0).' },
      { name: 'cap', optional: true, help: 'Optional. The highest rate (default 1.2); not used with steps.' },
      { name: 'steps', optional: true, help: 'Optional. A two-column range (achievement from, rate), starts ascending: the rate of the last row reached.' },
    ],
    returns: 'The pay, one per row.',
  },
  SERVICE_CREDIT: {
    summary: 'Service credit rate of the internal market: the largest credit among the tiers whose "below" is greater than the compliance, capped.',
    params: [
      { name: 'compliance', help: 'The compliance (0.93, or a 93% cell), or a column of them; blank: no credit (0).' },
      { name: 'tiers', help: 'A two-column range (below, credit) of fractions: below that compliance, that share of the charge is credited. Compliance equal to "below" is not below it.' },
      { name: 'cap', optional: true, help: 'Optional. The highest credit rate (default 1).' },
    ],
    returns: 'The credit rate, a fraction from 0 to 1 (one per row for a column).',
  },
  ALLOCATE: {
    summary: 'Splits an amount over a column of usage in proportion, by largest remainder: the column adds up to the amount exactly.',
    params: [
      { name: 'amount', help: 'The amount to split (a monthly cost).' },
      { name: 'usage', help: 'A column of usage figures (requests per customer), 0 or more; blank rows get 0.' },
      { name: 'decimals', optional: true, help: 'Optional. Decimals to round the shares to: 0 (default) for VND, 2 for USD; at most 4.' },
    ],
    returns: 'A column of shares as tall as usage; ties of remainder go to the earlier row.',
  },
  SCORECARD: {
    summary: 'Roll-up of KPI scores: weighted mean (default), average, min, max or sum.',
    params: [
      { name: 'scores', help: 'The KPI scores.' },
      { name: 'weights', help: 'Their weights, row by row (0 or more).' },
      { name: 'method', optional: true, help: 'Optional. "weighted" (default: Σ w·s ÷ Σ w over the scores present), "average", "min", "max" or "sum" (Σ w·s).' },
      { name: 'blanks', optional: true, help: 'Optional. "ignore" (default: blank scores left out) or "zero" (blank scores count as 0).' },
    ],
    returns: 'The rolled-up score.',
  },
} as const satisfies Record<string, FunctionMeta>;

export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

/**
 * Functions the menu, the sidebar and the calendar manager call through google.script.run, with their parameters.
 * Their stubs in Code.js carry no comment: Sheets shows no help for them, and every byte of Code.js is loaded by
 * every execution.
 * @internal Exported for its tests.
 */
export const SERVER_FUNCTIONS = {
  /** Adds the add-on menu. */
  onOpen: ['e'],
  /** Adds the add-on menu right after installation. */
  onInstall: ['e'],
  /** Menu: opens the scorecard sidebar. */
  showScorecard: [],
  /** Menu: opens the calendar manager. */
  showCalendars: [],
  /** Menu: inserts the sample purchase requests and scorecard. */
  insertSampleSheet: [],
  /** Menu: shows the list of functions. */
  showHelp: [],
  /** Sidebar: the scorecard of the active or first scorecard sheet, as plain JSON, in the page's language. */
  getScorecard: ['language'],
  /** Calendar manager: the saved calendars. */
  listCalendars: ['language'],
  /** Calendar manager: validates and saves a named calendar, then recalculates the formulas using it. */
  saveCalendar: ['name', 'text', 'previousName', 'options'],
  /** Calendar manager: deletes a named calendar. */
  deleteCalendar: ['name', 'language'],
  /** Calendar manager: how many formulas name a calendar (asked before a rename). */
  countCalendarFormulas: ['name', 'language'],
  /** Calendar manager: makes Sheets recalculate the formulas using a calendar. */
  recalculateCalendar: ['name', 'language'],
  /** Calendar manager: a country's days off and worked days in a year, with their status and sources. */
  countrySchedule: ['country', 'year', 'language'],
  /** Calendar manager: a calendar text with an announced year's days off and worked days added. */
  addAnnouncedDays: ['text', 'daysOff', 'workedDays', 'language'],
} as const;

