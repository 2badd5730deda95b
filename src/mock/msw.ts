/**
 * `stripe-balance-kit/msw`: the Stripe-faithful mock as msw request handlers. The handlers are
 * plain values over one {@link StripeCore} (the same core nock, `mock.fetch` and the loopback
 * server use), so behaviour cannot drift between transports. Compose them the msw way:
 * `setupServer(...stripe.handlers)` once, `server.use(...)` to prepend per-test overrides,
 * `server.resetHandlers()` to drop them, and `stripe.reset()` to forget the mock's state.
 *
 * Only the kit's routes' paths (balance transactions and customers) are claimed (every method, so an
 * unsupported one gets Stripe's 404 as on every transport); every other request falls
 * through to your other handlers and then to msw's unhandled-request strategy (use `'error'` in
 * contract tests: `server.listen(unhandledRequests('error'))` sets it on msw 2 and 3 alike). This
 * is the only module of the package that imports `msw`, an optional peer dependency (2 or 3).
 */
import type { HttpHandler } from 'msw';
import { normalizeOrigin } from '../stripe/origin.js';
import { StripeCore, type StripeCoreOptions } from './core.js';
import { mswHandler } from './msw-adapter.js';
import { type MockState, withState } from './state-handle.js';

/** Options of {@link stripeHandlers}. */
export interface StripeHandlersOptions extends StripeCoreOptions {
  /**
   * The API origin the handlers answer: `https://api.stripe.com` by default. A bare host name
   * means https; pass `http://localhost:12111` style origins for a client configured with
   * host/port/protocol.
   */
  host?: string;
}

/** The strategies msw 2 and 3 share for a request no handler answers. */
export type UnhandledRequestStrategy = 'bypass' | 'warn' | 'error';

/** `server.listen()` options that set the unhandled-request strategy in msw 2 and 3 alike. */
export interface UnhandledRequestOptions {
  /** msw 2's option. */
  onUnhandledRequest: UnhandledRequestStrategy;
  /** msw 3's name for it (msw 3 ignores `onUnhandledRequest`, and msw 2 this one). */
  onUnhandledFrame: UnhandledRequestStrategy;
}

/**
 * Options for `server.listen()` that apply `strategy` to unhandled requests on msw 2
 * (`onUnhandledRequest`) and msw 3 (`onUnhandledFrame`). msw 3 renamed the option and silently
 * ignores the old name, so `listen({ onUnhandledRequest: 'error' })` lets unhandled requests
 * reach the network there (with a warning); this form is right on both.
 *
 * @example
 * server.listen(unhandledRequests('error'));
 */
export function unhandledRequests(strategy: UnhandledRequestStrategy): UnhandledRequestOptions {
  return { onUnhandledRequest: strategy, onUnhandledFrame: strategy };
}

/** msw handlers for the kit's endpoints and the state behind them. */
export interface StripeHandlers extends MockState {
  /** The origin the handlers answer, e.g. `https://api.stripe.com`. */
  readonly origin: string;
  /** The request handlers, for `setupServer(...stripe.handlers)` or `server.use(...stripe.handlers)`. */
  readonly handlers: HttpHandler[];
  /** The handle spreads to its handlers too: `setupServer(...stripe)`. */
  [Symbol.iterator](): Iterator<HttpHandler>;
}

/**
 * msw request handlers that answer the Customer Balance Transactions and customer endpoints like
 * Stripe, with the state handle tests use (`customers`, `seed`, `requests`, `failNext`, `reset`).
 *
 * @example
 * const stripeMock = stripeHandlers();
 * const server = setupServer(...stripeMock.handlers);
 * server.listen(unhandledRequests('error')); // msw 2: { onUnhandledRequest: 'error' }, msw 3: { onUnhandledFrame: 'error' }
 * stripeMock.customers.add({ id: 'cus_NcjdgdwZyI9Rj7' });
 * const stripe = new Stripe('sk_test_123'); // or { httpClient: Stripe.createFetchHttpClient() }
 */
export function stripeHandlers(options: StripeHandlersOptions = {}): StripeHandlers {
  const origin = normalizeOrigin(options.host);
  const core = new StripeCore(options);
  const handler = mswHandler(core, origin);
  const handlers = [handler];
  return withState(core, { origin, handlers, [Symbol.iterator]: () => handlers[Symbol.iterator]() });
}
