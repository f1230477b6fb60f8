import { defineConfig } from 'vitest/config';

// The tests that run core/ in this process, where Stryker's mutants are: the Sheets tests run the prebuilt bundle,
// the CLI tests start child processes, and the Chromium and manifest tests never reach core/.
export default defineConfig({
  test: {
    include: [
      'test/calendar*.test.ts',
      'test/workdays.test.ts',
      'test/sla.test.ts',
      'test/kpi.test.ts',
      'test/scorecard.test.ts',
      'test/schema.test.ts',
      'test/forge-sync.test.ts',
      'test/forge-resolvers.test.ts',
      'test/forge-vectors.test.ts',
    ],
    testTimeout: 120_000,
  },
});
