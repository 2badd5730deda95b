/**
 * A WHATWG `fetch` over the core, for `Stripe.createFetchHttpClient(mock.fetch)`: no sockets and
 * no interception, so a request costs a function call. Requests for other origins are refused
 * loudly, as an unhandled request should be in a contract test.
 */
import type { StripeCore } from './core.js';
import { normalizeHeaders, type StripeRequest } from './request.js';

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
let nativeResponse: typeof Response | undefined;
function responseClass(): typeof Response {
  nativeResponse ??= globalThis.Response.prototype.constructor as typeof Response;
  return nativeResponse;
}

export function createFetchTransport(core: StripeCore, origin: string): FetchFunction {
  const expected = new URL(origin).origin;
  return async (input, init) => {
    const read = readPlainCall(input, init) ?? (await readRequest(new Request(input, init)));
    const url = new URL(read.url);
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
    const { status, headers, body } = outcome.response;
    return new (responseClass())(body, { status, headers });
  };
}

interface ReadCall extends Omit<StripeRequest, 'url'> {
  /** The absolute URL as given. */
  url: string;
  signal: AbortSignal | undefined;
}

async function readRequest(request: Request): Promise<ReadCall> {
  return {
    method: request.method,
    url: request.url,
    headers: normalizeHeaders(request.headers),
    body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
    signal: request.signal,
  };
}

/** Methods `fetch` upper-cases whatever case they come in (the spec's "normalize a method"). */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
/** A header name is a token; a value is a byte string without CR, LF or NUL (what `Headers` accepts). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[^\r\n\0\u0100-\uffff]*$/;
const EDGE_WHITESPACE = /^[\t ]+|[\t ]+$/g;

/**
 * The call the official client makes — a URL string and an `init` with a string body and header
 * pairs — read straight from its arguments. Building a `Request` (and its `Headers`) only to read
 * them back was a fifth of the in-process round trip. Anything else (a `Request`, a stream or
 * form-data body, odd headers, a GET with a body) returns `undefined` and goes through `Request`,
 * which validates and throws exactly as `fetch` would.
 */
function readPlainCall(input: string | URL | Request, init: RequestInit | undefined): ReadCall | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  const body = init?.body;
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  let method = init?.method ?? 'GET';
  const upper = method.toUpperCase();
  if (NORMALIZED_METHODS.has(upper)) method = upper;
  else if (!HEADER_NAME.test(method)) return undefined;
  if ((method === 'GET' || method === 'HEAD') && typeof body === 'string') return undefined;
  const headers = plainHeaders(init?.headers);
  if (!headers) return undefined;
  return {
    method,
    url: typeof input === 'string' ? input : input.href,
    headers,
    body: body ?? '',
    signal: init?.signal ?? undefined,
  };
}

function plainHeaders(init: HeadersInit | undefined): Record<string, string | undefined> | undefined {
  if (init === undefined) return {};
  if (init instanceof Headers) return undefined;
  const pairs: Iterable<unknown> = Array.isArray(init) ? init : Object.entries(init);
  const out: Record<string, string | undefined> = {};
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) return undefined;
    const [name, value] = pair as [unknown, unknown];
    if (typeof name !== 'string' || typeof value !== 'string') return undefined;
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) return undefined;
    const key = name.toLowerCase();
    // Fetch strips leading/trailing tabs and spaces and joins repeated names with ", ".
    const trimmed = value.replace(EDGE_WHITESPACE, '');
    const seen = out[key];
    out[key] = seen === undefined ? trimmed : `${seen}, ${trimmed}`;
  }
  return out;
}
