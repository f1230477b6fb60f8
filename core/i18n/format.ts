import type { Language } from './language';

/**
 * Period keys (`2025-W10`, `2025-03`, `2025-Q2`, `2025`, as core/calendar `periodLabel` writes them) as a reader says
 * them. English keeps the key, which sorts and reads well; Vietnamese follows the glossary: `Tuần 10/2025`,
 * `Tháng 3/2025`, `Quý II/2025`, `Năm 2025`. A key of another shape is returned unchanged.
 */
const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

export function periodName(key: string, language: Language): string {
  if (language === 'en') return key;
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) return `Tuần ${Number(week[2])}/${week[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `Quý ${ROMAN_QUARTERS[Number(quarter[2]) - 1]}/${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `Tháng ${Number(month[2])}/${month[1]}`;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  return /^\d{4}$/.test(key) ? `Năm ${key}` : key;
}

/**
 * Working minutes as a reader says them, always positive (the caller says "left" or "overdue"): `2h 05m` and `45m` in
 * English, `2 giờ 05 phút` and `45 phút` in Vietnamese (durations in words, as the glossary asks).
 */
export function durationName(minutes: number, language: Language): string {
  const whole = Math.round(Math.abs(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const padded = String(rest).padStart(2, '0');
  if (language === 'vi') return hours > 0 ? `${hours} giờ ${padded} phút` : `${rest} phút`;
  return hours > 0 ? `${hours}h ${padded}m` : `${rest}m`;
}

/** The locale a language formats numbers and dates in: one per panel, report or sheet. */
export const localeTagOf = (language: Language): string => (language === 'vi' ? 'vi-VN' : 'en-US');
