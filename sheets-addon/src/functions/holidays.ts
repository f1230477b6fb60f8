import { dayNumberOfIso, holidayList } from '../../../core/calendar';
import { dateOfDay, isBlank, numberOf, textOr } from '../cells/coerce';
import { readArgument } from '../cells/grid';
import { spreadsheetTimeZone } from '../platform';

/**
 * HOLIDAYS(country, year, [region]): the days `holidays=CC` closes in a year, as two spilled columns (the date, at
 * midnight in the spreadsheet's zone, and the holiday's name), so a user can see and copy what a calendar closes.
 */
export function HOLIDAYS(country: unknown, year: unknown, region?: unknown) {
  const code = readArgument('country', () => textOr(country, ''));
  const whole = readArgument('year', () => numberOf(year));
  const area = isBlank(region) ? undefined : readArgument('region', () => textOr(region, ''));
  const zone = spreadsheetTimeZone();
  const days = holidayList(code, whole, area).map(({ date, name }) => [dateOfDay(dayNumberOfIso(date), zone), name]);
  return days.length > 0 ? days : [['', '']];
}
