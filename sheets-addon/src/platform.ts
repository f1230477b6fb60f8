/**
 * The few Apps Script services the add-on uses, typed to what it calls. They are globals in Apps Script (and stubs
 * in the node:vm tests); nothing else in the adapter touches platform globals. platform.check.ts proves at compile
 * time that the real services (as @types/google-apps-script declares them) satisfy every interface here, so a
 * misspelt or misremembered member fails `tsc`.
 */

export type CellValue = string | number | boolean | Date;

/** @internal Exported so platform.check.ts can prove that Apps Script's own types satisfy it. */
export interface Range {
  getValues(): CellValue[][];
  /** A formula's text for each cell (`=NAME(...)`, with English names and commas), '' where a cell has none. */
  getFormulas(): string[][];
  setValues(values: CellValue[][]): Range;
  setFormulas(formulas: string[][]): Range;
  setNumberFormat(format: string): Range;
  setFontWeight(weight: 'normal' | 'bold'): Range;
}

export interface Sheet {
  getName(): string;
  getDataRange(): Range;
  getRange(row: number, column: number, rows?: number, columns?: number): Range;
  setFrozenRows(rows: number): void;
  autoResizeColumns(start: number, count: number): void;
}

export interface Spreadsheet {
  getSpreadsheetTimeZone(): string;
  getSpreadsheetLocale(): string;
  getActiveSheet(): Sheet;
  getSheets(): Sheet[];
  getSheetByName(name: string): Sheet | null;
  insertSheet(name: string): Sheet;
}

/** @internal Exported so platform.check.ts can prove that Apps Script's own types satisfy it. */
export interface Menu {
  addItem(caption: string, functionName: string): Menu;
  addSeparator(): Menu;
  addToUi(): void;
}

export interface HtmlOutput {
  setTitle(title: string): HtmlOutput;
  setWidth(width: number): HtmlOutput;
  setHeight(height: number): HtmlOutput;
}

/**
 * Apps Script's ButtonSet enum: opaque here, only passed back to `alert`.
 * @internal Exported so platform.check.ts can prove that Apps Script's own types satisfy it.
 */
export type ButtonSetValue = number;

export interface Ui {
  createAddonMenu(): Menu;
  showSidebar(output: HtmlOutput): void;
  showModalDialog(output: HtmlOutput, title: string): void;
  alert(title: string, prompt: string, buttons: ButtonSetValue): unknown;
  ButtonSet: { OK: ButtonSetValue };
}

export interface Properties {
  getProperties(): Record<string, string>;
  setProperty(key: string, value: string): void;
  deleteProperty(key: string): void;
}

/** @internal Exported so platform.check.ts can prove that Apps Script's own types satisfy it. */
export interface SpreadsheetAppService {
  getActive(): Spreadsheet;
  getUi(): Ui;
}
/** @internal Exported so platform.check.ts can prove that Apps Script's own types satisfy it. */
export interface PropertiesServiceApi {
  getDocumentProperties(): Properties;
}
/** @internal Exported so platform.check.ts can prove that Apps Script's own types satisfy it. */
export interface SessionApi {
  getActiveUserLocale(): string;
}
/** @internal Exported so platform.check.ts can prove that Apps Script's own types satisfy it. */
export interface HtmlServiceApi {
  createHtmlOutputFromFile(name: string): HtmlOutput;
}

declare const SpreadsheetApp: SpreadsheetAppService;
declare const PropertiesService: PropertiesServiceApi;
declare const Session: SessionApi;
declare const HtmlService: HtmlServiceApi;

export const activeSpreadsheet = (): Spreadsheet => SpreadsheetApp.getActive();
export const spreadsheetTimeZone = (): string => SpreadsheetApp.getActive().getSpreadsheetTimeZone();
export const ui = (): Ui => SpreadsheetApp.getUi();
export const documentProperties = (): Properties => PropertiesService.getDocumentProperties();
/** The language setting of the user running a menu item or a page's call; Session is not available to custom functions. */
export const userLocale = (): string => Session.getActiveUserLocale();
/** The spreadsheet's locale (File > Settings), the same for every user of the file: `vi_VN`, `en_US`, `en`. */
export const spreadsheetLocale = (): string => SpreadsheetApp.getActive().getSpreadsheetLocale();
export const htmlFromFile = (name: string): HtmlOutput => HtmlService.createHtmlOutputFromFile(name);
