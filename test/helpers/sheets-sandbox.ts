import { readFileSync } from 'node:fs';
import vm from 'node:vm';

/**
 * The built dist/sheets-addon/Code.js loaded in node:vm with stub Apps Script globals: an in-memory spreadsheet
 * whose formula cells (`=NAME(A1 refs, 'Sheet'!refs, "text", numbers)`) are evaluated by calling the bundle's own
 * top-level functions, as Sheets would, document properties, a UI that records what it was asked to show.
 */

export const CODE_PATH = new URL('../../dist/sheets-addon/Code.js', import.meta.url);

type Cell = { value: unknown; formula?: string; format?: string };

class FakeSheet {
  readonly cells = new Map<string, Cell>();
  frozenRows = 0;
  constructor(
    private readonly book: FakeSpreadsheet,
    private name: string,
  ) {}
  getName() {
    return this.name;
  }
  private key = (row: number, column: number) => `${row},${column}`;
  cell(row: number, column: number): Cell | undefined {
    return this.cells.get(this.key(row, column));
  }
  valueAt(row: number, column: number): unknown {
    const cell = this.cell(row, column);
    if (!cell) return '';
    return cell.formula ? this.book.evaluate(cell.formula, this) : cell.value;
  }
  lastRow() {
    return Math.max(0, ...[...this.cells.keys()].map((k) => Number(k.split(',')[0])));
  }
  lastColumn() {
    return Math.max(0, ...[...this.cells.keys()].map((k) => Number(k.split(',')[1])));
  }
  getRange(row: number, column: number, rows = 1, columns = 1) {
    const each = (fn: (r: number, c: number) => void) => {
      for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) fn(r, c);
    };
    const range = {
      getValues: () => Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => this.valueAt(row + r, column + c))),
      getFormulas: () => Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => this.cell(row + r, column + c)?.formula ?? '')),
      setValues: (values: unknown[][]) => {
        if (values.length !== rows || values.some((v) => v.length !== columns)) throw new Error('setValues: size mismatch');
        each((r, c) => this.cells.set(this.key(row + r, column + c), { value: values[r][c] }));
        return range;
      },
      setFormulas: (formulas: string[][]) => {
        each((r, c) => {
          const f = formulas[r][c];
          this.cells.set(this.key(row + r, column + c), f.startsWith('=') ? { value: '', formula: f } : { value: f });
        });
        return range;
      },
      setNumberFormat: (format: string) => {
        each((r, c) => {
          const cell = this.cells.get(this.key(row + r, column + c));
          if (cell) cell.format = format;
        });
        return range;
      },
      setFontWeight: () => range,
    };
    return range;
  }
  getDataRange() {
    return this.getRange(1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
  }
  autoResizeColumns() {}
}

const A1 = /^(?:'([^']+)'!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;
const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet;
  /**
   * When set, custom-function results by function and argument values, as Sheets keeps them: a formula whose
   * arguments did not change answers its earlier result even if what the function reads (a saved calendar) did
   * (found while building the add-on; sheets-addon/README.md, "Recalculate", for how the add-on copes).
   */
  resultsByArguments?: Map<string, unknown>;
  /** Runs a top-level function of Code.js as Apps Script would (set by loadBundle). */
  execute!: (name: string, args: unknown[]) => unknown;
  constructor(
    readonly timeZone: string,
    public locale = 'en_US',
  ) {
    this.active = this.insertSheet('Sheet1');
  }
  getSpreadsheetTimeZone = () => this.timeZone;
  getSpreadsheetLocale = () => this.locale;
  getActiveSheet = () => this.active;
  getSheets = () => this.sheets;
  getSheetByName = (name: string) => this.sheets.find((s) => s.getName() === name) ?? null;
  insertSheet = (name: string) => {
    if (this.getSheetByName(name)) throw new Error(`sheet ${name} exists`);
    const sheet = new FakeSheet(this, name);
    this.sheets.push(sheet);
    this.active = sheet;
    return sheet;
  };

  /**
   * A reference (`='Sheet'!$L$11`) or one function call whose arguments are references or literals; a spilled result
   * gives its top-left value, a thrown error `#ERROR!` as in Sheets.
   */
  evaluate(formula: string, on: FakeSheet): unknown {
    if (A1.test(formula.slice(1))) return this.argument(formula.slice(1), on);
    const m = /^=([A-Z_]+)\((.*)\)$/s.exec(formula.trim());
    if (!m) throw new Error(`cannot evaluate ${formula}`);
    const args = splitArguments(m[2]).map((arg) => this.argument(arg, on));
    const key = `${m[1]}(${JSON.stringify(args)})`;
    if (this.resultsByArguments?.has(key)) return this.resultsByArguments.get(key);
    let value: unknown;
    try {
      const result = this.execute(m[1], args);
      value = Array.isArray(result) ? result[0][0] : result;
    } catch {
      value = '#ERROR!';
    }
    this.resultsByArguments?.set(key, value);
    return value;
  }

  private argument(text: string, on: FakeSheet): unknown {
    if (text === '') return '';
    if (text.startsWith('"')) return JSON.parse(text);
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    const m = A1.exec(text);
    if (!m) throw new Error(`cannot read argument ${text}`);
    const sheet = m[1] ? this.getSheetByName(m[1])! : on;
    const [row, column] = [Number(m[3]), columnNumber(m[2])];
    if (!m[4]) return sheet.valueAt(row, column);
    const [row2, column2] = [Number(m[5]), columnNumber(m[4])];
    const values = sheet.getRange(row, column, row2 - row + 1, column2 - column + 1).getValues();
    return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
  }
}

function splitArguments(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      args.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (text.trim() !== '') args.push(current.trim());
  return args;
}

interface ShownUi {
  menus: { caption: string; functionName: string }[][];
  sidebars: { file: string; title: string }[];
  alerts: { title: string; prompt: string }[];
}

export interface Sandbox {
  context: vm.Context;
  book: FakeSpreadsheet;
  properties: Map<string, string>;
  ui: ShownUi;
  /** The user's language setting (Session.getActiveUserLocale). */
  setLocale(locale: string): void;
  /** A top-level function of Code.js, called as Apps Script calls it. */
  call(name: string, ...args: unknown[]): unknown;
  /** The message a call throws, as Sheets shows it in the cell; fails when the call does not throw. */
  thrown(name: string, ...args: unknown[]): string;
  /** A Date made inside the sandbox, as Sheets passes date cells. */
  date(iso: string): Date;
  /** The sandbox's own Date constructor. */
  SandboxDate: DateConstructor;
}

/**
 * Apps Script's custom-function guide (https://developers.google.com/apps-script/guides/sheets/functions, "Use Google
 * Apps Script services"): custom functions "can only call services that don't have access to personal data", the
 * table lists Cache, HTML, JDBC, Language, Lock, Maps, Properties, Spreadsheet, URL Fetch, Utilities and XML, and
 * calling another service fails with "You do not have permission to call X service". Session is not in the table,
 * so during a custom function (a function Code.js marks `@customfunction`, called directly or from a formula cell)
 * the double refuses it.
 */
const CUSTOM_FUNCTION = /@customfunction\s*\*\/\s*function (\w+)/g;
const notInCustomFunctions = (call: string) => new Error(`Exception: You do not have permission to call ${call}`);

/** `locale` is the user's language setting, `spreadsheetLocale` the file's (File > Settings). */
export function loadBundle(
  options: { timeZone?: string; locale?: string; spreadsheetLocale?: string; code?: string; cacheCustomFunctionResults?: boolean } = {},
): Sandbox {
  const code = options.code ?? readFileSync(CODE_PATH, 'utf8');
  const customFunctions = new Set([...code.matchAll(CUSTOM_FUNCTION)].map((m) => m[1]));
  let inCustomFunction = false;
  const book = new FakeSpreadsheet(options.timeZone ?? 'Asia/Ho_Chi_Minh', options.spreadsheetLocale);
  if (options.cacheCustomFunctionResults) book.resultsByArguments = new Map();
  const properties = new Map<string, string>();
  const ui: ShownUi = { menus: [], sidebars: [], alerts: [] };
  let locale = options.locale ?? 'en';
  const html = (file: string) => {
    const output = { file, title: '', setTitle: (t: string) => ((output.title = t), output), setWidth: () => output, setHeight: () => output };
    return output;
  };
  const globals = {
    SpreadsheetApp: {
      getActive: () => book,
      getUi: () => ({
        createAddonMenu() {
          const items: { caption: string; functionName: string }[] = [];
          const menu = {
            addItem: (caption: string, functionName: string) => (items.push({ caption, functionName }), menu),
            addSeparator: () => menu,
            addToUi: () => void ui.menus.push(items),
          };
          return menu;
        },
        showSidebar: (output: ReturnType<typeof html>) => void ui.sidebars.push({ file: output.file, title: output.title }),
        showModalDialog: (output: ReturnType<typeof html>, title: string) => void ui.sidebars.push({ file: output.file, title }),
        alert: (title: string, prompt: string) => void ui.alerts.push({ title, prompt }),
        ButtonSet: { OK: 'OK' },
      }),
    },
    PropertiesService: {
      getDocumentProperties: () => ({
        getProperties: () => Object.fromEntries(properties),
        setProperty: (k: string, v: string) => void setWithinLimits(properties, k, v),
        deleteProperty: (k: string) => void properties.delete(k),
      }),
    },
    Session: {
      getActiveUserLocale: () => {
        if (inCustomFunction) throw notInCustomFunctions('Session.getActiveUserLocale');
        return locale;
      },
    },
    HtmlService: { createHtmlOutputFromFile: html },
    Utilities: { formatDate: () => { throw new Error('the add-on must not depend on Utilities.formatDate'); } },
    console,
  };
  const context = vm.createContext(globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
  book.execute = (name, args) => {
    const outer = inCustomFunction;
    inCustomFunction = customFunctions.has(name);
    try {
      return (context[name] as (...a: unknown[]) => unknown)(...args);
    } finally {
      inCustomFunction = outer;
    }
  };
  const call = (name: string, ...args: unknown[]): unknown => book.execute(name, args);
  return {
    context,
    book,
    properties,
    ui,
    setLocale: (l) => void (locale = l),
    call,
    thrown: (name, ...args) => {
      try {
        call(name, ...args);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`${name} did not throw`);
    },
    date: (iso) => vm.runInContext(`new Date(${JSON.stringify(iso)})`, context) as Date,
    SandboxDate: vm.runInContext('Date', context) as DateConstructor,
  };
}

/**
 * Apps Script's property limits (https://developers.google.com/apps-script/guides/services/quotas): "Properties value
 * size 9 KB / val", "Properties total storage 500 KB / property store"; counted in UTF-8 bytes, keys included in the
 * total. The messages are Apps Script's own.
 */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
function setWithinLimits(properties: Map<string, string>, key: string, value: string): void {
  if (bytes(value) > PROPERTY_VALUE_LIMIT) throw new Error('Exception: Argument too large: value');
  const total = [...properties].reduce((sum, [k, v]) => (k === key ? sum : sum + bytes(k) + bytes(v)), bytes(key) + bytes(value));
  if (total > PROPERTY_STORE_LIMIT) throw new Error('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
  properties.set(key, value);
}

/** A column of cells, as a range arrives in a custom function. */
export const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);
