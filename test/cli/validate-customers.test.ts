/**
 * `stripe-balance-kit validate` over the customer endpoints: a HAR of the five customer
 * operations, with the bodies the mock really answers, passes whole (a retrieve answering the
 * deleted marker included); the same HAR broken in one customer request and three customer
 * responses reports each at its entry and path; plain JSON customers, deleted customers and
 * customer lists are told apart without --kind.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { detectKind } from '../../src/cli/commands/validate/check-record.js';
import { runCli } from '../../src/cli/main.js';
import { mockStripe } from '../../src/index.js';
import { captureIo } from '../support/capture-io.js';

const ORIGIN = 'https://api.stripe.com';
const KEY = 'sk_test_51ValidateCustomersKeyAbCdEf';

let tmp = '';

async function cli(...argv: string[]) {
  const io = captureIo(tmp);
  const code = await runCli(['validate', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

/** One HAR entry as browsers write them (only what validate reads is filled in). */
interface Entry {
  request: { method: string; url: string; postData?: { mimeType: string; text: string } };
  response: { status: number; content: { mimeType: string; text: string } };
}

const entries: Entry[] = [];
let customerId = '';

/** Sends one request to the mock and keeps the exchange as a HAR entry; returns the parsed body. */
async function exchange(
  fetch: typeof globalThis.fetch,
  method: string,
  pathAndQuery: string,
  form?: string,
): Promise<Record<string, unknown>> {
  const url = `${ORIGIN}${pathAndQuery}`;
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${KEY}`,
      ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    ...(form === undefined ? {} : { body: form }),
  });
  const text = await response.text();
  entries.push({
    request: {
      method,
      url,
      ...(form === undefined
        ? {}
        : { postData: { mimeType: 'application/x-www-form-urlencoded', text: form } }),
    },
    response: { status: response.status, content: { mimeType: 'application/json', text } },
  });
  return JSON.parse(text) as Record<string, unknown>;
}

const har = (list: Entry[]) => JSON.stringify({ log: { version: '1.2', entries: list } });
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sbk-validate-customers-'));
  const mock = mockStripe();
  try {
    const f = mock.fetch as typeof globalThis.fetch;
    const created = await exchange(
      f,
      'POST',
      '/v1/customers',
      'name=Jenny+Rosen&email=jenny.rosen%40example.com&balance=-500&metadata[crm]=42',
    );
    customerId = String(created.id);
    const at = `/v1/customers/${customerId}`;
    await exchange(f, 'GET', `${at}?expand[]=invoice_credit_balance`);
    await exchange(f, 'POST', at, 'balance=-200&description=Goodwill');
    await exchange(f, 'GET', '/v1/customers?limit=2&email=jenny.rosen%40example.com');
    await exchange(f, 'POST', `${at}/balance_transactions`, 'amount=-100&currency=usd');
    await exchange(f, 'DELETE', at);
    await exchange(f, 'GET', at);
    await exchange(f, 'POST', at, 'name=Too+Late');
  } finally {
    mock.restore();
  }
  // Customer search is Stripe's, not ours: skipped, not mistaken for retrieving customer "search".
  entries.push({
    request: { method: 'GET', url: `${ORIGIN}/v1/customers/search?query=email%3A%27x%27` },
    response: {
      status: 200,
      content: { mimeType: 'application/json', text: '{"object":"search_result","data":[]}' },
    },
  });
  await writeFile(path.join(tmp, 'customers.har'), har(entries));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('HAR of the customer endpoints', () => {
  test('what the mock answered passes, the deleted marker of a retrieve included', async () => {
    expect(entries.map((e) => `${e.request.method} ${e.response.status}`)).toEqual([
      'POST 200',
      'GET 200',
      'POST 200',
      'GET 200',
      'POST 200',
      'DELETE 200',
      'GET 200',
      'POST 404',
      'GET 200',
    ]);
    expect(JSON.parse(entries[6]?.response.content.text ?? '')).toEqual({
      id: customerId,
      object: 'customer',
      deleted: true,
    });
    const run = await cli('customers.har');
    expect(run.out).toBe(
      'PASS customers.har (13 checked, 13 passed, 0 failed, 1 skipped)\n' +
        '  skipped 1: entries[8] GET /v1/customers/search (not a Customer Balance Transactions endpoint)\n' +
        '\n13 records checked in 1 file: 13 passed, 0 failed, 1 skipped, 0 warnings\n',
    );
    expect(run.code).toBe(0);
  });

  test('a broken customer request and broken customer responses are reported at their paths', async () => {
    const broken = clone(entries);
    const body = (index: number) =>
      JSON.parse(broken[index]?.response.content.text ?? '') as Record<string, unknown>;
    const setBody = (index: number, value: unknown) => {
      const entry = broken[index];
      if (entry) entry.response.content.text = JSON.stringify(value);
    };
    // The create's form gains a parameter Stripe does not know.
    const create = broken[0]?.request.postData;
    if (create) create.text += '&colour=red';
    // The retrieve answers a balance as a string.
    setBody(1, { ...body(1), balance: '-500' });
    // The list holds a customer whose id is not a customer id.
    const list = body(3) as { data: { id: string }[] };
    setBody(3, { ...list, data: list.data.map((c) => ({ ...c, id: 'cbtxn_NotACustomer01' })) });
    // The deleted marker of a retrieve loses `deleted`: now it is a customer missing its fields.
    setBody(6, { id: customerId, object: 'customer' });
    await writeFile(path.join(tmp, 'broken.har'), har(broken));

    const run = await cli('broken.har');
    expect(run.code).toBe(1);
    const at = `/v1/customers/${customerId}`;
    expect(run.out).toContain('FAIL broken.har (13 checked, 9 passed, 4 failed, 1 skipped)');
    expect(run.out).toContain('✗ entries[0] POST /v1/customers request (customer_create_params)');
    expect(run.out).toContain(
      '/colour [stripe_refused] Stripe refuses this request (400 invalid_request_error, param colour): Received unknown parameter: colour',
    );
    expect(run.out).toContain(`✗ entries[1] GET ${at} response (200) (customer)`);
    expect(run.out).toContain('/balance [wrong_type] expected integer; received string "-500"');
    expect(run.out).toContain('✗ entries[3] GET /v1/customers response (200) (customer_list)');
    expect(run.out).toContain('/data/0/id [id_prefix]');
    expect(run.out).toContain(`✗ entries[6] GET ${at} response (200) (customer)`);
    expect(run.out).toContain('/created [missing_property]');
    expect(run.out).toContain('13 records checked in 1 file: 9 passed, 4 failed, 1 skipped, 0 warnings');
  });
});

describe('plain JSON customers are detected without --kind', () => {
  const body = (index: number) => JSON.parse(entries[index]?.response.content.text ?? '') as unknown;

  test('detectKind: customer, deleted customer, customer list; transaction lists unchanged', () => {
    expect(detectKind(body(0))).toBe('customer');
    expect(detectKind(body(5))).toBe('deleted_customer');
    expect(detectKind(body(6))).toBe('deleted_customer');
    expect(detectKind(body(3))).toBe('customer_list');
    expect(detectKind({ object: 'list', url: `/v1/customers/${customerId}/balance_transactions` })).toBe(
      'customer_balance_transaction_list',
    );
    // A url of no list operation stays a transaction list, whose url rule then reports it.
    expect(detectKind({ object: 'list', url: `/v1/customers/${customerId}` })).toBe(
      'customer_balance_transaction_list',
    );
    expect(detectKind({ object: 'customer', deleted: false })).toBe('customer');
  });

  test('each file and NDJSON line is checked as its detected kind', async () => {
    await writeFile(path.join(tmp, 'customer.json'), JSON.stringify(body(2)));
    await writeFile(path.join(tmp, 'deleted.json'), JSON.stringify(body(5)));
    await writeFile(path.join(tmp, 'customers.json'), JSON.stringify(body(3)));
    await writeFile(
      path.join(tmp, 'mixed.ndjson'),
      [
        body(0),
        { ...(body(0) as object), balance: 1.5 },
        { ...(body(5) as object), name: 'still here' },
        { ...(body(3) as object), url: '/v1/customers/' },
      ]
        .map((v) => JSON.stringify(v))
        .join('\n'),
    );
    const good = await cli('customer.json', 'deleted.json', 'customers.json');
    expect(good.out).toContain('3 records checked in 3 files: 3 passed, 0 failed');
    expect(good.code).toBe(0);

    const mixed = await cli('mixed.ndjson');
    expect(mixed.code).toBe(1);
    expect(mixed.out).toContain('FAIL mixed.ndjson (4 checked, 1 passed, 3 failed)');
    expect(mixed.out).toContain('✗ line 2 (customer)');
    expect(mixed.out).toContain('/balance [wrong_type]');
    expect(mixed.out).toContain('✗ line 3 (deleted_customer)');
    expect(mixed.out).toContain('/name [unknown_property]');
    // The router reads a trailing slash as the customer list; the list's url rule does not.
    expect(mixed.out).toContain('✗ line 4 (customer_list)');
    expect(mixed.out).toContain('/url [');
  });
});
