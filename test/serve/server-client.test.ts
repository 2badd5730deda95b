/**
 * The official `stripe` client, unmodified, configured for the loopback server the way any
 * client would be (`{ host, port, protocol: 'http' }`), over its default Node http transport and
 * over `createFetchHttpClient()` (global fetch): both reach the server through real sockets.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFixtures } from '../../src/factory/index.js';
import { type StripeServer, startStripeServer } from '../../src/mock/server-transport.js';
import '../../src/contract/vitest.js';

const KEY = 'sk_test_51ServerKeyForStripeBalanceKit';
const CUSTOMER = 'cus_NcjdgdwZyI9Rj7';

type Transport = 'node http' | 'fetch';

let server: StripeServer;
beforeAll(async () => {
  server = await startStripeServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

describe.each<Transport>(['node http', 'fetch'])(
  'official stripe client → loopback server over %s',
  (transport) => {
    let stripe: Stripe;

    beforeEach(() => {
      server.reset();
      server.customers.add({ id: CUSTOMER });
      stripe = new Stripe(KEY, {
        host: '127.0.0.1',
        port: server.port,
        protocol: 'http',
        ...(transport === 'fetch' ? { httpClient: Stripe.createFetchHttpClient() } : {}),
      });
    });

    it('creates a transaction and moves the balance', async () => {
      const created = await stripe.customers.createBalanceTransaction(CUSTOMER, {
        amount: -500,
        currency: 'usd',
        description: 'Goodwill credit',
      });
      expect(created).toMatchContract('customer_balance_transaction');
      expect(created).toMatchObject({ amount: -500, ending_balance: -500, customer: CUSTOMER });
      expect(created.lastResponse.requestId).toMatch(/^req_/);
      expect(server.customers.get(CUSTOMER)?.balance).toBe(-500);
      // The server's request log never holds a usable key.
      expect(JSON.stringify(server.requests)).not.toContain(KEY);
    });

    it('auto-paginates a seeded ledger, newest first, each page in the contract', async () => {
      const ledger = createFixtures({ seed: 11 }).ledger({
        customer: 'cus_Seeded00000011',
        currency: 'usd',
        count: 230,
      });
      server.seed(ledger);
      const all = await stripe.customers
        .listBalanceTransactions('cus_Seeded00000011', { limit: 100 })
        .autoPagingToArray({ limit: 1000 });
      expect(all.map((t) => t.id)).toEqual([...ledger].reverse().map((t) => t.id));
      expect(server.requests.filter((r) => r.operation === 'list')).toHaveLength(3);
    });

    it('updates metadata (empty string unsets a key)', async () => {
      const created = await stripe.customers.createBalanceTransaction(CUSTOMER, {
        amount: 1200,
        currency: 'usd',
        metadata: { order: '6735', ticket: 'SUP-1' },
      });
      const updated = await stripe.customers.updateBalanceTransaction(CUSTOMER, created.id, {
        metadata: { order: '', reason: 'late delivery' },
      });
      expect(updated.metadata).toEqual({ ticket: 'SUP-1', reason: 'late delivery' });
      const fetched = await stripe.customers.retrieveBalanceTransaction(CUSTOMER, created.id);
      expect(fetched.metadata).toEqual(updated.metadata);
    });

    it('retries an injected 500 once with the same idempotency key; the credit applies once', async () => {
      server.failNext({ status: 500 });
      await stripe.customers.createBalanceTransaction(CUSTOMER, { amount: -700, currency: 'usd' });
      expect(server.requests.map((r) => r.status)).toEqual([500, 200]);
      const [first, second] = server.requests;
      expect(first?.idempotencyKey).toBeDefined();
      expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
      expect(server.customers.get(CUSTOMER)?.balance).toBe(-700);
    });

    it('surfaces Stripe errors as the client’s typed errors', async () => {
      await expect(
        stripe.customers.createBalanceTransaction('cus_Unknown0000001', { amount: 5, currency: 'usd' }),
      ).rejects.toMatchObject({
        type: 'StripeInvalidRequestError',
        statusCode: 404,
        code: 'resource_missing',
      });
      await expect(
        stripe.customers.createBalanceTransaction(CUSTOMER, {
          amount: 5,
          currency: 'usd',
          description: 'x'.repeat(351),
        }),
      ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 });
    });
  },
);
