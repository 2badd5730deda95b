/**
 * The nock transport: interceptors for the four routes on one origin, answering from the core.
 * Only our routes are intercepted, so other nock scopes (even on the same host) keep working,
 * and `remove()` takes out exactly the interceptors it added.
 */
import { syncBuiltinESMExports } from 'node:module';
// nock is imported, not loaded on first use like Faker: it replaces `globalThis.fetch` as it
// loads, and `Stripe.createFetchHttpClient()` keeps the `fetch` it finds when the client is built,
// so a client built at the top of a test file, before `mockStripe()`, must already find nock's.
// That costs ~55 ms of an import; `stripe-balance-kit/contract` is the entry without it.
import nock from 'nock';
import type { StripeCore } from './core.js';
import { route } from './core.js';
import { normalizeHeaders } from './request.js';

type ReplyTuple = [number, string, Record<string, string>];

/**
 * What nock exposes as `this.req` inside a reply function. It is nock's copy of the request, not
 * the client's: a late answer is really late, but nock cannot trip the Node client's socket
 * timeout from here (the fetch transport honours the client's `timeout`).
 */
interface NockRequest {
  headers: Record<string, string | string[]>;
}

export function installNockTransport(core: StripeCore, origin: string): { remove: () => void } {
  const scope = nock(origin).persist();
  const matches = (method: string) => (uri: string) =>
    route(method, uri.split('?', 1)[0] ?? uri) !== undefined;
  const interceptors = (['GET', 'POST'] as const).map((method) => {
    const interceptor = scope.intercept(matches(method), method).query(true);
    interceptor.reply(async function (this: { req: NockRequest }, uri, body) {
      const outcome = await core.handle({
        method,
        url: uri,
        headers: normalizeHeaders(this.req.headers),
        // nock hands over JSON-looking bodies already parsed; the wire format is a form, so undo that.
        body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
      });
      if (outcome.kind === 'network-error') throw outcome.error;
      const { status, body: text, headers } = outcome.response;
      return [status, text, headers] satisfies ReplyTuple;
    });
    return interceptor;
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
