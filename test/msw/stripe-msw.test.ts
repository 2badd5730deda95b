/**
 * `stripe-balance-kit/msw` under msw's node server, driven by the official client over its
 * default Node http transport and over `createFetchHttpClient()` (global fetch, which msw
 * intercepts too), imported by package name as users do.
 *
 * Why nock is switched off here: the suite's setup file loads nock with `disableNetConnect()`.
 * nock 14 and msw 2 hook the same interceptors (@mswjs/interceptors), nock's listener first, and
 * nock refuses api.stripe.com before msw's handlers see the request. So nock is restored (fully
 * off) before `server.listen()` and activated again after `server.close()`; meanwhile msw's
 * `onUnhandledRequest: 'error'` is what keeps the tests off the network.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import nock from 'nock';
import Stripe from 'stripe';
import { createFixtures } from 'stripe-balance-kit';
import { stripeHandlers } from 'stripe-balance-kit/msw';
import 'stripe-balance-kit/vitest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const KEY = 'sk_test_51MswKeyForStripeBalanceKit';
const CUSTOMER = 'cus_NcjdgdwZyI9Rj7';

const stripeMock = stripeHandlers();
const local = stripeHandlers({ host: 'http://localhost:12111' });
const server = setupServer(...stripeMock.handlers, ...local.handlers);

beforeAll(() => {
  nock.restore();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  stripeMock.reset();
  local.reset();
});
afterAll(() => {
  server.close();
  if (!nock.isActive()) nock.activate();
});

type Transport = 'node http' | 'fetch';

describe.each<Transport>(['node http', 'fetch'])('official stripe client under msw over %s', (transport) => {
  let stripe: Stripe;

  beforeEach(() => {
    stripeMock.customers.add({ id: CUSTOMER });
    stripe = new Stripe(KEY, transport === 'fetch' ? { httpClient: Stripe.createFetchHttpClient() } : {});
  });

  it('creates a transaction through the handlers', async () => {
    const created = await stripe.customers.createBalanceTransaction(CUSTOMER, {
      amount: -500,
      currency: 'usd',
      metadata: { order: '6735' },
    });
    expect(created).toMatchContract('customer_balance_transaction');
    expect(created).toMatchObject({ amount: -500, ending_balance: -500, metadata: { order: '6735' } });
    expect(stripeMock.customers.get(CUSTOMER)?.balance).toBe(-500);
    expect(stripeMock.requests).toHaveLength(1);
    expect(stripeMock.requests[0]?.headers.authorization).toBe(`Bearer sk_test_…${KEY.slice(-4)}`);
  });

  it('pages a seeded ledger with auto-pagination', async () => {
    const seeded = createFixtures({ seed: 21 }).ledger({
      customer: 'cus_MswSeeded000001',
      currency: 'usd',
      count: 120,
    });
    stripeMock.seed(seeded);
    const all = await stripe.customers
      .listBalanceTransactions('cus_MswSeeded000001', { limit: 50 })
      .autoPagingToArray({ limit: 500 });
    expect(all.map((t) => t.id)).toEqual([...seeded].reverse().map((t) => t.id));
    expect(stripeMock.requests.map((r) => r.query.starting_after ?? null)).toEqual([
      null,
      all[49]?.id,
      all[99]?.id,
    ]);
  });

  it('answers errors in Stripe’s envelope, raised as the client’s typed errors', async () => {
    await expect(
      stripe.customers.retrieveBalanceTransaction(CUSTOMER, 'cbtxn_1NoSuchTransaction00'),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing' });
    await expect(
      stripe.customers.createBalanceTransaction(CUSTOMER, { amount: 1.5, currency: 'usd' }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param: 'amount' });
    // A live key is refused (401), so a test can never run with one.
    const live = new Stripe(
      'rk_live_123',
      transport === 'fetch' ? { httpClient: Stripe.createFetchHttpClient() } : {},
    );
    await expect(live.customers.listBalanceTransactions(CUSTOMER)).rejects.toMatchObject({ statusCode: 401 });
  });

  it('retries an injected 500 and a dropped connection; the credit applies once', async () => {
    stripeMock.failNext({ status: 500 });
    await stripe.customers.createBalanceTransaction(CUSTOMER, { amount: -300, currency: 'usd' });
    expect(stripeMock.requests.map((r) => r.status)).toEqual([500, 200]);
    stripeMock.failNext({ networkError: true });
    await stripe.customers.createBalanceTransaction(CUSTOMER, { amount: -200, currency: 'usd' });
    expect(stripeMock.requests.map((r) => r.status)).toEqual([500, 200, 'network-error', 200]);
    expect(stripeMock.customers.get(CUSTOMER)?.balance).toBe(-500);
  });

  it('lets a per-test server.use() override win, and resetHandlers() bring the mock back', async () => {
    server.use(
      http.get(`https://api.stripe.com/v1/customers/${CUSTOMER}/balance_transactions`, () =>
        HttpResponse.json({ object: 'list', data: [], has_more: false, url: '/override' }),
      ),
    );
    const overridden = await stripe.customers.listBalanceTransactions(CUSTOMER);
    expect(overridden.url).toBe('/override');
    expect(stripeMock.requests).toHaveLength(0);
    server.resetHandlers();
    const real = await stripe.customers.listBalanceTransactions(CUSTOMER);
    expect(real.url).toBe(`/v1/customers/${CUSTOMER}/balance_transactions`);
  });

  it('claims only the four routes: other requests reach onUnhandledRequest', async () => {
    // The customer object is not one of ours: msw's 'error' strategy refuses it (never the network).
    await expect(stripe.customers.retrieve(CUSTOMER, {}, { maxNetworkRetries: 0 })).rejects.toMatchObject({
      type: 'StripeConnectionError',
    });
    expect(stripeMock.requests).toHaveLength(0);
  });

  it('answers another origin for a client configured with host/port/protocol', async () => {
    local.customers.add({ id: CUSTOMER });
    const client = new Stripe(KEY, {
      host: 'localhost',
      port: 12111,
      protocol: 'http',
      ...(transport === 'fetch' ? { httpClient: Stripe.createFetchHttpClient() } : {}),
    });
    const created = await client.customers.createBalanceTransaction(CUSTOMER, {
      amount: 100,
      currency: 'eur',
    });
    expect(created.currency).toBe('eur');
    expect(local.requests).toHaveLength(1);
    expect(stripeMock.requests).toHaveLength(0);
  });
});

describe('state handle', () => {
  it('exposes handlers as plain values and state that reset() forgets', () => {
    const mock = stripeHandlers();
    expect(mock.origin).toBe('https://api.stripe.com');
    expect(mock.handlers).toHaveLength(1);
    expect([...mock]).toEqual(mock.handlers);
    mock.customers.add({ id: 'cus_StateHandle0001', currency: 'usd', balance: -100 });
    expect(mock.customers.get('cus_StateHandle0001')?.balance).toBe(-100);
    const requests = mock.requests;
    mock.reset();
    expect(mock.customers.get('cus_StateHandle0001')).toBeUndefined();
    expect(mock.requests).toBe(requests);
    expect(() => mock.failNext({ status: 418 as 500 })).toThrow(/status must be 429, 500 or 503/);
  });
});
