/**
 * The few Apps Script services the add-on uses, typed to what it calls. They are globals in Apps Script (and stubs
 * in the node:vm tests); nothing else in the adapter touches platform globals.
 */

export type CellValue = string | number | boolean | Date;

export interface Range {
  getValues(): CellValue[][];
  setValues(values: CellValue[][]): Range;
  setFormulas(formulas: string[][]): Range;
  setNumberFormat(format: string): Range;
  setFontWeight(weight: string): Range;
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
  getActiveSheet(): Sheet;
  getSheets(): Sheet[];
  getSheetByName(name: string): Sheet | null;
  insertSheet(name: string): Sheet;
}

interface Menu {
  addItem(caption: string, functionName: string): Menu;
  addSeparator(): Menu;
  addToUi(): void;
}

interface HtmlOutput {
  setTitle(title: string): HtmlOutput;
  setWidth(width: number): HtmlOutput;
  setHeight(height: number): HtmlOutput;
}

interface Ui {
  createAddonMenu(): Menu;
  showSidebar(output: HtmlOutput): void;
  showModalDialog(output: HtmlOutput, title: string): void;
  alert(title: string, prompt: string, buttons: unknown): void;
  ButtonSet: { OK: unknown };
}

interface Properties {
  getProperties(): Record<string, string>;
  setProperty(key: string, value: string): void;
  deleteProperty(key: string): void;
}

declare const SpreadsheetApp: { getActive(): Spreadsheet; getUi(): Ui };
declare const PropertiesService: { getDocumentProperties(): Properties };
declare const Session: { getActiveUserLocale(): string };
interface Cache {
  get(key: string): string | null;
  put(key: string, value: string, expirationInSeconds: number): void;
}

declare const CacheService: { getScriptCache(): Cache };
declare const HtmlService: { createHtmlOutputFromFile(name: string): HtmlOutput };

export const activeSpreadsheet = (): Spreadsheet => SpreadsheetApp.getActive();
export const spreadsheetTimeZone = (): string => SpreadsheetApp.getActive().getSpreadsheetTimeZone();
export const ui = (): Ui => SpreadsheetApp.getUi();
export const documentProperties = (): Properties => PropertiesService.getDocumentProperties();
export const userLocale = (): string => Session.getActiveUserLocale();
export const htmlFromFile = (name: string): HtmlOutput => HtmlService.createHtmlOutputFromFile(name);
export const scriptCache = (): Cache => CacheService.getScriptCache();
