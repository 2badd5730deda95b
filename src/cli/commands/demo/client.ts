/**
 * The demo's view of a Stripe client: the official `stripe` package when it is installed (it is
 * a dev dependency here, and what users test with), otherwise plain HTTP over the same fetch.
 */
import { encodeForm } from '../../../stripe/form-codec.js';
import type { FetchFunction } from '../../../mock/fetch-transport.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../../../types.js';

const KEY = 'sk_test_StripeBalanceKitDemo';
const BASE = 'https://api.stripe.com/v1/customers';

export interface DemoClient {
  name: string;
  /** Whether the client retries 5xx answers by itself (the official one does). */
  retries: boolean;
  list(customer: string, params: Record<string, unknown>): Promise<CustomerBalanceTransactionList>;
  create(customer: string, params: Record<string, unknown>): Promise<CustomerBalanceTransaction>;
  update(customer: string, id: string, params: Record<string, unknown>): Promise<CustomerBalanceTransaction>;
  retrieve(customer: string, id: string): Promise<CustomerBalanceTransaction>;
  /** A raw form POST to the create endpoint, for showing an error answer as it is sent. */
  createRaw(customer: string, body: string): Promise<{ status: number; body: unknown }>;
}

interface StripeLike {
  customers: {
    listBalanceTransactions(c: string, p: object): Promise<CustomerBalanceTransactionList>;
    createBalanceTransaction(c: string, p: object): Promise<CustomerBalanceTransaction>;
    updateBalanceTransaction(c: string, id: string, p: object): Promise<CustomerBalanceTransaction>;
    retrieveBalanceTransaction(c: string, id: string): Promise<CustomerBalanceTransaction>;
  };
}
interface StripeModule {
  default: (new (
    key: string,
    config: object,
  ) => StripeLike) & {
    createFetchHttpClient(fetch: FetchFunction): unknown;
    PACKAGE_VERSION?: string;
  };
}

function raw(
  fetch: FetchFunction,
): (method: string, path: string, body?: string) => Promise<{ status: number; body: unknown }> {
  return async (method, path, body) => {
    const response = await fetch(`${BASE}${path}`, {
      method,
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/x-www-form-urlencoded' },
      ...(body === undefined ? {} : { body }),
    });
    return { status: response.status, body: await response.json() };
  };
}

export async function officialClient(fetch: FetchFunction): Promise<DemoClient | undefined> {
  let Stripe: StripeModule['default'];
  try {
    // A variable specifier keeps bundlers and type checkers from requiring the optional package.
    const name = 'stripe';
    Stripe = ((await import(name)) as StripeModule).default;
  } catch {
    return undefined;
  }
  const stripe = new Stripe(KEY, { httpClient: Stripe.createFetchHttpClient(fetch), maxNetworkRetries: 2 });
  const strip = <T>(value: T): T => JSON.parse(JSON.stringify(value));
  return {
    name: `official stripe client ${Stripe.PACKAGE_VERSION ?? ''} (createFetchHttpClient(mock.fetch))`.replace(
      '  ',
      ' ',
    ),
    retries: true,
    list: async (c, p) => strip(await stripe.customers.listBalanceTransactions(c, p)),
    create: async (c, p) => strip(await stripe.customers.createBalanceTransaction(c, p)),
    update: async (c, id, p) => strip(await stripe.customers.updateBalanceTransaction(c, id, p)),
    retrieve: async (c, id) => strip(await stripe.customers.retrieveBalanceTransaction(c, id)),
    createRaw: (c, body) => raw(fetch)('POST', `/${c}/balance_transactions`, body),
  };
}

export function rawClient(fetch: FetchFunction): DemoClient {
  const call = raw(fetch);
  const ok = async <T>(pending: Promise<{ status: number; body: unknown }>): Promise<T> =>
    (await pending).body as T;
  return {
    name: 'raw HTTP over mock.fetch (install `stripe` to see the official client)',
    retries: false,
    list: (c, p) => ok(call('GET', `/${c}/balance_transactions?${encodeForm(p)}`)),
    create: async (c, p) => {
      const body = encodeForm(p);
      // No client-side retries here: a 5xx is sent once more by hand, as a retrying client would.
      const first = await call('POST', `/${c}/balance_transactions`, body);
      const answer = first.status >= 500 ? await call('POST', `/${c}/balance_transactions`, body) : first;
      return answer.body as CustomerBalanceTransaction;
    },
    update: (c, id, p) => ok(call('POST', `/${c}/balance_transactions/${id}`, encodeForm(p))),
    retrieve: (c, id) => ok(call('GET', `/${c}/balance_transactions/${id}`)),
    createRaw: (c, body) => call('POST', `/${c}/balance_transactions`, body),
  };
}
