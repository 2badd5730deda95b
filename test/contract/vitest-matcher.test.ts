/** `src/contract/vitest.ts` registers `toMatchContract` with vitest, typed, in every form. */
import { describe, expect, test } from 'vitest';
import '../../src/contract/vitest.js';
import { loadFixture } from './support/fixtures.js';

const seed = () => loadFixture<Record<string, unknown>>('contract/valid/seed-object.json');

function failureOf(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the assertion to fail');
}

describe('expect(x).toMatchContract(kind, opts?) under vitest', () => {
  test("passes for Stripe's examples", () => {
    expect(seed()).toMatchContract('customer_balance_transaction');
    expect(loadFixture('contract/valid/ledger-page.json')).toMatchContract(
      'customer_balance_transaction_list',
    );
    expect(loadFixture('contract/valid/error-404.json')).toMatchContract('error');
    expect({ amount: -500, currency: 'usd' }).toMatchContract('create_params');
  });

  test('fails with every failing path, its code and both sides', () => {
    const message = failureOf(() =>
      expect({ ...seed(), amount: 'x', metadata: { order_id: 6735 } }).toMatchContract(
        'customer_balance_transaction',
      ),
    );
    expect(message).toContain('expected value to match the customer_balance_transaction contract (strict)');
    expect(message).toContain('/amount [wrong_type] expected integer; received string "x"');
    expect(message).toContain('/metadata/order_id [wrong_type] expected string; received number 6735');
  });

  test('.not passes for a broken value and fails for a valid one', () => {
    expect({ ...seed(), type: 'refund' }).not.toMatchContract('customer_balance_transaction');
    const message = failureOf(() => expect(seed()).not.toMatchContract('customer_balance_transaction'));
    expect(message).toContain('expected value not to match the customer_balance_transaction contract');
  });

  test('options: tolerant mode passes unknown fields, semantic: false skips the semantic layer', () => {
    expect({ ...seed(), new_field: true }).toMatchContract('customer_balance_transaction', {
      mode: 'tolerant',
    });
    expect({ ...seed(), new_field: true }).not.toMatchContract('customer_balance_transaction');
    expect({ ...seed(), id: 'txn_1' }).toMatchContract('customer_balance_transaction', { semantic: false });
    const message = failureOf(() =>
      expect({ ...seed(), id: 'txn_1' }).toMatchContract('customer_balance_transaction'),
    );
    expect(message).toContain('/id [id_prefix]');
  });

  test('asymmetric form inside toEqual', () => {
    expect({ status: 200, body: seed() }).toEqual({
      status: 200,
      body: expect.toMatchContract('customer_balance_transaction'),
    });
    expect({ body: { ...seed(), amount: 'x' } }).not.toEqual({
      body: expect.toMatchContract('customer_balance_transaction'),
    });
  });

  test('an unknown kind fails loudly even under .not', () => {
    expect(failureOf(() => expect(seed()).not.toMatchContract('charge' as never))).toContain(
      'unknown contract kind "charge"',
    );
  });
});
