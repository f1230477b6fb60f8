/**
 * The floors of docs/ARCHITECTURE.md as the lint configuration enforces them: the import rule that eslint.config.js
 * gives a file at each place, run on import lines, reports exactly the imports that cross a floor.
 */
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
