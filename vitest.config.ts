import { defineConfig } from 'vitest/config';
import { packageAliases } from './test/setup/package-aliases.js';

// CI asks for a JSON report (see .ci/run) so it can print one plain `N passed, N failed` line.
const jsonReport = process.env.VITEST_JSON_REPORT;

/**
 * Tests that build the package, spawn processes or install projects: minutes, not seconds. A
 * developer runs the fast projects alone (`npm run test:unit`, `npm run test:integration`);
 * `npm test` and CI run all three.
 */
const SLOW = [
  'test/consumer/**/*.test.ts',
  'test/readme/**/*.test.ts',
  'test/cli/generate-memory.test.ts',
  'test/contract/jest-matcher.test.ts',
  'test/contract/lazy-entry.test.ts',
  'test/mock/module-order.test.ts',
  'test/types/stripe-versions.test.ts',
];

/** Tests that cross a transport, a socket, the file system or the CLI: the mock, record, corpus. */
const INTEGRATION = [
  'test/cli/**/*.test.ts',
  'test/mock/**/*.test.ts',
  'test/record/**/*.test.ts',
  'test/hardening/**/*.test.ts',
  'test/stripe/form-differential.test.ts',
];

const EXCLUDE = ['**/node_modules/**', 'test/readme/.blocks/**', 'test/consumer/project/**'];

export default defineConfig({
  resolve: {
    // Tests (and README examples) import the package by name, resolved to the sources.
    alias: packageAliases,
  },
  test: {
    setupFiles: ['test/setup/no-network.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Types are checked once, by `npm run typecheck` (tsc over src, tests and *.test-d.ts).
    typecheck: { enabled: false },
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...EXCLUDE, ...SLOW, ...INTEGRATION],
        },
      },
      { extends: true, test: { name: 'integration', include: INTEGRATION, exclude: [...EXCLUDE, ...SLOW] } },
      { extends: true, test: { name: 'slow', include: SLOW, exclude: EXCLUDE } },
    ],
  },
});
