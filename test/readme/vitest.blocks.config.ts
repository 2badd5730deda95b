import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { packageAliases } from '../setup/package-aliases.js';

// Runs README code blocks as their readers would: importing the package by name.
export default defineConfig({
  resolve: {
    alias: packageAliases,
  },
  test: {
    include: ['**/*.test.ts'],
    setupFiles: [fileURLToPath(new URL('../setup/no-network.ts', import.meta.url))],
    testTimeout: 30_000,
  },
});
