import { defineConfig } from 'vitest/config';
import { packageAliases } from './test/setup/package-aliases.js';

// CI asks for a JSON report (see .ci/run) so it can print one plain `N passed, N failed` line.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  resolve: {
    // Tests (and README examples) import the package by name, resolved to the sources.
    alias: packageAliases,
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
