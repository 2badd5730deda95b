/** The transport-agnostic shapes every transport (nock, fetch, a loopback server) speaks. */

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

/** An HTTP response from the core. */
export interface StripeResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text. */
  body: string;
}

/** What the core decided: answer, or drop the connection (fault injection). */
export type StripeOutcome =
  | { kind: 'response'; response: StripeResponse }
  | { kind: 'network-error'; error: NodeJS.ErrnoException };

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
