/**
 * A WHATWG `fetch` over the core, for `Stripe.createFetchHttpClient(mock.fetch)`: no sockets and
 * no interception, so a request costs a function call. Requests for other origins are refused
 * loudly, as an unhandled request should be in a contract test.
 */
import type { StripeCore } from './core.js';
import { normalizeHeaders, type StripeRequest } from './exchange.js';

/** A WHATWG `fetch`, the shape `Stripe.createFetchHttpClient()` takes. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * The `Response` class itself. Interceptor libraries (nock 14 and msw, through
 * @mswjs/interceptors) replace the global with a proxy that builds a second `Headers` on every
 * construction to record raw header names — over a quarter of an in-process round trip. The
 * mock's own answers are never intercepted, so they skip that toll; the prototype still names the
 * real class whichever loaded first, us or them. Read on first use: touching `Response` loads
 * Node's fetch implementation, which an import of the package should not pay for.
 */
let seenResponse: typeof Response | undefined;
let nativeResponse: typeof Response | undefined;
function responseClass(): typeof Response {
  // Looked up again whenever the global changes (a test may stub it after the first call).
  if (globalThis.Response !== seenResponse) {
    seenResponse = globalThis.Response;
    nativeResponse = seenResponse.prototype.constructor as typeof Response;
  }
  return nativeResponse as typeof Response;
}

export function createFetchTransport(core: StripeCore, origin: string): FetchFunction {
  const expected = new URL(origin).origin;
  return async (input, init) => {
    const read = readPlainCall(input, init) ?? (await readRequest(new Request(input, init)));
    const { url } = read;
    if (url.origin !== expected) {
      throw new TypeError(
        `stripe-balance-kit mock.fetch only answers ${expected}; got a request for ${url.origin}. Point the client at the mock's host.`,
      );
    }
    const { signal } = read;
    signal?.throwIfAborted();
    const outcome = await core.handle(
      { method: read.method, url: `${url.pathname}${url.search}`, headers: read.headers, body: read.body },
      signal ? { signal } : {},
    );
    signal?.throwIfAborted();
    if (outcome.kind === 'network-error') throw new TypeError('fetch failed', { cause: outcome.error });
    const { status, headers, body } = outcome;
    return new (responseClass())(body, { status, headers });
  };
}

interface ReadCall extends Omit<StripeRequest, 'url'> {
  url: URL;
  signal: AbortSignal | undefined;
}

async function readRequest(request: Request): Promise<ReadCall> {
  return {
    method: request.method,
    url: new URL(request.url),
    headers: normalizeHeaders(request.headers),
    body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
    signal: request.signal,
  };
}

/** Methods `fetch` upper-cases whatever case they come in (the spec's "normalize a method"). */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
/** Methods `fetch` refuses outright. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
/** The `init` members the fast path reads; any other (mode, credentials, …) goes through `Request`. */
const PLAIN_INIT_KEYS = new Set(['method', 'headers', 'body', 'signal']);
/** A header name (and a method) is a token; a value is a byte string without CR, LF or NUL. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[^\r\n\0\u0100-\uffff]*$/;
const EDGE_WHITESPACE = /^[\t ]+|[\t ]+$/g;

/**
 * The call the official client makes — a URL string and an `init` of `method`, header pairs, a
 * string body and a signal — read straight from its arguments. Building a `Request` (and its
 * `Headers` and body stream) only to read them back was a fifth of the in-process round trip.
 * Anything else (a `Request`, a stream or form-data body, other `init` members, a `Headers` or
 * `Map`, odd methods or header bytes, credentials in the URL, a GET with a body) returns
 * `undefined` and goes through `Request`, which validates and throws exactly as `fetch` would.
 */
function readPlainCall(input: string | URL | Request, init: RequestInit | undefined): ReadCall | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  if (init !== undefined) {
    if (typeof init !== 'object' || init === null) return undefined;
    for (const key in init) if (!PLAIN_INIT_KEYS.has(key)) return undefined;
  }
  const body = init?.body;
  if (body !== undefined && body !== null && (typeof body !== 'string' || !isWellFormed(body)))
    return undefined;
  let method = init?.method ?? 'GET';
  if (typeof method !== 'string' || !TOKEN.test(method)) return undefined;
  const upper = method.toUpperCase();
  if (FORBIDDEN_METHODS.has(upper)) return undefined;
  if (NORMALIZED_METHODS.has(upper)) method = upper;
  if ((method === 'GET' || method === 'HEAD') && typeof body === 'string') return undefined;
  const headers = plainHeaders(init?.headers);
  if (!headers) return undefined;
  // What fetch does for a string body sent without a type.
  if (typeof body === 'string' && headers['content-type'] === undefined)
    headers['content-type'] = 'text/plain;charset=UTF-8';
  let url: URL;
  try {
    url = new URL(typeof input === 'string' ? input : input.href);
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '') return undefined;
  return { method, url, headers, body: body ?? '', signal: init?.signal ?? undefined };
}

/** No lone surrogates (fetch would encode them as U+FFFD); ES2024, in Node 20's V8 already. */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

function plainHeaders(init: HeadersInit | undefined): Record<string, string | undefined> | undefined {
  if (init === undefined) return {};
  let pairs: readonly unknown[];
  if (Array.isArray(init)) pairs = init;
  else {
    const proto: unknown = Object.getPrototypeOf(init);
    if (proto !== Object.prototype && proto !== null) return undefined;
    if (Object.getOwnPropertySymbols(init).length > 0) return undefined;
    pairs = Object.entries(init);
  }
  const out: Record<string, string | undefined> = {};
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) return undefined;
    const [name, value] = pair as [unknown, unknown];
    if (typeof name !== 'string' || typeof value !== 'string') return undefined;
    if (!TOKEN.test(name) || !HEADER_VALUE.test(value)) return undefined;
    const key = name.toLowerCase();
    // Fetch strips leading/trailing tabs and spaces and joins repeated names with ", ".
    const trimmed = value.replace(EDGE_WHITESPACE, '');
    out[key] = Object.hasOwn(out, key) ? `${out[key]}, ${trimmed}` : trimmed;
  }
  return out;
}
