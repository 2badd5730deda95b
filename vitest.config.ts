import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// CI asks for a JSON report (see .ci/run) so it can print one plain `N passed, N failed` line.
const jsonReport = process.env.VITEST_JSON_REPORT;
const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests (and README examples) import the package by name, resolved to the sources.
    alias: [
      { find: /^stripe-balance-kit\/vitest$/, replacement: src('contract/vitest.ts') },
      { find: /^stripe-balance-kit\/jest$/, replacement: src('contract/jest.ts') },
      { find: /^stripe-balance-kit\/msw$/, replacement: src('mock/msw.ts') },
      { find: /^stripe-balance-kit$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/readme/.blocks/**', 'test/consumer/project/**'],
    setupFiles: ['test/setup/no-network.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
