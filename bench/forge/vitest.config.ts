import { defineConfig } from 'vitest/config';

// The Forge scale simulation runs the app's own handlers, so it needs vitest's module mocks (the platform doubles):
// `npm run bench` runs it with this configuration.
export default defineConfig({
  test: {
    include: ['bench/forge/*.bench.test.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
  },
});
