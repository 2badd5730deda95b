/**
 * Every transport answers the same request exactly as the core does: methods Stripe has no
 * endpoint for on the four routes' paths, extra path segments, trailing slashes and hostile ids
 * get the same status, error `type` and `message` over nock, `mock.fetch`, the loopback server
 * and msw. Other paths are not claimed (nock and msw let them fall through to other mocks).
 */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtures } from '../../src/index.js';
import type { CustomerBalanceTransaction } from '../../src/types.js';
import type { RawRequest } from '../support/raw-http.js';
import { ORIGIN, type RunningTransport, TEST_KEY, TRANSPORTS } from '../support/transports.js';

const CUSTOMER = 'cus_ParityCustomer01';
const ledger = createFixtures({ seed: 'parity' }).ledger({ customer: CUSTOMER, currency: 'usd', count: 3 });
const TX = (ledger.at(-1) as CustomerBalanceTransaction).id;
const COLLECTION = `/v1/customers/${CUSTOMER}/balance_transactions`;
const ITEM = `${COLLECTION}/${TX}`;

const auth = { authorization: `Bearer ${TEST_KEY}` };
const form = { ...auth, 'content-type': 'application/x-www-form-urlencoded' };

interface Case {
  name: string;
  request: RawRequest;
  /** What the core answers; every transport must agree with it and with each other. */
  status: number;
  /** A fragment of the error message, when the answer is an error. */
  message?: string;
}

const unknownMethod = (method: string, path: string): Case => ({
  name: `${method} ${path === ITEM ? 'item' : 'collection'}`,
  request: { method, path, headers: auth, body: method === 'GET' ? undefined : '' },
  status: 404,
  message: `Unrecognized request URL (${method}: ${path})`,
});

const CASES: Case[] = [
  ...['DELETE', 'PUT', 'PATCH', 'OPTIONS'].flatMap((m) => [
    unknownMethod(m, COLLECTION),
    unknownMethod(m, ITEM),
  ]),
  {
    name: 'extra segment after the item',
    request: { method: 'GET', path: `${ITEM}/reverse`, headers: auth, body: undefined },
    status: 404,
    message: `Unrecognized request URL (GET: ${ITEM}/reverse)`,
  },
  {
    name: 'two extra segments on a POST',
    request: { method: 'POST', path: `${ITEM}/a/b`, headers: form, body: 'amount=1' },
    status: 404,
    message: `Unrecognized request URL (POST: ${ITEM}/a/b)`,
  },
  {
    name: 'empty item segment (double slash)',
    request: { method: 'GET', path: `${COLLECTION}//`, headers: auth, body: undefined },
    status: 404,
    message: 'Unrecognized request URL (GET: ',
  },
  {
    name: 'trailing slash on the collection lists',
    request: { method: 'GET', path: `${COLLECTION}/?limit=2`, headers: auth, body: undefined },
    status: 200,
  },
  {
    name: 'trailing slash on the item retrieves',
    request: { method: 'GET', path: `${ITEM}/`, headers: auth, body: undefined },
    status: 200,
  },
  {
    name: 'DELETE on the collection with a trailing slash',
    request: { method: 'DELETE', path: `${COLLECTION}/`, headers: auth, body: '' },
    status: 404,
    message: `Unrecognized request URL (DELETE: ${COLLECTION}/)`,
  },
  {
    name: 'markup in the customer id',
    request: {
      method: 'GET',
      path: '/v1/customers/cus_%3Cscript%3Ealert(1)%3C%2Fscript%3E/balance_transactions',
      headers: auth,
      body: undefined,
    },
    status: 404,
    message: "No such customer: 'cus_<script>alert(1)</script>'",
  },
  {
    name: 'NUL and quotes in the customer id',
    request: {
      method: 'GET',
      path: "/v1/customers/cus_%00'%22;DROP/balance_transactions",
      headers: auth,
      body: undefined,
    },
    status: 404,
    message: 'No such customer:',
  },
  {
    name: 'right-to-left override in the transaction id',
    request: { method: 'GET', path: `${COLLECTION}/cbtxn_%E2%80%AEevil`, headers: auth, body: undefined },
    status: 404,
    message: "No such customer balance transaction: 'cbtxn_\u202eevil'",
  },
  {
    name: 'broken percent-encoding in the id',
    request: { method: 'GET', path: `${COLLECTION}/cbtxn_%ZZ`, headers: auth, body: undefined },
    status: 404,
    message: "No such customer balance transaction: 'cbtxn_%ZZ'",
  },
  {
    name: 'a 5,000-character customer id',
    request: {
      method: 'GET',
      path: `/v1/customers/cus_${'x'.repeat(5000)}/balance_transactions`,
      headers: auth,
      body: undefined,
    },
    status: 404,
    message: 'No such customer:',
  },
  {
    name: 'an encoded slash inside the transaction id',
    request: { method: 'POST', path: `${COLLECTION}/cbtxn_a%2Fb`, headers: form, body: 'description=x' },
    status: 404,
    message: "No such customer balance transaction: 'cbtxn_a/b'",
  },
  ...['PUT', 'PATCH'].flatMap((m) => [
    {
      name: `${m} on the customers`,
      request: { method: m, path: '/v1/customers', headers: auth, body: '' },
      status: 404,
      message: `Unrecognized request URL (${m}: /v1/customers)`,
    },
    {
      name: `${m} on a customer`,
      request: { method: m, path: `/v1/customers/${CUSTOMER}`, headers: auth, body: '' },
      status: 404,
      message: `Unrecognized request URL (${m}: /v1/customers/${CUSTOMER})`,
    },
  ]),
  {
    name: 'DELETE on the customers collection',
    request: { method: 'DELETE', path: '/v1/customers/', headers: auth, body: '' },
    status: 404,
    message: 'Unrecognized request URL (DELETE: /v1/customers/)',
  },
  {
    name: 'trailing slash on a customer retrieves it',
    request: { method: 'GET', path: `/v1/customers/${CUSTOMER}/`, headers: auth, body: undefined },
    status: 200,
  },
  {
    name: 'trailing slash on the customers lists them',
    request: { method: 'GET', path: '/v1/customers/?limit=1', headers: auth, body: undefined },
    status: 200,
  },
  {
    name: 'markup in a customer id on the customer path',
    request: { method: 'GET', path: '/v1/customers/cus_%3Cb%3E', headers: auth, body: undefined },
    status: 404,
    message: "No such customer: 'cus_<b>'",
  },
  {
    name: 'broken percent-encoding in a customer id',
    request: { method: 'DELETE', path: '/v1/customers/cus_%ZZ', headers: auth, body: undefined },
    status: 404,
    message: "No such customer: 'cus_%ZZ'",
  },
  {
    name: 'an unknown parameter on delete',
    request: {
      method: 'DELETE',
      path: `/v1/customers/${CUSTOMER}?force=true`,
      headers: auth,
      body: undefined,
    },
    status: 400,
    message: 'Received unknown parameter: force',
  },
  {
    name: 'no key on an unknown method (routing comes first)',
    request: { method: 'PATCH', path: ITEM, headers: {}, body: '' },
    status: 404,
    message: `Unrecognized request URL (PATCH: ${ITEM})`,
  },
];

interface Answer {
  status: number;
  type: string | undefined;
  message: string | undefined;
}

const answers = new Map<string, Map<string, Answer>>();

describe.each(TRANSPORTS)('the same answers over $name', (transport) => {
  let running: RunningTransport;
  beforeAll(async () => {
    running = await transport.start();
    running.state.seed(ledger);
  });
  afterAll(async () => {
    await running.stop();
  });

  it.each(CASES)('$name', async ({ name, request, status, message }) => {
    const response = await running.raw(request);
    const body = JSON.parse(response.body) as { error?: { type?: string; message?: string } };
    expect(response.status, response.body.slice(0, 300)).toBe(status);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['request-id']).toMatch(/^req_/);
    if (message !== undefined) expect(body.error?.message).toContain(message);
    if (status >= 400) expect(body.error?.type).toBe('invalid_request_error');
    const byTransport = answers.get(name) ?? new Map<string, Answer>();
    byTransport.set(transport.kind, { status, type: body.error?.type, message: body.error?.message });
    answers.set(name, byTransport);
  });
});

describe('every transport gave the same answer', () => {
  it.each(CASES)('$name', ({ name }) => {
    const byTransport = answers.get(name);
    expect([...(byTransport?.keys() ?? [])].sort()).toEqual(TRANSPORTS.map((t) => t.kind).sort());
    const distinct = new Set([...(byTransport?.values() ?? [])].map((a) => JSON.stringify(a)));
    expect(distinct.size, JSON.stringify([...(byTransport ?? [])])).toBe(1);
  });
});

describe("paths outside the kit's routes are left to other mocks", () => {
  it.each(TRANSPORTS.filter((t) => t.kind === 'nock' || t.kind === 'msw'))(
    '$kind does not claim /v1/customers/{id}/sources (a user scope answers it)',
    async (transport) => {
      const running = await transport.start();
      const scope =
        transport.kind === 'nock'
          ? nock(ORIGIN).get(`/v1/customers/${CUSTOMER}/sources`).reply(200, { id: CUSTOMER })
          : undefined;
      try {
        if (transport.kind === 'nock') {
          const response = await running.raw({
            method: 'GET',
            path: `/v1/customers/${CUSTOMER}/sources`,
            headers: auth,
            body: undefined,
          });
          expect(response.status).toBe(200);
          expect(JSON.parse(response.body)).toEqual({ id: CUSTOMER });
          expect(scope?.isDone()).toBe(true);
        } else {
          // msw's onUnhandledRequest: 'error' refuses what no handler claims.
          await expect(
            running.raw({
              method: 'GET',
              path: `/v1/customers/${CUSTOMER}/sources`,
              headers: auth,
              body: undefined,
            }),
          ).rejects.toThrow();
        }
      } finally {
        nock.cleanAll();
        await running.stop();
      }
    },
  );
});
