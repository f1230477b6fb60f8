// The bench's new peers must be right before their speed means anything: each is checked against the bench's own
// minute-stepping reference (bench/calendar.ts), in UTC as the bench runs them.
import { describe, expect, it } from 'vitest';
import { PROCESS_ZONE } from '../bench/process-zone';
import { naiveMinutesBetween } from '../bench/calendar';
import { generateInputs } from '../bench/inputs';
import { dayLoopEngine, OPENING_HOURS_SPEC, openingHoursEngine, type PeerEngine } from '../bench/peers';

describe('bench peers', () => {
  it('run in UTC, like the bench', () => {
    expect(PROCESS_ZONE).toBe('UTC');
    expect(new Date(Date.UTC(2025, 6, 1)).getTimezoneOffset()).toBe(0);
  });

  it('writes every holiday as a dated opening_hours rule', () => {
    expect(OPENING_HOURS_SPEC).toMatch(/^Mo-Fr 08:00-12:00,13:00-17:00; 2024 Jan 01 off; 2024 Feb 08 off;/);
    expect(OPENING_HOURS_SPEC.split('; ')).toHaveLength(46);
  });

  for (const peer of [dayLoopEngine, openingHoursEngine] as PeerEngine<unknown>[]) {
    it(`${peer.name} matches the minute-stepping reference on random 0-5 day durations`, () => {
      const inputs = generateInputs(150, 42);
      for (let i = 0; i < inputs.size; i++) {
        const [a, b] = [inputs.a[i], inputs.b[i]];
        expect(peer.between(peer.wrap(a), peer.wrap(b)), `${new Date(a).toISOString()} → ${new Date(b).toISOString()}`).toBe(naiveMinutesBetween(a, b));
      }
    });
  }

  it('the day loop skips a holiday and counts both windows (worked example)', () => {
    // Fri 26 Apr 2024 10:00 → Thu 2 May 09:00: Fri 10-12 and 13-17 (6 h), the weekend, Mon 29 Apr to Wed 1 May are
    // holidays in the bench list, Thu 08-09 (1 h): 7 h.
    expect(dayLoopEngine.between(Date.UTC(2024, 3, 26, 10), Date.UTC(2024, 4, 2, 9))).toBe(7 * 60);
  });
});
