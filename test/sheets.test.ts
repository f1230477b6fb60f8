import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCalendar } from '../core/calendar/compile';
import { parseCalendarText } from '../core/calendar/parse';
import { createSlaClock } from '../core/sla/clock';
import { slaCompliance } from '../core/sla/compliance';
import { instantOf } from '../sheets-addon/src/cells/coerce';
import { bigPurchaseLog } from './helpers/sheets-rows';
import { CODE_PATH, col, loadBundle, type Sandbox } from './helpers/sheets-sandbox';

/** The contract's functions (shared/SHEETS-FUNCTIONS.md), with their arguments in order; optional ones in brackets. */
const CONTRACT: Record<string, string[]> = {
  BUSINESS_HOURS: ['start', 'end', '[calendar]', '[holidays]'],
  BUSINESS_DAYS: ['start_date', 'end_date', '[weekend_or_calendar]', '[holidays]'],
  ADD_BUSINESS_DAYS: ['start_date', 'days', '[weekend_or_calendar]', '[holidays]'],
  SLA_DUE: ['start', 'target', '[calendar]', '[holidays]'],
  SLA_STATUS: ['start', 'end', 'target', '[calendar]', '[holidays]', '[as_of]'],
  SLA_REMAINING: ['start', 'target', '[calendar]', '[holidays]', '[as_of]'],
  SLA_COMPLIANCE: ['starts', 'ends', 'target', '[calendar]', '[holidays]', '[as_of]'],
  TAT: ['starts', 'ends', '[calendar]', '[holidays]', '[statistic]'],
  FTR_RATE: ['outcomes'],
  ERROR_RATE: ['errors', 'total'],
  INPS: ['scores'],
  CSAT: ['scores', '[scale_max]'],
  DSO: ['receivables', 'credit_sales', 'days'],
  UPTIME: ['outage_starts', 'outage_ends', 'period_start', 'period_end'],
  MTTR: ['starts', 'ends', '[calendar]'],
  TIME_TO_FILL: ['opened', 'filled', '[calendar]'],
  RETENTION_RATE: ['hire_dates', 'exit_dates', '[months]', '[as_of]'],
  KPI_SCORE: ['actual', 'target', '[direction]', '[floor]', '[cap]'],
  KPI_STATUS: ['actual', 'target', '[direction]', '[green_from]', '[red_below]'],
  KPI_PROGRESS: ['actual', 'target', 'baseline', '[clamp]'],
  KPI_PERFORMANCE: ['actual', 'min', 'max', '[direction]'],
  KPI_GOAL_SCORE: ['actual', 'goal', 'red_flag', '[scale]'],
  KPI_GOAL_STATUS: ['actual', 'goal', 'red_flag'],
  KPI_BAND_SCORE: ['actual', 'bands', '[direction]'],
  KPI_BINARY_SCORE: ['actual', 'target', '[direction]'],
  KPI_STABILIZE_SCORE: ['actual', 'target', 'tolerance'],
  KPI_PAYOUT: ['achievement', 'base', '[gate]', '[cap]', '[steps]'],
  SERVICE_CREDIT: ['compliance', 'tiers', '[cap]'],
  ALLOCATE: ['amount', 'usage', '[decimals]'],
  SCORECARD: ['scores', 'weights', '[method]', '[blanks]'],
};

const VN = 'Mo-Fr 08:00-12:00,13:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN';

let s: Sandbox;
/** A date cell: a Date made inside the sandbox, from a Ho Chi Minh City wall time. */
const at = (wall: string) => s.date(`${wall.replace(' ', 'T')}:00+07:00`);
const isSandboxDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';
const call = (name: string, ...args: unknown[]) => s.call(name, ...args);
const fails = (name: string, ...args: unknown[]) => s.thrown(name, ...args);

beforeAll(() => {
  s = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
});

describe('Code.js for Apps Script', () => {
  const code = readFileSync(CODE_PATH, 'utf8');
  const manifest = JSON.parse(readFileSync(new URL('../dist/sheets-addon/appsscript.json', import.meta.url), 'utf8'));

  it('has a top-level stub with JSDoc for every function of the contract, arguments in order, "Optional" where optional', () => {
    for (const [name, params] of Object.entries(CONTRACT)) {
      const stub = new RegExp(`/\\*\\*\\n((?: \\*.*\\n)+?) \\*/\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
      expect(stub, name).not.toBeNull();
      const [, doc, args] = stub!;
      expect(args.split(', ')).toEqual(params.map((p) => p.replace(/[[\]]/g, '')));
      expect(doc).toContain(' * @customfunction');
      expect(doc).toMatch(/^ \* [A-Z].+\.\n/);
      expect(doc).toMatch(/ \* @return .+/);
      for (const p of params) {
        const line = new RegExp(` \\* @param \\{any\\} ${p.replace(/[[\]]/g, '')} (.+)`).exec(doc);
        expect(line, `${name} ${p}`).not.toBeNull();
        expect(line![1].startsWith('Optional.'), `${name} ${p}`).toBe(p.startsWith('['));
      }
    }
  });

  it('has stubs for the triggers and the sidebar server functions, and nothing runs at load that Apps Script lacks', () => {
    for (const name of ['onOpen', 'onInstall', 'showScorecard', 'showCalendars', 'insertSampleSheet', 'showHelp', 'getScorecard', 'listCalendars', 'saveCalendar', 'deleteCalendar']) {
      expect(code).toMatch(new RegExp(`\\nfunction ${name}\\(`));
      expect(typeof s.context[name]).toBe('function');
    }
    expect(code).not.toMatch(/\bsetTimeout\b/);
  });

  it('asks for exactly the two OAuth scopes, on V8', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  it('checks argument counts against the metadata table', () => {
    expect(fails('BUSINESS_HOURS', at('2025-03-03 09:00'))).toBe('BUSINESS_HOURS: end is required');
    expect(fails('INPS', [[1]], 2)).toBe('INPS: expected at most 1 arguments, got 2');
  });
});

describe('menu', () => {
  it('adds the four items in English, and in Vietnamese for a vi locale', () => {
    const sandbox = loadBundle({ locale: 'en_US' });
    sandbox.call('onOpen', {});
    sandbox.setLocale('vi');
    sandbox.call('onInstall', {});
    expect(sandbox.ui.menus.map((m) => m.map((i) => i.caption))).toEqual([
      ['Scorecard', 'Calendars', 'Insert sample sheet', 'Help'],
      ['Thẻ điểm', 'Lịch làm việc', 'Chèn trang tính mẫu', 'Trợ giúp'],
    ]);
    expect(sandbox.ui.menus[0].map((i) => i.functionName)).toEqual(['showScorecard', 'showCalendars', 'insertSampleSheet', 'showHelp']);
    sandbox.call('showScorecard');
    sandbox.call('showCalendars');
    expect(sandbox.ui.sidebars).toEqual([{ file: 'Sidebar', title: 'Thẻ điểm cân bằng' }, { file: 'Calendars', title: 'Lịch làm việc' }]);
    sandbox.call('showHelp');
    expect(sandbox.ui.alerts[0].prompt).toContain('SLA_STATUS(start, end, target, [calendar], [holidays], [as_of]): MET, BREACHED or ON TRACK');
  });
});

describe('BUSINESS_HOURS', () => {
  it('counts working hours between date cells or ISO text, per row, with #INVALID and blank rows', () => {
    // Mon 3 Mar 2025 09:00 → 15:30: 09-12 + 13-15:30 = 5.5 h.
    expect(call('BUSINESS_HOURS', at('2025-03-03 09:00'), '2025-03-03 15:30', VN)).toBe(5.5);
    expect(call('BUSINESS_HOURS', col(at('2025-03-03 09:00'), '2025-03-03 15:30', '', 'soon'), col('2025-03-03 15:30', at('2025-03-03 09:00'), '', '2025-03-03'), VN)).toEqual([
      [5.5],
      [-5.5],
      [''],
      ['#INVALID: start: "soon" is not a date-time (use a date cell or text such as 2025-03-01 08:30)'],
    ]);
  });

  it('adds a holiday range to the calendar, and defaults to Mo-Fr 09:00-17:00 in the spreadsheet zone', () => {
    // Mon 09:00 → Wed 09:00 = 7 + 8 + 1; with Tuesday closed 8.
    expect(call('BUSINESS_HOURS', '2025-03-03 09:00', '2025-03-05 09:00', VN)).toBe(16);
    expect(call('BUSINESS_HOURS', '2025-03-03 09:00', '2025-03-05 09:00', VN, [[at('2025-03-04 00:00')], ['']])).toBe(8);
    expect(call('BUSINESS_HOURS', '2025-03-03 08:00', '2025-03-03 18:00')).toBe(8);
    expect(call('BUSINESS_HOURS', '2025-03-03 08:00', '2025-03-03 18:00', '')).toBe(8);
    expect(call('BUSINESS_HOURS', '2025-03-08 00:00', '2025-03-09 00:00', '24/7')).toBe(24);
    // 30 April and 1 May are Vietnamese public holidays.
    expect(call('BUSINESS_HOURS', '2025-04-29 17:00', '2025-05-02 08:00', VN)).toBe(0);
  });

  it('reads ISO text in the calendar zone and dates as instants, whatever the spreadsheet zone', () => {
    const berlin = loadBundle({ timeZone: 'Europe/Berlin' });
    expect(berlin.call('BUSINESS_HOURS', '2025-03-03 09:00', '2025-03-03 15:30', VN)).toBe(5.5);
    expect(berlin.call('BUSINESS_HOURS', berlin.date('2025-03-03T02:00:00Z'), berlin.date('2025-03-03T08:30:00Z'), VN)).toBe(5.5);
    // Without tz= the calendar is in the spreadsheet's zone: 09:00 Berlin = 08:00Z.
    expect(berlin.call('BUSINESS_HOURS', berlin.date('2025-03-03T08:00:00Z'), '2025-03-03 17:00', 'Mo-Fr 09:00-17:00')).toBe(8);
  });

  it('reads an offset in ISO text with its sign: -05:00 is behind UTC, +05:00 ahead', () => {
    // 08:00 at UTC−05:00 is 13:00Z (1740834000000); 08:00 at UTC+05:00 is 03:00Z (1740798000000): ten hours apart,
    // whatever the zone the text would otherwise be read in.
    expect(instantOf('2025-03-01T08:00-05:00', 'Asia/Ho_Chi_Minh')).toBe(1_740_834_000_000);
    expect(instantOf('2025-03-01T08:00+05:00', 'Asia/Ho_Chi_Minh')).toBe(1_740_798_000_000);
    expect(instantOf('2025-03-01 08:00 -0530', 'UTC')).toBe(1_740_835_800_000);
    expect(instantOf('2025-03-01T08:00:00Z', 'Asia/Ho_Chi_Minh')).toBe(1_740_816_000_000);
    // The built functions read it the same way: from 03:00Z to 13:00Z is 10 hours on a 24/7 calendar.
    expect(call('BUSINESS_HOURS', '2025-03-01T08:00+05:00', '2025-03-01T08:00-05:00', '24/7')).toBe(10);
    expect((call('SLA_DUE', '2025-03-01T08:00-05:00', 1, '24/7') as Date).getTime()).toBe(1_740_837_600_000);
  });

  it('throws calendar errors naming the argument', () => {
    expect(fails('BUSINESS_HOURS', '2025-03-03 09:00', '2025-03-03 10:00', 'Finance')).toBe('BUSINESS_HOURS: calendar: no saved calendar is named "Finance" (saved: none)');
    expect(fails('BUSINESS_HOURS', '2025-03-03 09:00', '2025-03-03 10:00', 'Mo-Fr 08:00-17:00 | tz=Mars/Olympus')).toBe(
      'BUSINESS_HOURS: calendar: tz=Mars/Olympus: expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels',
    );
    expect(fails('BUSINESS_HOURS', '2025-03-03 09:00', '2025-03-03 10:00', VN, [['someday']])).toBe('BUSINESS_HOURS: holidays row 1: "someday" is not a date');
  });

  it('uses a calendar saved in the document properties by name', () => {
    const sandbox = loadBundle();
    expect(sandbox.call('saveCalendar', 'Night shift', 'Mo-Fr 22:00-06:00 | tz=Asia/Ho_Chi_Minh')).toEqual({
      ok: true,
      calendar: { name: 'Night shift', text: 'Mo-Fr 22:00-06:00 | tz=Asia/Ho_Chi_Minh' },
      namesUpdated: 0,
      recalculated: 0,
    });
    expect(sandbox.call('BUSINESS_HOURS', '2025-03-03 20:00', '2025-03-04 07:00', 'night shift')).toBe(8);
    expect(sandbox.call('saveCalendar', 'Bad', 'Mo-Fr 8-17')).toEqual({ ok: false, field: 'text', message: 'calendar: "Mo-Fr 8-17": expected times as HH:MM-HH:MM, got "8-17"' });
    expect(sandbox.call('saveCalendar', '09:00', 'Mo-Fr 09:00-17:00')).toMatchObject({ ok: false, field: 'name' });
    expect(sandbox.call('listCalendars')).toEqual({ language: 'en', calendars: [{ name: 'Night shift', text: 'Mo-Fr 22:00-06:00 | tz=Asia/Ho_Chi_Minh' }] });
    sandbox.call('deleteCalendar', 'Night shift');
    expect(() => sandbox.call('BUSINESS_HOURS', '2025-03-03 20:00', '2025-03-04 07:00', 'night shift')).toThrow('no saved calendar is named "night shift" (saved: none)');
  });
});

describe('BUSINESS_DAYS = NETWORKDAYS.INTL', () => {
  it('counts both ends, with weekend masks and codes, holidays ignoring text, blanks and weekend days', () => {
    expect(call('BUSINESS_DAYS', at('2025-03-03 00:00'), at('2025-03-14 00:00'))).toBe(10);
    expect(call('BUSINESS_DAYS', at('2025-03-14 00:00'), at('2025-03-03 00:00'))).toBe(-10);
    expect(call('BUSINESS_DAYS', 45719, 45730, '0000011')).toBe(10); // serials of 3 and 14 March 2025
    expect(call('BUSINESS_DAYS', '2025-03-03', '2025-03-14', 11)).toBe(11); // Sunday only
    expect(call('BUSINESS_DAYS', '2025-03-03', '2025-03-14', '0000000')).toBe(12);
    expect(call('BUSINESS_DAYS', '2025-03-03', '2025-03-14', '1111111')).toBe(0);
    const holidays = [[at('2025-03-05 00:00'), 'text'], ['', at('2025-03-08 00:00')], [45719.75, at('2025-03-05 00:00')]];
    expect(call('BUSINESS_DAYS', '2025-03-03', '2025-03-14', '', holidays)).toBe(8);
  });

  it('rejects what the spreadsheets reject: a bad weekend throws for every row; a bad single date throws', () => {
    const mask = 'expected a 7-character mask of 0 and 1 (Monday first) or a code 1-7 or 11-17';
    expect(fails('BUSINESS_DAYS', '2025-03-03', '2025-03-14', '1')).toBe(`BUSINESS_DAYS: weekend_or_calendar: ${mask}, got "1"`);
    expect(fails('BUSINESS_DAYS', '2025-03-03', '2025-03-14', 8)).toBe(`BUSINESS_DAYS: weekend_or_calendar: ${mask}, got 8`);
    expect(fails('BUSINESS_DAYS', col('2025-03-03'), col('2025-03-14'), 0)).toBe(`BUSINESS_DAYS: weekend_or_calendar: ${mask}, got 0`);
    expect(fails('BUSINESS_DAYS', 'next week', '2025-03-14')).toBe('BUSINESS_DAYS: start_date: "next week" is not a date');
  });

  it('spills a column, blank rows blank and a bad row #INVALID', () => {
    expect(call('BUSINESS_DAYS', col('2025-03-03', '', 'x'), col('2025-03-14', '2025-03-14', '2025-03-14'))).toEqual([[10], [''], ['#INVALID: start_date: "x" is not a date']]);
  });
});

describe('ADD_BUSINESS_DAYS = WORKDAY.INTL', () => {
  it('returns a date for a date cell (a sandbox Date at local midnight) and a serial for a number', () => {
    const result = call('ADD_BUSINESS_DAYS', at('2025-03-07 00:00'), 1) as Date;
    expect(isSandboxDate(result)).toBe(true);
    expect(result instanceof s.SandboxDate).toBe(true);
    expect(result.getTime()).toBe(Date.parse('2025-03-10T00:00:00+07:00'));
    expect(call('ADD_BUSINESS_DAYS', 45723, 1)).toBe(45726); // Fri 7 → Mon 10 March
    expect(call('ADD_BUSINESS_DAYS', 45723.9, 1.9)).toBe(45726); // both cut
    expect(call('ADD_BUSINESS_DAYS', 45726, -1)).toBe(45723);
    expect(call('ADD_BUSINESS_DAYS', 45724, 0)).toBe(45724); // a Saturday, 0 days: unchanged
    expect(call('ADD_BUSINESS_DAYS', 45723, 1, '', [[45726]])).toBe(45727);
    expect(call('ADD_BUSINESS_DAYS', 45723, '2')).toBe(45727);
  });

  it('errors where WORKDAY.INTL errors, the weekend checked before the 0-day shortcut', () => {
    expect(fails('ADD_BUSINESS_DAYS', 45723, 1, '1111111')).toBe('ADD_BUSINESS_DAYS: weekend_or_calendar: every day is a weekend day, so no working day can be reached');
    expect(fails('ADD_BUSINESS_DAYS', 45723, 0, '2')).toMatch(/^ADD_BUSINESS_DAYS: weekend_or_calendar: expected a 7-character mask/);
    expect(fails('ADD_BUSINESS_DAYS', 45723, 'many')).toBe('ADD_BUSINESS_DAYS: days: "many" is not a number of days');
    expect(call('ADD_BUSINESS_DAYS', col(45723, 'x'), 1)).toEqual([[45726], ['#INVALID: start_date: "x" is not a date']]);
  });
});

describe('SLA per row', () => {
  it('SLA_DUE: working hours and business days, one target per row, #INVALID for a bad target', () => {
    const due = call('SLA_DUE', col(at('2025-03-03 09:00'), at('2025-03-07 15:00'), at('2025-03-07 15:00'), ''), col('8h', '3bd', 'soon', '3bd'), VN) as unknown[][];
    expect(isSandboxDate(due[0][0])).toBe(true);
    expect((due[0][0] as Date).toISOString()).toBe('2025-03-04T02:00:00.000Z');
    expect((due[1][0] as Date).toISOString()).toBe('2025-03-12T10:00:00.000Z'); // Wed 12 March 17:00
    expect(due[2][0]).toBe('#INVALID: target: expected working hours (8), a duration with a unit (30m, 2.5h) or whole business days (3bd), got "soon"');
    expect(due[3][0]).toBe('');
    expect((call('SLA_DUE', '2025-03-03 09:00', 8, VN) as Date).toISOString()).toBe('2025-03-04T02:00:00.000Z');
  });

  it('SLA_STATUS: MET, BREACHED (late, or open past due at as_of), ON TRACK', () => {
    const starts = col('2025-03-03 09:00', '2025-03-03 09:00', '2025-03-10 08:00', '2025-03-10 08:00', '2025-03-03 09:00');
    const ends = col('2025-03-03 15:30', '2025-03-05 09:00', '', '', '2025-03-03 08:00');
    expect(call('SLA_STATUS', starts, ends, '8h', VN, '', '2025-03-10 16:00')).toEqual([
      ['MET'],
      ['BREACHED'],
      ['ON TRACK'],
      ['ON TRACK'],
      ['#INVALID: end: 2025-03-03 08:00 is before its start'],
    ]);
    expect(call('SLA_STATUS', '2025-03-10 08:00', '', '8h', VN, '', at('2025-03-11 08:30'))).toBe('BREACHED');
  });

  it('SLA_REMAINING: working hours left, negative once breached', () => {
    expect(call('SLA_REMAINING', col('2025-03-10 08:00', '2025-03-10 08:00'), '8h', VN, '', '2025-03-10 10:00')).toEqual([[6], [6]]);
    expect(call('SLA_REMAINING', '2025-03-10 08:00', '8h', VN, '', '2025-03-12 08:30')).toBe(-8.5);
    expect(call('SLA_REMAINING', '2025-03-10 08:00', '8h', VN, '', '2025-03-01 08:00')).toBe(8); // not started yet
  });
});

describe('SLA_COMPLIANCE', () => {
  it('met ÷ (met + breached), open and past due counted as breached, open not due left out, blank rows ignored', () => {
    const starts = col('2025-03-03 09:00', '2025-03-03 09:00', '', '2025-03-10 08:00', '2025-03-03 08:00');
    const ends = col('2025-03-03 15:30', '2025-03-05 09:00', '', '', '');
    // MET, BREACHED, blank, ON TRACK, open past due → 1 ÷ 3.
    expect(call('SLA_COMPLIANCE', starts, ends, '8h', VN, '', '2025-03-10 10:00')).toBeCloseTo(1 / 3, 12);
    expect(call('SLA_COMPLIANCE', starts, ends, col('8h', '8h', '', '8h', '45bd'), VN, '', '2025-03-10 10:00')).toBe(0.5);
  });

  it('throws naming the argument and the first bad row', () => {
    const starts = col(...Array.from({ length: 17 }, () => '2025-01-02 09:00'));
    const ends = col(...Array.from({ length: 16 }, () => '2025-01-02 10:00'), '2025-01-02 08:00');
    expect(fails('SLA_COMPLIANCE', starts, ends, '8h', VN)).toBe('SLA_COMPLIANCE: ends row 17: 2025-01-02 08:00 is before its start');
    expect(fails('SLA_COMPLIANCE', col('2025-01-02 09:00', 'x'), col('', ''), '8h', VN)).toMatch(/^SLA_COMPLIANCE: starts row 2: "x" is not a date-time/);
    expect(fails('SLA_COMPLIANCE', col('2025-01-02 09:00', '2025-01-02 09:00'), col('', ''), col('8h', '0h'), VN)).toMatch(/^SLA_COMPLIANCE: target row 2: expected working hours/);
    expect(fails('SLA_COMPLIANCE', col('2025-01-02 09:00'), col('', ''), '8h', VN)).toBe('SLA_COMPLIANCE: starts has 1 rows but ends has 2');
    expect(fails('SLA_COMPLIANCE', col('2025-03-10 08:00'), col(''), '8h', VN, '', '2025-03-10 09:00')).toBe(
      'SLA_COMPLIANCE: nothing is measurable: no row is done or past due at as_of',
    );
  });

  it('takes 100,000 rows of sandbox Dates and agrees with the core', () => {
    const { starts, ends, targets } = bigPurchaseLog(s);
    const asOf = '2025-06-30 17:00';
    const result = call('SLA_COMPLIANCE', starts, ends, targets, VN, '', asOf);
    const calendar = compileCalendar(parseCalendarText(VN, 'UTC'));
    const clocks = Object.fromEntries(['3bd', '45bd'].map((t) => [t, createSlaClock({ id: t, name: t, stop: { statuses: ['Done'] }, goals: [{ target: t, calendar: 'c' }] }, { c: calendar })]));
    const asOfInstant = Date.parse('2025-06-30T17:00:00+07:00');
    const cycles = starts.map(([start], i) => {
      const end = ends[i][0];
      const events = end === '' ? [] : [{ at: end.getTime(), field: 'status', to: 'Done' }];
      return clocks[targets[i][0]].compute({ key: String(i), created: start.getTime(), status: 'Open', fields: {}, events }, asOfInstant)!.cycles[0];
    });
    expect(result).toBe(slaCompliance(cycles).total.compliance);
    expect(result).toBeGreaterThan(0.2);
    expect(result).toBeLessThan(0.8);
  });
});

describe('TAT, MTTR, TIME_TO_FILL', () => {
  const starts = col('2025-03-03 08:00', '2025-03-03 08:00', '2025-03-03 08:00', '2025-03-03 08:00', '');
  const ends = col('2025-03-03 10:00', '2025-03-03 12:00', '2025-03-04 08:00', '', '');
  it('TAT: statistics of working hours over completed rows', () => {
    expect(call('TAT', starts, ends, VN)).toBeCloseTo(14 / 3, 12);
    expect(call('TAT', starts, ends, VN, '', 'median')).toBe(4);
    expect(call('TAT', starts, ends, VN, '', 'P90')).toBeCloseTo(7.2, 12);
    expect(call('TAT', starts, ends, VN, '', 'max')).toBe(8);
    expect(fails('TAT', starts, ends, VN, '', 'avg')).toBe('TAT: statistic must be mean, median, min, max, count or a percentile p1 to p99, not "avg"');
    expect(fails('TAT', col('2025-03-03 08:00'), col(''), VN)).toBe('TAT: ends has no completed rows');
  });

  it('MTTR: wall-clock hours by default, working hours with a calendar, user row numbers in errors', () => {
    expect(call('MTTR', starts, ends)).toBeCloseTo((2 + 4 + 24) / 3, 12);
    expect(call('MTTR', starts, ends, VN)).toBeCloseTo(14 / 3, 12);
    expect(fails('MTTR', col('2025-03-03 08:00', '', '2025-03-03 09:00'), col('2025-03-03 09:00', '', '2025-03-03 08:00'))).toBe('MTTR: ends row 3: the end is before its start');
  });

  it('TIME_TO_FILL: calendar days, or the calendar\'s working days', () => {
    const opened = col(at('2025-04-25 00:00'), at('2025-03-03 00:00'));
    const filled = col(at('2025-05-05 00:00'), at('2025-03-13 00:00'));
    expect(call('TIME_TO_FILL', opened, filled)).toBe(10);
    // 28, 29 April and 2, 5 May (30 April and 1 May are holidays) = 4; 4-7 and 10-13 March = 8.
    expect(call('TIME_TO_FILL', opened, filled, VN)).toBe(6);
  });
});

describe('KPI formulas', () => {
  it('FTR_RATE, ERROR_RATE, INPS, CSAT, DSO', () => {
    expect(call('FTR_RATE', col(true, false, 0, 2, ''))).toBe(0.5);
    expect(fails('FTR_RATE', col(true, 'yes'))).toBe('FTR_RATE: outcomes row 2: "yes" is not TRUE, FALSE or a whole number of reworks');
    expect(call('ERROR_RATE', col(1, 2, ''), col(50, 50))).toBe(0.03);
    expect(fails('ERROR_RATE', col(1, 'two'), 100)).toBe('ERROR_RATE: errors row 2: "two" is not a number');
    expect(fails('ERROR_RATE', 5, 0)).toBe('ERROR_RATE: total must be greater than 0');
    expect(call('INPS', col(10, 9, 7, 3, ''))).toBe(25);
    expect(fails('INPS', col(11))).toBe('INPS: scores row 1: 11 is not a whole number from 0 to 10');
    expect(call('CSAT', col(5, 4, 3, 1))).toBe(0.5);
    expect(call('CSAT', col(10, 9, 8), 10)).toBeCloseTo(2 / 3, 12);
    expect(call('DSO', 100, 400, 30)).toBe(7.5);
    expect(fails('DSO', 100, 0, 30)).toBe('DSO: credit_sales must be greater than 0');
  });

  it('UPTIME merges overlapping outages inside the period', () => {
    const up = call('UPTIME', col('2025-03-01 00:00', '2025-03-01 00:30'), col('2025-03-01 01:00', '2025-03-01 02:00'), '2025-03-01 00:00', '2025-03-02 00:00');
    expect(up).toBeCloseTo(1 - 2 / 24, 12);
    expect(fails('UPTIME', col('2025-03-01 00:00'), col(''), '2025-03-02 00:00', '2025-03-01 00:00')).toBe('UPTIME: period_end must be after period_start');
  });

  it('RETENTION_RATE counts hires at least `months` before as_of', () => {
    const hires = col(at('2024-01-15 00:00'), at('2024-02-01 00:00'), at('2024-03-01 00:00'), at('2025-01-01 00:00'));
    const exits = col('', at('2024-06-01 00:00'), at('2025-04-01 00:00'), '');
    expect(call('RETENTION_RATE', hires, exits, '', at('2025-06-30 00:00'))).toBeCloseTo(2 / 3, 12);
    expect(call('RETENTION_RATE', hires, exits, 6, at('2025-07-02 00:00'))).toBe(0.75);
    expect(fails('RETENTION_RATE', hires, exits, 0)).toBe('RETENTION_RATE: months must be a whole number of at least 1');
  });

  it('KPI_SCORE and KPI_STATUS per row; SCORECARD renormalises blank scores', () => {
    expect(call('KPI_SCORE', 45, 50)).toBe(0.9);
    expect(call('KPI_SCORE', 10, 8, 'lower')).toBe(0.8);
    expect(call('KPI_SCORE', col(100, '', 10), 50, '', '', 1.5)).toEqual([[1.5], [''], [0.2]]);
    expect(call('KPI_SCORE', col(45, 45), 50, col('higher', 'sideways'))).toEqual([[0.9], ['#INVALID: direction must be higher or lower, not "sideways"']]);
    // Defaults of the scorecard engine: GREEN when the target is met, AMBER within 10 %, RED below (were 0.9 and 0.7).
    expect(call('KPI_STATUS', col(45, 40, 30, 0.72, 50), col(50, 50, 50, 0.8, 50))).toEqual([['AMBER'], ['RED'], ['RED'], ['AMBER'], ['GREEN']]);
    expect(call('KPI_STATUS', col(45, 40, 30, 0.72), col(50, 50, 50, 0.8), '', 0.9, 0.7)).toEqual([['GREEN'], ['AMBER'], ['RED'], ['GREEN']]);
    expect(call('KPI_STATUS', 12, 10, 'lower')).toBe('RED');
    expect(call('KPI_STATUS', 11, 10, 'lower')).toBe('AMBER');
    expect(call('SCORECARD', col(0.8, '', 1), col(1, 2, 1))).toBeCloseTo(0.9, 12);
    expect(fails('SCORECARD', col(0.8), col(-1))).toBe('SCORECARD: weights row 1: -1 is negative');
  });
});

