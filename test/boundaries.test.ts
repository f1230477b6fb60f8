/**
 * The floors of docs/ARCHITECTURE.md as the lint configuration enforces them: the import rule that eslint.config.js
 * gives a file at each place, run on import lines, reports exactly the imports that cross a floor.
 */
import { readFileSync } from 'node:fs';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });
const linter = new Linter({ configType: 'flat' });

/** The import sources that the configured no-restricted-imports reports in a file at `path`. */
async function reported(path: string, sources: readonly string[]): Promise<string[]> {
  const config = (await eslint.calculateConfigForFile(path)) as { rules?: Record<string, Linter.RuleEntry> };
  const rule = config.rules?.['no-restricted-imports'];
  if (rule === undefined) return [];
  const code = sources.map((source, index) => `import { x${index} } from '${source}';`).join('\n');
  const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-imports': rule } }], { filename: path });
  return messages.map((message) => sources[message.line - 1]);
}

describe('import boundaries between the core and the doors', () => {
  const entries = ['../../../core', '../../../core/index', '../../../core/calendar', '../../../core/scorecard/index', '../../../core/util'];
  const internals = ['../../../core/calendar/zone', '../../../core/scorecard/methods/bands', '../../../core/util/csv', '../../../core/kpi/validate'];

  it.each(['cli/input/read.ts', 'forge-app/src/resolvers/any.ts', 'sheets-addon/src/functions/any.ts', 'src/any.ts'])(
    'a door (%s) may import the core index and area entries, and no file inside an area',
    async (path) => {
      expect(await reported(path, [...entries, ...internals, './sibling', 'zod'])).toEqual(internals);
    },
  );

  it('the core imports its own files, zod and @date-fns/tz; never a door, a test, a platform package or a Node built-in', async () => {
    const allowed = ['./clock', '../calendar/zone', 'zod', '@date-fns/tz'];
    const forbidden = ['../../cli/main', '../../forge-app/src/runtime', '../../sheets-addon/src/entry', '../../src/index', '../../test/helpers/x', '@forge/kvs', 'react', 'node:fs', 'fs', 'papaparse'];
    expect(await reported('core/sla/any.ts', [...allowed, ...forbidden])).toEqual(forbidden);
  });

  it('tests and benches may reach inside the core (they test and measure its parts)', async () => {
    expect(await reported('test/any.test.ts', internals)).toEqual([]);
    expect(await reported('bench/any.ts', internals)).toEqual([]);
  });
});

describe('the dead-export check knows what ships', () => {
  const root = new URL('..', import.meta.url);
  const knip = JSON.parse(readFileSync(new URL('knip.json', root), 'utf8')) as { entry: string[] };
  /** `a/{b,c}.tsx!` → a/b.tsx, a/c.tsx: the production entries knip.json lists (one brace group per pattern). */
  const productionEntries = knip.entry
    .filter((pattern) => pattern.endsWith('!'))
    .flatMap((pattern) => {
      const [, before, choices, after] = /^([^{]*)(?:\{([^}]*)\})?(.*)!$/.exec(pattern)!;
      return choices === undefined ? [before + after] : choices.split(',').map((choice) => before + choice + after);
    });

  it('lists every UI Kit resource of manifest.yml and the handlers file as a production entry', () => {
    const manifest = readFileSync(new URL('manifest.yml', root), 'utf8');
    const resources = [...manifest.matchAll(/^\s+path: (forge-app\/\S+\.tsx)$/gm)].map((match) => match[1]);
    expect(resources.length).toBeGreaterThan(0);
    expect(productionEntries).toEqual(expect.arrayContaining([...resources, 'src/index.ts', 'sheets-addon/src/entry.ts']));
  });
});
