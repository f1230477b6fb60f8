import { defineConfig } from 'vitest/config';

// The core's own tests, in this process where Stryker's mutants are: the Sheets tests run the prebuilt bundle, the
// CLI tests start child processes, the Chromium and manifest tests never reach core/, and the Forge tests test the
// adapter (their 5,200-issue run would cost seconds per mutant).
export default defineConfig({
  test: {
    include: [
      'test/calendar*.test.ts',
      'test/workdays.test.ts',
      'test/workdays-*.test.ts',
      'test/sla.test.ts',
      'test/sla-*.test.ts',
      'test/kpi.test.ts',
      'test/kpi-*.test.ts',
      'test/scorecard.test.ts',
      'test/scorecard-*.test.ts',
      'test/schema.test.ts',
      'test/core-guards.test.ts',
      // The CSV writer of core/util, which every door's export uses.
      'test/csv-*.test.ts',
      // Holidays: the list and Vietnam's rules; not the tables test (it runs date-holidays, ~20 s) nor the bundle's.
      'test/holidays-list.test.ts',
      'test/holidays-vietnam.test.ts',
    ],
    testTimeout: 120_000,
  },
});
