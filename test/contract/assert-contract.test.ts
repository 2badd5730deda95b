/** `assertContract` throws a typed `ContractError` whose message lists every failing path. */
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  assertContract,
  ContractError,
  isStripeBalanceKitError,
  StripeBalanceKitError,
} from '../../src/index.js';
import type {
  ExpandableField,
  StrictCustomerBalanceTransaction,
  StrictCustomerBalanceTransactionList,
} from '../../src/types.js';
import { loadFixture } from './support/fixtures.js';

const seed = () => loadFixture<Record<string, unknown>>('contract/valid/seed-object.json');

function thrown(fn: () => void): ContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('expected a ContractError');
}

describe('assertContract', () => {
  test('returns quietly for a valid value and narrows its type', () => {
    const body: unknown = seed();
    assertContract('customer_balance_transaction', body);
    expectTypeOf(body).toEqualTypeOf<StrictCustomerBalanceTransaction<ExpandableField>>();
    expect(body.ending_balance).toBe(-500);

    const page: unknown = loadFixture('contract/valid/seed-list.json');
    assertContract('customer_balance_transaction_list', page, { mode: 'strict' });
    expectTypeOf(page).toEqualTypeOf<StrictCustomerBalanceTransactionList>();
    expect(page.data).toHaveLength(1);
  });

  test('throws ContractError with a stable code, the findings, and a message naming each path', () => {
    const error = thrown(() =>
      assertContract('customer_balance_transaction', { ...seed(), amount: 'x', invoice: 5, id: 'txn_1' }),
    );
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toBeInstanceOf(StripeBalanceKitError);
    expect(isStripeBalanceKitError(error)).toBe(true);
    expect(error.name).toBe('ContractError');
    expect(error.code).toBe('contract_violation');
    expect(error.kind).toBe('customer_balance_transaction');
    expect(error.errors.map((e) => [e.path, e.code])).toEqual([
      ['/amount', 'wrong_type'],
      ['/invoice', 'wrong_type'],
      ['/id', 'id_prefix'],
    ]);
    expect(error.message.split('\n')).toEqual([
      'customer_balance_transaction does not match the contract: 3 errors',
      '  /amount [wrong_type] expected integer; received string "x"',
      '  /invoice [wrong_type] expected string id, expanded invoice object, or null; received number 5',
      '  /id [id_prefix] id should start with "cbtxn_"',
      '      expected string id starting with "cbtxn_"; received string "txn_1"',
    ]);
  });

  test('tolerant mode: warnings alone do not throw', () => {
    expect(() =>
      assertContract('customer_balance_transaction', { ...seed(), new_field: 1 }, { mode: 'tolerant' }),
    ).not.toThrow();
  });

  test('warnings ride along when errors throw', () => {
    const error = thrown(() =>
      assertContract(
        'customer_balance_transaction',
        { ...seed(), new_field: 1, livemode: 'no' },
        { mode: 'tolerant' },
      ),
    );
    expect(error.warnings.map((w) => w.path)).toEqual(['/new_field']);
    expect(error.message).toContain('1 error, 1 warning');
    expect(error.message).toContain('Warnings:\n  /new_field [unknown_property]');
  });

  test('an unknown kind throws unknown_kind', () => {
    const error = thrown(() => assertContract('charge' as never, seed()));
    expect(error.code).toBe('unknown_kind');
    expect(error.message).toContain('unknown contract kind "charge"');
  });

  test('long reports are capped in the message but complete in `errors`', () => {
    const metadata = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const error = thrown(() =>
      assertContract('customer_balance_transaction', { ...seed(), metadata, amount: 'x' }),
    );
    expect(error.errors).toHaveLength(51);
    expect(error.message).toContain('… and 1 more');
  });

  test('hostile input still ends in a ContractError, never another exception', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(thrown(() => assertContract('customer_balance_transaction', hostile)).errors[0]?.code).toBe(
      'unreadable_value',
    );
  });
});
