import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../core/calendar/compile';
import { dayNumberOfIso, isoOfDayNumber } from '../core/calendar/days';
import { CalendarError } from '../core/calendar/errors';
import { parseCalendarText } from '../core/calendar/parse';
import { addWorkingDays, workingDaysBetween } from '../core/calendar/workdays';
import { readCalendarVectors } from './vectors/load';

const vectors = readCalendarVectors();
const calendars = Object.fromEntries(
  Object.entries(vectors.calendars).map(([name, text]) => [name, compileCalendar(parseCalendarText(text, 'UTC'))]),
);
const t = Date.parse;

describe('shared calendar vectors through the core', () => {
  it.each(vectors.durations)('$calendar: $how', ({ calendar, start, end, minutes }) => {
    expect(calendars[calendar].workingMinutesBetween(t(start), t(end))).toBe(minutes);
  });
  it.each(vectors.additions)('$calendar: $how', ({ calendar, start, minutes, due }) => {
    expect(calendars[calendar].addWorkingMinutes(t(start), minutes)).toBe(t(due));
  });
  it.each(vectors.businessDaysDue)('$calendar: $how', ({ calendar, start, days, due }) => {
    expect(calendars[calendar].businessDaysDue(t(start), days)).toBe(t(due));
  });
  it.each(vectors.networkdays)('NETWORKDAYS.INTL $start $end $weekend: $source', ({ start, end, weekend, holidays, result }) => {
    expect(workingDaysBetween(dayNumberOfIso(start), dayNumberOfIso(end), weekend, holidays.map(dayNumberOfIso))).toBe(result);
  });
  it.each(vectors.workday)('WORKDAY.INTL $start $days $weekend: $source', ({ start, days, weekend, holidays, result, error }) => {
    const run = () => addWorkingDays(dayNumberOfIso(start), days, weekend, holidays.map(dayNumberOfIso));
    if (error) {
      expect(run).toThrow(CalendarError);
      try {
        run();
      } catch (e) {
        expect((e as CalendarError).field).toBe(error);
      }
    } else expect(isoOfDayNumber(run())).toBe(result);
  });
});
