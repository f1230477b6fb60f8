/// <reference types="google-apps-script" />
import type * as Narrow from './platform';

/**
 * Compile-time proof that Apps Script's real services satisfy the narrow interfaces of platform.ts: `tsc` fails when
 * platform.ts names a member the service lacks or types it incompatibly. Types only: nothing imports this file, so it
 * is never bundled. test/sheets-platform.test.ts shows a misspelt member failing here.
 */
type Satisfies<NarrowType, Real extends NarrowType> = Real;

export type PlatformChecks = [
  Satisfies<Narrow.SpreadsheetAppService, GoogleAppsScript.Spreadsheet.SpreadsheetApp>,
  Satisfies<Narrow.Spreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>,
  Satisfies<Narrow.Sheet, GoogleAppsScript.Spreadsheet.Sheet>,
  Satisfies<Narrow.Range, GoogleAppsScript.Spreadsheet.Range>,
  Satisfies<Narrow.Ui, GoogleAppsScript.Base.Ui>,
  Satisfies<Narrow.Menu, GoogleAppsScript.Base.Menu>,
  Satisfies<Narrow.HtmlOutput, GoogleAppsScript.HTML.HtmlOutput>,
  Satisfies<Narrow.HtmlServiceApi, GoogleAppsScript.HTML.HtmlService>,
  Satisfies<Narrow.SessionApi, GoogleAppsScript.Base.Session>,
  Satisfies<Narrow.PropertiesServiceApi, GoogleAppsScript.Properties.PropertiesService>,
  Satisfies<Narrow.Properties, GoogleAppsScript.Properties.Properties>,
];
