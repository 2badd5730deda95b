// A consumer's msw suite (msw 2 or 3): the handlers over the official client's fetch transport, and
// unhandled requests failing through unhandledRequests('error'), which sets the option under both
// of its names (msw 2's onUnhandledRequest, msw 3's onUnhandledFrame).
import { setupServer } from 'msw/node';
import Stripe from 'stripe';
import { createFixtures } from 'stripe-balance-kit';
import { stripeHandlers, unhandledRequests } from 'stripe-balance-kit/msw';
import 'stripe-balance-kit/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const stripeMock = stripeHandlers();
const server = setupServer(...stripeMock.handlers);

beforeAll(() => server.listen(unhandledRequests('error')));
afterEach(() => {
  server.resetHandlers();
  stripeMock.reset();
});
afterAll(() => server.close());

describe('stripe-balance-kit/msw', () => {
  it('answers the official client like Stripe', async () => {
    stripeMock.seed(
      createFixtures({ seed: 4 }).ledger({ customer: 'cus_Msw00000000001', currency: 'usd', count: 12 }),
    );
    const stripe = new Stripe('sk_test_msw', { httpClient: Stripe.createFetchHttpClient() });
    const page = await stripe.customers.listBalanceTransactions('cus_Msw00000000001', { limit: 5 });
    expect(page).toMatchContract('customer_balance_transaction_list');
    expect(page.data).toHaveLength(5);
    await expect(
      stripe.customers.createBalanceTransaction('cus_Msw00000000001', { currency: 'usd' } as never),
    ).rejects.toMatchObject({ code: 'parameter_missing' });
  });

  it('serves the customer endpoints and the simulations', async () => {
    const stripe = new Stripe('sk_test_msw', { httpClient: Stripe.createFetchHttpClient() });
    const customer = await stripe.customers.create({ balance: 700 });
    const { transaction } = stripeMock.simulate.creditNoteIssued({ customer: customer.id, amount: 300 });
    expect(transaction.amount).toBe(-300);
    const after = await stripe.customers.retrieve(customer.id);
    expect(after.deleted ? undefined : after.balance).toBe(400);
  });

  it('fails a request no handler answers instead of letting it reach the network', async () => {
    await expect(fetch('http://unhandled.invalid/v1/anything')).rejects.toThrow();
  });
});
