/**
 * `mock.fetch` reads the official client's plain calls straight from their arguments and sends
 * anything else through `Request`. Both paths must see the same request and fail the same way
 * `fetch` does, whichever shape the caller used.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtures, mockStripe } from '../../src/index.js';

const CUSTOMER = 'cus_FetchShapes0001';
const mocks: ReturnType<typeof mockStripe>[] = [];
function freshMock() {
  const mock = mockStripe();
  mock.seed(
    createFixtures({ seed: 'fetch-shapes' }).ledger({ customer: CUSTOMER, currency: 'usd', count: 3 }),
  );
  mocks.push(mock);
  return mock;
}
afterEach(() => {
  for (const mock of mocks.splice(0)) mock.restore();
});

type Call = (url: string) => [string | URL | Request, RequestInit?];
const path = `/v1/customers/${CUSTOMER}/balance_transactions`;

// The same create, expressed in every shape fetch accepts.
const createShapes: Record<string, Call> = {
  'string + header pairs (the official client)': (url) => [
    url,
    {
      method: 'POST',
      headers: [
        ['Authorization', 'Bearer sk_test_shapes'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Idempotency-Key', 'key-1'],
        ['X-Twice', ' a\t'],
        ['x-twice', 'b '],
      ],
      body: 'amount=-500&currency=usd&metadata[k]=v',
    },
  ],
  'URL + header record + lower-case method': (url) => [
    new URL(url),
    {
      method: 'post',
      headers: {
        authorization: 'Bearer sk_test_shapes',
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': 'key-1',
        'x-twice': 'a, b',
      },
      body: 'amount=-500&currency=usd&metadata[k]=v',
    },
  ],
  'Headers instance': (url) => [
    url,
    {
      method: 'POST',
      headers: new Headers([
        ['Authorization', 'Bearer sk_test_shapes'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Idempotency-Key', 'key-1'],
        ['X-Twice', 'a'],
        ['X-Twice', 'b'],
      ]),
      body: 'amount=-500&currency=usd&metadata[k]=v',
    },
  ],
  Request: (url) => [
    new Request(url, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer sk_test_shapes',
        'Content-Type': 'application/x-www-form-urlencoded',
        'Idempotency-Key': 'key-1',
        'X-Twice': 'a, b',
      },
      body: 'amount=-500&currency=usd&metadata[k]=v',
    }),
  ],
  'byte body (URLSearchParams)': (url) => [
    url,
    {
      method: 'POST',
      headers: [
        ['Authorization', 'Bearer sk_test_shapes'],
        ['Idempotency-Key', 'key-1'],
        ['X-Twice', 'a, b'],
      ],
      body: new URLSearchParams([
        ['amount', '-500'],
        ['currency', 'usd'],
        ['metadata[k]', 'v'],
      ]),
    },
  ],
};

describe('mock.fetch reads every shape of call the same way', () => {
  for (const [name, call] of Object.entries(createShapes)) {
    it(`creates from ${name}`, async () => {
      const mock = freshMock();
      const response = await mock.fetch(...call(`${mock.origin}${path}`));
      expect(response).toBeInstanceOf(Response);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { amount: number; metadata: Record<string, string> };
      expect(body).toMatchObject({ amount: -500, metadata: { k: 'v' } });
      const recorded = mock.requests.at(-1);
      expect(recorded).toMatchObject({
        method: 'POST',
        path,
        idempotencyKey: 'key-1',
        body: { amount: '-500', currency: 'usd', metadata: { k: 'v' } },
      });
      expect(recorded?.headers['x-twice']).toBe('a, b');
      expect(recorded?.headers.authorization).not.toContain('sk_test_shapes');
    });
  }

  it('reads a GET with a query from a string URL', async () => {
    const mock = freshMock();
    const response = await mock.fetch(`${mock.origin}${path}?limit=2`, {
      headers: [['Authorization', 'Bearer sk_test_shapes']],
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(2);
    expect(mock.requests.at(-1)).toMatchObject({ method: 'GET', query: { limit: '2' } });
  });
});

describe('mock.fetch refuses what fetch refuses', () => {
  const refused: Record<string, RequestInit> = {
    'a GET with a body': { method: 'GET', body: 'amount=1' },
    'a header value with a line break': { headers: [['Authorization', 'Bearer sk_test_x\r\nX-Evil: 1']] },
    'a header name that is not a token': { headers: [['Bad Name', 'x']] },
    'a header value beyond Latin-1': { headers: [['X-Name', 'Ω']] },
    'a malformed header pair': { headers: [['Authorization']] as unknown as [string, string][] },
  };
  for (const [name, init] of Object.entries(refused)) {
    it(`throws TypeError for ${name}, as new Request() does`, async () => {
      const mock = freshMock();
      const url = `${mock.origin}${path}`;
      expect(() => new Request(url, init)).toThrow(TypeError);
      await expect(mock.fetch(url, init)).rejects.toThrow(TypeError);
      expect(mock.requests).toHaveLength(0);
    });
  }

  it('refuses what Request refuses even in the plain shape: forbidden methods, credentials, odd init', async () => {
    const mock = freshMock();
    const url = `${mock.origin}${path}`;
    const auth: [string, string][] = [['Authorization', 'Bearer sk_test_shapes']];
    const calls: [string, RequestInit][] = [
      [url, { method: 'CONNECT', headers: auth }],
      [url, { method: 'trace', headers: auth }],
      [url, { method: 'po\u017Ft', headers: auth, body: 'amount=-1&currency=usd' }],
      [url.replace('https://', 'https://user:pass@'), { headers: auth }],
      [url, { headers: auth, mode: 'navigate' }],
      [url, { headers: { [Symbol('x')]: 'y', Authorization: 'Bearer sk_test_shapes' } as never }],
    ];
    for (const [target, init] of calls) {
      expect(() => new Request(target, init)).toThrow(TypeError);
      await expect(mock.fetch(target, init)).rejects.toThrow(TypeError);
    }
    expect(mock.requests).toHaveLength(0);
  });

  it('reads what Request reads where the plain shape could differ', async () => {
    const mock = freshMock();
    const url = `${mock.origin}${path}`;
    // A string body without a type is text/plain to fetch, so the mock refuses it as Stripe would.
    const untyped = await mock.fetch(url, {
      method: 'POST',
      headers: [['Authorization', 'Bearer sk_test_shapes']],
      body: 'amount=-1&currency=usd',
    });
    expect(untyped.status).toBe(400);
    expect(mock.requests.at(-1)?.headers['content-type']).toBe('text/plain;charset=UTF-8');
    // A Map of headers is read like any iterable of pairs; a header named like an Object member is a header.
    const viaMap = await mock.fetch(`${url}?limit=1`, {
      headers: new Map([
        ['Authorization', 'Bearer sk_test_shapes'],
        ['constructor', 'a'],
      ]) as never,
    });
    expect(viaMap.status).toBe(200);
    expect(mock.requests.at(-1)?.headers.constructor).toBe('a');
    // A method that is not a string is stringified, as fetch does.
    await expect(
      mock.fetch(url, { method: 5 as never, headers: [['Authorization', 'Bearer sk_test_shapes']] }),
    ).resolves.toHaveProperty('status', 404);
  });

  it('answers with the Response class of the moment, even a stubbed one', async () => {
    const mock = freshMock();
    const Original = globalThis.Response;
    class StubbedResponse extends Original {}
    globalThis.Response = StubbedResponse;
    try {
      const response = await mock.fetch(`${mock.origin}${path}?limit=1`, {
        headers: [['Authorization', 'Bearer sk_test_shapes']],
      });
      expect(response).toBeInstanceOf(StubbedResponse);
    } finally {
      globalThis.Response = Original;
    }
  });

  it('refuses another origin whatever the shape', async () => {
    const mock = freshMock();
    await expect(mock.fetch('https://example.com/v1/customers')).rejects.toThrow(/only answers/);
    await expect(mock.fetch(new Request('https://example.com/v1/customers'))).rejects.toThrow(/only answers/);
  });

  it('rejects with the abort reason when the signal is already aborted', async () => {
    const mock = freshMock();
    const controller = new AbortController();
    controller.abort(new Error('gave up'));
    await expect(
      mock.fetch(`${mock.origin}${path}`, {
        headers: [['Authorization', 'Bearer sk_test_shapes']],
        signal: controller.signal,
      }),
    ).rejects.toThrow('gave up');
  });
});
