const ZONED_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * `2025-03-01T08:30:00+07:00` (an ISO date-time with its zone offset) as epoch ms; NaN when the text is not one, or
 * names a day that does not exist: Date.parse alone rolls 31 April into 1 May.
 */
export function parseZonedDateTime(text: string): number {
  const m = ZONED_DATE_TIME.exec(text);
  if (!m) return NaN;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return NaN;
  return Date.parse(text);
}
