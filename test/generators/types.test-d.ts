import { describe, expectTypeOf, it } from 'vitest';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../../src/index.js';
import { seedList, seedObject, seedUpdated, stripeFixtureObject } from '../fixtures/seeds/examples.js';

describe('generated types', () => {
  it("accept Stripe's documented examples", () => {
    expectTypeOf(seedObject).toExtend<CustomerBalanceTransaction>();
    expectTypeOf(seedUpdated).toExtend<CustomerBalanceTransaction>();
    expectTypeOf(stripeFixtureObject).toExtend<CustomerBalanceTransaction>();
    expectTypeOf(seedList).toExtend<CustomerBalanceTransactionList>();
  });

  it('say what the fields are', () => {
    expectTypeOf<CustomerBalanceTransaction['amount']>().toEqualTypeOf<number>();
    expectTypeOf<CustomerBalanceTransaction['object']>().toEqualTypeOf<'customer_balance_transaction'>();
    expectTypeOf<CustomerBalanceTransaction['type']>().toExtend<string>();
    expectTypeOf<'migration'>().toExtend<CustomerBalanceTransaction['type']>();
    expectTypeOf<'checkout_session_subscription_payment_canceled'>().toExtend<
      CustomerBalanceTransaction['type']
    >();
    expectTypeOf<null>().toExtend<NonNullable<CustomerBalanceTransaction['metadata']> | null>();
    expectTypeOf<CustomerBalanceTransaction['customer']>().toExtend<
      string | { id: string; object: 'customer' }
    >();
  });

  it('reject what Stripe never sends', () => {
    // @ts-expect-error an unknown type value is not a customer_balance_transaction
    const bad: CustomerBalanceTransaction = { ...seedObject, type: 'refund' };
    // @ts-expect-error amount is an integer, not a string
    const worse: CustomerBalanceTransaction = { ...seedObject, amount: '-500' };
    // @ts-expect-error `object` is required
    const missing: CustomerBalanceTransaction = { ...seedObject, object: undefined };
    expectTypeOf([bad, worse, missing]).toBeArray();
  });
});
