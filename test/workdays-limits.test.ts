/**
 * WORKDAY.INTL and NETWORKDAYS.INTL at the ends of the dates spreadsheets hold (0001-01-01 … 9999-12-31): the range
 * error and its wording, holidays beyond the ends, and holiday lists that are nested or out of order.
 */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, CalendarError, dayNumberOfIso, prepareWorkdays, workingDaysBetween } from '../core';

const FIRST = dayNumberOfIso('0001-01-01'); // a Monday
const LAST = dayNumberOfIso('9999-12-31'); // a Friday
const NO_WEEKEND = '0000000';

/** Both ways of answering: the one-call function (binary search) and a prepared column (per-day tables). */
const adders = (weekend?: string | number, holidays?: readonly unknown[]) => [
  (start: number, days: number) => addWorkingDays(start, days, weekend, holidays),
  (start: number, days: number) => prepareWorkdays(weekend, holidays).add(start, days),
];

function rangeError(call: () => number): [string, string] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    return [(error as CalendarError).field, (error as CalendarError).message];
  }
  throw new Error('no error');
}

describe('WORKDAY.INTL at the ends of the dates spreadsheets hold', () => {
  it('reaches 9999-12-31 and 0001-01-01 themselves', () => {
    for (const add of adders()) {
      expect(add(LAST - 1, 1)).toBe(LAST);
      expect(add(FIRST + 1, -1)).toBe(FIRST);
    }
  });

  it('one day past the last date is the range error, in the singular, naming the start', () => {
    for (const add of adders()) {
      expect(rangeError(() => add(LAST, 1))).toEqual(['days', 'days: 1 working day from 9999-12-31 fall after 9999-12-31, the last date a spreadsheet holds']);
      expect(rangeError(() => add(LAST - 1, 2))).toEqual(['days', 'days: 2 working days from 9999-12-30 fall after 9999-12-31, the last date a spreadsheet holds']);
    }
  });

  it('days before the first date is the range error, in the plural', () => {
    for (const add of adders()) {
      expect(rangeError(() => add(FIRST, -2))).toEqual(['days', 'days: -2 working days from 0001-01-01 fall before 0001-01-01, the first date a spreadsheet holds']);
      expect(rangeError(() => add(FIRST, -1))).toEqual(['days', 'days: -1 working day from 0001-01-01 fall before 0001-01-01, the first date a spreadsheet holds']);
    }
  });

  it('a start outside the dates is shown as its day number', () => {
    for (const add of adders()) {
      expect(rangeError(() => add(LAST + 10, 3))).toEqual(['days', `days: 3 working days from day ${LAST + 10} fall after 9999-12-31, the last date a spreadsheet holds`]);
      expect(rangeError(() => add(FIRST - 1, -1))).toEqual(['days', `days: -1 working day from day ${FIRST - 1} fall before 0001-01-01, the first date a spreadsheet holds`]);
      // Coming back into the dates from outside them is a date.
      expect(add(LAST + 3, -1)).toBe(LAST);
      expect(add(FIRST - 3, 1)).toBe(FIRST);
    }
  });
});

describe('holidays at and beyond the ends of the dates', () => {
  it('counts a holiday on 0001-01-01 and on 9999-12-31 (or a fraction of it)', () => {
    expect(workingDaysBetween(FIRST, FIRST + 6, NO_WEEKEND, [FIRST])).toBe(6);
    expect(workingDaysBetween(LAST - 6, LAST, NO_WEEKEND, [LAST + 0.5])).toBe(6);
    expect(prepareWorkdays(NO_WEEKEND, [FIRST, LAST + 0.5]).count(FIRST, FIRST + 6)).toBe(6);
    for (const add of adders(NO_WEEKEND, [LAST])) expect(() => add(LAST - 1, 1)).toThrow('fall after 9999-12-31');
    for (const add of adders(NO_WEEKEND, [FIRST])) expect(() => add(FIRST + 1, -1)).toThrow('fall before 0001-01-01');
  });

  it('ignores a holiday past either end, even in a count that reaches past it', () => {
    expect(workingDaysBetween(LAST - 1, LAST + 2, NO_WEEKEND, [LAST + 1])).toBe(4);
    expect(workingDaysBetween(FIRST - 2, FIRST + 1, NO_WEEKEND, [FIRST - 1, FIRST - 0.5])).toBe(4);
    expect(prepareWorkdays(NO_WEEKEND, [LAST + 1, FIRST - 1]).count(FIRST - 2, FIRST + 1)).toBe(4);
  });
});

describe('holiday lists that are nested or out of order', () => {
  const mon = dayNumberOfIso('2025-03-10');

  it('sorts a nested range given out of order, whatever the order outside it', () => {
    const nested = [[mon + 2, mon], [mon + 1]];
    expect(workingDaysBetween(mon, mon + 4, 1, nested)).toBe(2);
    for (const add of adders(1, nested)) {
      expect(add(mon - 3, 1)).toBe(mon + 3);
      expect(add(mon + 7, -5)).toBe(mon - 5);
    }
    const sortedOutside = [mon - 7, [mon + 2, mon]];
    expect(workingDaysBetween(mon, mon + 4, 1, sortedOutside)).toBe(3);
    for (const add of adders(1, sortedOutside)) expect(add(mon - 1, 2)).toBe(mon + 3);
  });
});
