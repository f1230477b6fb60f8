import { FUNCTIONS, FUNCTION_NAMES } from '../functions-meta';
import { activeSpreadsheet, type Sheet } from '../platform';
import { calendarArguments, formulaLiteral, type CalendarArgument } from './formula-calls';

/**
 * The formulas of the open spreadsheet that pass a saved calendar to the add-on's functions, found through the
 * `spreadsheets.currentonly` scope the add-on already has (every sheet's formulas, read once per sheet).
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

interface FormulaCell {
  sheet: Sheet;
  /** The sheet's position in the spreadsheet, to group a sheet's cells together. */
  sheetIndex: number;
  row: number;
  column: number;
  formula: string;
}

function formulaCells(keep: (formula: string) => boolean): FormulaCell[] {
  const cells: FormulaCell[] = [];
  activeSpreadsheet()
    .getSheets()
    .forEach((sheet, sheetIndex) =>
      sheet
      .getDataRange()
      .getFormulas()
      .forEach((row, r) =>
        row.forEach((formula, c) => {
          if (formula !== '' && keep(formula)) cells.push({ sheet, sheetIndex, row: r + 1, column: c + 1, formula });
        }),
      ),
    );
  return cells;
}

/** Writes formulas back one run of adjacent rows in a column at a time, instead of a call per cell. */
function writeRuns(cells: FormulaCell[], write: (sheet: Sheet, row: number, column: number, formulas: string[]) => void): void {
  let run: FormulaCell[] = [];
  const flushRun = () => {
    if (run.length > 0) write(run[0].sheet, run[0].row, run[0].column, run.map((c) => c.formula));
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

const naming = (name: string) => (a: CalendarArgument) => a.literal !== undefined && sameName(a.literal, name);

/** How many formula cells pass `name` as a calendar literal. */
export const countFormulasUsing = (name: string): number => formulaCells((formula) => argumentsOf(formula).some(naming(name))).length;

/** The formula with each calendar literal that `matches` replaced by `replacement(literal)`. */
function rewriteLiterals(formula: string, matches: (a: CalendarArgument) => boolean, replacement: (literal: string) => string): string {
  let rewritten = formula;
  // From the last argument back, so earlier offsets stay valid.
  for (const a of argumentsOf(formula).reverse()) {
    if (matches(a)) rewritten = rewritten.slice(0, a.start) + formulaLiteral(replacement(a.literal!)) + rewritten.slice(a.end);
  }
  return rewritten;
}

/** Rewrites every calendar literal naming `from` to `to`; the number of cells changed. */
export function renameInFormulas(from: string, to: string): number {
  const cells = formulaCells((formula) => argumentsOf(formula).some(naming(from))).map((cell) => ({ ...cell, formula: rewriteLiterals(cell.formula, naming(from), () => to) }));
  writeRuns(cells, setFormulas);
  return cells.length;
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
  const cells = formulaCells((formula) => argumentsOf(formula).some(uses)).map((cell) => ({
    ...cell,
    formula: rewriteLiterals(cell.formula, uses, nextVariant),
  }));
  writeRuns(cells, setFormulas);
  return cells.length;
}
