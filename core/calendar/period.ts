import { isoOfDayNumber, MS_PER_DAY, weekdayOfDayNumber } from './days';
import type { DayNumber } from './types';

export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The label of the period a day falls in; weeks are ISO weeks (Monday first, week 1 holds the first Thursday). */
export function periodLabel(day: DayNumber, period: Period): string {
  const iso = isoOfDayNumber(day);
  switch (period) {
    case 'day':
      return iso;
    case 'month':
      return iso.slice(0, 7);
    case 'quarter':
      return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return iso.slice(0, 4);
    case 'week': {
      const thursday = day - weekdayOfDayNumber(day) + 3;
      const year = Number(isoOfDayNumber(thursday).slice(0, 4));
      const week = Math.floor((thursday - Date.UTC(year, 0, 1) / MS_PER_DAY) / 7) + 1;
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
  }
}
