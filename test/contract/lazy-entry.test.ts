/**
 * What each entry loads of nock (~55 ms) and Faker (~28 ms). The main entry loads nock as it is
 * imported — it must be active before any Stripe client is built, since a fetch client keeps the
 * `fetch` it finds then — and Faker only on the first `createFixtures()`.
 * `stripe-balance-kit/contract` loads neither. Each case runs an entry in a fresh Node process
 * (through tsx, as the sources), imports it, validates an object, and lists which of the two are
 * loaded then and after the functions that need them. An ESM resolve hook refuses `import` of
 * Faker (an ES module never shows in `require.cache`); `require.cache` shows the rest.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedObject } from '../fixtures/seeds/examples.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRIES = { main: resolve(ROOT, 'src/index.ts'), contract: resolve(ROOT, 'src/contract/index.ts') };

const HEAVY = String.raw`/[\\/]node_modules[\\/](nock|@faker-js[\\/]faker)[\\/]/`;

/** Loaded heavy packages, by name, from the shared CommonJS cache (also holds require()d ESM). */
const LOADED = `(cache) => [...new Set(Object.keys(cache).map((f) => ${HEAVY}.exec(f)?.[1]?.replace('\\\\', '/')).filter(Boolean))].sort()`;

const EXAMPLE = JSON.stringify(seedObject);

/** Fails an ESM `import` of Faker with the importer's name; `require()` is left alone. */
const REFUSE_IMPORT = `export async function resolve(specifier, context, next) {
  if (context.conditions.includes('import') && /^@faker-js\\/faker(\\/|$)/.test(specifier)) {
    throw new Error('imported eagerly: ' + specifier + ' from ' + context.parentURL);
  }
  return next(specifier, context);
}`;

/** After import + validate, then after mockStripe() and createFixtures(): what is loaded. */
const PROBE = `
  const result = kit.validate('customer_balance_transaction', ${EXAMPLE});
  if (!result.valid || typeof kit.validators.customer_balance_transaction !== 'function') throw new Error('validate');
  const atImport = loaded(cache);
  if (kit.mockStripe) {
    kit.mockStripe().restore();
    kit.createFixtures({ seed: 1 }).balanceTransaction();
  }
  console.log(JSON.stringify({ atImport, afterUse: loaded(cache) }));
`;

const SCRIPTS = {
  esm: (entry: string) => `
    import { createRequire, register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(REFUSE_IMPORT)}));
    const cache = createRequire(import.meta.url).cache;
    const loaded = ${LOADED};
    const kit = await import(${JSON.stringify(pathToFileURL(entry).href)});
    ${PROBE}
  `,
  cjs: (entry: string) => `
    const cache = require.cache;
    const loaded = ${LOADED};
    const kit = require(${JSON.stringify(entry)});
    ${PROBE}
  `,
};

function probe(
  system: keyof typeof SCRIPTS,
  entry: keyof typeof ENTRIES,
): { atImport: string[]; afterUse: string[] } {
  const args = [
    '--import',
    'tsx',
    ...(system === 'esm' ? ['--input-type=module'] : []),
    '-e',
    SCRIPTS[system](ENTRIES[entry]),
  ];
  const out = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

describe('what each entry loads of nock and Faker', () => {
  it.each(['esm', 'cjs'] as const)(
    '%s main entry: nock at import, Faker after createFixtures()',
    (system) => {
      expect(probe(system, 'main')).toEqual({ atImport: ['nock'], afterUse: ['@faker-js/faker', 'nock'] });
    },
  );

  it.each(['esm', 'cjs'] as const)('%s stripe-balance-kit/contract: neither', (system) => {
    expect(probe(system, 'contract')).toEqual({ atImport: [], afterUse: [] });
  });
});
