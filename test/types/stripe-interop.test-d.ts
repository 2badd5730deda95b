/**
 * Values flow between this kit and stripe-node both ways without casts: what the kit returns fits
 * the official client's types wherever application code takes them, and whatever the client
 * returns or accepts fits every function of ours. `npm run typecheck` checks this file against
 * the stripe we pin; test/types/stripe-versions.test.ts against the oldest stripe we claim, so it
 * sticks to what every supported stripe-node release declares.
 */
import type Stripe from 'stripe';
import { describe, expectTypeOf, it } from 'vitest';
import {
  assertContract,
  buildBalanceTransaction,
  type CreateParams,
  type CustomerBalanceTransaction,
  type CustomerBalanceTransactionList,
  createFixtures,
  type ListParams,
  listPage,
  type MockCustomer,
  type MockState,
  type StrictCreateParams,
  type StrictCustomerBalanceTransaction,
  type StrictUpdateParams,
  type UpdateParams,
  validate,
} from 'stripe-balance-kit';

declare const stripe: Stripe;
declare const mock: MockState;

// Application code, typed with stripe-node's types only.
declare function appCode(t: Stripe.CustomerBalanceTransaction): void;
declare function appPage(page: Stripe.ApiList<Stripe.CustomerBalanceTransaction>): void;
declare function appCreate(params: Stripe.CustomerCreateBalanceTransactionParams): void;
declare function appUpdate(params: Stripe.CustomerUpdateBalanceTransactionParams): void;
declare function appList(params: Stripe.CustomerListBalanceTransactionsParams): void;

const fx = createFixtures({ seed: 'interop' });

describe('kit → stripe-node', () => {
  it('a fixture is a Stripe.CustomerBalanceTransaction', () => {
    appCode(fx.balanceTransaction());
    appCode(fx.balanceTransaction({ type: 'credit_note', currency: 'eur', metadata: null }));
    appCode(buildBalanceTransaction());
    for (const t of fx.ledger({ count: 3 })) appCode(t);
    for (const t of fx.ledgerStream({ count: 3 })) appCode(t);
    expectTypeOf(fx.balanceTransaction()).toExtend<Stripe.CustomerBalanceTransaction>();
  });

  it('a fixture with an expanded link is typed as what it holds, not as a full Stripe object', () => {
    const t = fx.balanceTransaction({ customer: { email: 'jenny@example.com' } });
    expectTypeOf(t.customer).toEqualTypeOf<string | { id: string; object: 'customer' }>();
    // @ts-expect-error `{ id, object }` is not a whole Stripe.Customer
    appCode(t);
  });

  it('a list page is a Stripe.ApiList', () => {
    appPage(
      listPage(fx.ledger({ count: 12, customer: 'cus_NcjdgdwZyI9Rj7' }), { customer: 'cus_NcjdgdwZyI9Rj7' }),
    );
    expectTypeOf(listPage(fx.ledger({ count: 1 }), { customer: 'cus_1' })).toExtend<
      Stripe.ApiList<Stripe.CustomerBalanceTransaction>
    >();
  });

  it("the mock's transactions are Stripe.CustomerBalanceTransactions", () => {
    for (const t of mock.transactions('cus_1')) appCode(t);
  });

  it('params that pass the strict contract are params stripe-node sends', () => {
    const body: unknown = {};
    assertContract('create_params', body);
    appCreate(body);
    const update: unknown = {};
    assertContract('update_params', update);
    appUpdate(update);
    const query: unknown = {};
    assertContract('list_params', query);
    appList(query);
    expectTypeOf<StrictCreateParams>().toExtend<Stripe.CustomerCreateBalanceTransactionParams>();
    expectTypeOf<CreateParams>().toExtend<Stripe.CustomerCreateBalanceTransactionParams>();
    expectTypeOf<StrictUpdateParams>().toExtend<Stripe.CustomerUpdateBalanceTransactionParams>();
    expectTypeOf<UpdateParams>().toExtend<Stripe.CustomerUpdateBalanceTransactionParams>();
    expectTypeOf<ListParams>().toExtend<Stripe.CustomerListBalanceTransactionsParams>();
  });

  it('a transaction that passed the contract fits, once its links are known to be ids', () => {
    const body: unknown = {};
    assertContract('customer_balance_transaction', body);
    expectTypeOf(body).toExtend<CustomerBalanceTransaction>();
    // @ts-expect-error a checked body may hold expanded links, which are not whole Stripe objects
    appCode(body);
    expectTypeOf<StrictCustomerBalanceTransaction>().toExtend<Stripe.CustomerBalanceTransaction>();
  });
});

describe('stripe-node → kit', () => {
  it("the client's transactions and pages are ours", async () => {
    const created: CustomerBalanceTransaction = await stripe.customers.createBalanceTransaction('cus_1', {
      amount: -500,
      currency: 'usd',
      metadata: { order_id: 6735, unset: null },
    });
    const retrieved: CustomerBalanceTransaction = await stripe.customers.retrieveBalanceTransaction(
      'cus_1',
      'cbtxn_1',
    );
    const page: CustomerBalanceTransactionList = await stripe.customers.listBalanceTransactions('cus_1');
    expectTypeOf([created, retrieved, ...page.data]).toExtend<CustomerBalanceTransaction[]>();
    expectTypeOf<Stripe.CustomerBalanceTransaction>().toExtend<CustomerBalanceTransaction>();
    expectTypeOf<
      Stripe.ApiList<Stripe.CustomerBalanceTransaction>
    >().toExtend<CustomerBalanceTransactionList>();
  });

  it('every function of ours that takes a transaction or a list takes theirs', async () => {
    const page = await stripe.customers.listBalanceTransactions('cus_1', { limit: 100 });
    mock.seed(page.data);
    mock.seed((await stripe.customers.listBalanceTransactions('cus_1')).data);
    const again = listPage(page.data, { customer: 'cus_1', limit: 10 });
    expectTypeOf(again.data).toEqualTypeOf<Stripe.CustomerBalanceTransaction[]>();
    appPage(again);
    const t = page.data[0];
    if (t) {
      fx.balanceTransaction(t);
      buildBalanceTransaction({ ...t, amount: -100 });
      validate('customer_balance_transaction', t);
      assertContract('customer_balance_transaction', t);
    }
    const created = await stripe.customers.create({ balance: -500 });
    mock.customers.add({ id: created.id, balance: created.balance, currency: 'usd' });
  });

  it("the client's params are ours", () => {
    expectTypeOf<Stripe.CustomerCreateBalanceTransactionParams>().toExtend<CreateParams>();
    expectTypeOf<Stripe.CustomerUpdateBalanceTransactionParams>().toExtend<UpdateParams>();
    expectTypeOf<Stripe.CustomerListBalanceTransactionsParams>().toExtend<ListParams>();
    // Their metadata takes numbers and null; the strict contract (what the form carries) doesn't.
    expectTypeOf<Stripe.CustomerCreateBalanceTransactionParams>().not.toExtend<StrictCreateParams>();
  });
});

describe('customers, both ways', () => {
  it("the handle's customer is read like the client's", async () => {
    const added: MockCustomer = mock.customers.add({ currency: 'usd', balance: -500 });
    const retrieved = await stripe.customers.retrieve(added.id);
    // A deleted marker on either side: `deleted` tells them apart, and `balance` reads undefined.
    const fromHandle = mock.customers.get(added.id);
    expectTypeOf(fromHandle?.balance).toEqualTypeOf<number | undefined>();
    if (fromHandle && !fromHandle.deleted && !retrieved.deleted) {
      expectTypeOf(fromHandle.balance).toEqualTypeOf<number>();
      expectTypeOf(retrieved.balance).toEqualTypeOf<number>();
      expectTypeOf(fromHandle.invoice_credit_balance).toEqualTypeOf<Record<string, number>>();
    }
  });

  it("a fixture customer and the handle's customer are Stripe.Customer objects", () => {
    const customer: Stripe.Customer = fx.customer();
    const withLedger: Stripe.Customer = fx.ledger({ count: 3, withCustomer: true }).customer;
    const added: Stripe.Customer = mock.customers.add({ currency: 'usd', balance: -500 });
    expectTypeOf(fx.customer()).toExtend<Stripe.Customer>();
    expectTypeOf<MockCustomer>().toExtend<Stripe.Customer>();
    void [customer, withLedger, added];
  });

  it("the client's customer objects pass validate", async () => {
    const created = await stripe.customers.create({ balance: -500, email: 'a@example.com' });
    validate('customer', created);
    const list = await stripe.customers.list({ email: 'a@example.com' });
    validate('customer_list', list);
    const deleted = await stripe.customers.del(created.id);
    validate('deleted_customer', deleted);
  });
});
