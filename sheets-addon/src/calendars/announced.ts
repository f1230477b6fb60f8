import { formatCalendarText, holidaySchedule, parseCalendarText, scheduleSources, type ScheduleStatus } from '../../../core/calendar';
import { answerIn } from '../addon/server';
import { holidayName } from '../functions/holidays';
import { errorInLanguage } from '../../../core/i18n';
import { spreadsheetTimeZone } from '../platform';
import { parseDateList } from './announced-dates';

/**
 * The calendar manager's view of a country's schedule (status per day, the announcement's sources) and its form to
 * add a newly announced year to a calendar: the days off become `holidays=` dates and the worked days `makeup=`
 * dates, so an organisation adds the notice in a minute without waiting for a release.
 */

export interface ScheduleRow {
  date: string;
  name: string;
  status: ScheduleStatus;
}

export const countrySchedule = (country: string, year: number, language?: string): { rows: ScheduleRow[]; sources: readonly string[] } =>
  answerIn(language, (answer) => ({
    rows: holidaySchedule(String(country), Number(year)).map((day) => ({ date: day.date, name: holidayName(day, answer), status: day.status })),
    sources: scheduleSources(String(country), Number(year)),
  }));

export type AnnouncedResult = { ok: true; text: string } | { ok: false; field: 'daysOff' | 'workedDays' | 'text'; message: string };

/**
 * The calendar text with the announced days off added to its holidays and the worked days to its make-up days (with
 * Monday's hours, the text form's default for a make-up day). Dates are ISO or day/month/year, separated by commas,
 * semicolons or new lines; the result is the text's canonical form.
 */
export function addAnnouncedDays(text: string, daysOff: string, workedDays: string, language?: string): AnnouncedResult {
  return answerIn(language, (answer) => {
    const off = parseDateList(String(daysOff ?? ''));
    if (!off.ok) return { ok: false, field: 'daysOff', message: off.message[answer] };
    const worked = parseDateList(String(workedDays ?? ''));
    if (!worked.ok) return { ok: false, field: 'workedDays', message: worked.message[answer] };
    try {
      const spec = parseCalendarText(String(text ?? ''), spreadsheetTimeZone());
      const known = new Set(spec.holidays.map((h) => h.date));
      const knownWorked = new Set(spec.makeUpDays.map((m) => m.date));
      const merged = {
        ...spec,
        holidays: [...spec.holidays, ...off.dates.filter((d) => !known.has(d)).map((date) => ({ date }))],
        makeUpDays: [...spec.makeUpDays, ...worked.dates.filter((d) => !knownWorked.has(d)).map((date) => ({ date, like: 'Mo' as const }))],
      };
      return { ok: true, text: formatCalendarText(merged) };
    } catch (error) {
      return { ok: false, field: 'text', message: errorInLanguage(error, answer) };
    }
  });
}
