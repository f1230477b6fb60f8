/**
 * The CLI report in Vietnamese (`--lang vi`, or a vi_VN environment): its words, vi-VN numbers and months, and a sweep
 * that finds no word of the English report left in it, names read from the input aside.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HELP, helpText, readLanguage } from '../cli/args';
import { wordsFor } from '../cli/report/words';
import { isVietnamese } from './helpers/catalogue-strings';
import { runCli, tempFiles } from './helpers/cli-run';

const BIN = fileURLToPath(new URL('../bin/backoffice-kpi.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every string a value holds, its functions called with placeholders: the words of a catalogue. */
const stringsOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return stringsOf((value as (...a: unknown[]) => unknown)('x', 'x', 'x', 'x'));
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
};

/** The English report's own words (3 letters or more), less the codes a Vietnamese report keeps (SLA, TAT, CSAT…). */
// Codes a user types as they are: KPI abbreviations, the mapping's field names and the CLI's option names.
const CODES = new Set(['sla', 'tat', 'csat', 'inps', 'ftr', 'kpi', 'ola', 'requester', 'statement', 'html', 'json', 'csv']);
const ENGLISH_WORDS = new Set(
  stringsOf(wordsFor('en'))
    .flatMap((text) => text.toLowerCase().split(/[^a-z]+/))
    .filter((word) => word.length >= 3 && !CODES.has(word)),
);

/** The report with every name read from the input (policies, goals, fields, statuses, KPIs, files) taken out. */
function withoutInputNames(report: string, json: unknown): string {
  const names = [...new Set(stringsOf(json))].filter((name) => name.length > 1).sort((a, b) => b.length - a.length);
  return names.reduce((text, name) => text.split(name).join(' '), report);
}

const englishLeft = (text: string): string[] => text.split(/[^A-Za-z]+/).filter((word) => ENGLISH_WORDS.has(word.toLowerCase()));

describe('VI4: the CLI report in Vietnamese', () => {
  it('VI4: npm start -- --lang vi prints the report in Vietnamese with vi-VN numbers and months, no English word of the report left', async () => {
    const run = spawnSync(process.execPath, [BIN, '--lang', 'vi'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
    expect(run.status).toBe(0);
    const report = run.stdout;
    for (const line of ['Báo cáo SLA: examples/bpic2013_vinst_closed_problems.csv', 'Tốc độ: tỷ lệ tuân thủ SLA', 'Theo tháng', 'Chất lượng dữ liệu', 'Thẻ điểm: Problem management']) {
      expect(report).toContain(line);
    }
    expect(report).toMatch(/Tỷ lệ tuân thủ +30,4%/);
    expect(report).toMatch(/Sự kiện +6\.660/);
    expect(report).toMatch(/TAT phân vị 90 +2\.675,6/);
    expect(report).toMatch(/Tháng 3\/2012 +111 +182/);
    expect(report).toMatch(/First time right +ftr +95,9% +95,0% +100,9% +Đạt/);
    const json = JSON.parse((await runCli(['--json'])).stdout);
    expect(englishLeft(withoutInputNames(report, json))).toEqual([]);
    // The sweep would see English: the same report in English is all English words.
    expect(englishLeft(withoutInputNames((await runCli(['--lang', 'en'])).stdout, json)).length).toBeGreaterThan(100);
  }, 60_000);

  it('VI4: with --catalogue the Internal market section is Vietnamese too: glossary words, vi-VN amounts and months, no English word of the report left', async () => {
    const catalogue = ['--catalogue', 'examples/catalogue.json'];
    const vi = await runCli([...catalogue, '--lang', 'vi']);
    expect(vi.status).toBe(0);
    for (const line of ['Thị trường nội bộ: bảng kê dịch vụ (EUR), 2 tháng gần nhất', 'Tổng theo khách hàng nội bộ', 'Tổng theo nhà cung cấp dịch vụ nội bộ', 'Chuỗi OLA: major-problem']) {
      expect(vi.stdout).toContain(line);
    }
    expect(vi.stdout).toMatch(/Tháng +Khách hàng nội bộ +Dịch vụ +Nhà cung cấp dịch vụ nội bộ +Số yêu cầu +Đạt +Vi phạm +Tỷ lệ tuân thủ +Mức cam kết +Phí dịch vụ +Tỷ lệ giảm trừ +Khoản giảm trừ dịch vụ +Thực thu/);
    expect(vi.stdout).toMatch(/Tháng 4\/2012 +Org line A2 +major-problem +Volvo IT problem management +2 +0 +10 +0,0% +90,0% +1\.150,00 +20,0% +230,00 +920,00/);
    const json = JSON.parse((await runCli([...catalogue, '--json'])).stdout);
    expect(englishLeft(withoutInputNames(vi.stdout, json))).toEqual([]);
    const english = (await runCli([...catalogue, '--lang', 'en'])).stdout;
    expect(english).toContain('Internal market: statement (EUR)');
    expect(englishLeft(withoutInputNames(english.slice(english.indexOf('Internal market')), json)).length).toBeGreaterThan(50);
  }, 60_000);

  it('VI4: without --lang a vi_VN environment gets the Vietnamese report, the same as --lang vi; LC_ALL outranks LANG', async () => {
    const vi = await runCli(['--lang', 'vi']);
    const env = (locale: Record<string, string>) => spawnSync(process.execPath, [BIN], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...locale } }).stdout;
    expect(env({ LANG: 'vi_VN.UTF-8' })).toBe(vi.stdout);
    expect(env({ LANG: 'vi_VN.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe((await runCli(['--lang', 'en'])).stdout);
    expect(readLanguage(undefined, { LC_MESSAGES: 'vi' })).toBe('vi');
    expect(readLanguage(undefined, {})).toBe('en');
  }, 60_000);

  it('VI4: the HTML page in Vietnamese: lang="vi", Vietnamese headings (the Internal market too), months and numbers', async () => {
    const { dir } = tempFiles('cli-lang-');
    const html = `${dir}/report.html`;
    const { readFileSync } = await import('node:fs');
    expect((await runCli(['--lang', 'vi', '--catalogue', 'examples/catalogue.json', '--html', html])).status).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<html lang="vi">');
    for (const words of ['<h2>Thị trường nội bộ: bảng kê dịch vụ (EUR)</h2>', '<h3>Tổng theo khách hàng nội bộ</h3>', 'Khoản giảm trừ dịch vụ', 'Tháng 4/2012', 'Tốc độ: tỷ lệ tuân thủ SLA', 'đạt trong hạn xử lý', 'Tháng 3/2012', '30,4%', 'aria-label="Tỷ lệ tuân thủ SLA theo tháng"']) expect(page).toContain(words);
    expect(page).not.toContain('Per month');
    expect(page).not.toContain('Internal market');
  }, 60_000);

  it('VI4: a language other than en or vi is refused, naming the option', async () => {
    const run = await runCli(['--lang', 'fr']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--lang: expected en or vi, got "fr"\n');
  });

  it('VI4: --help with --lang vi or a vi_VN environment is in Vietnamese: every option, each described in Vietnamese; English otherwise', async () => {
    const vi = await runCli(['--help', '--lang', 'vi']);
    expect(vi.status).toBe(0);
    expect(vi.stdout).toBe(helpText('vi'));
    expect(vi.stdout).toMatch(/^Cách dùng: npm start -- \[tùy chọn\]/);
    const options = (help: string) => [...help.matchAll(/^ {2}(-h, )?(--[a-z-]+)/gm)].map((m) => m[2]);
    expect(options(vi.stdout)).toEqual(options(HELP));
    // Each option's description (after the option and its value) is Vietnamese, as is every paragraph.
    const descriptions = [...vi.stdout.matchAll(/^ {2}(?:-h, )?--[a-z-]+(?: <[^>]+>)? +(.+)$/gm)].map((m) => m[1]);
    expect(descriptions.length).toBe(options(HELP).length);
    expect(descriptions.filter((text) => !isVietnamese(text))).toEqual([]);
    expect(vi.stdout.split('\n\n').filter((paragraph) => !isVietnamese(paragraph))).toEqual([]);
    const env = (locale: Record<string, string>) => spawnSync(process.execPath, [BIN, '--help'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...locale } }).stdout;
    expect(env({ LANG: 'vi_VN.UTF-8' })).toBe(vi.stdout);
    expect(env({})).toBe(HELP);
    expect((await runCli(['--help', '--lang', 'en'])).stdout).toBe(HELP);
  }, 60_000);
});
