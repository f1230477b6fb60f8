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
