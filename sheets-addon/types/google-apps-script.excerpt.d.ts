/* eslint-disable @typescript-eslint/no-explicit-any -- copied verbatim from the package, which types cell values as any */
/**
 * An excerpt of @types/google-apps-script 2.0.13 (DefinitelyTyped, MIT License, Copyright (c) Microsoft Corporation):
 * the declarations of the services sheets-addon/src/platform.ts narrows, each member line copied verbatim (with all
 * its overloads), members the add-on does not call left out. It exists only because the package is not yet a devDependency; once it is,
 * platform.check.ts references the package instead and this file is deleted. Add a member here only by copying its
 * line from the package, never by writing it: the point is to check the add-on against Google's declarations.
 */
export declare namespace GoogleAppsScript {
  type Integer = number;
  namespace Base {
    enum Button {
      CLOSE,
      OK,
      CANCEL,
      YES,
      NO,
    }
    enum ButtonSet {
      OK,
      OK_CANCEL,
      YES_NO,
      YES_NO_CANCEL,
    }
    interface Menu {
      addItem(caption: string, functionName: string): Menu;
      addSeparator(): Menu;
      addToUi(): void;
    }
    interface Session {
      getActiveUserLocale(): string;
    }
    interface Ui {
      Button: typeof Button;
      ButtonSet: typeof ButtonSet;
      alert(prompt: string): Button;
      alert(prompt: string, buttons: ButtonSet): Button;
      alert(title: string, prompt: string, buttons: ButtonSet): Button;
      createAddonMenu(): Menu;
      showModalDialog(userInterface: HTML.HtmlOutput, title: string): void;
      showSidebar(userInterface: HTML.HtmlOutput): void;
    }
  }
  namespace HTML {
    interface HtmlOutput {
      setHeight(height: Integer): HtmlOutput;
      setTitle(title: string): HtmlOutput;
      setWidth(width: Integer): HtmlOutput;
    }
    interface HtmlService {
      createHtmlOutputFromFile(filename: string): HtmlOutput;
    }
  }
  namespace Properties {
    interface Properties {
      deleteProperty(key: string): Properties;
      getProperties(): { [key: string]: string };
      setProperty(key: string, value: string): Properties;
    }
    interface PropertiesService {
      getDocumentProperties(): Properties;
    }
  }
  namespace Cache {
    interface Cache {
      get(key: string): string | null;
      put(key: string, value: string): void;
      put(key: string, value: string, expirationInSeconds: Integer): void;
    }
    interface CacheService {
      getScriptCache(): Cache;
    }
  }
  namespace Spreadsheet {
    type FontWeight = "normal" | "bold";
    interface Range {
      getFormulas(): string[][];
      getValues(): any[][];
      setFontWeight(fontWeight: FontWeight | null): Range;
      setFormulas(formulas: string[][]): Range;
      setNumberFormat(numberFormat: string): Range;
      setValues(values: any[][]): Range;
    }
    interface Sheet {
      autoResizeColumns(startColumn: Integer, numColumns: Integer): Sheet;
      getDataRange(): Range;
      getName(): string;
      getRange(row: Integer, column: Integer): Range;
      getRange(row: Integer, column: Integer, numRows: Integer): Range;
      getRange(row: Integer, column: Integer, numRows: Integer, numColumns: Integer): Range;
      getRange(a1Notation: string): Range;
      setFrozenRows(rows: Integer): void;
    }
    interface Spreadsheet {
      getActiveSheet(): Sheet;
      getSheetByName(name: string): Sheet | null;
      getSheets(): Sheet[];
      getSpreadsheetTimeZone(): string;
      insertSheet(): Sheet;
      insertSheet(sheetIndex: Integer): Sheet;
      insertSheet(sheetName: string): Sheet;
      insertSheet(sheetName: string, sheetIndex: Integer): Sheet;
    }
    interface SpreadsheetApp {
      getActive(): Spreadsheet;
      getUi(): Base.Ui;
    }
  }
}
