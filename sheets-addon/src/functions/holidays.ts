import { dayNumberOfIso, holidaySchedule, type ScheduleDay } from '../../../core/calendar';
import { holidayNameIn } from '../../../core/i18n';
import { dateOfDay, isBlank, numberOf, textOr } from '../cells/coerce';
import { readArgument } from '../cells/grid';
import { languageOf, type Language } from '../i18n';
import { spreadsheetLocale, spreadsheetTimeZone } from '../platform';

/**
 * HOLIDAYS(country, year, [region]): the days `holidays=CC` closes in a year and the days it makes working days, as
 * three spilled columns (the date, at midnight in the spreadsheet's zone; the name in the sheet's language; the
 * status: `official` as announced, `rules` as the law's rules compute it, `worked` for a Saturday worked in exchange),
 * so a user can see and copy what a calendar closes and opens. The status words stay as written in every language:
 * formulas filter on them.
 */
export function HOLIDAYS(country: unknown, year: unknown, region?: unknown) {
  const code = readArgument('country', () => textOr(country, ''));
  const whole = readArgument('year', () => numberOf(year));
  const area = isBlank(region) ? undefined : readArgument('region', () => textOr(region, ''));
  const zone = spreadsheetTimeZone();
  const schedule = holidaySchedule(code, whole, area);
  const language = languageOf(spreadsheetLocale());
  const days = schedule.map((day) => [dateOfDay(dayNumberOfIso(day.date), zone), holidayName(day, language), day.status]);
  return days.length > 0 ? days : [['', '', '']];
}


/** `2026-08-22` as a Vietnamese reader writes it: 22/08/2026. */
const dayMonthYear = (iso: string): string => iso.split('-').reverse().join('/');

/**
 * A day's name in the sheet's language. In Vietnamese the statutory holidays have their legal names and bridge days,
 * days in lieu and worked Saturdays are worded from the day's structure; another country's names stay as the tables
 * give them (in English), since no Vietnamese names are known for them.
 */
export function holidayName(day: ScheduleDay, language: Language): string {
  if (language === 'en') return day.name;
  const holiday = holidayNameIn(day.holiday, language);
  if (holiday === day.holiday) return day.name;
  switch (day.kind) {
    case 'bridge':
      return `${holiday}: nghỉ hoán đổi (làm bù thứ Bảy ${dayMonthYear(day.swappedWith!)})`;
    case 'in-lieu':
      return `${holiday} (nghỉ bù)`;
    case 'worked':
      return `${holiday}: ngày làm bù (cho ngày nghỉ ${dayMonthYear(day.swappedWith!)})`;
    default:
      return holiday;
  }
}
