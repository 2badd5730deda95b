/** What the suites measure with: the spec, one customer, and a seeded ledger's transaction and page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createFixtures, listPage } from '../src/factory/index.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../src/types.js';
import { ROOT } from './harness.js';

export const SPEC = join(ROOT, 'spec/customer-balance-transactions.openapi.yaml');
export const CUSTOMER = 'cus_BenchPeers0001';

/** The parts of the OpenAPI document the peers read. */
export interface OpenApiDoc {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: Record<string, unknown>;
}

export const loadSpec = (): OpenApiDoc => parseYaml(readFileSync(SPEC, 'utf8')) as OpenApiDoc;

/** The newest-first 100-item page of a seeded 100-row ledger, and its oldest transaction. */
export function validationInputs(): {
  one: CustomerBalanceTransaction;
  page: CustomerBalanceTransactionList;
} {
  const ledger = createFixtures({ seed: 'bench' }).ledger({
    customer: CUSTOMER,
    currency: 'usd',
    count: 100,
  });
  return {
    one: ledger[0] as CustomerBalanceTransaction,
    page: listPage(ledger, { customer: CUSTOMER, limit: 100 }),
  };
}
