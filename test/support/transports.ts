/**
 * The transport matrix: one mock state behind each of the four ways tests reach it — nock (the
 * official client's default Node http transport, intercepted), `mock.fetch` (handed to
 * `Stripe.createFetchHttpClient`), the loopback server (`startStripeServer`, as other languages
 * use it) and msw's node server (`stripe-balance-kit/msw`). Suites `describe.each(TRANSPORTS)` and
 * run every assertion on all four, through the official client or raw HTTP.
 *
 * nock and msw hook the same interceptors, nock's listener first, and the suite's setup has nock
 * refusing the network: the msw transport turns nock off while it runs (msw's
 * `onUnhandledRequest: 'error'` keeps the network closed meanwhile) and back on when it stops.
 */
import { setupServer } from 'msw/node';
import nock from 'nock';
import Stripe from 'stripe';
import { type MockState, type MockStripeOptions, mockStripe, startStripeServer } from '../../src/index.js';
import { stripeHandlers } from '../../src/mock/msw.js';
import { type RawRequest, type RawResponse, rawRequest } from './raw-http.js';

export const ORIGIN = 'https://api.stripe.com';
export const TEST_KEY = 'sk_test_51MatrixKeyForStripeBalanceKit';

/** A mock behind one transport, and how to talk to it. */
export interface RunningTransport {
  /** The state handle every transport hands out. */
  readonly state: MockState;
  /** The official client pointed at this transport (`config` merged in), with `key` (a test key by default). */
  client(config?: Stripe.StripeConfig, key?: string): Stripe;
  /** One raw HTTP exchange, bytes as given (no client normalising the path or body). */
  raw(request: RawRequest): Promise<RawResponse>;
  stop(): Promise<void>;
}

export interface Transport {
  /** `nock`, `mock.fetch`, `server` or `msw`, with the client's HTTP stack when it can be either. */
  readonly name: string;
  /** How requests reach the core. */
  readonly kind: 'nock' | 'fetch' | 'server' | 'msw';
  /** The official client's HTTP stack: its default Node http client, or `createFetchHttpClient()`. */
  readonly http: 'node' | 'fetch';
  start(options?: Omit<MockStripeOptions, 'host'>): Promise<RunningTransport>;
}

type TransportSetup = (
  options: Omit<MockStripeOptions, 'host'> | undefined,
  http: (config: Stripe.StripeConfig) => Stripe.StripeConfig,
) => Promise<RunningTransport>;

/** The client's HTTP stack as config: Node's http (the default), or global fetch. */
const httpConfig =
  (http: 'node' | 'fetch') =>
  (config: Stripe.StripeConfig): Stripe.StripeConfig =>
    http === 'fetch' ? { ...config, httpClient: Stripe.createFetchHttpClient() } : config;

function transport(kind: Transport['kind'], http: Transport['http'], setup: TransportSetup): Transport {
  const name =
    kind === 'fetch' ? 'mock.fetch' : `${kind} (${http === 'node' ? 'node http' : 'global fetch'})`;
  return { name, kind, http, start: (options) => setup(options, httpConfig(http)) };
}

const nockSetup: TransportSetup = async (options, http) => {
  const mock = mockStripe(options);
  return {
    state: mock,
    client: (config = {}, key = TEST_KEY) => new Stripe(key, http(config)),
    raw: (request) => rawRequest(ORIGIN, request),
    stop: async () => mock.restore(),
  };
};

const mockFetchSetup: TransportSetup = async (options) => {
  const mock = mockStripe(options);
  return {
    state: mock,
    client: (config = {}, key = TEST_KEY) =>
      new Stripe(key, { ...config, httpClient: Stripe.createFetchHttpClient(mock.fetch) }),
    async raw(request) {
      const response = await mock.fetch(`${ORIGIN}${request.path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      };
    },
    stop: async () => mock.restore(),
  };
};

const serverSetup: TransportSetup = async (options, http) => {
  const server = await startStripeServer({ ...options, port: 0 });
  return {
    state: server,
    client: (config = {}, key = TEST_KEY) =>
      new Stripe(key, http({ ...config, host: '127.0.0.1', port: server.port, protocol: 'http' })),
    raw: (request) => rawRequest(server.url, request),
    stop: () => server.close(),
  };
};

const mswSetup: TransportSetup = async (options, http) => {
  const stripe = stripeHandlers(options);
  const server = setupServer(...stripe.handlers);
  nock.restore();
  server.listen({ onUnhandledRequest: 'error' });
  return {
    state: stripe,
    client: (config = {}, key = TEST_KEY) => new Stripe(key, http(config)),
    raw: (request) => rawRequest(ORIGIN, request),
    async stop() {
      server.close();
      if (!nock.isActive()) nock.activate();
    },
  };
};

/** One per way into the core, for raw HTTP: `describe.each(TRANSPORTS)('… over $name', …)`. */
export const TRANSPORTS: readonly Transport[] = [
  transport('nock', 'node', nockSetup),
  transport('fetch', 'fetch', mockFetchSetup),
  transport('server', 'node', serverSetup),
  transport('msw', 'node', mswSetup),
];

/** Every way into the core × every HTTP stack of the official client that reaches it. */
export const CLIENT_MATRIX: readonly Transport[] = [
  ...TRANSPORTS,
  transport('nock', 'fetch', nockSetup),
  transport('server', 'fetch', serverSetup),
  transport('msw', 'fetch', mswSetup),
];
