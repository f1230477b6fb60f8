import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeMetafile, build, type Metafile, type Plugin } from 'esbuild';
import ts from 'typescript';
import { BUNDLE_GLOBAL, generateStubs } from './stubs';

/**
 * `npm run build`: writes what `clasp push` uploads into dist/sheets-addon/: Code.js (one IIFE of the core and the
 * adapter, then the generated top-level stubs), appsscript.json, and the two HTML pages with their scripts inlined.
 */

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
export const OUT_DIR = join(root, 'dist', 'sheets-addon');

/**
 * zod re-exports every message locale (`z.locales`), ~200 KiB minified that the add-on never uses: its messages are
 * the core's own, in English. Only the English locale, zod's default, is kept.
 */
const englishZodMessagesOnly: Plugin = {
  name: 'english-zod-messages-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
      resolveDir: join(root, 'node_modules', 'zod', 'v4', 'locales'),
    }));
  },
};

/**
 * zod's classic API re-exports two opt-in tools the add-on never calls: the JSON Schema converters (to and from,
 * ~36 KiB minified; the CLI converts schemas, in its own process) and the ahead-of-time compiler `z.compile`
 * (~29 KiB; parsing never uses it unless `zod/compile` is imported). Each module is replaced by one whose exports,
 * the same names, throw if called; `create…Method` factories (called when a schema's `~standard` is read) return such
 * a function.
 */
const ZOD_OPT_IN_MODULES = /[\\/]zod[\\/]v4[\\/](core[\\/](json-schema-processors|to-json-schema|json-schema-generator|compile)|classic[\\/]from-json-schema)\.js$/;
const noZodOptInTools: Plugin = {
  name: 'no-zod-opt-in-tools',
  setup(b) {
    b.onLoad({ filter: ZOD_OPT_IN_MODULES }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const declared = [...source.matchAll(/^export (?:function|const|class) (\w+)/gm)].map((m) => m[1]);
      const aliased = [...source.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) => m[1].split(',').map((part) => part.trim().split(/\s+as\s+/).pop()!));
      const names = [...new Set([...declared, ...aliased])].filter(Boolean);
      const contents = [
        'function leftOut() { throw new Error("this zod tool is not in the Sheets bundle (sheets-addon/build.ts)"); }',
        ...names.map((name) => `export const ${name} = ${name.startsWith('create') ? '() => leftOut' : 'leftOut'};`),
      ].join('\n');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * The parameters' help and the functions' return texts serve only the autocomplete JSDoc that `generateStubs` writes
 * at build time (and the help is in those stubs); at run time the add-on reads names, optional flags and summaries.
 * Leaving them out of the runtime table keeps about 9 KiB of English out of every execution's load. The table is
 * read with the TypeScript parser, so only object properties named `help` or `returns` go, wherever they are written.
 */
const STUB_ONLY_PROPERTIES = new Set(['help', 'returns']);
const metadataWithoutStubTexts: Plugin = {
  name: 'metadata-without-stub-texts',
  setup(b) {
    b.onLoad({ filter: /[\\/]sheets-addon[\\/]src[\\/]functions-meta\.ts$/ }, (args) => {
      const source = ts.createSourceFile(args.path, readFileSync(args.path, 'utf8'), ts.ScriptTarget.Latest, true);
      const dropTexts = (context: ts.TransformationContext) => (root: ts.SourceFile) => {
        const visit = (node: ts.Node): ts.Node => {
          if (ts.isObjectLiteralExpression(node)) {
            const kept = node.properties.filter((p) => !(ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && STUB_ONLY_PROPERTIES.has(p.name.text)));
            return ts.visitEachChild(context.factory.updateObjectLiteralExpression(node, kept), visit, context);
          }
          return ts.visitEachChild(node, visit, context);
        };
        return ts.visitNode(root, visit) as ts.SourceFile;
      };
      const [stripped] = ts.transform(source, [dropTexts]).transformed;
      return { contents: ts.createPrinter().printFile(stripped), loader: 'ts' };
    });
  },
};

/**
 * The core is pure (no I/O, no globals), yet its modules build zod schemas and tables at top level, which esbuild
 * must otherwise keep as possible side effects. The add-on imports the core through its public entries
 * (`core/<area>/index.ts`), so without this whatever an entry re-exports would land in Code.js even when unused.
 */
const CORE_DIR = join(root, 'core') + sep;
const RESOLVING_CORE = Symbol('resolving a core module');
const coreModulesWithoutSideEffects: Plugin = {
  name: 'core-modules-without-side-effects',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === RESOLVING_CORE) return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: RESOLVING_CORE });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(CORE_DIR)) return undefined;
      return { path: resolved.path, sideEffects: false };
    });
  },
};

/**
 * The core reads one function of @date-fns/tz, `tzOffset`, but the package's entry also brings `TZDate`, whose module
 * patches its class's prototype with every Date method when Code.js loads: ~4 KiB and work that every execution paid
 * before its first formula. The bundle takes `tzOffset` from its own module (a build error if the core ever asks the
 * package for anything else).
 */
const tzOffsetOnly: Plugin = {
  name: 'tz-offset-only',
  setup(b) {
    b.onResolve({ filter: /^@date-fns\/tz$/ }, () => ({ path: join(root, 'node_modules', '@date-fns', 'tz', 'tzOffset', 'index.js') }));
  },
};

async function bundle(entry: string, options: { globalName?: string; target: string }): Promise<{ text: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    format: 'iife',
    globalName: options.globalName,
    target: options.target,
    platform: options.globalName ? 'neutral' : 'browser',
    mainFields: ['module', 'main'],
    minify: true,
    // Code.js only: the built-ins bound once at load (sheets-addon/src/builtins.ts says why); the pages run in a browser.
    inject: options.globalName ? [join(here, 'src', 'builtins.ts')] : [],
    legalComments: 'none',
    // Vietnamese text as UTF-8 (Apps Script reads script files as UTF-8): as \uXXXX escapes each letter took 6 bytes.
    charset: 'utf8',
    write: false,
    metafile: true,
    plugins: [englishZodMessagesOnly, noZodOptInTools, tzOffsetOnly, coreModulesWithoutSideEffects, metadataWithoutStubTexts],
    // The targets predate class fields, so esbuild lowers them; with define semantics every field of every object
    // (an SLA clock per row) became an Object.defineProperty call, 15 % of SLA_COMPLIANCE. No class here relies on
    // define semantics (no accessor on a prototype is shadowed), so fields are plain assignments.
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
    logLevel: 'warning',
  });
  return { text: result.outputFiles[0].text, metafile: result.metafile };
}

/** Minified bytes per package (node_modules) or source folder, largest first: what Code.js is made of. */
function sizeByOrigin(metafile: Metafile): string {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const origin = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/').slice(0, path.startsWith('core/calendar/holiday-data') ? 3 : 2).join('/');
      bytes.set(origin, (bytes.get(origin) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .map(([origin, n]) => `  ${(n / 1024).toFixed(1).padStart(6)} KiB  ${origin}`)
    .join('\n');
}

/** An HTML page with its bundled script inline: Apps Script serves single files. `</script` cannot occur inside. */
async function page(name: string): Promise<void> {
  const template = readFileSync(join(here, 'client', `${name}.html`), 'utf8');
  const script = (await bundle(`client/${name.toLowerCase()}.ts`, { target: 'es2019' })).text.replace(/<\/script/gi, '<\\/script');
  writeFileSync(join(OUT_DIR, `${name}.html`), template.replace('<!-- SCRIPT -->', () => `<script>${script}</script>`));
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const started = performance.now();
  // Apps Script runs Code.js as a classic script: `var KPI` becomes the global the stubs call.
  const entry = await bundle('src/entry.ts', { globalName: BUNDLE_GLOBAL, target: 'es2020' });
  const code = entry.text + '\n' + generateStubs();
  writeFileSync(join(OUT_DIR, 'Code.js'), code);
  copyFileSync(join(here, 'appsscript.json'), join(OUT_DIR, 'appsscript.json'));
  await page('Sidebar');
  await page('Calendars');
  const kib = (file: string) => `${(statSync(join(OUT_DIR, file)).size / 1024).toFixed(0)} KiB`;
  console.log(
    `sheets-addon: dist/sheets-addon/Code.js ${kib('Code.js')}, Sidebar.html ${kib('Sidebar.html')}, Calendars.html ${kib('Calendars.html')} ` +
      `(built in ${(performance.now() - started).toFixed(0)} ms; load time: npx tsx sheets-addon/bench.ts)`,
  );
  // `npm run build -- --analyze`: what Code.js is made of, by package and folder, then esbuild's own per-file list.
  if (process.argv.includes('--analyze')) console.log(`Code.js by origin:\n${sizeByOrigin(entry.metafile)}\n${await analyzeMetafile(entry.metafile)}`);
}

await main();
