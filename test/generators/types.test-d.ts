import { describe, expectTypeOf, it } from 'vitest';
import type {
  CustomerBalanceTransaction,
  CustomerBalanceTransactionList,
  StrictCustomerBalanceTransaction,
  StrictCustomerBalanceTransactionList,
} from '../../src/index.js';
import { seedList, seedObject, seedUpdated, stripeFixtureObject } from '../fixtures/seeds/examples.js';

describe('generated types', () => {
  it("accept Stripe's documented examples", () => {
    expectTypeOf(seedObject).toExtend<CustomerBalanceTransaction>();
    expectTypeOf(seedUpdated).toExtend<CustomerBalanceTransaction>();
    expectTypeOf(stripeFixtureObject).toExtend<CustomerBalanceTransaction>();
    expectTypeOf(seedList).toExtend<CustomerBalanceTransactionList>();
    // The reference examples predate `checkout_session` and `customer_account`, which the strict
    // shape (every field Stripe sends today) requires; Stripe's own fixture has them all.
    expectTypeOf(stripeFixtureObject).toExtend<StrictCustomerBalanceTransaction>();
    expectTypeOf({
      data: [stripeFixtureObject],
      object: 'list' as const,
      url: '',
      has_more: false,
    }).toExtend<StrictCustomerBalanceTransactionList>();
  });

  it('say what the fields are', () => {
    expectTypeOf<CustomerBalanceTransaction['amount']>().toEqualTypeOf<number>();
    expectTypeOf<CustomerBalanceTransaction['object']>().toEqualTypeOf<'customer_balance_transaction'>();
    expectTypeOf<CustomerBalanceTransaction['type']>().toExtend<string>();
    // What Stripe may send: any string, as stripe-node types its open enums.
    expectTypeOf<'refund'>().toExtend<CustomerBalanceTransaction['type']>();
    expectTypeOf<StrictCustomerBalanceTransaction['type']>().toExtend<CustomerBalanceTransaction['type']>();
    expectTypeOf<'migration'>().toExtend<CustomerBalanceTransaction['type']>();
    expectTypeOf<'checkout_session_subscription_payment_canceled'>().toExtend<
      CustomerBalanceTransaction['type']
    >();
    expectTypeOf<null>().toExtend<NonNullable<CustomerBalanceTransaction['metadata']> | null>();
    expectTypeOf<CustomerBalanceTransaction['customer']>().toExtend<
      string | { id: string; object: 'customer' }
    >();
    expectTypeOf<StrictCustomerBalanceTransaction['customer']>().toEqualTypeOf<string>();
    expectTypeOf<StrictCustomerBalanceTransaction<'invoice'>['invoice']>().toEqualTypeOf<
      string | { id: string; object: 'invoice' } | null
    >();
    expectTypeOf<StrictCustomerBalanceTransaction>().toExtend<CustomerBalanceTransaction>();
  });

  it('reject what Stripe never sends', () => {
    // @ts-expect-error an unknown type value does not pass the strict contract
    const bad: StrictCustomerBalanceTransaction = { ...stripeFixtureObject, type: 'refund' };
    // @ts-expect-error amount is an integer, not a string
    const worse: CustomerBalanceTransaction = { ...seedObject, amount: '-500' };
    // @ts-expect-error `object` is required
    const missing: CustomerBalanceTransaction = { ...seedObject, object: undefined };
    // @ts-expect-error the strict shape has every field Stripe sends today
    const old: StrictCustomerBalanceTransaction = seedObject;
    // @ts-expect-error an expanded link is an object with an id and its `object` name
    const odd: CustomerBalanceTransaction = { ...seedObject, customer: { id: 'cus_1', object: 'invoice' } };
    expectTypeOf([bad, worse, missing, old, odd]).toBeArray();
  });
});
