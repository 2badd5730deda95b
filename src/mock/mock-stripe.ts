/**
 * `mockStripe()`: the handle tests use. It owns one core (state, idempotency, faults) and puts it
 * behind nock for `https://api.stripe.com` (or the host you give), and behind `fetch` for
 * `Stripe.createFetchHttpClient(mock.fetch)`.
 */
import { StripeCore, type StripeCoreOptions } from './core.js';
import { createFetchTransport, type FetchFunction } from './fetch-transport.js';
import { isOwnPath } from '../stripe/routes.js';
import { interceptWithNock } from './nock-adapter.js';
import { type MockState, withState } from './state-handle.js';
import { normalizeOrigin } from '../stripe/origin.js';

/** Options of {@link mockStripe}. */
export interface MockStripeOptions extends StripeCoreOptions {
  /**
   * The API origin to intercept: `https://api.stripe.com` by default. A bare host name means
   * https; pass `http://localhost:12111` style origins for a client configured with host/port/protocol.
   */
  host?: string;
}

/** A running mock: the shared {@link MockState} plus what belongs to the nock transport. */
export interface MockStripe extends MockState {
  /** The origin this mock answers, e.g. `https://api.stripe.com`. */
  readonly origin: string;
  /** Removes every interceptor this mock added (other nock scopes are left alone). */
  restore(): void;
  /** A WHATWG fetch over the same state, for `Stripe.createFetchHttpClient(mock.fetch)`. */
  readonly fetch: FetchFunction;
}

export { normalizeOrigin } from '../stripe/origin.js';

/**
 * Installs nock interceptors that answer the Customer Balance Transactions and customer endpoints like
 * Stripe, for `https://api.stripe.com` unless `host` says otherwise, and returns the handle.
 *
 * @example
 * const mock = mockStripe();
 * mock.customers.add({ id: 'cus_NcjdgdwZyI9Rj7' });
 * const stripe = new Stripe('sk_test_123'); // or { httpClient: Stripe.createFetchHttpClient(mock.fetch) }
 * await stripe.customers.createBalanceTransaction('cus_NcjdgdwZyI9Rj7', { amount: -500, currency: 'usd' });
 * mock.restore();
 */
export function mockStripe(options: MockStripeOptions = {}): MockStripe {
  const origin = normalizeOrigin(options.host);
  const core = new StripeCore(options);
  const nockTransport = interceptWithNock({
    origins: [origin],
    claims: isOwnPath,
    answer: (request) => core.handle(request),
  });
  let restored = false;
  return withState(core, {
    origin,
    restore: () => {
      if (restored) return;
      restored = true;
      nockTransport.remove();
    },
    fetch: createFetchTransport(core, origin),
  });
}
