import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../sheets-addon/src/functions-meta';
import { generateStubs } from '../sheets-addon/stubs';
import { CODE_PATH, loadBundle, type Sandbox } from './helpers/sheets-sandbox';

/**
 * The built Sheets bundle (`npm run build` first): its size is a contract (Apps Script loads all of Code.js on every
 * custom-function call), and Vietnam's announced holidays reach the sheet through the same tables as the core.
 */
const MAX_CODE_KIB = 400;
let s: Sandbox;
beforeAll(() => {
  s = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
});

describe('Sheets bundle', () => {
  it(`Code.js is at most ${MAX_CODE_KIB} KiB (holiday tables instead of date-holidays; see sheets-addon/README.md)`, () => {
    expect(statSync(CODE_PATH).size / 1024).toBeLessThanOrEqual(MAX_CODE_KIB);
  });

  it('carries each parameter help and return text once, in the autocomplete JSDoc, not again in the runtime table', () => {
    const code = readFileSync(CODE_PATH, 'utf8');
    const stubs = generateStubs();
    const times = (text: string, where: string) => where.split(text).length - 1;
    // Texts long enough not to occur by chance elsewhere in the code (a return text such as "Days." would).
    const texts = Object.values(FUNCTIONS).flatMap(({ params, returns }) => [...params.map((p) => p.help), returns]).filter((text) => text.length >= 30);
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(times(text, code), text).toBe(times(text, stubs));
    // The runtime table keeps what the add-on reads: a summary and the parameters' names.
    expect(s.call('SERVICE_CREDIT', 0.9, [[0.95, 0.1]])).toBe(0.1);
  });

  it('SLA_DUE(Fri 29 Aug 2025 10:00, "1bd", holidays=VN) is Wed 3 Sep 17:00: 1 and 2 Sep are National Day', () => {
    const due = s.call('SLA_DUE', '2025-08-29 10:00', '1bd', 'Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN') as Date;
    expect(due.getTime()).toBe(Date.UTC(2025, 8, 3, 10)); // 17:00 in UTC+7
  });

  it('the swapped Saturday 26 Apr 2025 is a working day and the bridge day Fri 2 May is not', () => {
    const calendar = 'Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN';
    expect(s.call('BUSINESS_HOURS', '2025-04-26 00:00', '2025-04-27 00:00', calendar)).toBe(9);
    expect(s.call('BUSINESS_HOURS', '2025-05-02 00:00', '2025-05-03 00:00', calendar)).toBe(0);
  });
});
