/**
 * English left in Vietnamese mode: every Vietnamese catalogue of the doors, and core errors as the Sheets door renders
 * them in a Vietnamese sheet, are split into words; none may be a word of the English catalogues or of a list of
 * known English terms, apart from codes and abbreviations a Vietnamese back office writes as they are.
 */
import { describe, expect, it } from 'vitest';
import { compileCalendar, createSlaClock, dso, parseCalendarText, parseTarget, progressScore, retentionRate, SlaPolicySchema } from '../core';
import { FUNCTIONS } from '../sheets-addon/src/functions-meta';
import { errorInLanguage, FORGE_PHRASE_BOOK, inLanguage } from '../core/i18n';
import { errorText } from '../core/i18n/error-catalogue';
import { ERROR_CATALOGUE } from '../core/i18n/error-catalogue';
import { FUNCTION_SUMMARIES_VI } from '../sheets-addon/src/help-vi';
import { type FoundString, productStrings } from './helpers/catalogue-strings';
import { loadBundle } from './helpers/sheets-sandbox';
import { thrownBy } from './helpers/thrown';

/** Codes and abbreviations kept as they are (the list, plus the products and formats a user types or sees). */
const ALLOWED = new Set([
  'SLA', 'KPI', 'TAT', 'FTR', 'iNPS', 'DSO', 'DPO', 'DIO', 'CSV', 'JQL', 'CSAT', 'MTTR', 'OLA', 'BSC', 'RAG', 'ERP', 'ISO', 'IANA', 'JSON',
  'Jira', 'JSM', 'Apps', 'Script', 'Google', 'Sheets', 'YYYY', 'MM', 'DD', 'HH', 'min', 'max', 'Back', 'Office', 'vi_VN', 'en_US',
  // Status codes formulas compare against (SHEETS-FUNCTIONS.md), shown as codes next to their Vietnamese label.
  'MET', 'BREACHED', 'ON', 'TRACK', 'GREEN', 'AMBER', 'RED', 'TRUE', 'FALSE', 'INVALID',
  // The CLI's file formats.
  'HTML', 'XML', 'XES', 'UTF', 'BPIC',
]);

/** English terms that must never reach a Vietnamese user, besides every word of the English catalogues. */
const KNOWN_ENGLISH = ['the', 'and', 'not', 'is', 'of', 'or', 'from', 'must', 'expected', 'got', 'row', 'rows', 'target', 'breached', 'met', 'due', 'overdue', 'left', 'week', 'quarter', 'month', 'year', 'score', 'scorecard', 'weighted', 'average', 'sum', 'green', 'amber', 'red', 'speed', 'accuracy', 'satisfaction', 'holiday', 'calendar', 'working', 'hours', 'days', 'error', 'invalid'];

/** Words a formula or a calendar text types (argument names, calendar options, weekday keys): identifiers, not prose. */
const TYPED = new Set([
  ...Object.values(FUNCTIONS).flatMap((f) => f.params.map((p) => (typeof p === 'string' ? p : p.name))),
  ...Object.keys(FUNCTIONS),
  'tz', 'holidays', 'closed', 'makeup', 'name', 'off', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su', 'higher', 'lower', 'mean', 'median', 'count', 'statistic', 'requestDate', 'resolution', 'kpiId', 'issueKey', 'month', 'guardedBy', 'policyId', 'tatMedianHours', 'ftrPercent', 'reopenPercent', 'csatPercent', 'sla', 'bd', 'NETWORKDAYS', 'INTL', 'WORKDAY', 'SWITCH', 'DATE',
  // An SLA policy's, a calendar spec's and a catalogue service's field names, in the field paths their issues name (goals.0.calendar, weekly.Mo.0, services.0: jql).
  'goals', 'weekly', 'jql',
]);

/** ASCII words of a text, leaving out `{placeholders}`, `${…}` gaps, quoted examples, issue keys, time zone or date patterns, CLI options and paths. */
const asciiWords = (text: string): string[] =>
  text
    .replace(/\{\w+\}/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/\b[A-Z][a-z]+\/[A-Za-z_]+\b/g, ' ')
    // Issue keys (SUP-12) are codes in any language.
    .replace(/\b[A-Z][A-Z0-9_]+-\d+\b/g, ' ')
    // The CLI's options, an XES file's elements and paths are typed as they are (`--strict`, `<event>`, `docs/CLI-INPUT.md`).
    .replace(/--[a-z][a-z-]*|<\w+>|\S+\/\S+/g, ' ')
    .split(/[^A-Za-z_\p{L}]+/u)
    .filter((w) => /^[A-Za-z_]+$/.test(w) && w.length >= 2);

const inside = (s: FoundString, names: string[]) => s.owners.some((owner) => names.includes(owner));
const strings = productStrings();

/** Every word of the English catalogues: what a Vietnamese catalogue must not have kept. */
const englishWords = new Set([
  ...KNOWN_ENGLISH,
  ...strings.filter((s) => inside(s, ['en'])).flatMap((s) => asciiWords(s.text)).filter((w) => w.length >= 3).map((w) => w.toLowerCase()),
]);

function englishIn(texts: Array<{ where: string; text: string }>): string[] {
  return texts.flatMap(({ where, text }) =>
    asciiWords(text)
      .filter((w) => !ALLOWED.has(w) && !TYPED.has(w) && englishWords.has(w.toLowerCase()))
      .map((w) => `${where}: "${w}" in "${text}"`),
  );
}

/** The Vietnamese catalogues: objects named `vi` (Forge and Sheets), the sample's words, the messages' rewrites. */
const VI_CATALOGUES = strings.filter(
  (s) => !s.acceptedOnly && (inside(s, ['vi', 'VIETNAMESE', 'FUNCTION_SUMMARIES_VI', 'VIETNAMESE_AMOUNTS']) || (s.file.endsWith('messages-vi.ts') && !s.text.includes('^'))),
);

describe('VI2: Vietnamese mode shows no English word outside the codes and abbreviations', () => {
  it('VI2: the sweep reads every door\'s Vietnamese catalogue', () => {
    const files = new Set(VI_CATALOGUES.map((s) => s.file));
    for (const file of ['forge-app/src/i18n/messages.ts', 'forge-app/src/i18n/admin-messages.ts', 'forge-app/src/i18n/scorecard-editor-messages.ts', 'sheets-addon/src/i18n.ts', 'sheets-addon/src/help-vi.ts', 'sheets-addon/src/addon/sample.ts', 'core/i18n/messages-vi.ts', 'sheets-addon/src/scorecard/vocabulary.ts', 'cli/report/words.ts']) {
      expect(files, file).toContain(file);
    }
    expect(englishWords.size).toBeGreaterThan(300);
  });

  it('VI2: no Vietnamese catalogue of the Forge app or the Sheets add-on keeps an English word', () => {
    expect(englishIn(VI_CATALOGUES.filter((s) => !s.file.endsWith('sample.ts') || /\p{L}/u.test(s.text)).map((s) => ({ where: `${s.file}:${s.line}`, text: s.text })))).toEqual([]);
  });

  it('VI2: the sweep itself finds English words, and lets codes, typed names and quoted examples through', () => {
    expect(englishIn([{ where: 'x', text: 'Yêu cầu đã Breached, còn 2 rows' }]).map((found) => found.split('"')[1])).toEqual(['Breached', 'rows']);
    expect(englishIn([{ where: 'x', text: 'SLA_STATUS trả về MET (Đạt); lịch "Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh"; iNPS, JQL, target hàng 2' }])).toEqual([]);
  });

  it('VI2: the help dialog has a Vietnamese summary for every function', () => {
    expect(Object.keys(FUNCTION_SUMMARIES_VI).sort()).toEqual(Object.keys(FUNCTIONS).sort());
  });

  it('VI2: the built add-on for a Vietnamese user: menu, help dialog and sample sheets show no English word', () => {
    const vi = loadBundle({ timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi' });
    vi.call('onOpen');
    vi.call('showHelp');
    vi.call('insertSampleSheet');
    const [help, inserted] = vi.ui.alerts;
    expect(help.prompt).toContain('SLA_COMPLIANCE(starts, ends, target, [calendar], [holidays], [as_of]): Tỷ lệ tuân thủ SLA');
    const sample = vi.book.sheets.slice(1).flatMap((sheet) => [...sheet.cells.values()].map((cell) => cell.value)).filter((v): v is string => typeof v === 'string' && !v.startsWith('='));
    // Names the sample's people typed (KPI names of the English sample are translated; ids such as PR-001 are codes).
    const shown = [...vi.ui.menus[0].map((item) => item.caption), help.title, help.prompt, inserted.prompt, ...sample.filter((v) => !/^[A-Z]+(-[A-Z0-9]+)*$/.test(v))];
    expect(englishIn(shown.map((text) => ({ where: 'add-on', text })))).toEqual([]);
  });

  it('VI2: core errors rendered for a Vietnamese sheet are Vietnamese', () => {
    const coreErrors = [
      () => parseCalendarText('Mo-Fr 08:00-17:00 | zone=Asia/Ho_Chi_Minh', 'UTC'),
      () => parseCalendarText('Mo-Fr 8-17', 'UTC'),
      () => parseCalendarText('Xy 08:00-17:00', 'UTC'),
      () => parseCalendarText('Mo-Fr 08:00-25:00', 'UTC'),
      // A window that ends when it starts: a calendar schema issue (no code), worded by the calendar's phrase rule.
      () => parseCalendarText('Mo-Fr 08:00-08:00', 'UTC'),
      () => parseCalendarText('00:00-00:00', 'UTC'),
      () => parseCalendarText('Mo-Fr 08:00-17:00 | tz=Mars/Olympus', 'UTC'),
      () => compileCalendar(parseCalendarText('Mo-Fr 08:00-17:00 | tz=UTC | holidays=XX', 'UTC')),
      () => compileCalendar(parseCalendarText('Mo-Fr 08:00-17:00 | tz=UTC | closed=2025-12-24 17:00-12:00', 'UTC')),
      () => parseTarget('soon'),
      // A goal on a calendar when no calendar is defined (the Jira app's admin page says it by code).
      () => createSlaClock(SlaPolicySchema.parse({ id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'office' }] }), {}),
      () => dso(-5, 100, 30),
      () => retentionRate([Date.UTC(2025, 0, 1)], [Date.UTC(2024, 0, 1)], 6, Date.UTC(2025, 6, 1)),
      () => progressScore('KPI_PROGRESS', 0.8, 1, Number.NaN),
    ];
    const rendered = coreErrors.map((fail) => errorInLanguage(thrownBy(fail), 'vi'));
    // The Jira app's admin page messages, which its page of the phrase catalogue words.
    const adminPage = [
      'issueKey: expected an issue key such as SUP-12, got "x"', 'issueKey: no issue SUP-9 that you may browse', 'month: month must be YYYY-MM, got "2025-4"',
      'leave out ORDER BY: the sync orders by updated itself', 'policy id "resolve" is used twice', 'KPI id "sla" is used twice', 'guardedBy "ftr" is not a KPI of scorecard "bo"',
      'give the JQL of the issues to measure, e.g. project in (IT, HR)', 'the configuration must be a JSON object',
      'must be a number (or null to remove it), not "soon"', 'aggregation ratio-of-sums: must be { numerator, denominator } (numbers, denominator not negative), or null to remove it, not 5',
    ];
    expect(englishIn([...rendered.map((text) => ({ where: text, text })), ...adminPage.map((message) => ({ where: message, text: inLanguage(message, 'vi', FORGE_PHRASE_BOOK) }))])).toEqual([]);
    expect(rendered.filter((text) => text.includes('khung giờ'))).toEqual([
      'calendar: "Mo-Fr 08:00-08:00": khung giờ 08:00-08:00 trống (kết thúc ngay khi bắt đầu); nếu làm cả ngày, hãy ghi 00:00-24:00',
      'calendar: "00:00-00:00": khung giờ 00:00-00:00 trống (kết thúc ngay khi bắt đầu); nếu làm cả ngày, hãy ghi 00:00-24:00',
    ]);
    expect(inLanguage(adminPage[0], 'vi', FORGE_PHRASE_BOOK)).toBe('issueKey: cần mã yêu cầu như SUP-12, nhưng nhận "x"');
    expect(inLanguage('KPI id "sla" is used twice', 'vi', FORGE_PHRASE_BOOK)).toBe('mã KPI "sla" được dùng hai lần');
    expect(adminPage.slice(-2).map((message) => inLanguage(message, 'vi', FORGE_PHRASE_BOOK))).toEqual([
      'phải là một số (hoặc null để xóa giá trị), không phải "soon"',
      'cách gộp "ratio-of-sums": phải là tử số và mẫu số (hai số, mẫu số không âm), hoặc null để xóa giá trị, không phải 5',
    ]);
  });

  it('VI2: every core error code has English and Vietnamese templates, and its Vietnamese keeps no English word', () => {
    /** Values as `{name}` placeholders (the sweep skips them); a nested message is a placeholder too. */
    const placeholders = new Proxy({}, {
      get: (_, key) => (NESTED.has(String(key)) ? { code: 'text', params: { text: `{${String(key)}}` } } : key === 'part' ? 'name' : `{${String(key)}}`),
    });
    const NESTED = new Set(['detail', 'coverage']);
    const codes = Object.keys(ERROR_CATALOGUE) as (keyof typeof ERROR_CATALOGUE)[];
    expect(codes.length).toBeGreaterThan(100);
    const rendered = codes.map((code) => {
      const { en, vi } = ERROR_CATALOGUE[code];
      expect([typeof en, typeof vi], code).toEqual(['function', 'function']);
      return { where: code, text: errorText({ code, params: placeholders }, 'vi') };
    });
    expect(englishIn(rendered)).toEqual([]);
    // The sweep sees a template left in English.
    expect(englishIn([{ where: 'kpi.noValues', text: errorText({ code: 'kpi.noValues', params: {} }, 'en') }])).not.toEqual([]);
  });
});
