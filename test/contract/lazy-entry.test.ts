/**
 * Importing the package must not load nock or Faker (together ~80 ms of cold start): a
 * `validate()` user needs neither, so they load on the first `mockStripe()`, `recordStripe()` or
 * `createFixtures()`. Each case runs the entry in a fresh Node process (through tsx, as the
 * sources), imports it, validates an object, and lists which of the two are loaded at that
 * point and after the functions that need them. An ESM resolve hook refuses `import` of either
 * (an ES module like Faker never shows in `require.cache`); `require.cache` shows the rest.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = resolve(ROOT, 'src/index.ts');

const HEAVY = String.raw`/[\\/]node_modules[\\/](nock|@faker-js[\\/]faker)[\\/]/`;

/** Loaded heavy packages, by name, from the shared CommonJS cache (also holds require()d ESM). */
const LOADED = `(cache) => [...new Set(Object.keys(cache).map((f) => ${HEAVY}.exec(f)?.[1]?.replace('\\\\', '/')).filter(Boolean))].sort()`;

const EXAMPLE = JSON.stringify({
  id: 'cbtxn_1MrU9qLkdIwHu7ixhdjxGBgI',
  object: 'customer_balance_transaction',
  amount: -500,
  created: 1680216086,
  credit_note: null,
  currency: 'usd',
  customer: 'cus_NcjdgdwZyI9Rj7',
  description: null,
  ending_balance: -500,
  invoice: null,
  livemode: false,
  metadata: {},
  type: 'adjustment',
});

/** Fails an ESM `import` of nock or Faker with the importer's name; `require()` is left alone. */
const REFUSE_IMPORT = `export async function resolve(specifier, context, next) {
  if (context.conditions.includes('import') && /^(nock|@faker-js\\/faker)(\\/|$)/.test(specifier)) {
    throw new Error('imported eagerly: ' + specifier + ' from ' + context.parentURL);
  }
  return next(specifier, context);
}`;

/** After import + validate, then after mockStripe() and createFixtures(): what is loaded. */
const PROBE = `
  const result = kit.validate('customer_balance_transaction', ${EXAMPLE});
  if (!result.valid || typeof kit.validators.customer_balance_transaction !== 'function') throw new Error('validate');
  const atImport = loaded(cache);
  kit.mockStripe().restore();
  kit.createFixtures({ seed: 1 }).balanceTransaction();
  console.log(JSON.stringify({ atImport, afterUse: loaded(cache) }));
`;

const SCRIPTS = {
  esm: `
    import { createRequire, register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(REFUSE_IMPORT)}));
    const cache = createRequire(import.meta.url).cache;
    const loaded = ${LOADED};
    const kit = await import(${JSON.stringify(pathToFileURL(ENTRY).href)});
    ${PROBE}
  `,
  cjs: `
    const cache = require.cache;
    const loaded = ${LOADED};
    const kit = require(${JSON.stringify(ENTRY)});
    ${PROBE}
  `,
};

function probe(system: keyof typeof SCRIPTS): { atImport: string[]; afterUse: string[] } {
  const args = [
    '--import',
    'tsx',
    ...(system === 'esm' ? ['--input-type=module'] : []),
    '-e',
    SCRIPTS[system],
  ];
  const out = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

describe('the package entry loads nock and Faker only when first needed', () => {
  it.each(['esm', 'cjs'] as const)(
    '%s: none at import, both after mockStripe() and createFixtures()',
    (system) => {
      expect(probe(system)).toEqual({ atImport: [], afterUse: ['@faker-js/faker', 'nock'] });
    },
  );
});
