/**
 * Where a formula's text passes a calendar to the add-on's functions. Sheets offers no formula parser, so this scans
 * the text: string literals ("" escapes a quote), quoted sheet names, nested calls and parentheses, array literals
 * `{…}`. Apps Script returns formulas with English function names and commas; `;` also separates arguments, as in the
 * locales that write formulas with it (in English syntax `;` only occurs inside `{…}`, which this never splits).
 */

/** Cells an argument reads: a cell or a bounded range, on the formula's own sheet unless `sheet` names one. */
interface CellReference {
  sheet?: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** One calendar argument of a call to a function that takes one. */
export interface CalendarArgument {
  /** The literal's value when the argument is a text literal alone ("Finance"); undefined for a reference or expression. */
  literal?: string;
  /** The cells when the argument is a reference alone (`$F$1`, `D2:D90`, `'Q1 (draft)'!D2:D90`). */
  reference?: CellReference;
  /** Where the argument's text starts and ends in the formula (end exclusive), surrounding spaces excluded. */
  start: number;
  end: number;
}

interface Frame {
  /** The called function's upper-case name; undefined for parentheses or an array literal. */
  name?: string;
  closer: ')' | '}';
  argument: number;
  argumentStart: number;
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_.]*$/;
const LITERAL = /^"((?:[^"]|"")*)"$/;
const REFERENCE = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

const columnNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function referenceOf(text: string): CellReference | undefined {
  const m = REFERENCE.exec(text);
  if (!m) return undefined;
  const [row, column] = [Number(m[4]), columnNumber(m[3])];
  const [lastRow, lastColumn] = m[5] ? [Number(m[6]), columnNumber(m[5])] : [row, column];
  const sheet = m[1]?.replace(/''/g, "'") ?? m[2];
  return {
    ...(sheet === undefined ? {} : { sheet }),
    row: Math.min(row, lastRow),
    column: Math.min(column, lastColumn),
    rows: Math.abs(lastRow - row) + 1,
    columns: Math.abs(lastColumn - column) + 1,
  };
}

/**
 * Every calendar argument in a formula; `calendarIndex` gives the position of a function's calendar parameter
 * (undefined for functions without one).
 */
export function calendarArguments(formula: string, calendarIndex: (functionName: string) => number | undefined): CalendarArgument[] {
  const found: CalendarArgument[] = [];
  const stack: Frame[] = [];
  const closeArgument = (frame: Frame, end: number) => {
    if (frame.name === undefined || calendarIndex(frame.name) !== frame.argument) return;
    const raw = formula.slice(frame.argumentStart, end);
    const start = frame.argumentStart + (raw.length - raw.trimStart().length);
    const text = raw.trim();
    if (text === '') return;
    const literal = LITERAL.exec(text);
    const reference = literal ? undefined : referenceOf(text);
    found.push({
      start,
      end: start + text.length,
      ...(literal ? { literal: literal[1].replace(/""/g, '"') } : {}),
      ...(reference ? { reference } : {}),
    });
  };
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A text literal, or a quoted sheet name ('Q1 (draft)'!A1): the same quote doubled escapes it.
      i++;
      while (i < formula.length && !(formula[i] === ch && formula[i + 1] !== ch)) i += formula[i] === ch ? 2 : 1;
    } else if (ch === '(') {
      const name = IDENTIFIER.exec(formula.slice(0, i))?.[0];
      stack.push({ name: name?.toUpperCase(), closer: ')', argument: 0, argumentStart: i + 1 });
    } else if (ch === '{') {
      stack.push({ closer: '}', argument: 0, argumentStart: i + 1 });
    } else if ((ch === ')' || ch === '}') && stack.length > 0) {
      const frame = stack.pop()!;
      closeArgument(frame, i);
    } else if ((ch === ',' || ch === ';') && stack.length > 0 && stack[stack.length - 1].closer === ')') {
      const frame = stack[stack.length - 1];
      closeArgument(frame, i);
      frame.argument++;
      frame.argumentStart = i + 1;
    }
  }
  return found;
}

/** A text literal as a formula writes it. */
export const formulaLiteral = (text: string): string => `"${text.replace(/"/g, '""')}"`;
