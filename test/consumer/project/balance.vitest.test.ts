// A consumer's vitest suite: the published package, the official client, both transports.
import nock from 'nock';
import Stripe from 'stripe';
import { createFixtures, mockStripe, validate } from 'stripe-balance-kit';
import 'stripe-balance-kit/vitest';
import { afterEach, describe, expect, it } from 'vitest';

nock.disableNetConnect();

describe.each(['nock', 'fetch'] as const)('stripe-balance-kit from npm over %s', (transport) => {
  const mock = mockStripe();
  afterEach(() => mock.reset());

  const client = () =>
    new Stripe(
      'sk_test_consumer',
      transport === 'fetch' ? { httpClient: Stripe.createFetchHttpClient(mock.fetch) } : {},
    );

  it('serves a seeded ledger to the official client, page by page, within the contract', async () => {
    const ledger = createFixtures({ seed: 3 }).ledger({
      customer: 'cus_Consumer000001',
      currency: 'usd',
      count: 120,
    });
    mock.seed(ledger);
    const all = await client()
      .customers.listBalanceTransactions('cus_Consumer000001', { limit: 50 })
      .autoPagingToArray({ limit: 500 });
    expect(all.map((t) => t.id)).toEqual([...ledger].reverse().map((t) => t.id));
    for (const t of all) expect(t).toMatchContract('customer_balance_transaction');
  });

  it('credits a customer and fails bad input like Stripe', async () => {
    mock.customers.add({ id: 'cus_Consumer000002' });
    const stripe = client();
    const credit = await stripe.customers.createBalanceTransaction('cus_Consumer000002', {
      amount: -500,
      currency: 'usd',
    });
    expect(validate('customer_balance_transaction', credit).valid).toBe(true);
    await expect(
      stripe.customers.createBalanceTransaction('cus_Consumer000002', {
        currency: 'usd',
      } as Stripe.CustomerCreateBalanceTransactionParams),
    ).rejects.toMatchObject({ code: 'parameter_missing', param: 'amount' });
    expect({ amount: 'x' }).not.toMatchContract('customer_balance_transaction');
  });

  it("keeps a customer's balance explained by its ledger, through Stripe's flows", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({ email: 'c@example.com', balance: -1500 });
    await stripe.customers.update(customer.id, { balance: -2000 });
    const { amountRemaining, transaction } = mock.simulate.invoiceFinalized({
      customer: customer.id,
      amountDue: 1200,
    });
    expect(amountRemaining).toBe(0);
    expect(transaction).toMatchContract('customer_balance_transaction');
    const ledger = await stripe.customers.listBalanceTransactions(customer.id);
    expect(ledger.data.map((t) => t.type)).toEqual(['applied_to_invoice', 'adjustment', 'initial']);
    const after = await stripe.customers.retrieve(customer.id);
    expect(after.deleted ? undefined : after.balance).toBe(ledger.data[0]?.ending_balance);
    expect(validate('customer', after).valid).toBe(true);
  });
});
