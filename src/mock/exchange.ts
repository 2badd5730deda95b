/**
 * The request/response pair every transport speaks (nock, `fetch`, the loopback server, msw) and
 * the recorder's sessions answer: transports only turn their wire shapes into these and back.
 */
import type { StripeResponse } from '../stripe/response.js';

export type { StripeResponse };

/** An HTTP request as the core sees it. */
export interface StripeRequest {
  method: string;
  /** Path with query string, e.g. `/v1/customers/cus_1/balance_transactions?limit=3`. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The raw (form-encoded) body; '' when there is none. */
  body: string;
}

/** What was decided: answer, or drop the connection (fault injection, an unreachable upstream). */
export type StripeOutcome =
  | ({ kind: 'response' } & StripeResponse)
  | { kind: 'network-error'; error: NodeJS.ErrnoException };

/** Answers one request; `origin` is where the client sent it (`https://api.stripe.com`). */
export type Answer = (request: StripeRequest, origin: string, signal?: AbortSignal) => Promise<StripeOutcome>;

/** Lower-cases header names and joins repeated values, from any of the shapes transports use. */
export function normalizeHeaders(
  headers: Record<string, string | string[] | number | undefined> | Iterable<[string, string]>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const entries: Iterable<[string, unknown]> =
    Symbol.iterator in headers ? (headers as Iterable<[string, string]>) : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
