/**
 * What only the msw entry has: handlers as plain values composed the msw way (per-test
 * `server.use()` overrides, `resetHandlers()`), claiming only the four routes' paths, and an
 * origin per handle. The behaviour every transport shares (create, paging, errors, faults) runs
 * through msw in the transport matrix (test/mock/stripe-client.test.ts). Imported by package
 * name as users do, over the client's Node http transport and global fetch.
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
import { stripeHandlers } from 'stripe-balance-kit/msw';
import 'stripe-balance-kit/vitest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { liveCustomer } from '../support/live-customer.js';

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

  it('claims only its routes: other requests reach onUnhandledRequest', async () => {
    // A customer's sources are not ours: msw's 'error' strategy refuses them (never the network).
    await expect(stripe.customers.listSources(CUSTOMER, {}, { maxNetworkRetries: 0 })).rejects.toMatchObject({
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
    expect(liveCustomer(mock, 'cus_StateHandle0001')?.balance).toBe(-100);
    const requests = mock.requests;
    mock.reset();
    expect(mock.customers.get('cus_StateHandle0001')).toBeUndefined();
    expect(mock.requests).toBe(requests);
    expect(() => mock.failNext({ status: 418 as 500 })).toThrow(/status must be 429, 500 or 503/);
  });
});
