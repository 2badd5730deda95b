/** `listPage` on a 100k-row ledger: the first page against page 1,001, which must cost about the same. */
import { createFixtures, listPage } from '../../src/factory/index.js';
import { consume, measure, type Results } from '../harness.js';
import { CUSTOMER } from '../inputs.js';
import { PAGES as NAMES, PAGING } from '../names.js';

export async function run(results: Results): Promise<void> {
  const big = createFixtures({ seed: 'bench' }).ledger({ customer: CUSTOMER, count: 100_000 });
  const newestFirst = [...big].reverse();
  const deepCursor = newestFirst[1000 * 10 - 1]?.id;
  if (deepCursor === undefined) throw new Error('ledger too short for the deep cursor');
  listPage(big, { customer: CUSTOMER, limit: 10 }); // builds the index once
  await measure(
    results,
    PAGING,
    NAMES.first,
    () => {
      for (let i = 0; i < 1000; i++) consume(listPage(big, { customer: CUSTOMER, limit: 10 }).data.length);
    },
    { batch: 1000 },
  );
  await measure(
    results,
    PAGING,
    NAMES.deep,
    () => {
      for (let i = 0; i < 1000; i++)
        consume(listPage(big, { customer: CUSTOMER, limit: 10, starting_after: deepCursor }).data.length);
    },
    { batch: 1000 },
  );
}
