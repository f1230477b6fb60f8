import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from './helpers/sheets-browser';
import { loadBundle, type Sandbox } from './helpers/sheets-sandbox';

/**
 * The calendar manager's Recalculate button and rename confirmation in headless Chromium, in English and Vietnamese,
 * on the built page and bundle (`npm run build` first).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const HOURS = 'Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh';

/** A sandbox with saved calendars and, in Sheet1!C2:C…, formulas naming them. */
function sandboxWith(locale: string, calendars: string[], formulas: string[]): { sandbox: Sandbox; formulas: () => string[] } {
  const sandbox = loadBundle({ locale });
  for (const name of calendars) sandbox.call('saveCalendar', name, HOURS, '');
  const sheet = sandbox.book.getSheetByName('Sheet1')!;
  sheet.getRange(2, 1, 1, 2).setValues([['2025-03-03 08:00', '2025-03-04 08:00']]);
  sheet.getRange(2, 3, formulas.length, 1).setFormulas(formulas.map((f) => [f]));
  return { sandbox, formulas: () => sheet.getRange(2, 3, formulas.length, 1).getFormulas().map(([f]) => f) };
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const notice = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });

describe('calendar manager: recalculate and rename in Chromium', () => {
  it('English: Recalculate is named after its calendar and reports the cells; a rename asks before updating formulas', async () => {
    const { sandbox, formulas } = sandboxWith('en', ['Finance', 'Sales', 'Legal'], ['=BUSINESS_HOURS(A2,B2,"Finance")', '=SLA_DUE(A2,8,"finance")', '=BUSINESS_HOURS(A2,B2,"Sales")']);
    const page = await openPage(browser, 'Calendars.html', sandbox);
    const dialogs: string[] = [];
    page.on('dialog', (d) => void dialogs.push(d.message()));
    await page.waitForSelector('[data-calendar="Finance"]');
    for (const name of ['Recalculate cells using Finance', 'Recalculate cells using Sales']) await expect(button(page, name).count(), name).resolves.toBe(1);

    await button(page, 'Recalculate cells using Finance').click();
    await expect(notice(page).textContent()).resolves.toBe('Cells recalculated: 2.');
    expect(formulas()).toEqual(['=BUSINESS_HOURS(A2,B2,"Finance ")', '=SLA_DUE(A2,8,"finance ")', '=BUSINESS_HOURS(A2,B2,"Sales")']);

    // Rename: the page says how many formulas use the old name and asks; Cancel (focused) changes nothing.
    await button(page, 'Edit calendar Finance').click();
    await page.fill('#name', 'Finance VN');
    await page.click('#save');
    const question = page.getByRole('alert');
    await expect(question.textContent()).resolves.toContain('Formulas and cells that name "Finance" as a calendar: 2. Update them to "Finance VN"?');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    await button(page, 'Cancel').click();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(sandbox.properties.has('calendar:Finance')).toBe(true);
    await expect(page.inputValue('#name')).resolves.toBe('Finance VN');

    await page.click('#save');
    await button(page, 'Rename and update formulas').click();
    await page.waitForSelector('[data-calendar="Finance VN"]');
    await expect(notice(page).textContent()).resolves.toBe('Saved. Formulas and cells updated: 2. Cells recalculated: 2.');
    expect(formulas()).toEqual(['=BUSINESS_HOURS(A2,B2,"Finance VN ")', '=SLA_DUE(A2,8,"Finance VN ")', '=BUSINESS_HOURS(A2,B2,"Sales")']);
    expect([...sandbox.properties.keys()].sort()).toEqual(['calendar:Finance VN', 'calendar:Legal', 'calendar:Sales']);

    // A rename no formula depends on asks nothing.
    await button(page, 'Edit calendar Legal').click();
    await page.fill('#name', 'Legal team');
    await page.click('#save');
    await page.waitForSelector('[data-calendar="Legal team"]');
    await expect(notice(page).textContent()).resolves.toBe('Saved.');

    // Deleting recalculates the formulas that named it, and says so.
    await button(page, 'Delete calendar Finance VN').click();
    await button(page, 'Yes, delete').click();
    await page.waitForSelector('[data-calendar="Finance VN"]', { state: 'detached' });
    await expect(notice(page).textContent()).resolves.toBe('Cells recalculated: 2.');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('Vietnamese: the same controls and answers in Vietnamese, "rename only" leaves the formulas, server errors in Vietnamese', async () => {
    const { sandbox, formulas } = sandboxWith('vi_VN', ['Văn phòng'], ['=BUSINESS_HOURS(A2,B2,"Văn phòng")']);
    const page = await openPage(browser, 'Calendars.html', sandbox);
    await page.waitForSelector('[data-calendar="Văn phòng"]');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await button(page, 'Tính lại các ô dùng lịch Văn phòng').click();
    await expect(notice(page).textContent()).resolves.toBe('Số ô đã tính lại: 1.');

    await button(page, 'Sửa lịch Văn phòng').click();
    await page.fill('#name', 'Văn phòng HN');
    await page.fill('#text', 'Mo-Fr 08:00-17:00 | holidays=ZZ');
    await page.click('#save');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Số công thức và ô dùng "Văn phòng" làm lịch: 1. Cập nhật chúng sang "Văn phòng HN"?');
    await button(page, 'Chỉ đổi tên').click();
    // The server refuses the text, in Vietnamese, next to the field; nothing is renamed.
    await page.waitForFunction(() => document.getElementById('text-message')!.textContent !== '');
    await expect(page.locator('#text-message').textContent()).resolves.toBe('holidays=ZZ: không có quốc gia "ZZ" (cần mã ISO 3166 như VN, DE hoặc US)');
    await expect(page.locator('#text').getAttribute('aria-invalid')).resolves.toBe('true');
    expect([...sandbox.properties.keys()]).toEqual(['calendar:Văn phòng']);

    // A name error replaces the text error: the fixed field loses its message and its invalid mark.
    await page.fill('#name', '09:00');
    await page.fill('#text', HOURS);
    await page.click('#save');
    await button(page, 'Chỉ đổi tên').click();
    await page.waitForFunction(() => document.getElementById('name-message')!.textContent !== '');
    await expect(page.locator('#text-message').textContent()).resolves.toBe('');
    await expect(page.locator('#text').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(page.locator('#name').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.fill('#name', 'Văn phòng HN');
    await page.click('#save');
    await button(page, 'Chỉ đổi tên').click();
    await page.waitForSelector('[data-calendar="Văn phòng HN"]');
    await expect(notice(page).textContent()).resolves.toBe('Đã lưu. Số ô đã tính lại: 1.');
    // Left naming the old calendar (recalculated, so the cell shows the error instead of a stale result).
    expect(formulas()).toEqual(['=BUSINESS_HOURS(A2,B2,"Văn phòng  ")']);
    await page.close();
  });
});
