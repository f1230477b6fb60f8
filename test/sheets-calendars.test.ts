import { describe, expect, it } from 'vitest';
import { calendarArguments } from '../sheets-addon/src/calendars/formula-calls';
import { loadBundle, PROPERTY_STORE_LIMIT, PROPERTY_VALUE_LIMIT, type Sandbox } from './helpers/sheets-sandbox';

/**
 * The calendar manager's server functions through the built bundle (`npm run build` first): validation of holiday
 * countries and of Apps Script's property limits, rename with formula update, recalculation, messages in the page's
 * language.
 */

const NINE_TO_SIX = 'Mo-Fr 09:00-18:00 | tz=Asia/Ho_Chi_Minh';
const EIGHT_TO_FIVE = 'Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh';

/** A sheet with start/end times in A2:B2 and formulas in C2:C4 (from row 2 down) that name calendars. */
function withFormulas(sandbox: Sandbox, formulas: string[]) {
  const sheet = sandbox.book.getSheetByName('Sheet1')!;
  sheet.getRange(2, 1, 1, 2).setValues([['2025-03-03 08:00', '2025-03-04 08:00']]);
  sheet.getRange(2, 3, formulas.length, 1).setFormulas(formulas.map((f) => [f]));
  return {
    formulas: () => sheet.getRange(2, 3, formulas.length, 1).getFormulas().map(([f]) => f),
    values: () => sheet.getRange(2, 3, formulas.length, 1).getValues().map(([v]) => v),
  };
}

describe('saving a calendar: holiday countries and regions', () => {
  it('rejects an unknown country or region on the text field, naming the option; accepts known ones', () => {
    const s = loadBundle();
    expect(s.call('saveCalendar', 'Finance', 'Mo-Fr 08:00-17:00 | holidays=ZZ')).toEqual({
      ok: false,
      field: 'text',
      message: 'holidays=ZZ: unknown country "ZZ" (expected an ISO 3166 code such as VN, DE or US)',
    });
    expect(s.call('saveCalendar', 'Finance', 'Mo-Fr 08:00-17:00 | holidays=VN,DE-XX')).toEqual({
      ok: false,
      field: 'text',
      message: 'holidays=DE-XX: DE has no region "XX" (expected a code such as BY in DE-BY)',
    });
    expect(s.properties.size).toBe(0);
    expect(s.call('saveCalendar', 'Munich', 'Mo-Fr 08:00-17:00 | holidays=de-by,VN')).toMatchObject({ ok: true, calendar: { name: 'Munich' } });
  });

  it('answers in Vietnamese when the page is in Vietnamese, whatever the locale', () => {
    const s = loadBundle({ locale: 'en' });
    expect(s.call('saveCalendar', 'Tài chính', 'Mo-Fr 08:00-17:00 | holidays=ZZ', '', { language: 'vi' })).toEqual({
      ok: false,
      field: 'text',
      message: 'holidays=ZZ: không có quốc gia "ZZ" (cần mã ISO 3166 như VN, DE hoặc US)',
    });
    expect(s.call('saveCalendar', '09:00', 'Mo-Fr 08:00-17:00', '', { language: 'vi' })).toMatchObject({ field: 'name', message: expect.stringMatching(/^Tên: dùng 1 đến 50/) });
    expect(s.call('saveCalendar', 'X', 'Mo-Fr 8-17', '', { language: 'vi' })).toMatchObject({
      field: 'text',
      message: 'Giờ làm việc không hợp lệ: "Mo-Fr 8-17": cần giờ dạng HH:MM-HH:MM, nhưng nhận "8-17"',
    });
    expect(s.thrown('deleteCalendar', 'Không có', 'vi')).toBe('không có lịch nào tên "Không có"');
    expect(s.thrown('deleteCalendar', 'Nothing', 'en')).toBe('no saved calendar is named "Nothing"');
    // Without a language from the page, the user's locale decides.
    s.setLocale('vi_VN');
    expect(s.call('listCalendars')).toMatchObject({ language: 'vi' });
    expect(s.call('listCalendars', 'en')).toMatchObject({ language: 'en' });
  });
});

describe("saving a calendar: Apps Script's property limits", () => {
  /** Calendar text of about `bytes` bytes: Monday-Friday hours and one holiday date per 11 bytes. */
  const textOfAbout = (bytes: number) => {
    const dates = Array.from({ length: Math.ceil(bytes / 11) }, (_, i) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    return `Mo-Fr 08:00-17:00 | holidays=${dates.join(',')}`;
  };

  it('the property double enforces 9 KB a value and 500 KB a store, with Apps Script\'s messages', () => {
    const s = loadBundle();
    const store = (s.context.PropertiesService as { getDocumentProperties(): { setProperty(k: string, v: string): void } }).getDocumentProperties();
    expect(() => store.setProperty('k', 'x'.repeat(PROPERTY_VALUE_LIMIT + 1))).toThrow('Argument too large: value');
    // Vietnamese letters take 2-3 bytes in UTF-8: 3,073 × "ạ" (3 bytes) is over the limit in 3,073 characters.
    expect(() => store.setProperty('k', 'ạ'.repeat(3073))).toThrow('Argument too large: value');
    store.setProperty('k', 'x'.repeat(PROPERTY_VALUE_LIMIT));
    // 9,217 + 55 × 9,006 bytes = 504,547: one more 9,008-byte property passes 512,000.
    for (let i = 0; i < 55; i++) store.setProperty(`fill:${i}`, 'x'.repeat(9000));
    expect(() => store.setProperty('one-more', 'x'.repeat(9000))).toThrow('You have exceeded the property storage quota');
  });

  it('rejects a calendar over 9 KB on the text field and stores nothing; one just under is saved', () => {
    const s = loadBundle();
    const long = textOfAbout(PROPERTY_VALUE_LIMIT + 200);
    const result = s.call('saveCalendar', 'Long', long) as { ok: boolean; field: string; message: string };
    expect(result).toEqual({
      ok: false,
      field: 'text',
      message: `working time: ${Buffer.byteLength(long)} bytes is more than the 9216 bytes Apps Script keeps in one document property; shorten the text (long lists of dates can go in a holiday range instead)`,
    });
    expect(s.properties.size).toBe(0);
    const fits = textOfAbout(PROPERTY_VALUE_LIMIT - 300);
    expect(Buffer.byteLength(fits)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    expect(s.call('saveCalendar', 'Long', fits)).toMatchObject({ ok: true });
  });

  it('reads the document store once to check a calendar\'s name against the saved ones and the store\'s size', () => {
    const s = loadBundle();
    s.call('saveCalendar', 'Finance', EIGHT_TO_FIVE, '');
    type Store = { getProperties: () => Record<string, string> };
    const service = s.context.PropertiesService as { getDocumentProperties: () => Store };
    const open = service.getDocumentProperties;
    let reads = 0;
    service.getDocumentProperties = () => {
      const store = open();
      return { ...store, getProperties: () => (reads++, store.getProperties()) };
    };
    expect(s.call('saveCalendar', 'Sales', NINE_TO_SIX, '')).toMatchObject({ ok: true });
    expect(reads).toBe(1);
    expect([...s.properties.keys()].sort()).toEqual(['calendar:Finance', 'calendar:Sales']);
  });

  it('rejects a calendar that would fill the document store past 500 KB', () => {
    const s = loadBundle();
    // Calendars of 8,000 bytes, then other data up to 2,000 bytes below the limit.
    for (let i = 0; i < 63; i++) s.properties.set(`calendar:Team ${i}`, textOfAbout(8000).slice(0, 8000));
    const bytesUsed = () => [...s.properties].reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    s.properties.set('notes', 'x'.repeat(PROPERTY_STORE_LIMIT - 2000 - bytesUsed() - Buffer.byteLength('notes')));
    const used = bytesUsed();
    expect(used).toBe(PROPERTY_STORE_LIMIT - 2000);
    const text = textOfAbout(5000);
    expect(s.call('saveCalendar', 'One more', text)).toEqual({
      ok: false,
      field: 'text',
      message: `working time: saving would bring this document's add-on data to ${used + Buffer.byteLength('calendar:One more') + Buffer.byteLength(text)} bytes, more than the 512000 bytes Apps Script keeps per document; delete calendars you no longer use`,
    });
    // Replacing a calendar counts its new text instead of the old one.
    expect(s.call('saveCalendar', 'Team 0', 'Mo-Fr 08:00-17:00', 'Team 0')).toMatchObject({ ok: true });
  });
});

describe('renaming a calendar updates the formulas that name it, when asked', () => {
  const FORMULAS = [
    '=BUSINESS_HOURS(A2,B2,"Finance")',
    '=BUSINESS_HOURS(A2, B2, " finance ")',
    '=BUSINESS_HOURS(A2,B2,"Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh")',
    '=BUSINESS_HOURS(A2,B2,"Sales")',
  ];

  it('counts the formulas using the old name, rewrites exactly those, and reports how many', () => {
    const s = loadBundle();
    s.call('saveCalendar', 'Finance', EIGHT_TO_FIVE, '');
    s.call('saveCalendar', 'Sales', NINE_TO_SIX, '');
    const sheet = withFormulas(s, FORMULAS);
    expect(sheet.values()).toEqual([9, 9, 9, 9]);
    expect(s.call('countCalendarFormulas', 'Finance')).toEqual({ count: 2 });

    expect(s.call('saveCalendar', 'Finance VN', EIGHT_TO_FIVE, 'Finance', { updateFormulas: true })).toMatchObject({ ok: true, namesUpdated: 2 });
    // Renamed, then recalculated as formulas using "Finance VN" (a result Sheets may hold for "Finance VN" from before
    // the calendar existed must not come back): one trailing space, which names ignore.
    expect(sheet.formulas()).toEqual([
      '=BUSINESS_HOURS(A2,B2,"Finance VN ")',
      '=BUSINESS_HOURS(A2, B2, "Finance VN ")',
      FORMULAS[2],
      FORMULAS[3],
    ]);
    expect(sheet.values()).toEqual([9, 9, 9, 9]);
    expect([...s.properties.keys()].sort()).toEqual(['calendar:Finance VN', 'calendar:Sales']);
  });

  it('leaves the formulas alone when the user chose "rename only": they then fail, naming the old calendar', () => {
    const s = loadBundle();
    s.call('saveCalendar', 'Finance', EIGHT_TO_FIVE, '');
    const sheet = withFormulas(s, FORMULAS.slice(0, 1));
    expect(s.call('saveCalendar', 'Finance VN', EIGHT_TO_FIVE, 'Finance', { updateFormulas: false })).toMatchObject({ ok: true, namesUpdated: 0 });
    expect(sheet.formulas()[0]).toMatch(/^=BUSINESS_HOURS\(A2,B2,"Finance *"\)$/);
    expect(sheet.values()).toEqual(['#ERROR!']);
    expect(s.thrown('BUSINESS_HOURS', '2025-03-03 08:00', '2025-03-04 08:00', 'Finance')).toBe(
      'BUSINESS_HOURS: calendar: no saved calendar is named "Finance" (saved: Finance VN)',
    );
  });

  it('renames the cells calendar arguments read a name from: a per-row column, a cell, another sheet', () => {
    const s = loadBundle();
    s.call('saveCalendar', 'Finance', EIGHT_TO_FIVE, '');
    s.call('saveCalendar', 'Sales', EIGHT_TO_FIVE, '');
    const sheet = s.book.getSheetByName('Sheet1')!;
    const other = s.book.insertSheet('Q1 (draft)');
    other.getRange(1, 1, 2, 1).setValues([['finance '], ['Finance']]);
    sheet.getRange(2, 1, 3, 6).setValues([
      ['2025-03-03 08:00', '2025-03-04 08:00', '', 'Finance', '', 'FINANCE'],
      ['2025-03-03 08:00', '2025-03-04 08:00', '', 'Sales', '', 'Finance'],
      ['2025-03-03 08:00', '2025-03-04 08:00', '', 'Finance', '', ''],
    ]);
    sheet
      .getRange(2, 3, 3, 1)
      .setFormulas([['=BUSINESS_HOURS(A2:A4,B2:B4,D2:D4)'], ['=BUSINESS_HOURS(A2,B2,$F$2)'], ["=SLA_DUE(A2,8,'Q1 (draft)'!A1)"]]);
    // D2 and D4, F2, and Q1 (draft)!A1; not F3 nor Q1 (draft)!A2, which no calendar argument reads.
    expect(s.call('countCalendarFormulas', 'Finance')).toEqual({ count: 4 });
    expect(s.call('saveCalendar', 'Finance VN', EIGHT_TO_FIVE, 'Finance', { updateFormulas: true })).toMatchObject({ ok: true, namesUpdated: 4 });
    expect(sheet.getRange(2, 4, 3, 3).getValues()).toEqual([
      ['Finance VN', '', 'Finance VN'],
      ['Sales', '', 'Finance'],
      ['Finance VN', '', ''],
    ]);
    expect(other.getRange(1, 1, 2, 1).getValues()).toEqual([['Finance VN'], ['Finance']]);
    expect(sheet.getRange(3, 3).getValues()).toEqual([[9]]);
  });

  it('reads each sheet\'s formulas once to count or rename, and once more to recalculate what the rename wrote', () => {
    const s = loadBundle();
    s.call('saveCalendar', 'Finance', EIGHT_TO_FIVE, '');
    const sheet = s.book.getSheetByName('Sheet1')!;
    withFormulas(s, ['=BUSINESS_HOURS(A2,B2,"Finance")', '=BUSINESS_HOURS(A2,B2,$D$2)']);
    sheet.getRange(2, 4).setValues([['Finance']]);
    let formulaReads = 0;
    const dataRange = sheet.getDataRange.bind(sheet);
    sheet.getDataRange = () => {
      const range = dataRange();
      return { ...range, getFormulas: () => (formulaReads++, range.getFormulas()) };
    };
    expect(s.call('countCalendarFormulas', 'Finance')).toEqual({ count: 2 });
    expect(formulaReads).toBe(1);
    expect(s.call('saveCalendar', 'Finance VN', EIGHT_TO_FIVE, 'Finance', { updateFormulas: true })).toMatchObject({ ok: true, namesUpdated: 2 });
    expect(formulaReads).toBe(3);
  });

  it('rewrites formulas on every sheet', () => {
    const s = loadBundle();
    s.call('saveCalendar', 'Ops', EIGHT_TO_FIVE, '');
    const other = s.book.insertSheet('Q1 (draft)');
    other.getRange(1, 1, 3, 1).setFormulas([['=SLA_DUE(\'Sheet1\'!A2,8,"Ops")'], ['=MTTR(A1:A2,B1:B2,"Ops")'], ['=SLA_COMPLIANCE(A1:A2,B1:B2,8,"OPS",C1:C2)']]);
    expect(s.call('saveCalendar', 'Ops VN', EIGHT_TO_FIVE, 'Ops', { updateFormulas: true })).toMatchObject({ ok: true, namesUpdated: 3 });
    // Then recalculated as formulas using "Ops VN" (see the recalculation tests): one trailing space.
    expect(other.getRange(1, 1, 3, 1).getFormulas()).toEqual([
      [`=SLA_DUE('Sheet1'!A2,8,"Ops VN ")`],
      ['=MTTR(A1:A2,B1:B2,"Ops VN ")'],
      ['=SLA_COMPLIANCE(A1:A2,B1:B2,8,"Ops VN ",C1:C2)'],
    ]);
  });
});

describe('recalculating the cells that use an edited calendar', () => {
  it('Sheets keeps results by arguments: an edit alone leaves stale results; Recalculate refreshes exactly the cells naming it', () => {
    const s = loadBundle({ cacheCustomFunctionResults: true });
    s.call('saveCalendar', 'Finance', EIGHT_TO_FIVE, '');
    s.call('saveCalendar', 'Sales', EIGHT_TO_FIVE, '');
    const sheet = withFormulas(s, ['=BUSINESS_HOURS(A2,B2,"Finance")', '=BUSINESS_HOURS(A2,B2,"Sales")', '=BUSINESS_HOURS(A2,B2,"finance ")']);
    expect(sheet.values()).toEqual([9, 9, 9]);

    // Someone else's edit reaches the store without this add-on's recalculation: the cells keep their results.
    s.properties.set('calendar:Finance', NINE_TO_SIX);
    s.properties.set('calendar:Sales', NINE_TO_SIX);
    expect(sheet.values()).toEqual([9, 9, 9]);

    expect(s.call('recalculateCalendar', 'Finance')).toEqual({ recalculated: 2 });
    // 03-03 09:00-18:00 and 03-04 08:00 is before opening: 9 h either way, so check the text and use a later end.
    expect(sheet.formulas()).toEqual(['=BUSINESS_HOURS(A2,B2,"Finance ")', '=BUSINESS_HOURS(A2,B2,"Sales")', '=BUSINESS_HOURS(A2,B2,"finance  ")']);
    s.book.getSheetByName('Sheet1')!.getRange(2, 2).setValues([['2025-03-03 12:00']]);
    s.book.resultsByArguments!.clear();
    s.call('saveCalendar', 'Sales', NINE_TO_SIX, 'Sales');
    // 08:00-12:00 on 08:00-17:00 is 4 h; on 09:00-18:00 it is 3 h.
    expect(sheet.values()).toEqual([3, 3, 3]);
  });

  it('saving an edited calendar recalculates its formulas, so cells show the new hours', () => {
    const s = loadBundle({ cacheCustomFunctionResults: true });
    s.call('saveCalendar', 'Finance', EIGHT_TO_FIVE, '');
    const sheet = withFormulas(s, ['=BUSINESS_HOURS(A2,B2,"Finance")', '=BUSINESS_HOURS(A2,B2,"Mo-Fr 08:00-17:00")']);
    s.book.getSheetByName('Sheet1')!.getRange(2, 2).setValues([['2025-03-03 12:00']]);
    expect(sheet.values()).toEqual([4, 4]);
    expect(s.call('saveCalendar', 'Finance', NINE_TO_SIX, 'Finance')).toMatchObject({ ok: true, recalculated: 1 });
    expect(sheet.values()).toEqual([3, 4]);
    // Ten edits in a row cycle through ten spellings of the name (trailing spaces) and come back to the first.
    for (let i = 0; i < 9; i++) s.call('recalculateCalendar', 'Finance');
    expect(sheet.formulas()[0]).toBe('=BUSINESS_HOURS(A2,B2,"Finance")');
  });

  it('deleting a calendar recalculates its formulas, so they show the error instead of a stale result', () => {
    const s = loadBundle({ cacheCustomFunctionResults: true });
    s.call('saveCalendar', 'Finance', EIGHT_TO_FIVE, '');
    const sheet = withFormulas(s, ['=BUSINESS_HOURS(A2,B2,"Finance")']);
    expect(sheet.values()).toEqual([9]);
    expect(s.call('deleteCalendar', 'Finance')).toEqual({ ok: true, recalculated: 1 });
    expect(sheet.values()).toEqual(['#ERROR!']);
  });
});

describe('finding calendar arguments in formula text', () => {
  const BUSINESS_HOURS_ONLY = (name: string) => (name === 'BUSINESS_HOURS' ? 2 : name === 'SLA_DUE' ? 2 : undefined);
  const literals = (formula: string) => calendarArguments(formula, BUSINESS_HOURS_ONLY).map((a) => a.literal ?? formula.slice(a.start, a.end));

  it('reads the calendar position of the add-on\'s calls only, nested at any depth, any case', () => {
    expect(literals('=IFERROR(business_hours(A2,B2,"Finance"),IF(A1="Finance",SLA_DUE(A2,8,"Ops"),""))')).toEqual(['Finance', 'Ops']);
    expect(literals('=BUSINESS_HOURS(A2,B2)')).toEqual([]);
    expect(literals('=CONCAT("Finance","x")')).toEqual([]);
  });

  it('skips text and quoted sheet names that hold commas, quotes or parentheses, and array literals', () => {
    expect(literals('=BUSINESS_HOURS("a,b(", \'Q1, (draft)\'!B2, "Fin ""x""")')).toEqual(['Fin "x"']);
    expect(literals('=BUSINESS_HOURS(A2,{1,2;3,4},"Finance")')).toEqual(['Finance']);
    expect(literals('=BUSINESS_HOURS(A2,B2,{"Finance";"Ops"})')).toEqual(['{"Finance";"Ops"}']);
    expect(literals('=BUSINESS_HOURS(A2;B2;"Finance")')).toEqual(['Finance']);
  });

  it('gives a reference alone as its cells, an expression as its text only', () => {
    const [cell] = calendarArguments('=BUSINESS_HOURS(A2,B2, $F$1 )', BUSINESS_HOURS_ONLY);
    expect(cell).toEqual({ start: 23, end: 27, reference: { row: 1, column: 6, rows: 1, columns: 1 } });
    const [range] = calendarArguments("=BUSINESS_HOURS(A2,B2,'Q1 (it''s draft)'!$AB$90:ab2)", BUSINESS_HOURS_ONLY);
    expect(range.reference).toEqual({ sheet: "Q1 (it's draft)", row: 2, column: 28, rows: 89, columns: 1 });
    expect(calendarArguments('=BUSINESS_HOURS(A2,B2,D:D)', BUSINESS_HOURS_ONLY)[0].reference).toBeUndefined();
    expect(literals('=BUSINESS_HOURS(A2,B2,"Fin"&"ance")')).toEqual(['"Fin"&"ance"']);
  });
});
