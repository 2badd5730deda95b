import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

// Runs README code blocks as their readers would: importing the package by name.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^stripe-balance-kit\/vitest$/, replacement: src('contract/vitest.ts') },
      { find: /^stripe-balance-kit\/jest$/, replacement: src('contract/jest.ts') },
      { find: /^stripe-balance-kit\/msw$/, replacement: src('mock/msw.ts') },
      { find: /^stripe-balance-kit$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['**/*.test.ts'],
    setupFiles: [fileURLToPath(new URL('../setup/no-network.ts', import.meta.url))],
    testTimeout: 30_000,
  },
});
