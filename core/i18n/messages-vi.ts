import { decimalComma } from './error-text';
import type { Language } from './language';

/**
 * The phrase catalogue: the doors' own error messages in Vietnamese (the Sheets functions' cell checks, the Jira app's
 * refusals, the CLI's files), which are not core errors. A core error has a code and is rendered by it
 * (error-catalogue.ts, `errorInLanguage`); a door message is written in English with the argument's name first
 * (`ends row 17: 2025-01-02 08:00 is before its start`), and for a Vietnamese user each known phrase is rewritten
 * around the same values, the argument names (the words typed in a formula) staying as they are. A phrase not listed
 * stays English rather than being guessed.
 */

/** A pattern and its Vietnamese: a replacement string, or a function where a value changes form (`0.95` → `0,95`). */
export type Rule = readonly [RegExp, string | ((match: string, ...groups: string[]) => string)];

/**
 * A door's own page of the catalogue, beside the phrases every door shares: more phrases, endings said after a phrase,
 * and the words of the places before one (`row 12` → `hàng 12`). The CLI and the Jira app's resolvers have one
 * (cli-messages-vi.ts, forge-messages-vi.ts); a door passes its page to `inLanguage`, so a bundle that never passes
 * it (the Sheets add-on) leaves it out.
 */
export interface PhraseBook {
  readonly phrases: readonly Rule[];
  readonly endings: readonly Rule[];
  readonly places: readonly Rule[];
}

export const SHARED_ONLY: PhraseBook = { phrases: [], endings: [], places: [] };


const VALUE = '(.+?)';

/** Longest phrases first: `is not a date-time` before `is not a date`. */
const RULES: readonly Rule[] = [
  [new RegExp(`^${VALUE} is not a date-time \\(use a date cell or text such as (.+)\\)$`), '$1 không phải là ngày giờ (hãy dùng ô ngày hoặc văn bản như $2)'],
  [new RegExp(`^${VALUE} is a number, not a date \\(use a date cell or text such as (.+)\\)$`), '$1 là một số, không phải ngày (hãy dùng ô ngày hoặc văn bản như $2)'],
  [/^the cell holds the error (.+); fix or clear it$/, 'ô đang chứa lỗi $1; hãy sửa hoặc xóa ô đó'],
  [/^(".*") is text that reads as a date; type it as a date \(a date cell\) so that it counts$/, '$1 là văn bản trông như ngày; hãy nhập nó dưới dạng ngày (ô ngày) để được tính'],
  [new RegExp(`^${VALUE} is not a number of days$`), '$1 không phải là số ngày'],
  [new RegExp(`^${VALUE} is not a number$`), '$1 không phải là số'],
  [new RegExp(`^${VALUE} is not a date$`), '$1 không phải là ngày'],
  [new RegExp(`^${VALUE} is not text$`), '$1 không phải là văn bản'],
  [new RegExp(`^${VALUE} is not a calendar \\(use text such as (.+) or a saved name\\)$`), '$1 không phải là lịch (hãy dùng văn bản như $2 hoặc tên một lịch đã lưu)'],
  [/^no saved calendar is named (".*") \(saved: none\)$/, 'không có lịch đã lưu nào tên $1 (chưa lưu lịch nào)'],
  [/^no saved calendar is named (".*") \(saved: (.*)\)$/, 'không có lịch đã lưu nào tên $1 (đã lưu: $2)'],
  [new RegExp(`^${VALUE} is before its start$`), '$1 sớm hơn thời điểm bắt đầu'],
  [/^(.+) is outside the dates a spreadsheet holds \(0001-01-01 to 9999-12-31\)$/, '$1 nằm ngoài các ngày bảng tính lưu được (0001-01-01 đến 9999-12-31)'],
  [/^(-?[\d.]+) is negative; a count is 0 or more$/, '$1 là số âm; số lượng phải từ 0 trở lên'],
  [/^(-?[\d.e+]+) would mean (.+) % of the target; give the achievement as a fraction \((.+)\) or a percent cell \((.+)\)$/, (_, n: string, percent: string, fraction: string, cell: string) => `${n} nghĩa là ${percent} % chỉ tiêu; hãy nhập mức đạt dưới dạng số thập phân (${decimalComma(fraction)}) hoặc ô phần trăm (${cell})`],
  [/^nothing is measurable: no row is done or past due at as_of$/, 'không có gì để đo: tại as_of không hàng nào đã xong hoặc đã quá hạn'],
  [/^is required$/, 'là bắt buộc'],
  // The spill's columns and the Sheets functions' own checks of their cells (sheets-addon/src/functions).
  [/^expected one column, got (\d+) columns$/, 'cần một cột, nhưng có $1 cột'],
  [/^(.+) is not a whole number from (-?\d+) to (-?\d+)$/, '$1 không phải là số nguyên từ $2 đến $3'],
  [/^must have two columns \(below, credit\), not (.+)$/, 'phải có hai cột (dưới mức, tỷ lệ giảm trừ), không phải $1'],
  [/^(-?[\d.e+]+) is not a fraction from 0 to 1 \(0\.95 for 95 %\)$/, '$1 không phải là phân số từ 0 đến 1 (0.95 là 95 %)'],
  [/^(-?[\d.e+]+) is negative; usage is 0 or more$/, '$1 là số âm; mức sử dụng phải từ 0 trở lên'],
  [/^has no value above 0 to split the amount by$/, 'không có giá trị nào lớn hơn 0 để chia số tiền'],
  [/^(-?[\d.e+]+) is too large to split to (\d+) decimals$/, '$1 quá lớn để chia với $2 chữ số thập phân'],
  [/^has (\d+) rows but (\w+) has (\d+)$/, 'có $1 hàng nhưng $2 có $3 hàng'],
  [/^expected at most (\d+) arguments, got (\d+)$/, 'nhận tối đa $1 đối số, nhưng có $2'],
];

const rewrite = (text: string, [pattern, replacement]: Rule): string => text.replace(pattern, replacement as (match: string, ...groups: string[]) => string);

function phrase(text: string, book: PhraseBook): string | null {
  for (const rules of [RULES, book.phrases]) for (const rule of rules) if (rule[0].test(text)) return rewrite(text, rule);
  return null;
}

/** `SLA_COMPLIANCE: ` first, then `ends row 17: ` or `target: ` before a phrase, or a subject (`ends has …`). */
const FUNCTION_PREFIX = /^((?:[A-Z][A-Z_]+: )?)(.*)$/s;
const ARGUMENT_PREFIX = /^([a-z][A-Za-z_]*)(?: row (\d+))?: (.*)$/s;
const SUBJECT = /^([a-z_]+) (.*)$/s;

/**
 * A chain of places before a phrase, as the CLI writes (`--calendars: hours.txt line 3: expected …`), possibly with
 * an ending (`… (--strict: …)`): each place keeps its names with its own words in Vietnamese, the phrase is rewritten.
 * Null unless the phrase is known, so a message is never half translated around an unknown phrase.
 */
function placed(text: string, book: PhraseBook): string | null {
  const whole = phrase(text, book);
  if (whole !== null) return whole;
  const ending = book.endings.find(([pattern]) => pattern.test(text));
  if (ending) {
    const before = placed(text.replace(ending[0], ''), book);
    return before === null ? null : before + rewrite(text.match(ending[0])![0], ending);
  }
  const colon = text.indexOf(': ');
  const rest = colon > 0 ? placed(text.slice(colon + 2), book) : null;
  return rest === null ? null : `${book.places.reduce(rewrite, text.slice(0, colon))}: ${rest}`;
}

/** A row of an argument before a message, in every door (`ends row 17` → `ends hàng 17`). */
const ROW_PLACE: Rule = [/^(\S+) row (\d+)$/, '$1 hàng $2'];

/**
 * The places before a core error inside a door's message (`--calendars: hours.txt line 3: `) and the ending after it,
 * in Vietnamese by the door's page: null when the ending is not known, so a message is never half translated.
 */
export function framedIn(before: string, after: string, book: PhraseBook): { before: string; after: string } | null {
  const places = before
    .split(': ')
    .map((place) => [...book.places, ROW_PLACE].reduce(rewrite, place))
    .join(': ');
  if (after === '') return { before: places, after };
  const ending = book.endings.find(([pattern]) => pattern.test(after) && after.replace(pattern, '') === '');
  return ending ? { before: places, after: rewrite(after, ending) } : null;
}

/** A message in the user's language: English as written, Vietnamese phrase by phrase where the phrase is known. */
export function inLanguage(message: string, language: Language, book: PhraseBook = SHARED_ONLY): string {
  if (language === 'en') return message;
  const [, fn, body] = FUNCTION_PREFIX.exec(message)!;
  const argument = ARGUMENT_PREFIX.exec(body);
  const afterArgument = argument && phrase(argument[3], book);
  if (argument && afterArgument !== null) return `${fn}${argument[1]}${argument[2] ? ` hàng ${argument[2]}` : ''}: ${afterArgument}`;
  const subject = SUBJECT.exec(body);
  const afterSubject = subject && phrase(subject[2], book);
  if (subject && afterSubject !== null) return `${fn}${subject[1]} ${afterSubject}`;
  const chained = placed(body, book);
  return chained === null ? message : `${fn}${chained}`;
}
