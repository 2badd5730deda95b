/**
 * `mockStripe()`: the handle tests use. It owns one core (state, idempotency, faults) and puts it
 * behind nock for `https://api.stripe.com` (or the host you give), and behind `fetch` for
 * `Stripe.createFetchHttpClient(mock.fetch)`.
 */
import type { CustomerBalanceTransaction } from '../types.js';
import {
  type RecordedRequest,
  StripeCore,
  type StripeCoreOptions,
  type MockContractViolationError,
} from './core.js';
import type { Fault } from './faults.js';
import { createFetchTransport, type FetchFunction } from './fetch-transport.js';
import { installNockTransport } from './nock-transport.js';
import { normalizeOrigin } from './origin.js';
import type { AddCustomerInput, MockCustomer } from './store.js';

/** Options of {@link mockStripe}. */
export interface MockStripeOptions extends StripeCoreOptions {
  /**
   * The API origin to intercept: `https://api.stripe.com` by default. A bare host name means
   * https; pass `http://localhost:12111` style origins for a client configured with host/port/protocol.
   */
  host?: string;
}

/** A running mock. */
export interface MockStripe {
  /** The origin this mock answers, e.g. `https://api.stripe.com`. */
  readonly origin: string;
  readonly customers: {
    /** Adds a customer (id defaults to a fresh `cus_…`); a starting `balance` needs a `currency`. */
    add(input?: AddCustomerInput): MockCustomer;
    /** The customer with its balances, or `undefined` if the mock doesn't know it. */
    get(id: string): MockCustomer | undefined;
  };
  /** Preloads transactions (for instance a ledger from `createFixtures().ledger()`). */
  seed(transactions: readonly CustomerBalanceTransaction[]): void;
  /** The customer's transactions, oldest first. */
  transactions(customer: string): CustomerBalanceTransaction[];
  /** Every request received, bodies and queries decoded, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Responses the mock refused to send because they broke the contract (each also failed its request). */
  readonly violations: readonly MockContractViolationError[];
  /** Injects a fault into the next request(s). */
  failNext(fault: Fault): void;
  /** Forgets all state, faults and logged requests; interceptors stay installed. */
  reset(): void;
  /** Removes every interceptor this mock added (other nock scopes are left alone). */
  restore(): void;
  /** A WHATWG fetch over the same state, for `Stripe.createFetchHttpClient(mock.fetch)`. */
  readonly fetch: FetchFunction;
}

export { normalizeOrigin } from './origin.js';

/**
 * Installs nock interceptors that answer the four Customer Balance Transactions endpoints like
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
  const nockTransport = installNockTransport(core, origin);
  let restored = false;
  return {
    origin,
    customers: {
      add: (input) => core.store.addCustomer(input),
      get: (id) => core.store.getCustomer(id),
    },
    seed: (transactions) => core.store.seed(transactions),
    transactions: (customer) => structuredClone([...core.store.transactionsOf(customer).values()]),
    get requests() {
      return core.requests;
    },
    get violations() {
      return core.violations;
    },
    failNext: (fault) => core.faults.push(fault),
    reset: () => core.reset(),
    restore: () => {
      if (restored) return;
      restored = true;
      nockTransport.remove();
    },
    fetch: createFetchTransport(core, origin),
  };
}
