// The CLI as one bundled JavaScript file (esbuild), so a run starts without compiling TypeScript. `ensureBundle`
// rebuilds it only when a source under cli/ or core/ (or the lock file) is newer than the bundle, so a fresh clone
// and an edited tree run what they hold. `node scripts/cli-bundle.mjs` (npm run build:cli) builds it unconditionally.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** One level below the repository root, as cli/main.ts is: its `..` finds the default example files. */
const BUNDLE = join(ROOT, 'build', 'backoffice-kpi.mjs');
const SOURCES = ['cli', 'core', 'package-lock.json'].map((path) => join(ROOT, path));

/** The newest modification time under a path. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/**
 * zod re-exports every message locale (~260 KiB minified, half the bundle to parse at each start); the CLI's
 * messages are its own, in English, zod's default locale, which is all that is kept.
 */
const englishZodMessagesOnly = {
  name: 'english-zod-messages-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
      resolveDir: join(ROOT, 'node_modules', 'zod', 'v4', 'locales'),
    }));
  },
};

async function buildBundle() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: { 'backoffice-kpi': join(ROOT, 'cli', 'main.ts') },
    outdir: join(ROOT, 'build'),
    // What only some logs need (iconv-lite's tables for windows-1252 and UTF-16BE, the XES parser) goes to chunks
    // loaded on first use, so a CSV run does not parse them at start.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [englishZodMessagesOnly],
    // papaparse and iconv-lite are CommonJS and require Node's modules: give the ES module a require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}

/** The bundle's URL, built first when missing or older than a source. */
export async function ensureBundle() {
  let built = -1;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {
    // not built yet
  }
  if (built < 0 || SOURCES.some((path) => newest(path) > built)) await buildBundle();
  return pathToFileURL(BUNDLE).href;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildBundle();
