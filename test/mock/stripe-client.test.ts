/**
 * The mock driven by the official `stripe` client, unmodified, over every transport of the
 * matrix (test/support/transports.ts): nock (the client's default Node http client),
 * `createFetchHttpClient(mock.fetch)`, the loopback server and msw. Every assertion runs on all.
 */
import nock from 'nock';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MockState, mockStripe } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { CLIENT_MATRIX, type RunningTransport, TEST_KEY } from '../support/transports.js';
import type { CustomerBalanceTransaction } from '../../src/types.js';
import { createFixtures } from '../../src/factory/index.js';
import { liveCustomer } from '../support/live-customer.js';

const buildLedger = (customer: string, count: number): CustomerBalanceTransaction[] =>
  createFixtures({ seed: count }).ledger({ customer, currency: 'usd', count });

const KEY = TEST_KEY;
/** The mock's clock in this suite: 2026-05-01T12:00:00Z. */
const NOW = Date.UTC(2026, 4, 1, 12);

/** `lastResponse` is the transport's raw response: Node's headers object, or a fetch `Headers`. */
function header(response: { headers: unknown }, name: string): string | undefined {
  const headers = response.headers as Headers | Record<string, string>;
  return typeof (headers as Headers).get === 'function'
    ? ((headers as Headers).get(name) ?? undefined)
    : (headers as Record<string, string>)[name];
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe.each(CLIENT_MATRIX)('official stripe client over $name', (transport) => {
  let running: RunningTransport;
  let mock: MockState;
  let stripe: Stripe;
  const customer = 'cus_NcjdgdwZyI9Rj7';
  const client = (config?: Stripe.StripeConfig) => running.client(config);

  beforeEach(async () => {
    // The mock's clock, not the wall clock: `created` is exactly this.
    running = await transport.start({ now: () => NOW });
    mock = running.state;
    mock.customers.add({ id: customer });
    stripe = client();
  });
  afterEach(async () => {
    await running.stop();
  });

  describe('create, retrieve, update', () => {
    it('creates an adjustment that moves the balance and returns Stripe-shaped ids', async () => {
      const created = await stripe.customers.createBalanceTransaction(customer, {
        amount: -500,
        currency: 'usd',
        description: 'Goodwill credit',
        metadata: { order_id: '6735' },
      });
      expect(created).toMatchObject({
        object: 'customer_balance_transaction',
        amount: -500,
        currency: 'usd',
        customer,
        description: 'Goodwill credit',
        ending_balance: -500,
        invoice: null,
        credit_note: null,
        livemode: false,
        metadata: { order_id: '6735' },
        type: 'adjustment',
      });
      expect(created.id).toMatch(/^cbtxn_[0-9A-Za-z]{24}$/);
      expect(created.created).toBe(NOW / 1000);
      expect(created.lastResponse.requestId).toMatch(/^req_[0-9A-Za-z]{14}$/);
      // The request log never holds a usable key.
      expect(mock.requests[0]?.headers.authorization).toBe(`Bearer sk_test_…${KEY.slice(-4)}`);
      expect(JSON.stringify(mock.requests)).not.toContain(KEY);
      expect(header(created.lastResponse, 'stripe-version')).toBe(Stripe.API_VERSION);

      const second = await stripe.customers.createBalanceTransaction(customer, {
        amount: 1200,
        currency: 'usd',
      });
      expect(second.ending_balance).toBe(700);
      expect(mock.customers.get(customer)).toMatchObject({ currency: 'usd', balance: 700 });
    });

    it("sets the customer's currency from the first transaction and keeps a balance per currency", async () => {
      await stripe.customers.createBalanceTransaction(customer, { amount: 300, currency: 'eur' });
      await stripe.customers.createBalanceTransaction(customer, { amount: -100, currency: 'usd' });
      expect(mock.customers.get(customer)).toMatchObject({
        currency: 'eur',
        balance: 300,
        // Stripe's sign for invoice_credit_balance: positive is credit (src/stripe/customer-balance.ts).
        invoice_credit_balance: { eur: -300, usd: 100 },
      });
    });

    it("retrieves, expands and refuses another customer's transaction", async () => {
      const created = await stripe.customers.createBalanceTransaction(customer, {
        amount: -500,
        currency: 'usd',
      });
      const fetched = await stripe.customers.retrieveBalanceTransaction(customer, created.id);
      expect(plain(fetched)).toEqual(plain(created));
      const expanded = await stripe.customers.retrieveBalanceTransaction(customer, created.id, {
        expand: ['customer'],
      });
      expect(expanded.customer).toMatchObject({ id: customer, object: 'customer', balance: -500 });

      mock.customers.add({ id: 'cus_Other000000001' });
      const error = await rejection(
        stripe.customers.retrieveBalanceTransaction('cus_Other000000001', created.id),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
      expect(error.message).toBe(`No such customer balance transaction: '${created.id}'`);
    });

    it('updates metadata key by key: set, unset one, unset all; and the description', async () => {
      const { id } = await stripe.customers.createBalanceTransaction(customer, {
        amount: -500,
        currency: 'usd',
        metadata: { a: '1' },
      });
      const set = await stripe.customers.updateBalanceTransaction(customer, id, {
        metadata: { b: '2', c: '3' },
      });
      expect(set.metadata).toEqual({ a: '1', b: '2', c: '3' });
      const unsetOne = await stripe.customers.updateBalanceTransaction(customer, id, { metadata: { b: '' } });
      expect(unsetOne.metadata).toEqual({ a: '1', c: '3' });
      const described = await stripe.customers.updateBalanceTransaction(customer, id, {
        description: 'Refund credit',
      });
      expect(described).toMatchObject({
        description: 'Refund credit',
        metadata: { a: '1', c: '3' },
        amount: -500,
      });
      const unsetAll = await stripe.customers.updateBalanceTransaction(customer, id, { metadata: '' });
      expect(unsetAll.metadata).toEqual({});
      expect(mock.transactions(customer)[0]?.metadata).toEqual({});
    });

    it('refuses to update anything but description and metadata', async () => {
      const { id } = await stripe.customers.createBalanceTransaction(customer, {
        amount: -500,
        currency: 'usd',
      });
      const error = await rejection(
        stripe.customers.updateBalanceTransaction(customer, id, {
          amount: 5,
        } as Stripe.CustomerUpdateBalanceTransactionParams),
      );
      expect(error).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'amount' });
      expect(error.message).toBe('Received unknown parameter: amount');
    });
  });

  describe('list', () => {
    let ledger: CustomerBalanceTransaction[];
    beforeEach(() => {
      ledger = buildLedger(customer, 25);
      mock.seed(ledger);
    });
    const newestFirst = () => [...ledger].reverse().map((t) => t.id);

    it("pages newest first with the default limit of 10 and Stripe's url", async () => {
      const page = await stripe.customers.listBalanceTransactions(customer);
      expect(page.object).toBe('list');
      expect(page.url).toBe(`/v1/customers/${customer}/balance_transactions`);
      expect(page.data.map((t) => t.id)).toEqual(newestFirst().slice(0, 10));
      expect(page.has_more).toBe(true);
    });

    it('honours limit, starting_after and ending_before', async () => {
      const ids = newestFirst();
      const first = await stripe.customers.listBalanceTransactions(customer, { limit: 3 });
      expect(first.data.map((t) => t.id)).toEqual(ids.slice(0, 3));
      const next = await stripe.customers.listBalanceTransactions(customer, {
        limit: 3,
        starting_after: ids[2]!,
      });
      expect(next.data.map((t) => t.id)).toEqual(ids.slice(3, 6));
      expect(next.has_more).toBe(true);
      const back = await stripe.customers.listBalanceTransactions(customer, {
        limit: 3,
        ending_before: ids[6]!,
      });
      expect(back.data.map((t) => t.id)).toEqual(ids.slice(3, 6));
      expect(back.has_more).toBe(true);
      const tail = await stripe.customers.listBalanceTransactions(customer, {
        limit: 100,
        starting_after: ids[20]!,
      });
      expect(tail.data.map((t) => t.id)).toEqual(ids.slice(21));
      expect(tail.has_more).toBe(false);
      const head = await stripe.customers.listBalanceTransactions(customer, {
        limit: 2,
        ending_before: ids[2]!,
      });
      expect(head.data.map((t) => t.id)).toEqual(ids.slice(0, 2));
      expect(head.has_more).toBe(false);
    });

    it('filters by created (exact and range) and by invoice', async () => {
      const pivot = ledger[10]!;
      const exact = await stripe.customers.listBalanceTransactions(customer, { created: pivot.created });
      expect(exact.data.map((t) => t.id)).toEqual([pivot.id]);
      const range = await stripe.customers.listBalanceTransactions(customer, {
        created: { gte: ledger[5]!.created, lt: ledger[8]!.created },
        limit: 100,
      });
      expect(range.data.map((t) => t.id)).toEqual([ledger[7]!.id, ledger[6]!.id, ledger[5]!.id]);
      const withInvoice = ledger.find((t) => t.invoice !== null)!;
      const byInvoice = await stripe.customers.listBalanceTransactions(customer, {
        invoice: withInvoice.invoice as string,
        limit: 100,
      });
      expect(byInvoice.data.length).toBeGreaterThan(0);
      expect(byInvoice.data.every((t) => t.invoice === withInvoice.invoice)).toBe(true);
    });

    it('expands data.customer', async () => {
      const page = await stripe.customers.listBalanceTransactions(customer, {
        limit: 2,
        expand: ['data.customer'],
      });
      expect(page.data[0]?.customer).toMatchObject({ id: customer, object: 'customer' });
      const error = await rejection(
        stripe.customers.listBalanceTransactions(customer, { expand: ['customer'] }),
      );
      expect(error).toMatchObject({ statusCode: 400, param: 'expand' });
    });

    it('refuses bad paging parameters the way Stripe does', async () => {
      for (const limit of [0, 101]) {
        const error = await rejection(stripe.customers.listBalanceTransactions(customer, { limit }));
        expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
        expect(error).toMatchObject({ statusCode: 400, param: 'limit' });
      }
      const both = await rejection(
        stripe.customers.listBalanceTransactions(customer, {
          starting_after: ledger[0]!.id,
          ending_before: ledger[1]!.id,
        }),
      );
      expect(both.message).toBe(
        'Received both starting_after and ending_before parameters. Please pass in only one.',
      );
      const unknown = await rejection(
        stripe.customers.listBalanceTransactions(customer, { starting_after: 'cbtxn_nope' }),
      );
      expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'starting_after' });
    });
  });

  describe('auto-pagination across more than 250 transactions', () => {
    it('for await and autoPagingToArray see every transaction once, newest first', async () => {
      const ledger = buildLedger(customer, 260);
      mock.seed(ledger);
      const expected = [...ledger].reverse().map((t) => t.id);
      const seen: string[] = [];
      for await (const t of stripe.customers.listBalanceTransactions(customer, { limit: 100 }))
        seen.push(t.id);
      expect(seen).toEqual(expected);
      const all = await stripe.customers
        .listBalanceTransactions(customer, { limit: 40 })
        .autoPagingToArray({ limit: 1000 });
      expect(all.map((t) => t.id)).toEqual(expected);
      const lists = mock.requests.filter((r) => r.operation === 'list');
      expect(lists.length).toBe(3 + 7);
      expect(lists[1]?.query.starting_after).toBe(expected[99]);
    });
  });

  describe("validation errors, in Stripe's envelope and status", () => {
    const create = (params: Record<string, unknown>) =>
      rejection(
        stripe.customers.createBalanceTransaction(
          customer,
          params as unknown as Stripe.CustomerCreateBalanceTransactionParams,
        ),
      );

    it.each([
      [
        'a missing amount',
        { currency: 'usd' },
        'parameter_missing',
        'amount',
        'Missing required param: amount.',
      ],
      [
        'a missing currency',
        { amount: 5 },
        'parameter_missing',
        'currency',
        'Missing required param: currency.',
      ],
      [
        'a non-integer amount',
        { amount: '12.5', currency: 'usd' },
        'parameter_invalid_integer',
        'amount',
        'Invalid integer: 12.5',
      ],
      [
        'an unknown parameter',
        { amount: 5, currency: 'usd', foo: 'bar' },
        'parameter_unknown',
        'foo',
        'Received unknown parameter: foo',
      ],
    ])('%s', async (_name, params, code, param, message) => {
      const error = await create(params);
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({
        statusCode: 400,
        type: 'StripeInvalidRequestError',
        code,
        param,
        message,
      });
      expect(error.raw).toMatchObject({ type: 'invalid_request_error' });
    });

    it.each([
      [
        'an unsupported currency',
        { amount: 5, currency: 'xyz' },
        'currency',
        /^Invalid currency: xyz\. Stripe currently supports/,
      ],
      [
        'a description over 350 characters',
        { amount: 5, currency: 'usd', description: 'x'.repeat(351) },
        'description',
        /at most 350 characters/,
      ],
      [
        'more than 50 metadata keys',
        {
          amount: 5,
          currency: 'usd',
          metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
        },
        'metadata',
        /at most 50 keys/,
      ],
      [
        'a metadata key over 40 characters',
        { amount: 5, currency: 'usd', metadata: { ['k'.repeat(41)]: 'v' } },
        `metadata[${'k'.repeat(41)}]`,
        /up to 40 characters/,
      ],
      [
        'a metadata value over 500 characters',
        { amount: 5, currency: 'usd', metadata: { k: 'v'.repeat(501) } },
        'metadata[k]',
        /up to 500 characters/,
      ],
    ])('%s', async (_name, params, param, message) => {
      const error = await create(params);
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ statusCode: 400, param });
      expect(error.message).toMatch(message);
      expect(mock.transactions(customer)).toEqual([]);
    });

    it('answers 404 resource_missing for an unknown customer (unknownCustomers: reject)', async () => {
      const error = await rejection(
        stripe.customers.createBalanceTransaction('cus_Unknown0000001', { amount: 5, currency: 'usd' }),
      );
      expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'customer' });
      expect(error.message).toBe("No such customer: 'cus_Unknown0000001'");
    });
  });

  describe('authentication', () => {
    it.each([
      ['a malformed key', 'sk_test_bad-key!', /^Invalid API Key provided: sk_test_/],
      ['a publishable key', 'pk_test_123456', /publishable API key/],
      ['a live key', 'sk_live_123456789', /live-mode key/],
      ['a live restricted key', 'rk_live_123456789', /live-mode key/],
    ])('refuses %s with 401', async (_name, key, message) => {
      const other = running.client({}, key);
      const error = await rejection(other.customers.listBalanceTransactions(customer));
      expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      expect(error.statusCode).toBe(401);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('123456789');
    });

    it('accepts restricted test keys', async () => {
      const restricted = running.client({}, 'rk_test_abc123');
      await expect(restricted.customers.listBalanceTransactions(customer)).resolves.toMatchObject({
        object: 'list',
      });
    });
  });

  describe('idempotency', () => {
    it('replays the identical answer for a reused key, with Idempotent-Replayed', async () => {
      const first = await stripe.customers.createBalanceTransaction(
        customer,
        { amount: -500, currency: 'usd' },
        { idempotencyKey: 'order-6735' },
      );
      const again = await stripe.customers.createBalanceTransaction(
        customer,
        { amount: -500, currency: 'usd' },
        { idempotencyKey: 'order-6735' },
      );
      expect(again.id).toBe(first.id);
      expect(header(again.lastResponse, 'idempotent-replayed')).toBe('true');
      expect(header(first.lastResponse, 'idempotent-replayed')).toBeUndefined();
      expect(plain(again)).toEqual(plain(first));
      expect(mock.transactions(customer)).toHaveLength(1);
    });

    it('refuses the same key with other parameters (idempotency_error)', async () => {
      await stripe.customers.createBalanceTransaction(
        customer,
        { amount: -500, currency: 'usd' },
        { idempotencyKey: 'k-1' },
      );
      const error = await rejection(
        stripe.customers.createBalanceTransaction(
          customer,
          { amount: -600, currency: 'usd' },
          { idempotencyKey: 'k-1' },
        ),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
      expect(error).toMatchObject({ statusCode: 400 });
      expect(mock.transactions(customer)).toHaveLength(1);
    });

    it('does not store validation failures', async () => {
      await rejection(
        stripe.customers.createBalanceTransaction(
          customer,
          { currency: 'usd' } as Stripe.CustomerCreateBalanceTransactionParams,
          { idempotencyKey: 'k-2' },
        ),
      );
      const ok = await stripe.customers.createBalanceTransaction(
        customer,
        { amount: 5, currency: 'usd' },
        { idempotencyKey: 'k-2' },
      );
      expect(ok.amount).toBe(5);
    });
  });

  describe('faults', () => {
    it('an injected 500 is retried by the client with the same idempotency key and applied once', async () => {
      const retrying = client({ maxNetworkRetries: 2 });
      mock.failNext({ status: 500 });
      const created = await retrying.customers.createBalanceTransaction(customer, {
        amount: -500,
        currency: 'usd',
      });
      const posts = mock.requests.filter((r) => r.method === 'POST');
      expect(posts.map((r) => r.status)).toEqual([500, 200]);
      expect(posts[0]?.idempotencyKey).toBeDefined();
      expect(posts[1]?.idempotencyKey).toBe(posts[0]?.idempotencyKey);
      expect(mock.transactions(customer)).toHaveLength(1);
      expect(liveCustomer(mock, customer)?.balance).toBe(-500);
      expect(created.ending_balance).toBe(-500);
    });

    it('a 500 after the request ran (lost answer) is retried and replayed, not applied twice', async () => {
      const retrying = client({ maxNetworkRetries: 2 });
      mock.failNext({ status: 500, afterApply: true });
      const created = await retrying.customers.createBalanceTransaction(customer, {
        amount: -500,
        currency: 'usd',
      });
      expect(mock.requests.map((r) => [r.status, r.replayed])).toEqual([
        [500, false],
        [200, true],
      ]);
      expect(mock.transactions(customer).map((t) => t.id)).toEqual([created.id]);
      expect(liveCustomer(mock, customer)?.balance).toBe(-500);
    });

    it('a 503 exhausting the retries surfaces as StripeAPIError with nothing applied', async () => {
      const retrying = client({ maxNetworkRetries: 1 });
      mock.failNext({ status: 503, times: 2 });
      const error = await rejection(
        retrying.customers.createBalanceTransaction(customer, { amount: 1, currency: 'usd' }),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
      expect(error.statusCode).toBe(503);
      expect(mock.transactions(customer)).toEqual([]);
    });

    it('a 429 without Stripe-Should-Retry surfaces as StripeRateLimitError, nothing lost or doubled', async () => {
      const retrying = client({ maxNetworkRetries: 2 });
      mock.failNext({ status: 429 });
      const error = await rejection(
        retrying.customers.createBalanceTransaction(customer, { amount: -500, currency: 'usd' }),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
      expect(error).toMatchObject({ statusCode: 429, code: 'rate_limit' });
      expect(mock.requests).toHaveLength(1);
      expect(mock.transactions(customer)).toEqual([]);
      const created = await retrying.customers.createBalanceTransaction(customer, {
        amount: -500,
        currency: 'usd',
      });
      expect(mock.transactions(customer).map((t) => t.id)).toEqual([created.id]);
    });

    it('a 429 with Stripe-Should-Retry: true is retried by the client and applied once', async () => {
      const retrying = client({ maxNetworkRetries: 2 });
      mock.failNext({ status: 429, shouldRetry: true });
      await retrying.customers.createBalanceTransaction(customer, { amount: -500, currency: 'usd' });
      expect(mock.requests.map((r) => r.status)).toEqual([429, 200]);
      expect(mock.transactions(customer)).toHaveLength(1);
    });

    it('a dropped connection is retried with the same key and applied once', async () => {
      const retrying = client({ maxNetworkRetries: 2 });
      mock.failNext({ networkError: true });
      await retrying.customers.createBalanceTransaction(customer, { amount: -500, currency: 'usd' });
      expect(mock.requests.map((r) => r.status)).toEqual(['network-error', 200]);
      expect(mock.requests[1]?.idempotencyKey).toBe(mock.requests[0]?.idempotencyKey);
      expect(mock.transactions(customer)).toHaveLength(1);
    });

    it('repeated dropped connections surface as StripeConnectionError', async () => {
      const retrying = client({ maxNetworkRetries: 1 });
      mock.failNext({ networkError: true, times: 3 });
      const error = await rejection(retrying.customers.listBalanceTransactions(customer));
      expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    });

    it('a delay is applied; over fetch a delay past the client timeout is a StripeConnectionError', async () => {
      const patient = client({ maxNetworkRetries: 0 });
      mock.failNext({ delayMs: 20 });
      await expect(patient.customers.listBalanceTransactions(customer)).resolves.toMatchObject({
        object: 'list',
      });
      expect(mock.requests[0]?.fault).toEqual({ delayMs: 20 });
      if (transport.http === 'fetch') {
        // nock 14 answers through its own copy of the request, so the Node client's socket
        // timeout cannot fire through it (documented in the README); fetch's deadline does,
        // whatever answers it.
        // A delay far past the deadline: the client's abort ends it, not a race between the two.
        const impatient = client({ timeout: 150, maxNetworkRetries: 0 });
        mock.failNext({ delayMs: 5_000 });
        const error = await rejection(impatient.customers.listBalanceTransactions(customer));
        expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
        expect(error.message).toMatch(/timed out|timeout/i);
      }
    });
  });

  it('100 concurrent creates on one customer: nothing lost, balances chain', async () => {
    const amounts = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? -(i + 1) * 10 : (i + 1) * 7));
    const created = await Promise.all(
      amounts.map((amount) =>
        stripe.customers.createBalanceTransaction(customer, { amount, currency: 'usd' }),
      ),
    );
    const sum = amounts.reduce((a, b) => a + b, 0);
    expect(liveCustomer(mock, customer)?.balance).toBe(sum);
    const ledger = mock.transactions(customer);
    expect(ledger).toHaveLength(100);
    expect(new Set(created.map((t) => t.id)).size).toBe(100);
    let balance = 0;
    for (const t of ledger) {
      balance += t.amount;
      expect(t.ending_balance).toBe(balance);
    }
    expect(balance).toBe(sum);
  });
});

describe('mock handles', () => {
  it('restore() removes only its own interceptors; other scopes on the same host keep working', async () => {
    const other = nock('https://api.stripe.com').get('/v1/balance').reply(200, { object: 'balance' });
    const mock = mockStripe();
    mock.restore();
    const stripe = new Stripe(KEY, { maxNetworkRetries: 0 });
    await expect(stripe.balance.retrieve()).resolves.toMatchObject({ object: 'balance' });
    expect(other.isDone()).toBe(true);
    const error = await rejection(stripe.customers.listBalanceTransactions('cus_x'));
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
  });

  it('two handles on different hosts do not interfere', async () => {
    const a = mockStripe();
    const b = mockStripe({ host: 'http://localhost:12111' });
    try {
      a.customers.add({ id: 'cus_A' });
      b.customers.add({ id: 'cus_B' });
      const sa = new Stripe(KEY);
      const sb = new Stripe(KEY, { host: 'localhost', port: 12111, protocol: 'http' });
      await sa.customers.createBalanceTransaction('cus_A', { amount: 1, currency: 'usd' });
      await sb.customers.createBalanceTransaction('cus_B', { amount: 2, currency: 'usd' });
      expect(a.requests).toHaveLength(1);
      expect(b.requests).toHaveLength(1);
      expect(a.customers.get('cus_B')).toBeUndefined();
      expect(b.transactions('cus_B')[0]?.amount).toBe(2);
    } finally {
      a.restore();
      b.restore();
    }
  });

  it('reset() forgets state but keeps answering', async () => {
    const mock = mockStripe({ unknownCustomers: 'create' });
    try {
      const stripe = new Stripe(KEY, { httpClient: Stripe.createFetchHttpClient(mock.fetch) });
      await stripe.customers.createBalanceTransaction('cus_auto', { amount: 1, currency: 'usd' });
      expect(liveCustomer(mock, 'cus_auto')?.balance).toBe(1);
      mock.reset();
      expect(mock.customers.get('cus_auto')).toBeUndefined();
      expect(mock.requests).toHaveLength(0);
      await stripe.customers.createBalanceTransaction('cus_auto', { amount: 2, currency: 'usd' });
      expect(liveCustomer(mock, 'cus_auto')?.balance).toBe(2);
    } finally {
      mock.restore();
    }
  });

  it('seed() refuses objects that break the contract, naming the path', () => {
    const mock = mockStripe();
    try {
      const [good] = buildLedger('cus_x', 1);
      expect(() => mock.seed([{ ...good!, amount: 1.5 }])).toThrow(/transactions\[0\]\/amount/);
    } finally {
      mock.restore();
    }
  });
});
