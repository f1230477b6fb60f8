import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
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
 * date-holidays converts holiday instants with moment-timezone, whose full zone history is ~715 KiB minified. The
 * build with data for 1970-2030 is 134 KiB; after 2030 each zone keeps its last offset, which moves a holiday only
 * where an astronomical one (an equinox) falls within an hour of midnight in a zone with summer time.
 */
const zoneDataFrom1970To2030: Plugin = {
  name: 'zone-data-1970-2030',
  setup(b) {
    b.onResolve({ filter: /^moment-timezone$/ }, () => ({
      path: join(root, 'node_modules', 'moment-timezone', 'builds', 'moment-timezone-with-data-1970-2030.min.js'),
    }));
  },
};

async function bundle(entry: string, options: { globalName?: string; target: string }): Promise<string> {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    format: 'iife',
    globalName: options.globalName,
    target: options.target,
    platform: options.globalName ? 'neutral' : 'browser',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    write: false,
    plugins: [englishZodMessagesOnly, zoneDataFrom1970To2030],
    // Apps Script has no timers; astronomia (under date-holidays) reads `setTimeout` at load time into a dead local,
    // which would throw a ReferenceError there before any function runs.
    define: options.globalName ? { setTimeout: 'undefined' } : {},
    logLevel: 'warning',
  });
  return result.outputFiles![0].text;
}

/** An HTML page with its bundled script inline: Apps Script serves single files. `</script` cannot occur inside. */
async function page(name: string): Promise<void> {
  const template = readFileSync(join(here, 'client', `${name}.html`), 'utf8');
  const script = (await bundle(`client/${name.toLowerCase()}.ts`, { target: 'es2019' })).replace(/<\/script/gi, '<\\/script');
  writeFileSync(join(OUT_DIR, `${name}.html`), template.replace('<!-- SCRIPT -->', () => `<script>${script}</script>`));
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const started = performance.now();
  // Apps Script runs Code.js as a classic script: `var KPI` becomes the global the stubs call.
  const code = (await bundle('src/entry.ts', { globalName: BUNDLE_GLOBAL, target: 'es2020' })) + '\n' + generateStubs();
  writeFileSync(join(OUT_DIR, 'Code.js'), code);
  copyFileSync(join(here, 'appsscript.json'), join(OUT_DIR, 'appsscript.json'));
  await page('Sidebar');
  await page('Calendars');
  const kib = (file: string) => `${(statSync(join(OUT_DIR, file)).size / 1024).toFixed(0)} KiB`;
  console.log(
    `sheets-addon: dist/sheets-addon/Code.js ${kib('Code.js')}, Sidebar.html ${kib('Sidebar.html')}, Calendars.html ${kib('Calendars.html')} ` +
      `(built in ${(performance.now() - started).toFixed(0)} ms; load time: npx tsx sheets-addon/bench.ts)`,
  );
}

await main();
