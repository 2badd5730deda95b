/**
 * A WHATWG `fetch` over the core, for `Stripe.createFetchHttpClient(mock.fetch)`: no sockets and
 * no interception, so a request costs a function call. Requests for other origins are refused
 * loudly, as an unhandled request should be in a contract test.
 */
import type { StripeCore } from './core.js';
import { normalizeHeaders } from './request.js';

/** A WHATWG `fetch`, the shape `Stripe.createFetchHttpClient()` takes. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export function createFetchTransport(core: StripeCore, origin: string): FetchFunction {
  const expected = new URL(origin).origin;
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== expected) {
      throw new TypeError(
        `stripe-balance-kit mock.fetch only answers ${expected}; got a request for ${url.origin}. Point the client at the mock's host.`,
      );
    }
    request.signal.throwIfAborted();
    const outcome = await core.handle(
      {
        method: request.method,
        url: `${url.pathname}${url.search}`,
        headers: normalizeHeaders(request.headers),
        body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
      },
      { signal: request.signal },
    );
    request.signal.throwIfAborted();
    if (outcome.kind === 'network-error') throw new TypeError('fetch failed', { cause: outcome.error });
    const { status, headers, body } = outcome.response;
    return new Response(body, { status, headers });
  };
}
