import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { compileCalendar } from '../core/calendar/compile';
import { parseCalendarText } from '../core/calendar/parse';
import { createSlaClock, type SlaCycle } from '../core/sla/clock';
import { slaCompliance } from '../core/sla/compliance';
import { instantOfWallTime } from '../core/calendar/zone';
import { SAMPLE_AS_OF, SAMPLE_CALENDAR, SAMPLE_COMPANY_HOLIDAYS, SAMPLE_REQUESTS } from '../sheets-addon/src/addon/sample';
import { launchChromium, openPage } from './helpers/sheets-browser';
import { loadBundle, type Sandbox } from './helpers/sheets-sandbox';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The sample's SLA compliance straight from the core, as the CLI would compute it, to check the sidebar against. */
function sampleCompliance(): number {
  const spec = parseCalendarText(SAMPLE_CALENDAR, 'UTC');
  const calendar = compileCalendar({ ...spec, holidays: [...spec.holidays, ...SAMPLE_COMPANY_HOLIDAYS.map((date) => ({ date }))] });
  const at = (wall: string) => instantOfWallTime(Date.parse(`${wall.replace(' ', 'T')}:00Z`), 'Asia/Ho_Chi_Minh');
  const cycles: SlaCycle[] = SAMPLE_REQUESTS.map(([key, [, target], requested, delivered]) => {
    const clock = createSlaClock({ id: 'p', name: 'p', stop: { statuses: ['Done'] }, goals: [{ target, calendar: 'c' }] }, { c: calendar });
    const events = delivered ? [{ at: at(delivered), field: 'status', to: 'Done' }] : [];
    return clock.compute({ key, created: at(requested), status: 'Open', fields: {}, events }, at(SAMPLE_AS_OF))!.cycles[0];
  });
  return slaCompliance(cycles).total.compliance!;
}

function sampleSandbox(locale = 'en'): Sandbox {
  const sandbox = loadBundle({ locale, timeZone: 'Europe/Berlin' });
  sandbox.call('insertSampleSheet');
  return sandbox;
}

describe('scorecard sidebar in Chromium', () => {
  it('renders the sample scorecard with numbers and RAG from the core, then switches to Vietnamese', async () => {
    const sandbox = sampleSandbox();
    const page = await openPage(browser, 'Sidebar.html', sandbox);
    const dialogs: string[] = [];
    page.on('dialog', (d) => void dialogs.push(d.message()));
    await page.waitForSelector('.tile');
    const compliance = sampleCompliance();
    const tile = page.locator('[data-kpi="Purchase SLA compliance"]');
    await expect(tile.locator('.actual').textContent()).resolves.toBe(`${(compliance * 100).toFixed(1)}%`);
    // Ratio scoring, default status: GREEN from the target, AMBER within 10 %: compliance ÷ 0.9 is below 0.9, RED.
    expect(compliance / 0.9).toBeLessThan(0.9);
    await expect(tile.locator('.rag').textContent()).resolves.toBe('Off target');
    await expect(page.locator('[data-kpi="Buyers trained on the new ERP"].tile .rag').textContent()).resolves.toBe('Off target');
    await expect(page.locator('[data-kpi="Payroll accuracy"].tile .rag').textContent()).resolves.toBe('On target');
    const report = sandbox.call('getScorecard') as { overall: number };
    await expect(page.locator('#overall').textContent()).resolves.toBe(`${Math.round(report.overall * 100)}%`);
    await expect(page.locator('.alert').count()).resolves.toBe(1);
    await expect(page.locator('.alert').textContent()).resolves.toContain('"Purchase SLA compliance"');
    // A trend needs two points: the 11 company KPIs with history or a previous value; the person KPIs have none.
    await expect(page.locator('svg.trend').count()).resolves.toBe(11);

    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    // Every sparkline is named by its KPI and values; the sample's DSO history is 60, 58, 56, 54, 51 days.
    const dsoTrend = 'Trend of Days sales outstanding, oldest first: 60 days, 58 days, 56 days, 54 days, 51 days';
    await expect(page.getByRole('img', { name: dsoTrend, exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /^Trend of / }).count()).resolves.toBe(11);

    await page.click('#language');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await expect(page.locator('h2').first().textContent()).resolves.toBe('Khía cạnh');
    await expect(page.locator('[data-kpi="Buyers trained on the new ERP"].tile .rag').textContent()).resolves.toBe('Không đạt');
    await expect(
      page.getByRole('img', { name: 'Xu hướng của Days sales outstanding, từ cũ đến mới: 60 days, 58 days, 56 days, 54 days, 51 days', exact: true }).count(),
    ).resolves.toBe(1);
    await page.click('#language');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.screenshot({ path: 'test/artifacts/sidebar.png', fullPage: true });
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('T1: the tree nests objectives in perspectives and KPIs in objectives, each named with its method, score and RAG; pay per person; notes', async () => {
    const page = await openPage(browser, 'Sidebar.html', sampleSandbox());
    const tree = page.getByRole('list', { name: 'Scorecard tree', exact: true });
    await tree.waitFor();
    const item = (name: string | RegExp, within = tree) => within.getByRole('listitem', { name, exact: true });
    await expect(item(/^Back office \(scorecard\): \d+%, (On target|Watch|Off target)$/).count()).resolves.toBe(1);
    const internal = item(/^Internal process \(perspective\): /);
    const comply = item('Stay compliant (objective): 56%, Off target', internal);
    await expect(comply.count()).resolves.toBe(1);
    // Goal/red flag with a goal of 0: 1 incident scores 50/9 of 10 (56 %), AMBER by goal and red flag.
    await expect(item('Compliance incidents (goal/red flag): 1 incidents, 56%, Watch', comply).count()).resolves.toBe(1);
    await expect(item('Payroll accuracy (yes/no): 99.6%, 100%, On target', item(/^Pay people right and on time \(objective\): 98%/, internal)).count()).resolves.toBe(1);
    await expect(item('Days sales outstanding (progress): 51 days, 60%, Off target', item(/^Financial \(perspective\)/)).count()).resolves.toBe(1);
    // The person scorecards hang under the top one, with their KPI pay.
    const lan = item('Lan, payroll accountant (scorecard): 96%, Watch, KPI pay 9,611,111');
    await expect(lan.count()).resolves.toBe(1);
    await expect(item(/^Payslips sent by the 5th \(ratio\): 95.0%, 95%, Watch$/, lan).count()).resolves.toBe(1);
    const pay = page.getByRole('table', { name: 'KPI pay', exact: true });
    await expect(pay.getByRole('row').count()).resolves.toBe(3);
    await expect(pay.getByRole('row', { name: 'Minh 92% 12,000,000 10,989,474', exact: true }).count()).resolves.toBe(1);

    const notes = page.getByRole('list', { name: 'Notes', exact: true }).getByRole('listitem');
    await expect(notes.allTextContents()).resolves.toEqual([
      'Speed KPI "Median purchase TAT" has no quality guard: name an accuracy KPI in "Guarded by" so speed is not bought with errors.',
      'KPI "Buyers trained on the new ERP" has no owner: name the person who answers for it.',
    ]);

    await page.click('#language');
    await expect(page.getByRole('list', { name: 'Lưu ý', exact: true }).getByRole('listitem').first().textContent()).resolves.toMatch(/^Chỉ số tốc độ "Median purchase TAT" chưa có/);
    const cay = page.getByRole('list', { name: 'Cây thẻ điểm', exact: true });
    const quyTrinh = cay.getByRole('listitem', { name: /^Quy trình nội bộ \(khía cạnh\): / });
    await expect(quyTrinh.getByRole('listitem', { name: 'Compliance incidents (chỉ tiêu/cờ đỏ): 1 incidents, 56%, Cần theo dõi', exact: true }).count()).resolves.toBe(1);
    await expect(cay.getByRole('listitem', { name: 'Lan, payroll accountant (thẻ điểm): 96%, Cần theo dõi, Lương KPI chi trả 9.611.111', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('table', { name: 'Lương KPI', exact: true }).getByRole('columnheader').allTextContents()).resolves.toEqual(['Người', 'Điểm', 'Mức lương KPI chuẩn', 'Lương KPI chi trả']);
    await page.close();
  });

  it('opens in Vietnamese for a vi locale, on the Vietnamese sample', async () => {
    const page = await openPage(browser, 'Sidebar.html', sampleSandbox('vi_VN'));
    await page.waitForSelector('.tile');
    await expect(page.locator('.overall-label').textContent()).resolves.toBe('Tổng điểm');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    const tree = page.getByRole('list', { name: 'Cây thẻ điểm', exact: true });
    await expect(tree.getByRole('listitem', { name: /^Khối hỗ trợ \(Back Office\) \(thẻ điểm\): \d+%/ }).count()).resolves.toBe(1);
    const finance = tree.getByRole('listitem', { name: /^Tài chính \(khía cạnh\): 75%/ });
    await expect(finance.getByRole('listitem', { name: 'Số ngày phải thu (DSO) (tiến độ từ mức cơ sở): 51 ngày, 60%, Không đạt', exact: true }).count()).resolves.toBe(1);
    await page.close();
  });

  it('the amber chip passes 4.5:1 in the Chromium test: every RAG chip\'s text on its background, as the browser computes them', async () => {
    const page = await openPage(browser, 'Sidebar.html', sampleSandbox());
    await page.waitForSelector('.tile');
    // WCAG 2.2 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), on the
    // colours Chromium computes for a chip of each status, so a change of the stylesheet is what is measured.
    const ratios = await page.evaluate(() => {
      const channel = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      const luminance = (css: string) => {
        const [r, g, b] = css.match(/\d+/g)!.map(Number);
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      return Object.fromEntries(
        ['GREEN', 'AMBER', 'RED', ''].map((status) => {
          const chip = document.createElement('span');
          chip.className = `rag ${status}`.trim();
          document.body.append(chip);
          const style = getComputedStyle(chip);
          const [l1, l2] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
          chip.remove();
          return [status || 'none', (l1 + 0.05) / (l2 + 0.05)];
        }),
      );
    });
    for (const [status, ratio] of Object.entries(ratios)) expect(ratio, status).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('a vi_VN sweep finds no sidebar number in another locale\'s form: one locale for every number of the panel', async () => {
    const sandbox = sampleSandbox('vi_VN');
    const page = await openPage(browser, 'Sidebar.html', sandbox);
    await page.waitForSelector('.tile');
    // Every number shown (tiles, tree, pay table, overall): Vietnamese groups thousands with "." and writes decimals
    // with ",", so no number may have a decimal point followed by 1-2 digits, nor a "," group of three.
    const numbers = await page.evaluate(() => (document.getElementById('app')!.innerText.match(/\d[\d.,]*\d|\d/g) ?? []));
    expect(numbers.length).toBeGreaterThan(20);
    const englishForm = numbers.filter((n) => /\.\d{1,2}$|\.\d{1,2}\D|,\d{3}(\D|$)/.test(n));
    expect(englishForm).toEqual([]);
    // The panel does use the Vietnamese forms: a percent with a decimal comma and money with "." groups.
    expect(numbers.some((n) => /^\d+,\d$/.test(n))).toBe(true);
    expect(numbers.some((n) => /^\d{1,3}(\.\d{3})+$/.test(n))).toBe(true);
    await page.close();
  });

  it('shows a server error', async () => {
    const sandbox = loadBundle();
    const page = await openPage(browser, 'Sidebar.html', sandbox);
    await page.waitForSelector('.error');
    await expect(page.locator('.error p').textContent()).resolves.toMatch(/^No scorecard sheet: add a sheet whose first row names the columns KPI/);
    await page.close();
  });

  it('T2: a sheet error names the row and column, in the language the page shows after switching', async () => {
    const sandbox = sampleSandbox();
    const page = await openPage(browser, 'Sidebar.html', sandbox);
    await page.waitForSelector('.tile');
    await page.click('#language');
    // Row 4 is Requester CSAT; column J its Target.
    sandbox.book.getSheetByName('Scorecard')!.getRange(4, 10).setValues([['cao']]);
    await page.click('#refresh');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Không tải được thẻ điểmScorecard hàng 4, cột "Target": "cao" không phải là số');
    await page.close();
  });

  it('escapes a KPI named like HTML: no element is created and no script runs', async () => {
    const sandbox = sampleSandbox();
    const evil = '<img src=x onerror=alert(1)>';
    const scorecard = sandbox.book.getSheetByName('Scorecard')!;
    scorecard.getRange(4, 4).setValues([[evil]]); // the name of the first KPI (Requester CSAT)
    const page = await openPage(browser, 'Sidebar.html', sandbox);
    const dialogs: string[] = [];
    page.on('dialog', (d) => void dialogs.push(d.message()));
    await page.waitForSelector('.tile');
    await expect(page.locator('.tile .kpi-name').first().textContent()).resolves.toBe(evil);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('calendar manager in Chromium', () => {
  it('creates, shows the core validation message next to the field, edits and deletes a named calendar', async () => {
    const sandbox = loadBundle();
    const page = await openPage(browser, 'Calendars.html', sandbox);
    await page.waitForSelector('li.empty');
    await page.fill('#name', 'Finance');
    await page.fill('#text', 'Mo-Fr 08:00-17:00 | tz=Mars/Olympus');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('text-message')!.textContent !== '');
    await expect(page.locator('#text-message').textContent()).resolves.toBe(
      'calendar: tz=Mars/Olympus: expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels',
    );
    expect(sandbox.properties.size).toBe(0);

    await page.fill('#text', 'Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh');
    await page.click('#save');
    await page.waitForSelector('[data-calendar="Finance"]');
    expect(sandbox.properties.get('calendar:Finance')).toBe('Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh');
    expect(sandbox.call('BUSINESS_HOURS', '2025-03-03 08:00', '2025-03-04 08:00', 'Finance')).toBe(9);

    await page.click('[data-calendar="Finance"] .edit');
    await page.fill('#name', 'Finance VN');
    await page.click('#save');
    await page.waitForSelector('[data-calendar="Finance VN"]');
    expect([...sandbox.properties.keys()]).toEqual(['calendar:Finance VN']);

    await page.getByRole('button', { name: 'Delete calendar Finance VN', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, delete', exact: true }).click();
    await page.waitForSelector('li.empty');
    expect(sandbox.properties.size).toBe(0);
    await page.close();
  });

  it('shows a year\'s holidays with their status and sources, and adds an announced year\'s days off and worked days in a minute', async () => {
    const sandbox = loadBundle({ locale: 'vi' });
    const page = await openPage(browser, 'Calendars.html', sandbox);
    await page.waitForSelector('#schedule-show');
    await page.fill('#schedule-year', '2026');
    await page.click('#schedule-show');
    await page.waitForSelector('#schedule table');
    await expect(page.locator('#schedule tr[data-status="worked"] td').allTextContents()).resolves.toEqual([
      '2026-01-10', 'Tết Dương lịch: ngày làm bù (cho ngày nghỉ 02/01/2026)', 'làm bù',
      '2026-08-22', 'Quốc khánh: ngày làm bù (cho ngày nghỉ 31/08/2026)', 'làm bù',
    ]);
    await expect(page.locator('#schedule tr[data-status="official"]').count()).resolves.toBe(10);
    await expect(page.locator('#schedule .sources').textContent()).resolves.toContain('9441/TB-BNV');

    // 2027 is not announced yet: an organisation adds its notice to its calendar (here: made-up dates) and saves.
    await page.fill('#name', 'Hà Nội');
    await page.fill('#text', 'T2-T6 08:00-17:00 | holidays=VN');
    await page.fill('#days-off', '30/04/2027, 03/05/2027');
    await page.fill('#worked-days', '08/05/2027');
    await page.click('#add-announced');
    await expect(page.locator('#text').inputValue()).resolves.toBe('Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN,2027-04-30,2027-05-03 | makeup=2027-05-08');
    await expect(page.locator('#announced-message').textContent()).resolves.toBe('Đã thêm: hãy lưu lịch để giữ lại.');
    await page.click('#save');
    await page.waitForSelector('[data-calendar="Hà Nội"]');
    // Mon 3 May closed, Sat 8 May worked: 5 business days from Mon 3 to Sun 9 May 2027.
    expect(sandbox.call('BUSINESS_DAYS', 46510, 46516, 'Hà Nội')).toBe(5);

    // A date the form cannot read is named, in the page's language.
    await page.fill('#days-off', '31/02/2027');
    await page.click('#add-announced');
    await expect(page.locator('#announced-message').textContent()).resolves.toBe(
      '"31/02/2027" không phải là ngày (ghi 2026-08-31 hoặc 31/08/2026, cách nhau bằng dấu phẩy hoặc xuống dòng)',
    );
    await page.close();
  });

  it('a failed save clears the previous "Đã lưu." notice', async () => {
    const sandbox = loadBundle({ locale: 'vi' });
    const page = await openPage(browser, 'Calendars.html', sandbox);
    await page.waitForSelector('#save');
    await page.fill('#name', 'A');
    await page.fill('#text', 'T2-T6 08:00-17:00');
    await page.click('#save');
    await page.waitForSelector('[data-calendar="A"]');
    await expect(page.locator('#notice').textContent()).resolves.toMatch(/^Đã lưu\./);
    await page.fill('#name', 'B');
    await page.fill('#text', 'T2-T6 8-17');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('text-message')!.textContent !== '');
    await expect(page.locator('#notice').textContent()).resolves.toBe('');
    await page.close();
  });

  it('names each Edit and Delete button after its calendar, sets lang, and asks before deleting', async () => {
    const sandbox = loadBundle();
    sandbox.call('saveCalendar', 'Hanoi office', 'Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh', '');
    sandbox.call('saveCalendar', 'Finance', 'Mo-Fr 09:00-18:00', '');
    const page = await openPage(browser, 'Calendars.html', sandbox);
    const dialogs: string[] = [];
    page.on('dialog', (d) => void dialogs.push(d.message()));
    await page.waitForSelector('[data-calendar="Hanoi office"]');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    for (const name of ['Edit calendar Hanoi office', 'Delete calendar Hanoi office', 'Edit calendar Finance', 'Delete calendar Finance']) {
      await expect(button(name).count(), name).resolves.toBe(1);
    }
    await expect(page.getByRole('button', { name: 'Edit', exact: true }).count()).resolves.toBe(0);

    // Delete asks first; Cancel keeps the calendar and has the focus.
    await button('Delete calendar Hanoi office').click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Delete the calendar "Hanoi office"? Formulas that use it will stop working.');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    await button('Cancel').click();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(sandbox.properties.has('calendar:Hanoi office')).toBe(true);

    await button('Delete calendar Hanoi office').click();
    await button('Yes, delete').click();
    await page.waitForSelector('[data-calendar="Hanoi office"]', { state: 'detached' });
    expect([...sandbox.properties.keys()]).toEqual(['calendar:Finance']);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('is in Vietnamese, with lang="vi", for a vi locale', async () => {
    const sandbox = loadBundle({ locale: 'vi' });
    sandbox.call('saveCalendar', 'Văn phòng Hà Nội', 'Mo-Fr 08:00-17:00', '');
    const page = await openPage(browser, 'Calendars.html', sandbox);
    await page.waitForSelector('[data-calendar="Văn phòng Hà Nội"]');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await expect(page.getByRole('button', { name: 'Sửa lịch Văn phòng Hà Nội', exact: true }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Xóa lịch Văn phòng Hà Nội', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Xóa lịch "Văn phòng Hà Nội"?');
    await page.getByRole('button', { name: 'Có, xóa', exact: true }).click();
    await page.waitForSelector('li.empty');
    expect(sandbox.properties.size).toBe(0);
    await page.close();
  });
});
