// Lint in `npm test`: typescript-eslint with type information, because the Forge resolvers, queue consumer and sync
// are chains of promises where a forgotten `await` loses work silently (no-floating-promises, no-misused-promises),
// and react-hooks for the UI Kit views, whose effects must list what they read (exhaustive-deps). The last two blocks
// keep the floors apart (docs/ARCHITECTURE.md): a door reaches the core only through an area's entry, and the core
// reaches neither a door nor a package with I/O or a platform behind it.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'reports/', '.stryker-tmp/', 'test/artifacts/', '*.config.{js,ts}', 'stryker.config.*'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A leading underscore marks a parameter an interface requires but this implementation does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests read JSON fixtures, vm sandboxes and platform doubles whose shapes they assert at run time: `any` flows
    // there by design, and doubles implement async platform APIs without awaiting anything. The other promise rules
    // still apply to them.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The doors import the core through `core/index.ts` or an area's `index.ts` (calendar, sla, kpi, market,
    // scorecard, schema, util), never a file inside an area: what an entry does not export is the area's own business.
    files: ['cli/**/*.{ts,tsx}', 'forge-app/**/*.{ts,tsx}', 'sheets-addon/**/*.{ts,tsx}', 'src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(\\.\\./)+core/[^/]+/(?!index$)', message: 'Import the core through core/index or an area entry (core/<area>), not a file inside an area.' }],
      }],
    },
  },
  {
    // The core is pure: no I/O, no platform, no clock. It imports its own files, zod and @date-fns/tz, nothing else.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(\\.\\./)+(cli|forge-app|sheets-addon|src|test|bench|scripts)(/|$)', message: 'The core never imports a door (cli, forge-app, sheets-addon, src) or a test, bench or script.' },
          { regex: '^(?!\\.|zod$|@date-fns/tz$)', message: 'The core imports only zod and @date-fns/tz: no platform package, no Node built-in, no I/O.' },
        ],
      }],
    },
  },
);
