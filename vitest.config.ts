import { defineConfig } from 'vitest/config';

// Timeouts sized for a loaded 2-core machine (CI runs the whole suite there): the slowest tests take about 12 s
// idle and were seen to take four times that under load. Tests that do more state their own, larger, timeout.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
