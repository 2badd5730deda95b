/**
 * The loopback server spoken to in raw HTTP (Node's fetch), the way a client in another language
 * would: the same answers as the in-process mock, Stripe's error envelope for every failure, and
 * the socket-level duties only a real server has (body cap, dropped connections, graceful close).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixtures } from '../../src/factory/index.js';
import { MAX_BODY_BYTES } from '../../src/mock/core.js';
import { type StripeServer, startStripeServer } from '../../src/mock/server-transport.js';
import { validate } from '../../src/contract/validate.js';
import { liveCustomer } from '../support/live-customer.js';

const KEY = 'sk_test_51ServerKeyForStripeBalanceKit';
const CUSTOMER = 'cus_NcjdgdwZyI9Rj7';
const auth = { authorization: `Bearer ${KEY}` };
const form = { ...auth, 'content-type': 'application/x-www-form-urlencoded' };

let server: StripeServer;

beforeEach(async () => {
  server = await startStripeServer({ port: 0 });
  server.customers.add({ id: CUSTOMER });
});
afterEach(async () => {
  await server.close();
});

const collection = (customer = CUSTOMER) => `${server.url}/v1/customers/${customer}/balance_transactions`;

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe('startStripeServer', () => {
  it('listens on a free loopback port when asked for port 0', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('creates, retrieves, updates and lists like Stripe', async () => {
    const created = await fetch(collection(), {
      method: 'POST',
      headers: form,
      body: 'amount=-500&currency=usd&description=Goodwill+credit&metadata[order]=6735',
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('request-id')).toMatch(/^req_[0-9A-Za-z]{14}$/);
    expect(created.headers.get('content-type')).toBe('application/json');
    const transaction = await json(created);
    expect(transaction).toMatchObject({
      object: 'customer_balance_transaction',
      amount: -500,
      ending_balance: -500,
      customer: CUSTOMER,
      metadata: { order: '6735' },
    });
    expect(validate('customer_balance_transaction', transaction).valid).toBe(true);
    const id = transaction.id as string;

    const retrieved = await fetch(`${collection()}/${id}`, { headers: auth });
    expect(await json(retrieved)).toEqual(transaction);

    const updated = await fetch(`${collection()}/${id}`, {
      method: 'POST',
      headers: form,
      body: 'metadata[order]=&metadata[ticket]=SUP-1',
    });
    expect(updated.status).toBe(200);
    expect((await json(updated)).metadata).toEqual({ ticket: 'SUP-1' });

    const list = await fetch(`${collection()}?limit=1`, { headers: auth });
    const page = await json(list);
    expect(page).toMatchObject({
      object: 'list',
      has_more: false,
      url: `/v1/customers/${CUSTOMER}/balance_transactions`,
    });
    expect((page.data as { id: string }[]).map((t) => t.id)).toEqual([id]);
    expect(liveCustomer(server, CUSTOMER)?.balance).toBe(-500);
    expect(server.requests.map((r) => [r.operation, r.status])).toEqual([
      ['create', 200],
      ['retrieve', 200],
      ['update', 200],
      ['list', 200],
    ]);
  });

  it('pages a seeded ledger exactly, newest first', async () => {
    const ledger = createFixtures({ seed: 3 }).ledger({
      customer: 'cus_Seeded00000001',
      currency: 'usd',
      count: 7,
    });
    server.seed(ledger);
    const first = await json(await fetch(`${collection('cus_Seeded00000001')}?limit=5`, { headers: auth }));
    expect(first.has_more).toBe(true);
    const ids = (first.data as { id: string }[]).map((t) => t.id);
    const second = await json(
      await fetch(`${collection('cus_Seeded00000001')}?limit=5&starting_after=${ids.at(-1)}`, {
        headers: auth,
      }),
    );
    expect(second.has_more).toBe(false);
    expect([...ids, ...(second.data as { id: string }[]).map((t) => t.id)]).toEqual(
      [...ledger].reverse().map((t) => t.id),
    );
  });

  it("answers bad input with Stripe's error envelope and status", async () => {
    const missing = await fetch(collection(), { method: 'POST', headers: form, body: 'amount=100' });
    expect(missing.status).toBe(400);
    const body = await json(missing);
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param: 'currency',
    });
    expect(validate('error', body).valid).toBe(true);

    const unknown = await fetch(collection('cus_Unknown0000001'), { headers: auth });
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error).toMatchObject({ code: 'resource_missing', param: 'customer' });
  });

  it('answers an unknown route with 404 and a request without a key with 401', async () => {
    const route = await fetch(`${server.url}/v1/charges`, { headers: auth });
    expect(route.status).toBe(404);
    expect(((await json(route)).error as { message: string }).message).toContain(
      'Unrecognized request URL (GET: /v1/charges)',
    );

    const anonymous = await fetch(collection());
    expect(anonymous.status).toBe(401);
    expect(((await json(anonymous)).error as { message: string }).message).toContain(
      'You did not provide an API key',
    );

    const live = await fetch(collection(), { headers: { authorization: 'Bearer sk_live_123456789' } });
    expect(live.status).toBe(401);
  });

  it('creates unknown customers on first use when told to', async () => {
    const lenient = await startStripeServer({ port: 0, unknownCustomers: 'create' });
    try {
      const response = await fetch(`${lenient.url}/v1/customers/cus_Fresh000000001/balance_transactions`, {
        headers: auth,
      });
      expect(response.status).toBe(200);
      expect(lenient.customers.get('cus_Fresh000000001')).toBeDefined();
    } finally {
      await lenient.close();
    }
  });

  it('refuses a body over 1 MiB with a 413 envelope, reads none of it into state, and keeps serving', async () => {
    const huge = `description=${'x'.repeat(MAX_BODY_BYTES + 10)}&amount=1&currency=usd`;
    const refused = await fetch(collection(), { method: 'POST', headers: form, body: huge });
    expect(refused.status).toBe(413);
    const body = await json(refused);
    expect(body.error).toMatchObject({ type: 'invalid_request_error' });
    expect(validate('error', body).valid).toBe(true);

    // A chunked upload (no Content-Length) is capped while it streams, too.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode('x'.repeat(256 * 1024));
        for (let i = 0; i < 6; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await fetch(collection(), {
      method: 'POST',
      headers: form,
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    expect(server.requests).toHaveLength(0);
    const after = await fetch(collection(), { headers: auth });
    expect(after.status).toBe(200);
  });

  it('drops the connection for an injected network error, then answers the next request', async () => {
    server.failNext({ networkError: true });
    await expect(fetch(collection(), { headers: auth })).rejects.toThrow(TypeError);
    expect(server.requests[0]?.status).toBe('network-error');
    const next = await fetch(collection(), { headers: auth });
    expect(next.status).toBe(200);
  });

  it('sends injected 500s with Stripe-Should-Retry', async () => {
    server.failNext({ status: 500 });
    const failed = await fetch(collection(), { headers: auth });
    expect(failed.status).toBe(500);
    expect(failed.headers.get('stripe-should-retry')).toBe('true');
    expect((await json(failed)).error).toMatchObject({ type: 'api_error' });
  });

  it('closes gracefully: a request in flight finishes, then nothing listens', async () => {
    server.failNext({ delayMs: 150 });
    const inFlight = fetch(collection(), { headers: auth });
    // The core logs a request before it waits out the delay: once logged, it is in flight.
    while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const closed = server.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await json(response)).object).toBe('list');
    await closed;
    await expect(fetch(collection(), { headers: auth })).rejects.toThrow();
    // close() is idempotent.
    await server.close();
  });
});
