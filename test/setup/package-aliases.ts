import { fileURLToPath } from 'node:url';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

/**
 * The package's public entries resolved to the sources, so tests and README examples import
 * `stripe-balance-kit` by name, as users do. Keep in step with package.json "exports" and the
 * `paths` in tsconfig.json.
 */
export const packageAliases = [
  { find: /^stripe-balance-kit\/contract$/, replacement: src('contract/index.ts') },
  { find: /^stripe-balance-kit\/vitest$/, replacement: src('contract/vitest.ts') },
  { find: /^stripe-balance-kit\/jest$/, replacement: src('contract/jest.ts') },
  { find: /^stripe-balance-kit\/msw$/, replacement: src('mock/msw.ts') },
  { find: /^stripe-balance-kit$/, replacement: src('index.ts') },
];
