import { describe, expectTypeOf, it } from 'vitest';
import {
  type BalanceTransactionOverrides,
  buildBalanceTransaction,
  type CustomerBalanceTransaction,
  type CustomerBalanceTransactionList,
  createFixtures,
  type FixtureSet,
  type LedgerOptions,
  listPage,
} from '../../src/index.js';

describe('fixture types', () => {
  it('returns the generated types', () => {
    const fx = createFixtures({ seed: 1, now: new Date(), livemode: true });
    expectTypeOf(fx).toEqualTypeOf<FixtureSet>();
    expectTypeOf(fx.balanceTransaction()).toEqualTypeOf<CustomerBalanceTransaction>();
    expectTypeOf(buildBalanceTransaction()).toEqualTypeOf<CustomerBalanceTransaction>();
    expectTypeOf(fx.ledger({ count: 1 })).toEqualTypeOf<CustomerBalanceTransaction[]>();
    expectTypeOf(fx.ledgerStream({ count: 1 })).toExtend<Iterable<CustomerBalanceTransaction>>();
    expectTypeOf(listPage([], { customer: 'cus_1' })).toEqualTypeOf<CustomerBalanceTransactionList>();
  });

  it('overrides are a deep partial of the transaction', () => {
    const full: CustomerBalanceTransaction = buildBalanceTransaction();
    expectTypeOf(full).toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ type: 'credit_note'; currency: 'jpy' }>().toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ customer: { email: string } }>().toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ metadata: null }>().toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ type: 'refund' }>().not.toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ amount: string }>().not.toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ metadata: { order_id: number } }>().not.toExtend<BalanceTransactionOverrides>();
  });

  it('ledger options need a count and take only known types', () => {
    expectTypeOf<{ count: 3; types: ['adjustment'] }>().toExtend<LedgerOptions>();
    expectTypeOf<{ customer: string }>().not.toExtend<LedgerOptions>();
    expectTypeOf<{ count: 3; types: ['refund'] }>().not.toExtend<LedgerOptions>();
  });
});
