import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * sheets-addon/src/platform.check.ts makes `tsc` prove that Apps Script's services satisfy the narrow interfaces of
 * platform.ts. Here the compiler runs on that check with platform.ts replaced by a copy carrying one mistake, as a
 * developer might write it, and must report it.
 */

const PLATFORM = fileURLToPath(new URL('../sheets-addon/src/platform.ts', import.meta.url));
const CHECK = fileURLToPath(new URL('../sheets-addon/src/platform.check.ts', import.meta.url));
const original = readFileSync(PLATFORM, 'utf8');

/** The check's diagnostics, with platform.ts's text given by `edit`. */
function checkWith(edit: (text: string) => string): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const edited = edit(original);
  host.readFile = (file) => (file === PLATFORM ? edited : read(file));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) =>
    file === PLATFORM ? ts.createSourceFile(file, edited, language) : getSourceFile(file, language);
  const program = ts.createProgram([CHECK], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const replaced = (from: string, to: string) => (text: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe('platform.ts against the Apps Script declarations', () => {
  it('compiles as written', () => {
    expect(checkWith((text) => text)).toEqual([]);
  });

  it('fails on a misspelt member (getSpreadsheetTimezone for getSpreadsheetTimeZone)', () => {
    const errors = checkWith(replaced('getSpreadsheetTimeZone(): string;', 'getSpreadsheetTimezone(): string;'));
    expect(errors.join('\n')).toMatch(/Property 'getSpreadsheetTimezone' is missing in type/);
  });

  it('fails on a misremembered signature (getProperties returning keys)', () => {
    const errors = checkWith(replaced('getProperties(): Record<string, string>;', 'getProperties(): string[];'));
    expect(errors.join('\n')).toMatch(/getProperties/);
  });

  it('fails on a method the service does not have (Ui.createSidebar)', () => {
    const errors = checkWith(replaced('showSidebar(output: HtmlOutput): void;', 'createSidebar(output: HtmlOutput): void;'));
    expect(errors.join('\n')).toMatch(/createSidebar/);
  });
});
