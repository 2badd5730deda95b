/**
 * Real-shaped data passes: the examples on Stripe's reference pages (../shared/seeds), the object
 * stripe-mock serves (stripe-openapi fixtures3), a hand-built ledger page with expanded links,
 * Stripe's error envelope, and the parameters the official client sends.
 */
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/contract/index.js';
import type { ContractKind } from '../../src/contract/types.js';
import { loadFixture } from './support/fixtures.js';

const passing: [string, ContractKind, string][] = [
  [
    'reference page: the object / retrieve / create example',
    'customer_balance_transaction',
    'contract/valid/seed-object.json',
  ],
  [
    'reference page: the update example (metadata set)',
    'customer_balance_transaction',
    'contract/valid/seed-updated.json',
  ],
  ['reference page: the list example', 'customer_balance_transaction_list', 'contract/valid/seed-list.json'],
  [
    'fixtures3 v2436: customer_balance_transaction (metadata null, newer fields)',
    'customer_balance_transaction',
    'contract/valid/stripe-fixture-transaction.json',
  ],
  [
    'a ledger page linking invoices, a credit note, a checkout session',
    'customer_balance_transaction_list',
    'contract/valid/ledger-page.json',
  ],
  ['a 404 resource_missing error envelope', 'error', 'contract/valid/error-404.json'],
];

describe('validate on real-shaped data', () => {
  test.each(passing)('%s', (_name, kind, file) => {
    const result = validate(kind, loadFixture(file));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('passes with an expanded customer taken from fixtures3 (ids checked inside it)', () => {
    const customer = loadFixture('contract/parts/stripe-fixture-customer.json');
    const tx = { ...loadFixture('contract/valid/stripe-fixture-transaction.json'), customer };
    expect(validate('customer_balance_transaction', tx)).toEqual({ valid: true, errors: [], warnings: [] });
  });

  test("passes the official client's parameters for each call", () => {
    expect(validate('create_params', { amount: -500, currency: 'usd' }).valid).toBe(true);
    expect(validate('update_params', { metadata: { order_id: '6735' } }).valid).toBe(true);
    expect(validate('update_params', { metadata: '' }).valid).toBe(true);
    expect(validate('list_params', { limit: 3 }).valid).toBe(true);
    expect(
      validate('list_params', { created: { gte: 1680216086 }, ending_before: 'cbtxn_1MrU9q' }).valid,
    ).toBe(true);
  });

  test('each page item is also checked with the list kind (a broken item fails the page)', () => {
    const page = loadFixture<{ data: Record<string, unknown>[] }>('contract/valid/ledger-page.json');
    const item = page.data[3];
    if (!item) throw new Error('fixture has at least four items');
    item.metadata = { ticket: 42 };
    const result = validate('customer_balance_transaction_list', page);
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([['/data/3/metadata/ticket', 'wrong_type']]);
  });
});
