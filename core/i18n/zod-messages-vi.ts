import type { Rule } from './messages-vi';

/**
 * zod's own English for a value of the wrong type or an unknown key (the schemas give their own words elsewhere), as
 * the CLI's files and the Jira app's payloads meet it: a page both doors' books include.
 */

/** zod's names of a value's type. */
const TYPES_VI: Readonly<Record<string, string>> = {
  string: 'văn bản',
  number: 'số',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  null: 'null',
};
const typeVi = (type: string): string => TYPES_VI[type] ?? type;

export const ZOD_PHRASES: readonly Rule[] = [
  [/^Invalid input: expected (\w+), received undefined$/, (_, wanted: string) => `thiếu giá trị: cần ${typeVi(wanted)}`],
  [/^Invalid input: expected (\w+), received (\w+)$/, (_, wanted: string, got: string) => `giá trị không hợp lệ: cần ${typeVi(wanted)}, nhưng nhận ${typeVi(got)}`],
  [/^Invalid option: expected one of (.+)$/, 'giá trị không hợp lệ: cần một trong $1'],
  [/^Unrecognized keys?: (.+)$/, 'khóa không được chấp nhận: $1'],
];
