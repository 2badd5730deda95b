import { describe, expectTypeOf, it } from 'vitest';
import {
  type BalanceTransactionOverrides,
  type BuiltCustomer,
  buildBalanceTransaction,
  type CustomerLedger,
  type CustomerOverrides,
  type CustomerBalanceTransactionList,
  createFixtures,
  type FixtureSet,
  type LedgerOptions,
  listPage,
  type StrictCustomer,
  type StrictCustomerBalanceTransaction,
} from '../../src/index.js';

describe('fixture types', () => {
  it('returns strict transactions, links as ids', () => {
    const fx = createFixtures({ seed: 1, now: new Date(), livemode: true });
    expectTypeOf(fx).toEqualTypeOf<FixtureSet>();
    expectTypeOf(fx.balanceTransaction()).toEqualTypeOf<StrictCustomerBalanceTransaction>();
    expectTypeOf(
      fx.balanceTransaction({ type: 'credit_note' }),
    ).toEqualTypeOf<StrictCustomerBalanceTransaction>();
    expectTypeOf(buildBalanceTransaction()).toEqualTypeOf<StrictCustomerBalanceTransaction>();
    expectTypeOf(fx.ledger({ count: 1 })).toEqualTypeOf<StrictCustomerBalanceTransaction[]>();
    expectTypeOf(fx.ledgerStream({ count: 1 })).toExtend<Iterable<StrictCustomerBalanceTransaction>>();
    expectTypeOf(listPage(fx.ledger({ count: 1 }), { customer: 'cus_1' })).toEqualTypeOf<
      CustomerBalanceTransactionList<StrictCustomerBalanceTransaction>
    >();
  });

  it('links given as objects are typed as expanded, the others stay ids', () => {
    const t = buildBalanceTransaction({ customer: { email: 'jenny@example.com' }, invoice: 'in_1' });
    expectTypeOf(t).toEqualTypeOf<StrictCustomerBalanceTransaction<'customer'>>();
    expectTypeOf(t.customer).toEqualTypeOf<string | { id: string; object: 'customer' }>();
    expectTypeOf(t.invoice).toEqualTypeOf<string | null>();
    const wide: BalanceTransactionOverrides = {};
    expectTypeOf(buildBalanceTransaction(wide).credit_note).toEqualTypeOf<
      string | { id: string; object: 'credit_note' } | null
    >();
  });

  it('overrides are a deep partial of the transaction', () => {
    const full = buildBalanceTransaction();
    expectTypeOf(full).toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ type: 'credit_note'; currency: 'jpy' }>().toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ customer: { email: string } }>().toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ metadata: null }>().toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ amount: string }>().not.toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ metadata: { order_id: number } }>().not.toExtend<BalanceTransactionOverrides>();
    expectTypeOf<{ customer: null }>().not.toExtend<BalanceTransactionOverrides>();
  });

  it('a type literal the kit does not know is refused; an open string is checked when built', () => {
    // @ts-expect-error 'refund' is not a customer balance transaction type
    buildBalanceTransaction({ type: 'refund' });
    // @ts-expect-error 'refund' is not a customer balance transaction type
    createFixtures().balanceTransaction({ type: 'refund', amount: 100 });
    const open: string & Record<never, never> = 'adjustment';
    buildBalanceTransaction({ type: open });
  });

  it('ledger options need a count and take only known types', () => {
    expectTypeOf<{ count: 3; types: ['adjustment'] }>().toExtend<LedgerOptions>();
    expectTypeOf<{ customer: string }>().not.toExtend<LedgerOptions>();
    expectTypeOf<{ count: 3; types: ['refund'] }>().not.toExtend<LedgerOptions>();
  });

  it('customers are strict customers with every unexpanded field; overrides are a deep partial', () => {
    const fx = createFixtures();
    const customer = fx.customer({ invoice_settings: { footer: 'Thanks' }, metadata: {} });
    expectTypeOf(customer).toEqualTypeOf<BuiltCustomer>();
    expectTypeOf(customer).toExtend<StrictCustomer>();
    expectTypeOf(customer.balance).toEqualTypeOf<number>();
    expectTypeOf(customer.currency).toEqualTypeOf<string | null>();
    expectTypeOf(customer).toExtend<CustomerOverrides>();
    expectTypeOf<{ balance: string }>().not.toExtend<CustomerOverrides>();
    expectTypeOf<{ metadata: { plan: number } }>().not.toExtend<CustomerOverrides>();
  });

  it('ledger() returns its customer only when asked, keeping its old return type otherwise', () => {
    const fx = createFixtures();
    expectTypeOf(fx.ledger({ count: 1, withCustomer: true })).toEqualTypeOf<CustomerLedger>();
    expectTypeOf(fx.ledger({ count: 1 })).toEqualTypeOf<StrictCustomerBalanceTransaction[]>();
    expectTypeOf<ReturnType<typeof fx.ledger>>().toEqualTypeOf<StrictCustomerBalanceTransaction[]>();
    // @ts-expect-error the ledger's customer takes its balance from the ledger
    fx.ledger({ count: 1, withCustomer: true, customerOverrides: { balance: 5 } });
  });
});
