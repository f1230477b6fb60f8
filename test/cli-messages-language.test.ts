/**
 * The CLI's errors and warnings in Vietnamese (`--lang vi`, or a vi_VN environment): rendered by core/i18n's phrase
 * catalogue, the one the Sheets add-on and the Jira app use. Each bad input is run in both languages; the Vietnamese
 * line keeps the names (options, files, quoted values) and has no English word of the English line left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PHRASE_BOOK, inLanguage } from '../core/i18n';
import { runCli, tempFiles } from './helpers/cli-run';

const { file } = tempFiles('cli-messages-vi-');
const csv = (text: string) => file(text, 'csv');
const calendar = file({ c: 'Mo-Fr 09:00-17:00 | tz=UTC' });
const policies = file([{ id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'c' }] }]);
const mapping = (extra: object = {}) => file({ case: 'id', time: { column: 'at' }, status: 'status', ...extra });
const OK = 'id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T11:00:00Z,Done\n';
const withLog = (input: string, map = mapping(), more: string[] = []) => ['--input', input, '--map', map, '--policies', policies, '--calendars', calendar, ...more];

// Words a Vietnamese line keeps: commands, formats and codes the user types or reads as they are, and the field names
// the runs below give (`--by priority`, a mapping's field "team").
const KEPT = new Set(['npm', 'start', 'help', 'json', 'csv', 'xes', 'utf', 'iso', 'bpic', 'docs', 'cli', 'input', 'md', 'sla', 'html', 'priority', 'team']);

/** The English words of a message, less names: quoted values, files, paths, options, and the words `KEPT` lists. */
const wordsOf = (text: string): string[] =>
  text
    .replace(/"[^"]*"/g, ' ')
    .replace(/\S+\.(?:csv|json|txt|html)\b/g, ' ')
    .replace(/\S*\/\S*/g, ' ')
    .replace(/--[a-z-]+/g, ' ')
    // A field path between places, as the file spells it (`: goals.0.calendar: `).
    .replace(/(?<=: )[A-Za-z]+(?:\.\w+)*(?=: )/g, ' ')
    .split(/[^A-Za-z]+/)
    .filter((word) => word.length >= 3 && !KEPT.has(word.toLowerCase()));

/** The English line's words left in the Vietnamese line. */
const englishLeft = (vi: string, en: string): string[] => {
  const english = new Set(wordsOf(en).map((word) => word.toLowerCase()));
  return wordsOf(vi).filter((word) => english.has(word.toLowerCase()));
};

async function bothLanguages(args: string[]) {
  const [en, vi] = [await runCli([...args, '--lang', 'en']), await runCli([...args, '--lang', 'vi'])];
  expect(vi.status).toBe(en.status);
  expect(vi.stdout === '').toBe(en.stdout === '');
  return { en: en.stderr, vi: vi.stderr };
}

const savedLang = process.env.LANG;
const savedLcAll = process.env.LC_ALL;
afterEach(() => {
  process.env.LANG = savedLang;
  process.env.LC_ALL = savedLcAll;
});

describe('VI4: the CLI\'s errors and warnings in Vietnamese', () => {
  const log = csv(OK);
  const early = csv('id,at,status,created\nT-1,2025-03-03T09:00:00Z,Open,2025-03-04T09:00:00Z\n');
  const unordered = csv('id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-2,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T08:00:00Z,Done\n');
  const blank = csv('id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T10:00:00Z,\n');
  const badLine = file('c Mo-Fr 09:00-17:00\n', 'txt');
  const twice = file('c: Mo-Fr 09:00-17:00\nc: Sa 09:00-12:00\n', 'txt');
  const BAD_INPUTS: Record<string, string[]> = {
    'a missing input file': ['--input', 'no-such-log.csv'],
    'an offset no zone has': ['--as-of', '2012-06-01T00:00:00+99:00'],
    'an as-of that is no date-time': ['--as-of', '1e20'],
    'an as-of outside the calendars\' years': ['--as-of', '2500-01-01T00:00:00Z'],
    '--map without --input': ['--map', mapping()],
    '--by a field the mapping lacks': withLog(log, mapping({ fields: { team: 'status' } }), ['--by', 'priority']),
    '--statement without --catalogue': withLog(log, mapping(), ['--statement', 'statement.csv']),
    'a calendar line that is not "name: rule"': withLog(log, mapping(), ['--calendars', badLine]),
    'a calendar named twice': withLog(log, mapping(), ['--calendars', twice]),
    'a calendar rule with bad hours (a core phrase)': withLog(log, mapping(), ['--calendars', file({ c: 'Mo-Fr 9-17' })]),
    'policies that are no array': withLog(log, mapping(), ['--policies', file({})]),
    'a policy id used twice': withLog(log, mapping(), ['--policies', file([{ id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'c' }] }, { id: 'p', name: 'Q', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'c' }] }])]),
    'a policy without goals': withLog(log, mapping(), ['--policies', file([{ id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [] }])]),
    'a goal on an unknown calendar': withLog(log, mapping(), ['--policies', file([{ id: 'p', name: 'P', stop: { statuses: ['Done'] }, goals: [{ target: '8h', calendar: 'zz' }] }])]),
    'a catalogue service without its fields (zod\'s own wording)': withLog(log, mapping(), ['--catalogue', file({ currency: 'EUR', services: [{ id: 's' }] })]),
    'a signal parameter outside 0..1': withLog(log, mapping(), ['--signals', file({ lengthenedFlag: 2 })]),
    'the default format read from another export': ['--input', log],
    'the wrong delimiter': withLog(log, mapping({ delimiter: ';' })),
    '--strict and a row before the creation': withLog(early, mapping({ created: { column: 'created' } }), ['--strict']),
    '--strict and a row out of order': withLog(unordered, mapping(), ['--strict']),
    '--strict and a blank status': withLog(blank, mapping(), ['--strict']),
    '--html naming the input': withLog(log, mapping(), ['--html', log]),
    'a time that is no time': withLog(csv('id,at,status\nT-1,yesterday,Open\n')),
    'a log with no events': withLog(csv('id,at,status\n')),
  };

  it.each(Object.entries(BAD_INPUTS))('VI4: %s: exit 2, the message in Vietnamese with its names, no English word left', async (_, args) => {
    const { en, vi } = await bothLanguages(args);
    expect(en).not.toBe('');
    expect(vi).not.toBe(en);
    expect(englishLeft(vi, en)).toEqual([]);
    // The names stay: the option or file the English line starts with, and every quoted value.
    expect(vi.split(/[ :]/)[0]).toBe(en.split(/[ :]/)[0]);
    for (const quoted of en.match(/"[^"]*"/g) ?? []) expect(vi).toContain(quoted);
  });

  it('VI4: the wording of a few lines, word for word', async () => {
    expect((await runCli(['--input', 'no-such-log.csv', '--lang', 'vi'])).stderr).toBe('--input: không đọc được no-such-log.csv (không có tệp này)\n');
    expect((await runCli([...withLog(unordered, mapping(), ['--strict']), '--lang', 'vi'])).stderr).toBe(
      `${unordered} hàng 4: hàng này đứng sau những hàng của cùng yêu cầu mà thứ tự của nó xếp sau (--strict: mọi chỉnh sửa đều là lỗi; bỏ --strict để nhật ký được tự sắp xếp)\n`,
    );
    expect((await runCli([...withLog(log, mapping(), ['--calendars', badLine]), '--lang', 'vi'])).stderr).toBe(
      `--calendars: ${badLine} hàng 1: cần hàng dạng "name: Mo-Fr 08:00-17:00 | tz=…" (hoặc một đối tượng JSON), nhưng nhận "c Mo-Fr 09:00-17:00"\n`,
    );
  });

  it('VI4: warnings and the lines saying what was written are Vietnamese too', async () => {
    const closedNotDone = csv('id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T10:00:00Z,Closed\n');
    const html = `${tempFiles('cli-messages-vi-out-').dir}/report.html`;
    const { en, vi } = await bothLanguages(withLog(closedNotDone, mapping(), ['--html', html]));
    expect(vi).toBe(
      'cảnh báo: --policies: chính sách p dừng ở trạng thái "Done", nhưng trạng thái trong nhật ký không lần nào có giá trị đó; các trạng thái có trong nhật ký: "Open", "Closed"\n' +
        `Đã ghi báo cáo HTML vào ${html}\n`,
    );
    expect(englishLeft(vi, en)).toEqual([]);
    const far = csv('id,at,status\nT-1,2025-03-03T09:00:00Z,Open\nT-1,2025-03-03T11:00:00Z,Done\nT-2,2025-03-04T09:00:00Z,Open\nT-2,2099-03-04T09:00:00Z,Done\n');
    const outlier = await bothLanguages(withLog(far));
    expect(outlier.vi).toMatch(/^cảnh báo: .* hàng 5: .* muộn hơn mọi hàng khác 27\.028 ngày; thời điểm này trở thành mốc tính mặc định/);
    expect(englishLeft(outlier.vi, outlier.en)).toEqual([]);
  });

  it('VI4: without --lang a vi_VN environment gets Vietnamese errors, even when --lang itself is wrong or an option is unknown', async () => {
    process.env.LC_ALL = '';
    process.env.LANG = 'vi_VN.UTF-8';
    expect((await runCli(['--lang', 'fr'])).stderr).toBe('--lang: cần en hoặc vi, nhưng nhận "fr"\n');
    expect((await runCli(['--bogus'])).stderr).toBe('--bogus: không có tùy chọn này; npm start -- --help liệt kê các tùy chọn\n');
    expect((await runCli(['--input', 'no-such-log.csv', '--lang', 'en'])).stderr).toBe('--input: cannot read no-such-log.csv (no such file)\n');
  });

  it('VI4: a message whose phrase the catalogue does not know stays English as a whole, never half translated', () => {
    expect(inLanguage('log.csv row 3: ticket T-1: something new happened', 'vi', CLI_PHRASE_BOOK)).toBe('log.csv row 3: ticket T-1: something new happened');
    expect(inLanguage('log.csv row 3: ticket T-1: the status is blank', 'vi', CLI_PHRASE_BOOK)).toBe('log.csv hàng 3: yêu cầu T-1: trạng thái trống');
  });
});
