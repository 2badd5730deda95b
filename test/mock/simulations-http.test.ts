/**
 * `serve`'s control paths over real HTTP, as a test in another language would use them: the
 * simulations on `POST /_balance_kit/simulate/<name>` and fault injection on
 * `POST /_balance_kit/fail_next`, with plain `fetch` against `startStripeServer({ port: 0 })`.
 * They need no API key, answer refusals in Stripe's envelope, and are not Stripe requests: the
 * request log and the fault queue never see them.
 */
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/contract/validate.js';
import { type StripeServer, startStripeServer } from '../../src/index.js';
import { liveCustomer } from '../support/live-customer.js';
import { TEST_KEY } from '../support/transports.js';

describe('serve control paths', () => {
  let server: StripeServer;
  let stripe: Stripe;

  beforeEach(async () => {
    server = await startStripeServer({ port: 0 });
    stripe = new Stripe(TEST_KEY, {
      host: '127.0.0.1',
      port: server.port,
      protocol: 'http',
      maxNetworkRetries: 2,
    });
  });
  afterEach(() => server.close());

  /** POSTs `body` (JSON unless already a string) to a control path, without an API key. */
  async function control(path: string, body: unknown, method = 'POST') {
    const response = await fetch(`${server.url}/_balance_kit/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: response.status, headers: response.headers, json: await response.json() };
  }

  function expectEnvelope(json: unknown): void {
    expect(validate('error', json).errors).toEqual([]);
  }

  it('runs a simulation and answers its result, the same transaction the API then lists', async () => {
    const { id } = server.customers.add({ currency: 'usd', balance: -1500 });

    const finalized = await control('simulate/invoiceFinalized', { customer: id, amountDue: 1000 });
    expect(finalized.status).toBe(200);
    expect(finalized.headers.get('content-type')).toBe('application/json');
    expect(finalized.headers.get('request-id')).toMatch(/^req_/);
    expect(finalized.json).toMatchObject({
      invoice: expect.stringMatching(/^in_/),
      amountRemaining: 0,
      transaction: { type: 'applied_to_invoice', amount: 1000, ending_balance: -500 },
    });
    expect(
      validate('customer_balance_transaction', finalized.json.transaction, { semantic: true }).errors,
    ).toEqual([]);

    const voided = await control('simulate/invoiceVoided', { customer: id, invoice: finalized.json.invoice });
    expect(voided.json.transaction).toMatchObject({ type: 'unapplied_from_invoice', amount: -1000 });

    const page = await stripe.customers.listBalanceTransactions(id);
    expect(JSON.parse(JSON.stringify(page.data.slice(0, 2)))).toEqual([
      voided.json.transaction,
      finalized.json.transaction,
    ]);
    expect(liveCustomer(server, id)?.balance).toBe(-1500);
    // Control requests are not Stripe requests: only the list is logged.
    expect(server.requests.map((r) => r.operation)).toEqual(['list']);
  });

  it('answers every simulation by its camelCase name', async () => {
    const { id } = server.customers.add({ currency: 'usd', balance: -100 });
    const paid = await control('simulate/checkoutSessionPaid', { customer: id, amount: 60 });
    const calls: [string, unknown][] = [
      ['creditNoteIssued', { customer: id, amount: 10 }],
      ['invoiceOverpaid', { customer: id, amount: 10 }],
      ['invoiceTooSmall', { customer: id, amount: 10 }],
      ['invoiceTooLarge', { customer: id, amount: 100_000_000 }],
      ['checkoutSessionCanceled', { customer: id, checkoutSession: paid.json.checkoutSession }],
    ];
    for (const [name, body] of calls) {
      const { status, json } = await control(`simulate/${name}`, body);
      expect(status, name).toBe(200);
      expect(validate('customer_balance_transaction', json.transaction, { semantic: true }).valid, name).toBe(
        true,
      );
    }
    const data = (await stripe.customers.listBalanceTransactions(id)).data;
    expect(data).toHaveLength(7);
    expect(liveCustomer(server, id)?.balance).toBe(data[0]?.ending_balance);
  });

  it("refuses in Stripe's envelope with Stripe's status", async () => {
    const unknown = await control('simulate/invoiceFinalized', {
      customer: 'cus_NoSuchCustomer0',
      amountDue: 5,
    });
    expect(unknown.status).toBe(404);
    expectEnvelope(unknown.json);
    expect(unknown.json.error).toMatchObject({
      code: 'resource_missing',
      message: "No such customer: 'cus_NoSuchCustomer0'",
      param: 'customer',
    });

    const { id } = server.customers.add({ currency: 'usd' });
    const badAmount = await control('simulate/invoiceOverpaid', { customer: id, amount: -3 });
    expect(badAmount.status).toBe(400);
    expect(badAmount.json.error).toMatchObject({ type: 'invalid_request_error', param: 'amount' });

    const badJson = await control('simulate/invoiceOverpaid', '{"customer":');
    expect(badJson.status).toBe(400);
    expectEnvelope(badJson.json);

    for (const [path, method] of [
      ['simulate/noSuchFlow', 'POST'],
      ['simulate/__proto__', 'POST'],
      ['simulate/invoiceFinalized', 'GET'],
      ['reset', 'POST'],
    ] as const) {
      const answer = await control(path, {}, method);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expectEnvelope(answer.json);
    }
    expect(server.requests).toEqual([]);
  });

  it('fail_next queues a fault that the next API request meets, and the client retries past it', async () => {
    const { id } = server.customers.add({ currency: 'usd' });
    const queued = await control('fail_next', { status: 500 });
    expect(queued).toMatchObject({ status: 200, json: { queued: true } });
    // Control requests consume no fault: it is still there for the API request.
    expect((await control('simulate/creditNoteIssued', { customer: id, amount: 1 })).status).toBe(200);

    const created = await stripe.customers.createBalanceTransaction(id, { amount: -500, currency: 'usd' });
    expect(created.ending_balance).toBe(-501);
    expect(server.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(server.requests[0]?.fault).toEqual({ status: 500 });
    // Applied once: the fault fired before the create ran.
    expect(server.transactions(id)).toHaveLength(2);
  });

  it('refuses a fault the mock cannot inject', async () => {
    for (const fault of [{ status: 418 }, { times: 0, status: 500 }, [], '"oops"', {}]) {
      const answer = await control('fail_next', fault);
      expect(answer.status, JSON.stringify(fault)).toBe(400);
      expectEnvelope(answer.json);
      expect(answer.json.error.param, JSON.stringify(answer.json)).toBe('fault');
    }
    const { id } = server.customers.add({ currency: 'usd' });
    await stripe.customers.createBalanceTransaction(id, { amount: -1, currency: 'usd' });
    expect(server.requests.map((r) => r.status)).toEqual([200]);
  });
});
