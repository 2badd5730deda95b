/**
 * What keeps a long-running mock (`serve` for days) from growing without bound: idempotency keys
 * expire 24 hours after first use on the mock's clock, and the request log is a ring of the newest
 * `requestLogSize` requests. Time is the mock's injected clock, never the wall clock.
 */
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_LOG_SIZE, StripeCore } from '../../src/mock/core.js';
import { createFetchTransport } from '../../src/mock/fetch-transport.js';
import { IDEMPOTENCY_KEY_TTL_MS } from '../../src/mock/idempotency.js';
import { isStripeBalanceKitError, mockStripe } from '../../src/index.js';

const ORIGIN = 'https://api.stripe.com';
const KEY = 'sk_test_51LongLivedMockKey00001';
const CUSTOMER = 'cus_LongLived000001';

function setup(options: ConstructorParameters<typeof StripeCore>[0] = {}) {
  let now = Date.UTC(2026, 0, 1);
  const core = new StripeCore({ ...options, now: () => now });
  core.store.addCustomer({ id: CUSTOMER });
  const stripe = new Stripe(KEY, {
    httpClient: Stripe.createFetchHttpClient(createFetchTransport(core, ORIGIN)),
    maxNetworkRetries: 0,
  });
  return { core, stripe, advance: (ms: number) => (now += ms) };
}

describe('idempotency keys expire after 24 hours on the mock clock', () => {
  it('replays within 24 hours, runs again after', async () => {
    const { core, stripe, advance } = setup();
    const create = () =>
      stripe.customers.createBalanceTransaction(
        CUSTOMER,
        { amount: -100, currency: 'usd' },
        { idempotencyKey: 'order-6735' },
      );
    const first = await create();
    advance(IDEMPOTENCY_KEY_TTL_MS);
    const replayed = await create();
    expect(replayed.id).toBe(first.id);
    expect(core.requests.at(-1)?.replayed).toBe(true);
    advance(1);
    const fresh = await create();
    expect(fresh.id).not.toBe(first.id);
    expect(core.store.transactionsOf(CUSTOMER).size).toBe(2);
  });

  it('drops expired keys from memory, not only on reuse', async () => {
    const { core, stripe, advance } = setup();
    for (let i = 0; i < 50; i++) {
      await stripe.customers
        .updateBalanceTransaction(
          CUSTOMER,
          'cbtxn_missing',
          { description: 'x' },
          { idempotencyKey: `key-${i}` },
        )
        .catch(() => undefined);
    }
    // 404s began executing, so Stripe keeps their keys.
    expect(core.idempotency.size).toBe(50);
    advance(IDEMPOTENCY_KEY_TTL_MS + 1);
    await stripe.customers.createBalanceTransaction(CUSTOMER, { amount: 1, currency: 'usd' });
    expect(core.idempotency.size).toBe(1);
  });

  it('a key reused with other parameters after expiry is a new request, not an idempotency_error', async () => {
    const { stripe, advance } = setup();
    await stripe.customers.createBalanceTransaction(
      CUSTOMER,
      { amount: 1, currency: 'usd' },
      { idempotencyKey: 'k' },
    );
    const refused = await stripe.customers
      .createBalanceTransaction(CUSTOMER, { amount: 2, currency: 'usd' }, { idempotencyKey: 'k' })
      .catch((error: unknown) => error as Stripe.errors.StripeError);
    expect(refused).toMatchObject({ type: 'StripeIdempotencyError' });
    advance(IDEMPOTENCY_KEY_TTL_MS + 1);
    const later = await stripe.customers.createBalanceTransaction(
      CUSTOMER,
      { amount: 2, currency: 'usd' },
      { idempotencyKey: 'k' },
    );
    expect(later.amount).toBe(2);
  });
});

describe('the request log is a bounded ring', () => {
  it(`keeps the newest ${DEFAULT_REQUEST_LOG_SIZE} by default`, async () => {
    const { core, stripe } = setup();
    const total = DEFAULT_REQUEST_LOG_SIZE + 25;
    for (let i = 0; i < total; i++) await stripe.customers.listBalanceTransactions(CUSTOMER, { limit: 1 });
    expect(core.requests).toHaveLength(DEFAULT_REQUEST_LOG_SIZE);
    const ids = new Set(core.requests.map((r) => r.requestId));
    expect(ids.size).toBe(DEFAULT_REQUEST_LOG_SIZE);
  });

  it('honours requestLogSize, newest last; 0 keeps none', async () => {
    const small = setup({ requestLogSize: 3 });
    for (const limit of [1, 2, 3, 4, 5])
      await small.stripe.customers.listBalanceTransactions(CUSTOMER, { limit });
    expect(small.core.requests.map((r) => r.query.limit)).toEqual(['3', '4', '5']);
    const none = setup({ requestLogSize: 0 });
    await none.stripe.customers.listBalanceTransactions(CUSTOMER);
    expect(none.core.requests).toEqual([]);
  });

  it('refuses a requestLogSize that is not a non-negative integer, naming the option', () => {
    for (const requestLogSize of [-1, 1.5, Number.NaN]) {
      let thrown: unknown;
      try {
        mockStripe({ requestLogSize }).restore();
      } catch (error) {
        thrown = error;
      }
      expect(isStripeBalanceKitError(thrown)).toBe(true);
      expect(thrown).toMatchObject({
        code: 'invalid_mock_option',
        message: expect.stringContaining('requestLogSize'),
      });
    }
  });
});
