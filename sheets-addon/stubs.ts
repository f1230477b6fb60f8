import { FUNCTIONS, FUNCTION_NAMES, SERVER_FUNCTIONS, type FunctionMeta } from './src/functions-meta';

/**
 * The top-level functions Apps Script needs (custom functions, triggers and google.script.run targets must be
 * top-level declarations), each forwarding to the bundle's global. Custom functions carry the JSDoc Sheets shows in
 * its autocomplete; esbuild would drop comments, so they are generated here from the metadata table.
 */

const GLOBAL = 'KPI';

/** JSDoc text cannot contain the comment terminator. */
const safe = (text: string) => text.replace(/\*\//g, '*\\/');

function customFunctionStub(name: string, meta: FunctionMeta): string {
  const params = meta.params.map((p) => p.name);
  return [
    '/**',
    ` * ${safe(meta.summary)}`,
    ' *',
    ...meta.params.map((p) => ` * @param {any} ${p.name} ${safe(p.help)}`),
    ` * @return ${safe(meta.returns)}`,
    ' * @customfunction',
    ' */',
    `function ${name}(${params.join(', ')}) {`,
    `  return ${GLOBAL}.${name}.apply(null, arguments);`,
    '}',
  ].join('\n');
}

function serverStub(name: string, params: readonly string[]): string {
  return [`function ${name}(${params.join(', ')}) {`, `  return ${GLOBAL}.${name}.apply(null, arguments);`, '}'].join('\n');
}

export const BUNDLE_GLOBAL = GLOBAL;

export function generateStubs(): string {
  const custom = FUNCTION_NAMES.map((name) => customFunctionStub(name, FUNCTIONS[name]));
  const server = Object.entries(SERVER_FUNCTIONS).map(([name, params]) => serverStub(name, params));
  return ['// ---- Generated from sheets-addon/src/functions-meta.ts: do not edit. ----', ...custom, ...server].join('\n\n') + '\n';
}
