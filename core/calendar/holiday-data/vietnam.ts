import { dayNumberOfIso, isoOfDayNumber, weekdayOfDayNumber } from '../days';
import { WEEKDAYS, type Weekday } from '../spec';
import { VN_CULTURE_DAY, VN_OFFICIAL, type VietnamHoliday } from './vn-official';

/** One closed day with its English name (the type `holidayList` returns). */
export interface NamedDay {
  readonly date: string;
  readonly name: string;
}

/**
 * Where a day of a schedule comes from: `official`, a day off an announcement fixed (./vn-official.ts, with its
 * source); `rules`, a day off computed by the law's rules (every day of a year or break not announced, and every
 * country's tables); `worked`, a Saturday or Sunday an announcement makes a working day in exchange for a bridge day.
 */
export type ScheduleStatus = 'official' | 'rules' | 'worked';

/**
 * One day of a schedule with what a view needs to name it in any language: `holiday` is the statutory holiday's
 * English name; `kind` says whether the day is that holiday, a bridge day (swapped with `swappedWith`), a day in lieu
 * of it, or the Saturday worked in exchange for the bridge day `swappedWith`.
 */
export interface ScheduleDay extends NamedDay {
  readonly status: ScheduleStatus;
  readonly holiday: string;
  readonly kind: 'holiday' | 'bridge' | 'in-lieu' | 'worked';
  readonly swappedWith?: string;
}

/** A Saturday worked in exchange for a bridge day, with the weekday whose hours apply (the bridged day's). */
export interface WorkedDay {
  readonly date: string;
  readonly like: Weekday;
}

export interface VietnamYear {
  readonly holidays: readonly NamedDay[];
  readonly workedDays: readonly WorkedDay[];
  /** The closed and worked days with their status, by date. */
  readonly schedule: readonly ScheduleDay[];
}

/** date-holidays' English names of the statutory holidays (Labour Code 2019 art. 112), by the break that replaces them. */
const NAMES: Record<VietnamHoliday, readonly string[]> = {
  'new-year': ["New Year's Day"],
  tet: ['Vietnamese New Year Holidays'],
  'hung-kings': ['Hung Kings Commemorations'],
  'reunification-and-labour': ['Day of liberating the South for national reunification', 'Labour Day'],
  'national-day': ['National Day'],
};
/** The English name of Vietnamese Culture Day (24 November), in the style of the tables' names. */
const CULTURE_DAY_NAME = 'Vietnamese Culture Day';
const SATURDAY = WEEKDAYS.indexOf('Sa');
const isWeekend = (day: number) => weekdayOfDayNumber(day) >= SATURDAY;
const byDate = (a: NamedDay, b: NamedDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * The second National Day holiday (Labour Code 2019 art. 112(1)(đ), from 2021): 2 September "and the day before or
 * after". The announced schedules of 2021-2025 (and the 2026 proposal) pick the weekday that joins the holiday to a
 * weekend: the day after when 2 September is a Monday (2024), Thursday (2021) or Sunday; the day before when it is a
 * Tuesday (2025), Wednesday (2026 proposal), Friday (2022) or Saturday (2023).
 */
function nationalDayNeighbour(year: number): string {
  const weekday = WEEKDAYS[weekdayOfDayNumber(dayNumberOfIso(`${year}-09-02`))];
  return weekday === 'Mo' || weekday === 'Th' || weekday === 'Su' ? `${year}-09-03` : `${year}-09-01`;
}

/**
 * Vietnam's closed days in a year for a Monday-Friday office. `statutory` are the Labour Code holidays as the tables
 * give them (date-holidays: Tết five days from New Year's Eve on the lunar calendar, Hùng Kings on 10/3 lunar, 1/1,
 * 30/4, 1/5, 2/9). On top: the second National Day day (from 2021); each break the government announced for that
 * year replaces the rule days of its holiday (./vn-official.ts); and a holiday left on a Saturday or Sunday gives a
 * day in lieu on the next working day not already closed (Labour Code 2019 art. 111(3); 2012 art. 110(3)).
 */
export function vietnamYear(year: number, statutory: readonly NamedDay[]): VietnamYear {
  const official = VN_OFFICIAL[year];
  const ruleDay = (d: NamedDay): ScheduleDay => ({ ...d, status: 'rules', holiday: d.name, kind: 'holiday' });
  let days: ScheduleDay[] = statutory.map(ruleDay);
  if (year >= 2021) days.push(ruleDay({ date: nationalDayNeighbour(year), name: 'National Day' }));
  if (VN_CULTURE_DAY.from !== null && year >= VN_CULTURE_DAY.from) days.push(ruleDay({ date: `${year}-${VN_CULTURE_DAY.monthDay}`, name: CULTURE_DAY_NAME }));
  const worked: ScheduleDay[] = [];
  const workedDays: WorkedDay[] = [];
  for (const { holiday, closed, swaps = [] } of official?.breaks ?? []) {
    const ruleName = new Map(days.filter((d) => NAMES[holiday].includes(d.name)).map((d) => [d.date, d.name]));
    days = days.filter((d) => !NAMES[holiday].includes(d.name));
    for (const date of closed) {
      const swap = swaps.find((s) => s.closed === date);
      const holidayName = ruleName.get(date) ?? NAMES[holiday][0];
      days.push(
        swap
          ? { date, name: `Bridge day (worked on Saturday ${swap.worked})`, status: 'official', holiday: holidayName, kind: 'bridge', swappedWith: swap.worked }
          : { date, name: holidayName, status: 'official', holiday: holidayName, kind: 'holiday' },
      );
    }
    for (const swap of swaps) {
      workedDays.push({ date: swap.worked, like: WEEKDAYS[weekdayOfDayNumber(dayNumberOfIso(swap.closed))] });
      worked.push({ date: swap.worked, name: `Working day (in exchange for ${swap.closed})`, status: 'worked', holiday: NAMES[holiday][0], kind: 'worked', swappedWith: swap.closed });
    }
  }
  days.sort(byDate);
  const closed = new Set(days.map((d) => d.date));
  const inLieu: ScheduleDay[] = [];
  for (const d of days) {
    if (d.status === 'official' || !isWeekend(dayNumberOfIso(d.date))) continue;
    let day = dayNumberOfIso(d.date) + 1;
    while (isWeekend(day) || closed.has(isoOfDayNumber(day))) day++;
    closed.add(isoOfDayNumber(day));
    inLieu.push({ date: isoOfDayNumber(day), name: `${d.name} (day in lieu)`, status: 'rules', holiday: d.holiday, kind: 'in-lieu' });
  }
  const off = [...days, ...inLieu].sort(byDate);
  return { holidays: off.map(({ date, name }) => ({ date, name })), workedDays, schedule: [...off, ...worked].sort(byDate) };
}
