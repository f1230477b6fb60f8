import { FUNCTIONS, FUNCTION_NAMES } from '../functions-meta';
import { activeSpreadsheet, type CellValue, type Sheet } from '../platform';
import { calendarArguments, formulaLiteral, type CalendarArgument } from './formula-calls';

/**
 * The formulas of the open spreadsheet that pass a saved calendar to the add-on's functions, and the cells they read
 * a calendar name from, found through the `spreadsheets.currentonly` scope the add-on already has (each sheet's
 * formulas, and values where a calendar argument points, read once per sheet).
 */

/** Each custom function's calendar parameter position, from the metadata table. */
const CALENDAR_INDEX = new Map<string, number>(
  FUNCTION_NAMES.flatMap((name) => {
    const index = FUNCTIONS[name].params.findIndex((p) => p.name === 'calendar');
    return index < 0 ? [] : [[name, index] as const];
  }),
);
const argumentsOf = (formula: string): CalendarArgument[] => calendarArguments(formula, (name) => CALENDAR_INDEX.get(name));

/** Formulas use a saved name as calendar functions read it: trimmed, any case. */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const naming = (name: string) => (a: CalendarArgument) => a.literal !== undefined && sameName(a.literal, name);

/** A cell and what to write into it (a formula, or a value). */
interface CellContent {
  sheet: Sheet;
  /** The sheet's position in the spreadsheet, to group a sheet's cells together. */
  sheetIndex: number;
  row: number;
  column: number;
  content: string;
}

/** A formula cell with the calendar arguments of its calls, parsed once. */
interface FormulaCell extends CellContent {
  calendars: CalendarArgument[];
}

/** The formulas that pass a calendar argument, each sheet's formulas read once (a service call per sheet). */
function calendarFormulaCells(): FormulaCell[] {
  const cells: FormulaCell[] = [];
  activeSpreadsheet()
    .getSheets()
    .forEach((sheet, sheetIndex) =>
      sheet
        .getDataRange()
        .getFormulas()
        .forEach((row, r) =>
          row.forEach((formula, c) => {
            const calendars = formula === '' ? [] : argumentsOf(formula);
            if (calendars.length > 0) cells.push({ sheet, sheetIndex, row: r + 1, column: c + 1, content: formula, calendars });
          }),
        ),
    );
  return cells;
}

/** The formula cells with a calendar argument that `matches`. */
const formulasWith = (formulas: FormulaCell[], matches: (a: CalendarArgument) => boolean): FormulaCell[] =>
  formulas.filter((cell) => cell.calendars.some(matches));

/**
 * Text cells naming `name` that a calendar argument reads (`=BUSINESS_HOURS(A2,B2,D2)`, a per-row column `D2:D90`,
 * `'Other sheet'!F1`); each sheet's values are read once.
 */
function referencedCellsNaming(name: string, formulas: FormulaCell[]): CellContent[] {
  const sheets = activeSpreadsheet().getSheets();
  const values = new Map<Sheet, CellValue[][]>();
  const valuesOf = (sheet: Sheet) => values.get(sheet) ?? values.set(sheet, sheet.getDataRange().getValues()).get(sheet)!;
  const found = new Map<string, CellContent>();
  for (const formula of formulas) {
    for (const { reference } of formula.calendars) {
      if (!reference) continue;
      const sheetIndex = reference.sheet === undefined ? formula.sheetIndex : sheets.findIndex((s) => s.getName() === reference.sheet);
      if (sheetIndex < 0) continue;
      const grid = valuesOf(sheets[sheetIndex]);
      for (let r = reference.row; r < reference.row + reference.rows; r++) {
        for (let c = reference.column; c < reference.column + reference.columns; c++) {
          const value = grid[r - 1]?.[c - 1];
          if (typeof value === 'string' && sameName(value, name)) found.set(`${sheetIndex}:${r}:${c}`, { sheet: sheets[sheetIndex], sheetIndex, row: r, column: c, content: value });
        }
      }
    }
  }
  return [...found.values()];
}

/** Writes cells back one run of adjacent rows in a column at a time, instead of a call per cell. */
function writeRuns(cells: CellContent[], write: (sheet: Sheet, row: number, column: number, contents: string[]) => void): void {
  let run: CellContent[] = [];
  const flushRun = () => {
    if (run.length > 0) write(run[0].sheet, run[0].row, run[0].column, run.map((c) => c.content));
    run = [];
  };
  const sorted = [...cells].sort((a, b) => a.sheetIndex - b.sheetIndex || a.column - b.column || a.row - b.row);
  for (const cell of sorted) {
    const last = run[run.length - 1];
    if (last && !(last.sheet === cell.sheet && last.column === cell.column && last.row + 1 === cell.row)) flushRun();
    run.push(cell);
  }
  flushRun();
}

const setFormulas = (sheet: Sheet, row: number, column: number, formulas: string[]) =>
  void sheet.getRange(row, column, formulas.length, 1).setFormulas(formulas.map((f) => [f]));
const setValues = (sheet: Sheet, row: number, column: number, values: string[]) =>
  void sheet.getRange(row, column, values.length, 1).setValues(values.map((v) => [v]));

/** How many formulas pass `name` as a calendar literal, plus the cells calendar arguments read it from. */
export function countCalendarUses(name: string): number {
  const formulas = calendarFormulaCells();
  return formulasWith(formulas, naming(name)).length + referencedCellsNaming(name, formulas).length;
}

/** The formula with each calendar literal that `matches` replaced by `replacement(literal)`. */
function rewriteLiterals(formula: FormulaCell, matches: (a: CalendarArgument) => boolean, replacement: (literal: string) => string): string {
  let rewritten = formula.content;
  // From the last argument back, so earlier offsets stay valid.
  for (const a of [...formula.calendars].reverse()) {
    if (matches(a)) rewritten = rewritten.slice(0, a.start) + formulaLiteral(replacement(a.literal!)) + rewritten.slice(a.end);
  }
  return rewritten;
}

/**
 * Renames `from` to `to` in every calendar literal naming it and in every cell a calendar argument reads it from;
 * the number of cells changed.
 */
export function renameInSpreadsheet(from: string, to: string): number {
  const all = calendarFormulaCells();
  const cells = referencedCellsNaming(from, all).map((cell) => ({ ...cell, content: to }));
  const formulas = formulasWith(all, naming(from)).map((cell) => ({ ...cell, content: rewriteLiterals(cell, naming(from), () => to) }));
  writeRuns(cells, setValues);
  writeRuns(formulas, setFormulas);
  return cells.length + formulas.length;
}

/**
 * A literal naming the same calendar but with a different argument value: its trailing spaces (which calendar names
 * ignore) go from n to n + 1, back to none after nine. Sheets caches a custom function's result by its arguments, so
 * only a changed argument makes it run again; ten variants keep a result cached for an earlier variant from coming
 * back unless a calendar is recalculated ten times while Sheets still holds that result.
 */
function nextVariant(literal: string): string {
  const name = literal.trimEnd();
  const spaces = (literal.length - name.length + 1) % 10;
  return name + ' '.repeat(spaces);
}

/**
 * Makes Sheets recalculate the formulas that pass one of the named calendars as a text literal, by rewriting that
 * literal to its next variant (see nextVariant). The number of cells rewritten. Formulas that take the calendar from
 * a cell are left alone (their argument is that cell's value, which only the user should change).
 */
export function recalculateFormulasUsing(names: readonly string[]): number {
  const uses = (a: CalendarArgument) => names.some((name) => naming(name)(a));
  const cells = formulasWith(calendarFormulaCells(), uses).map((cell) => ({ ...cell, content: rewriteLiterals(cell, uses, nextVariant) }));
  writeRuns(cells, setFormulas);
  return cells.length;
}
