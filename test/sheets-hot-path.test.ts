import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { col, loadBundle } from './helpers/sheets-sandbox';

/**
 * What keeps a 100,000-row column fast in the bundle: the built-ins bound once when Code.js loads (a global look-up
 * per row is what node:vm charges most for), checked by taking the globals away after the load.
 */

describe('built-ins bound when Code.js loads', () => {
  it('day functions keep working when the global Math, Number and Date are replaced after the load', () => {
    const s = loadBundle();
    const start = s.date('2025-04-25T00:00:00+07:00');
    const end = s.date('2025-05-05T00:00:00+07:00');
    vm.runInContext(
      `(function () {
        var gone = function () { throw new Error('a built-in looked up on the global after the load'); };
        Math = { floor: gone, min: gone, max: gone, trunc: gone, abs: gone };
        Number = { isFinite: gone, isNaN: gone, isInteger: gone };
        Date = gone;
      })()`,
      s.context,
    );
    expect(s.call('BUSINESS_DAYS', col(start, start), col(end, start), '', '')).toEqual([[7], [1]]);
    const [[due]] = s.call('ADD_BUSINESS_DAYS', col(start), col(3), 1, '') as Date[][];
    expect(due.getTime()).toBe(Date.parse('2025-04-30T00:00:00+07:00'));
  });
});

describe('result dates shared by the rows of one instant', () => {
  it('ADD_BUSINESS_DAYS over 6,000 rows and SLA_DUE over 3,000: each row the date a call for that row alone gives, rows of one instant sharing a Date', () => {
    const s = loadBundle();
    const day = 86_400_000;
    // Starts over twelve years (more distinct days than the cache has slots), counts of -40..40 working days.
    const starts = Array.from({ length: 6000 }, (_, i) => s.date(new Date(Date.UTC(2020, 0, 1) + ((i * 7919) % 4400) * day - 7 * 3_600_000).toISOString()));
    const counts = Array.from({ length: 6000 }, (_, i) => (i % 81) - 40);
    const added = s.call('ADD_BUSINESS_DAYS', col(...starts), col(...counts), '', '') as Date[][];
    const alone = (i: number) => (s.call('ADD_BUSINESS_DAYS', starts[i], counts[i], '', '') as Date).getTime();
    for (let i = 0; i < 6000; i += 37) expect([i, added[i][0].getTime()]).toEqual([i, alone(i)]);
    // 6,000 rows on 150 start days: a few hundred result days. Direct-mapped, so two instants may take turns in a
    // slot and get a second Date, never one per row.
    const repeated = s.call('ADD_BUSINESS_DAYS', col(...starts.map((_, i) => starts[i % 150])), col(...counts), '', '') as Date[][];
    const instantsShown = new Set(repeated.map(([date]) => date.getTime())).size;
    const datesMade = new Set(repeated.map(([date]) => date)).size;
    expect(instantsShown).toBeLessThan(1000);
    expect(datesMade).toBeLessThan(2 * instantsShown);
    const calendar = 'Mo-Fr 08:00-12:00,13:00-17:00';
    const targets = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? '2.5h' : `${(i % 9) + 1}bd`));
    const instants = starts.slice(0, 3000).map((d, i) => s.date(new Date(d.getTime() + (i % 600) * 60_000).toISOString()));
    const due = s.call('SLA_DUE', col(...instants), col(...targets), calendar) as Date[][];
    for (let i = 0; i < 3000; i += 29) expect([i, due[i][0].getTime()]).toEqual([i, (s.call('SLA_DUE', instants[i], targets[i], calendar) as Date).getTime()]);
  });
});
