/**
 * Per-page cost of listPage() on a 100,000-row ledger: page 1 against page 1,000 (and the
 * same walking backwards). Run with `npx tsx bench/list-page.bench.ts`. Prints timings and
 * ratios; a ratio near 1 means depth costs nothing (no scan per page). Not part of the tests:
 * timings depend on the machine.
 */
import { createFixtures, listPage } from '../src/index.js';

const CUSTOMER = 'cus_NcjdgdwZyI9Rj7';
const ROWS = 100_000;
const LIMIT = 10;
const PAGES_PER_BATCH = 20_000;
const BATCHES = 7;

const ledger = createFixtures({ seed: 'bench' }).ledger({ customer: CUSTOMER, count: ROWS });
// List order is newest first: page n starts after the (n-1)*LIMIT-th newest row.
const newestFirst = [...ledger].reverse();
const cursorBeforePage = (page: number) => newestFirst[(page - 1) * LIMIT - 1]?.id as string;

const firstBuild = performance.now();
listPage(ledger, { customer: CUSTOMER, limit: LIMIT });
const indexMs = performance.now() - firstBuild;

let sink = 0; // consumed below, so the pages can't be optimised away

/** Median microseconds per page over BATCHES batches of PAGES_PER_BATCH pages. */
function perPage(query: () => Parameters<typeof listPage>[1]): number {
  const q = query();
  const batches: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const start = performance.now();
    for (let i = 0; i < PAGES_PER_BATCH; i++) sink += listPage(ledger, q).data.length;
    batches.push(((performance.now() - start) * 1000) / PAGES_PER_BATCH);
  }
  batches.sort((a, b) => a - b);
  return batches[Math.floor(BATCHES / 2)] as number;
}

// Warm the JIT on every path first, so the first case measured isn't the slow one.
for (const page of [1, 2, 1000]) {
  for (let i = 0; i < PAGES_PER_BATCH; i++) {
    sink += listPage(ledger, {
      customer: CUSTOMER,
      limit: LIMIT,
      ...(page > 1 ? { starting_after: cursorBeforePage(page) } : {}),
    }).data.length;
    sink += listPage(ledger, { customer: CUSTOMER, limit: LIMIT, ending_before: cursorBeforePage(page + 1) })
      .data.length;
  }
}

const cases = {
  'page 1 (no cursor)': perPage(() => ({ customer: CUSTOMER, limit: LIMIT })),
  'page 2 (starting_after)': perPage(() => ({
    customer: CUSTOMER,
    limit: LIMIT,
    starting_after: cursorBeforePage(2),
  })),
  'page 1,000 (starting_after)': perPage(() => ({
    customer: CUSTOMER,
    limit: LIMIT,
    starting_after: cursorBeforePage(1000),
  })),
  'page 10,000, the last (starting_after)': perPage(() => ({
    customer: CUSTOMER,
    limit: LIMIT,
    starting_after: cursorBeforePage(10_000),
  })),
  'page 1,000 from the end (ending_before)': perPage(() => ({
    customer: CUSTOMER,
    limit: LIMIT,
    ending_before: newestFirst[ROWS - 1000 * LIMIT]?.id as string,
  })),
};

const base = cases['page 1 (no cursor)'];
console.log(`listPage on a ${ROWS.toLocaleString('en-US')}-row ledger, limit ${LIMIT}`);
console.log(`  index built once on first call: ${indexMs.toFixed(1)} ms`);
for (const [name, micros] of Object.entries(cases)) {
  console.log(
    `  ${name.padEnd(42)} ${micros.toFixed(2).padStart(7)} µs/page   ratio to page 1: ${(micros / base).toFixed(2)}`,
  );
}
if (sink === 0) console.log('(no pages?)');

// For contrast: what a linear scan per page (findIndex of the cursor) would cost at depth.
function scanPerPage(page: number): number {
  const cursor = page > 1 ? cursorBeforePage(page) : undefined;
  const runs = 2000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const at = cursor === undefined ? -1 : newestFirst.findIndex((t) => t.id === cursor);
    sink += newestFirst.slice(at + 1, at + 1 + LIMIT).length;
  }
  return ((performance.now() - start) * 1000) / runs;
}
const scan1 = scanPerPage(2);
const scan1000 = scanPerPage(1000);
console.log(
  `  (a findIndex scan per page instead: page 2 ${scan1.toFixed(2)} µs, page 1,000 ${scan1000.toFixed(2)} µs, ratio ${(scan1000 / scan1).toFixed(0)})`,
);
