/**
 * The msw adapter: one request handler that hands the kit's routes' paths (every method) on
 * `origin` to a core, as the nock adapter claims them, and lets every other request fall through
 * to the next handler. Only the `stripe-balance-kit/msw` entry loads it (msw is an optional peer).
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { isOwnPath } from '../stripe/routes.js';
import type { StripeCore } from './core.js';
import { normalizeHeaders } from './exchange.js';

export function mswHandler(core: StripeCore, origin: string): HttpHandler {
  // One handler for the whole customers tree, claiming (for every method) the paths the nock
  // transport claims (see isOwnPath), answered by the core, 404 included.
  // A RegExp without groups, not a path pattern: msw decodes a pattern's parameters with
  // decodeURIComponent and throws on an id like `cbtxn_%ZZ`, which Stripe answers with a 404.
  const claimed = new RegExp(`^${origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/v1/customers(?:[/?#]|$)`);
  return http.all(claimed, async ({ request }) => {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    // Not one of the kit's paths: fall through to the next handler, as nock's other scopes would.
    if (!isOwnPath(url.pathname)) return undefined;
    const outcome = await core.handle(
      {
        method,
        url: `${url.pathname}${url.search}`,
        headers: normalizeHeaders(request.headers),
        body: method === 'GET' || method === 'HEAD' ? '' : await request.text(),
      },
      { signal: request.signal },
    );
    // msw's network error: fetch rejects with a TypeError, the Node client sees the socket fail.
    if (outcome.kind === 'network-error') return HttpResponse.error();
    const { status, headers, body } = outcome;
    return new HttpResponse(body, { status, headers });
  });
}
