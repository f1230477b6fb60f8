import { dayNumberOfIso, isoOfDayNumber } from '../../../core/calendar';

/** A list of dates as typed in the calendar manager: `2026-08-31, 31/08/2026; 1/9/2026` or one a line. */
export type DateList = { ok: true; dates: string[] } | { ok: false; message: { en: string; vi: string } };

export function parseDateList(text: string): DateList {
  const dates: string[] = [];
  for (const item of text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean)) {
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(item);
    const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(item);
    const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : null;
    const date = parts ? `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}` : '';
    if (!date || isoOfDayNumber(dayNumberOfIso(date)) !== date) {
      return {
        ok: false,
        message: {
          en: `"${item}" is not a date (write 2026-08-31 or 31/08/2026, separated by commas or new lines)`,
          vi: `"${item}" không phải là ngày (ghi 2026-08-31 hoặc 31/08/2026, cách nhau bằng dấu phẩy hoặc xuống dòng)`,
        },
      };
    }
    dates.push(date);
  }
  return { ok: true, dates };
}
