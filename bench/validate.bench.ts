/**
 * Contract-check throughput on the common case (valid input), side by side in one run: the bare
 * precompiled validator, `validate()` (schema + semantic layer), and AJV compiling the same JSON
 * Schema at run time. Run: npx tsx bench/validate.bench.ts
 */
import { Ajv } from 'ajv';
import { createFixtures, listPage, schemas, validate, validators } from '../src/index.js';

const fx = createFixtures({ seed: 'bench' });
const ledger = fx.ledger({ customer: 'cus_BenchValidate01', currency: 'usd', count: 100 });
const one = ledger[0]!;
const page = listPage(ledger, { customer: 'cus_BenchValidate01', limit: 100 });

function opsPerSecond(fn: () => unknown, minMs = 400): number {
  for (let i = 0; i < 2000; i++) fn();
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 1000; i++) fn();
    n += 1000;
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

const runtime = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
runtime.addFormat('unix-time', {
  type: 'number',
  validate: (n: number) => Number.isSafeInteger(n) && n >= 0,
});
const compiledOne = runtime.compile(schemas.customer_balance_transaction);
const compiledPage = runtime.compile(schemas.customer_balance_transaction_list);

const rows: [string, number, number][] = [];
for (const [label, value, bare, wrapped, ajvRuntime] of [
  [
    'one transaction',
    one,
    validators.customer_balance_transaction,
    'customer_balance_transaction',
    compiledOne,
  ],
  [
    '100-item list page',
    page,
    validators.customer_balance_transaction_list,
    'customer_balance_transaction_list',
    compiledPage,
  ],
] as const) {
  const b = opsPerSecond(() => bare(value));
  const w = opsPerSecond(() => validate(wrapped, value));
  const s = opsPerSecond(() => validate(wrapped, value, { semantic: false }));
  const r = opsPerSecond(() => ajvRuntime(value));
  console.log(`${label}`);
  console.log(`  generated validator          ${Math.round(b).toLocaleString('en-US').padStart(12)} ops/s`);
  console.log(
    `  validate(), schema only      ${Math.round(s).toLocaleString('en-US').padStart(12)} ops/s  (${(s / b).toFixed(2)}x bare)`,
  );
  console.log(
    `  validate(), with semantics   ${Math.round(w).toLocaleString('en-US').padStart(12)} ops/s  (${(w / b).toFixed(2)}x bare)`,
  );
  console.log(
    `  ajv compiled at run time     ${Math.round(r).toLocaleString('en-US').padStart(12)} ops/s  (${(b / r).toFixed(2)}x slower than ours)`,
  );
  rows.push([label, b, r]);
}
