/**
 * The one nock adapter: interceptors for every method on the paths an owner claims, each request
 * handed to its `answer` as a {@link StripeRequest}. The mock claims the kit's routes' paths
 * (other paths stay free for the user's own nock scopes); the recorder claims every path of its
 * origins. `remove()` takes out exactly the interceptors it added.
 */
import { syncBuiltinESMExports } from 'node:module';
// nock is imported, not loaded on first use like Faker: it replaces `globalThis.fetch` as it
// loads, and `Stripe.createFetchHttpClient()` keeps the `fetch` it finds when the client is built,
// so a client built at the top of a test file, before `mockStripe()`, must already find nock's.
// That costs ~55 ms of an import; `stripe-balance-kit/contract` is the entry without it.
import nock from 'nock';
import { type Answer, normalizeHeaders } from './exchange.js';

/**
 * Every method a client may send: one left out would reach nock's no-match error (or the network,
 * with `allowUnmocked`) instead of the owner's answer.
 */
const METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS'] as const;

/**
 * What nock exposes as `this.req` inside a reply function. It is nock's copy of the request, not
 * the client's: a late answer is really late, but nock cannot trip the Node client's socket
 * timeout from here (the fetch transport honours the client's `timeout`).
 */
interface NockRequest {
  headers: Record<string, string | string[]>;
}

export interface NockInterception {
  /** The origins to intercept (`https://api.stripe.com`). */
  origins: readonly string[];
  /** Which paths (no query string) are the owner's; other requests fall through to other scopes. */
  claims: (path: string) => boolean;
  answer: Answer;
  /** Requests carrying this header are not intercepted and go to the network (the recorder's own). */
  letThroughHeader?: string;
}

export function interceptWithNock(options: NockInterception): { remove: () => void } {
  const { claims, answer, letThroughHeader } = options;
  const matches = (uri: string) => claims(uri.split('?', 1)[0] ?? uri);
  const interceptors = options.origins.flatMap((origin) => {
    const scope = nock(
      origin,
      letThroughHeader === undefined ? {} : { allowUnmocked: true, badheaders: [letThroughHeader] },
    ).persist();
    return METHODS.map((method) => {
      const interceptor = scope.intercept(matches, method).query(true);
      interceptor.reply(async function (this: { req: NockRequest }, uri, body) {
        const outcome = await answer(
          {
            method,
            url: uri,
            headers: normalizeHeaders(this.req.headers),
            // nock hands over JSON-looking bodies already parsed; the wire format is text, so undo that.
            body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
          },
          origin,
        );
        if (outcome.kind === 'network-error') throw outcome.error;
        return [outcome.status, outcome.body, outcome.headers];
      });
      return interceptor;
    });
  });
  // ESM importers of node:http(s) see CJS-side patches only once builtin exports are synced;
  // syncing here keeps a `stripe` client imported before us on the intercepted path (nock#2461).
  // test/mock/module-order.test.ts checks ESM and CJS importers with stripe loaded first.
  syncBuiltinESMExports();
  return {
    remove() {
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
    },
  };
}
