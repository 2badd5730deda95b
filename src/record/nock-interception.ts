/**
 * nock interception for recordings: every path of each origin, answered by the session. Unlike
 * the mock's nock transport (four routes only), a recording takes all the client's traffic to the
 * API, so a test that also calls another Stripe endpoint is recorded (and replayed) whole.
 */
import { syncBuiltinESMExports } from 'node:module';
import nock from 'nock';
import { normalizeHeaders } from '../mock/request.js';
import { type Answer, FORWARDED_HEADER } from './sessions.js';

/** What nock exposes as `this.req` inside a reply function. */
interface NockRequest {
  headers: Record<string, string | string[]>;
}

/** Every method a client may send: one left out would slip past the recorder to the network (`allowUnmocked`). */
const METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS'] as const;

/**
 * Intercepts `origins` until `remove()`. With `letForwardedThrough`, requests that carry the
 * recorder's marker header do not match and go to the network (`allowUnmocked`): that is how
 * the recorder reaches an upstream it is itself intercepting.
 */
export function interceptOrigins(
  origins: readonly string[],
  answer: Answer,
  options: { letForwardedThrough: boolean },
): { remove: () => void } {
  const interceptors = origins.flatMap((origin) => {
    const scope = nock(
      origin,
      options.letForwardedThrough ? { allowUnmocked: true, badheaders: [FORWARDED_HEADER] } : {},
    ).persist();
    return METHODS.map((method) => {
      const interceptor = scope.intercept(() => true, method).query(true);
      interceptor.reply(async function (this: { req: NockRequest }, uri, body) {
        const outcome = await answer({
          method,
          url: `${origin}${uri}`,
          headers: normalizeHeaders(this.req.headers),
          // nock hands over JSON-looking bodies already parsed; the wire format is text, so undo that.
          body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
        });
        if (outcome.kind === 'network-error') throw outcome.error;
        return [outcome.status, outcome.body, outcome.headers];
      });
      return interceptor;
    });
  });
  // As in the mock's nock transport: ESM importers of node:http(s) see the patch once synced.
  syncBuiltinESMExports();
  return {
    remove() {
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
    },
  };
}
