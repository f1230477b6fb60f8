/**
 * The local day of an instant on the UTC days that hold an offset change, where localDayIn cannot take one offset for
 * the whole day. The expected days come from Intl's own calendar fields, a path that shares no code with localDayIn.
 */
import { describe, expect, it } from 'vitest';
import { dayNumberOfIso, localDayIn } from '../core';

const QUARTER_HOUR = 900_000;

const formats = new Map<string, Intl.DateTimeFormat>();
/** The local date of an instant as Intl writes it, as a day number. */
function referenceDay(timeZone: string, instant: number): number {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return dayNumberOfIso(`${part('year')}-${part('month')}-${part('day')}`);
}

/** Instants every 7.5 minutes from `fromIso` for `hours`, so both slot starts and mid-slot instants are asked. */
const sweep = (fromIso: string, hours: number): number[] =>
  Array.from({ length: hours * 8 }, (_, i) => Date.parse(fromIso) + (i * QUARTER_HOUR) / 2);

describe('localDayIn on days with an offset change', () => {
  it('Berlin spring forward (01:00 UTC): after the change, 22:30 UTC is already the next local day', () => {
    const berlin = localDayIn('Europe/Berlin');
    expect(berlin(Date.parse('2025-03-30T00:30:00Z'))).toBe(dayNumberOfIso('2025-03-30')); // 01:30 CET
    expect(berlin(Date.parse('2025-03-30T21:59:00Z'))).toBe(dayNumberOfIso('2025-03-30')); // 23:59 CEST
    expect(berlin(Date.parse('2025-03-30T22:30:00Z'))).toBe(dayNumberOfIso('2025-03-31')); // 00:30 CEST
  });

  it('Moscow autumn back (23:00 UTC): 20:30 UTC is still +04:00, the next local day', () => {
    const moscow = localDayIn('Europe/Moscow');
    expect(moscow(Date.parse('2010-10-30T20:30:00Z'))).toBe(dayNumberOfIso('2010-10-31')); // 00:30 MSD
    expect(moscow(Date.parse('2010-10-30T19:59:00Z'))).toBe(dayNumberOfIso('2010-10-30')); // 23:59 MSD
    expect(moscow(Date.parse('2010-10-30T23:30:00Z'))).toBe(dayNumberOfIso('2010-10-31')); // 02:30 MSK
  });

  it('São Paulo spring forward at local midnight: 02:30 UTC is 23:30 the day before', () => {
    const saoPaulo = localDayIn('America/Sao_Paulo');
    expect(saoPaulo(Date.parse('2018-11-04T02:30:00Z'))).toBe(dayNumberOfIso('2018-11-03'));
    expect(saoPaulo(Date.parse('2018-11-04T03:00:00Z'))).toBe(dayNumberOfIso('2018-11-04'));
  });

  const CHANGE_DAYS: [zone: string, fromIso: string][] = [
    ['Europe/Berlin', '2025-03-29T12:00:00Z'],
    ['Europe/Berlin', '2025-10-25T12:00:00Z'],
    ['Europe/Moscow', '2010-03-27T00:00:00Z'],
    ['Europe/Moscow', '2010-10-30T00:00:00Z'],
    ['America/Sao_Paulo', '2018-11-03T12:00:00Z'],
    ['America/Sao_Paulo', '2019-02-16T12:00:00Z'],
    ['Australia/Lord_Howe', '2025-10-04T00:00:00Z'],
    ['Australia/Lord_Howe', '2025-04-05T00:00:00Z'],
    ['Asia/Kathmandu', '1985-12-31T12:00:00Z'],
    ['Pacific/Apia', '2011-12-29T00:00:00Z'],
    ['America/St_Johns', '2025-03-09T00:00:00Z'],
    ['Asia/Ho_Chi_Minh', '1975-06-12T00:00:00Z'],
  ];

  it('agrees with Intl at every 7.5 minutes over two days around a change, one function asked in order', () => {
    for (const [zone, fromIso] of CHANGE_DAYS) {
      const dayOf = localDayIn(zone);
      const instants = sweep(fromIso, 48);
      expect(instants.map(dayOf), `${zone} from ${fromIso}`).toEqual(instants.map((instant) => referenceDay(zone, instant)));
    }
  });

  it('agrees with Intl when asked backwards and again (the remembered offsets give the same answers)', () => {
    for (const [zone, fromIso] of CHANGE_DAYS) {
      const dayOf = localDayIn(zone);
      const instants = sweep(fromIso, 48).reverse();
      const expected = instants.map((instant) => referenceDay(zone, instant));
      expect(instants.map(dayOf), `${zone} from ${fromIso}, first pass`).toEqual(expected);
      expect(instants.map(dayOf), `${zone} from ${fromIso}, second pass`).toEqual(expected);
    }
  });
});
