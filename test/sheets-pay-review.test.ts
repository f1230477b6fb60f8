/**
 * Review before paying in Sheets, through the built bundle (run `npm run build` first): a scorecard sheet whose Signal
 * column names a gaming signal on a KPI puts a review note on the pay line of the scorecard holding it, in the report
 * and in the sidebar's pay table; the pay itself does not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from './helpers/sheets-browser';
import { loadBundle, type Sandbox } from './helpers/sheets-sandbox';

type Payout = { owner: string; payout: number; review: Array<{ signal: string; kpi: string; examples: string[] }> };

const HEADER = ['ID', 'Parent', 'Kind', 'Name', 'Perspective', 'Pillar', 'Direction', 'Unit', 'Target', 'Owner', 'Level', 'Pay base', 'Actual'];
const HEADER_VI = ['Mã', 'Thuộc', 'Loại', 'Tên', 'Khía cạnh', 'Trụ cột', 'Chiều', 'Đơn vị', 'Mục tiêu', 'Người phụ trách', 'Cấp', 'Lương KPI', 'Thực tế'];

/** Lan's and Minh's person scorecards under a team; `signals` is the Signal column's cell per KPI row (none: no column). */
function sandboxWith(signals?: { closed: string; dso: string }, header = HEADER, signalHeader = 'Signal'): Sandbox {
  const sandbox = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh' });
  const rows: unknown[][] = [
    ['TEAM', '', 'Scorecard', 'Back office', '', '', '', '', '', 'Head', 'Department', '', ''],
    ['LAN', 'TEAM', 'Scorecard', 'Lan', '', '', '', '', '', 'Lan', 'Person', 10_000_000, ''],
    ['CLOSED', 'LAN', 'KPI', 'Tickets closed', 'Internal process', 'Volume', 'higher', '#', 100, 'Lan', '', '', 110],
    ['MINH', 'TEAM', 'Scorecard', 'Minh', '', '', '', '', '', 'Minh', 'Person', 12_000_000, ''],
    ['DSO', 'MINH', 'KPI', 'Days sales outstanding', 'Financial', 'Speed', 'lower', 'days', 45, 'Minh', '', '', 48],
  ];
  const cells = signals === undefined ? rows : rows.map((row, i) => [...row, i === 2 ? signals.closed : i === 4 ? signals.dso : '']);
  const sheet = sandbox.book.insertSheet('Team');
  const all = [signals === undefined ? header : [...header, signalHeader], ...cells];
  sheet.getRange(1, 1, all.length, all[0].length).setValues(all);
  return sandbox;
}

const payouts = (sandbox: Sandbox) => (sandbox.call('getScorecard') as { payouts: Payout[] }).payouts;

describe('review before paying in Sheets', () => {
  it('a Signal cell on a KPI puts a review note on its scorecard pay line; the pay is the same as without it', () => {
    const plain = payouts(sandboxWith());
    const flagged = payouts(sandboxWith({ closed: 'G3 last-minute stops: SUP-7, SUP-9', dso: '' }));
    expect(flagged.map((p) => [p.owner, p.review])).toEqual([
      ['Lan', [{ signal: 'G3', kpi: 'Tickets closed', examples: ['SUP-7', 'SUP-9'] }]],
      ['Minh', []],
    ]);
    expect(flagged.map((p) => p.payout)).toEqual(plain.map((p) => p.payout));
    expect(plain.every((p) => p.review.length === 0)).toBe(true);
  });

  it('reads a Vietnamese sheet and names the row and column of a cell that is not a signal', () => {
    expect(payouts(sandboxWith({ closed: '', dso: 'G4' }, HEADER_VI, 'Tín hiệu'))[1].review).toEqual([{ signal: 'G4', kpi: 'Days sales outstanding', examples: [] }]);
    expect(() => payouts(sandboxWith({ closed: 'G9: SUP-1', dso: '' }))).toThrow(
      'Team row 4, column "Signal": "G9: SUP-1" is not a gaming signal: write G1 to G5, then the example tickets after a colon (G3: SUP-1, SUP-2)',
    );
  });
});

describe('the sidebar pay table in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the review note under the pay line, in English and in Vietnamese', async () => {
    const page = await openPage(browser, 'Sidebar.html', sandboxWith({ closed: 'G3: SUP-7, SUP-9', dso: '' }));
    await page.waitForSelector('.payouts');
    const pay = page.getByRole('table', { name: 'KPI pay', exact: true });
    await expect(pay.locator('tbody tr').allTextContents()).resolves.toEqual([
      'Lan110%10,000,00011,000,000',
      'Review before paying: G3 last-minute stops on "Tickets closed"; examples: SUP-7, SUP-9',
      expect.stringMatching(/^Minh/),
    ]);
    await page.click('#language');
    await expect(page.locator('.pay-review').textContent()).resolves.toBe('Xem xét trước khi chi trả: G3 đóng sát hạn ở "Tickets closed"; ví dụ: SUP-7, SUP-9');
    await page.close();
  });
});
