/**
 * validate() answers a schema-valid value through a fast path (src/contract/semantic-fast-path.ts)
 * that only decides "no semantic findings"; anything it cannot clear goes to the guarded rules.
 * Differential tests: the fast path never clears a value the guarded rules have findings for, on
 * generated ledgers and on thousands of mutations of them; and clean data does take it.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { semanticallyClean, semanticFindings } from '../../src/contract/semantic.js';
import type { ContractKind } from '../../src/contract/types.js';
import { createFixtures, listPage } from '../../src/factory/index.js';
import { validators } from '../../src/generated/validators.js';
import { TRANSACTION_TYPES } from '../../src/stripe/transaction-types.js';

type Json = Record<string, unknown>;
const CUSTOMER = 'cus_FastPath000001';

function pageOf(seed: number, currencies: readonly string[], count: number): Json {
  const fx = createFixtures({ seed });
  const ledger = currencies.flatMap((currency) => fx.ledger({ customer: CUSTOMER, currency, count }));
  // Each currency's ledger is its own chain; sorted together they interleave on one page.
  ledger.sort((a, b) => a.created - b.created);
  return listPage(ledger, { customer: CUSTOMER, limit: 100 }) as unknown as Json;
}

/** The property under test: a schema-valid value the fast path clears has no findings. */
function agrees(kind: ContractKind, value: unknown): boolean {
  if (!validators[kind](value)) return true;
  return !semanticallyClean(kind, value) || semanticFindings(kind, value).length === 0;
}

describe('clean data takes the fast path', () => {
  test.each([1, 2, 3, 42])('seed %i: a 100-item page and each of its items', (seed) => {
    const page = pageOf(seed, ['usd'], 120);
    expect(validators.customer_balance_transaction_list(page)).toBe(true);
    expect(semanticallyClean('customer_balance_transaction_list', page)).toBe(true);
    for (const tx of page.data as Json[])
      expect(semanticallyClean('customer_balance_transaction', tx)).toBe(true);
  });

  test('every type, as the factory builds it', () => {
    const fx = createFixtures({ seed: 7 });
    for (const type of TRANSACTION_TYPES) {
      const tx = fx.balanceTransaction({ type });
      expect([type, semanticallyClean('customer_balance_transaction', tx)]).toEqual([type, true]);
    }
  });

  test('JSON-parsed and expanded values too', () => {
    const page = JSON.parse(JSON.stringify(pageOf(5, ['eur'], 30))) as Json & { data: Json[] };
    for (const tx of page.data) tx.customer = { id: CUSTOMER, object: 'customer' };
    expect(semanticallyClean('customer_balance_transaction_list', page)).toBe(true);
  });

  test('an empty page', () => {
    const page = {
      object: 'list',
      data: [],
      has_more: false,
      url: `/v1/customers/${CUSTOMER}/balance_transactions`,
    };
    expect(semanticallyClean('customer_balance_transaction_list', page)).toBe(true);
  });
});

describe('the fast path never clears what the guarded rules report', () => {
  test('pages mixing currencies are left to the guarded rules (and are clean there)', () => {
    const page = pageOf(9, ['usd', 'eur'], 60);
    expect(semanticallyClean('customer_balance_transaction_list', page)).toBe(false);
    expect(semanticFindings('customer_balance_transaction_list', page)).toEqual([]);
  });

  // Values each field may be mutated to: right and wrong prefixes, expanded objects, unsafe
  // integers, other types, other customers, escaped urls.
  const fieldValues: Record<string, unknown[]> = {
    id: ['cbtxn_x', 'txn_1', '', 'cbtxn'],
    customer: [
      CUSTOMER,
      'cus_Other',
      'acct_1',
      { id: CUSTOMER, object: 'customer' },
      { id: 'x_1', object: 'customer' },
    ],
    invoice: [null, 'in_1', 'inv_1', { id: 'in_2', object: 'invoice' }, { id: 'ii_1', object: 'invoice' }],
    credit_note: [null, 'cn_1', 'cred_1', { id: 'cn_2', object: 'credit_note' }],
    checkout_session: [null, 'cs_test_1', 'sess_1', { id: 'cs_2', object: 'checkout.session' }],
    amount: [0, 1, -1, 2 ** 53, -(2 ** 60), 1e300],
    ending_balance: [0, 1, -1, 2 ** 53 + 2, 1e300],
    created: [0, 1, 1_700_000_000, 253402300799],
    currency: ['usd', 'eur', 'jpy'],
    type: [...TRANSACTION_TYPES],
  };
  const urls = [
    `/v1/customers/${CUSTOMER}/balance_transactions`,
    '/v1/customers/cus_Other/balance_transactions',
    `/v1/customers/${encodeURIComponent(CUSTOMER).replace('_', '%5F')}/balance_transactions`,
    '/v1/customers/%E0%A4%A/balance_transactions',
    '/v1/customers/acct_1/balance_transactions',
  ];
  const mutation = fc.record({
    index: fc.nat(99),
    field: fc.constantFrom(...Object.keys(fieldValues)),
    pick: fc.nat(20),
  });

  test('single transactions', () => {
    const txs = pageOf(11, ['usd'], 100).data as Json[];
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const tx = { ...(txs[0] as Json) };
        for (const { field, pick } of mutations) {
          const values = fieldValues[field] ?? [];
          tx[field] = values[pick % values.length];
        }
        return agrees('customer_balance_transaction', tx);
      }),
      { numRuns: 3000 },
    );
  });

  test('list pages', () => {
    const base = pageOf(12, ['usd'], 100);
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.nat(urls.length - 1),
        (mutations, url) => {
          const data = (base.data as Json[]).map((tx) => ({ ...tx }));
          for (const { index, field, pick } of mutations) {
            const values = fieldValues[field] ?? [];
            const tx = data[index % data.length];
            if (tx) tx[field] = values[pick % values.length];
          }
          return agrees('customer_balance_transaction_list', { ...base, data, url: urls[url] });
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('customers and customer pages: id prefixes and the sign of invoice_credit_balance', () => {
    const fx = createFixtures({ seed: 'fast-path-customers' });
    const amount = fc.integer({ min: -5000, max: 5000 });
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom('usd', 'eur', null),
        fc.option(fc.dictionary(fc.constantFrom('usd', 'eur', 'jpy'), amount), { nil: undefined }),
        fc.constantFrom('cus_Fast0000000001', 'cbtxn_1', 'cus_'),
        (balance, currency, credit, id) => {
          const customer: Json = {
            ...(fx.customer() as unknown as Json),
            id,
            balance: currency ? balance : 0,
            currency,
          };
          if (credit !== undefined) customer.invoice_credit_balance = credit;
          const page = { object: 'list', data: [customer], has_more: false, url: '/v1/customers' };
          return agrees('customer', customer) && agrees('customer_list', page);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
