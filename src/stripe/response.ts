/**
 * How Stripe answers: the JSON body as its API prints it (two-space indent, trailing newline) and
 * the headers every response carries. The mock core, the loopback server's own refusals and the
 * replayer's refusals all build their responses here.
 */
import type { StripeApiError } from '../errors.js';
import { STRIPE_API_VERSION } from '../generated/spec-version.js';
import { bounded } from './api-errors.js';

/** The API version the contract describes, the one answered when a request names none. */
export { STRIPE_API_VERSION };

/** An HTTP response as Stripe sends it. */
export interface StripeResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** JSON text. */
  body: string;
}

/** What a response says about the request it answers. */
export interface ResponseMeta {
  /** `Request-Id`; omitted when there is none (a replayed refusal). */
  requestId?: string | undefined;
  /** The `Stripe-Version` the client asked for; the spec's version when it asked for none. */
  apiVersion?: string | undefined;
  /** Echoed on POSTs that carried one. */
  idempotencyKey?: string | undefined;
  /** More headers (`Stripe-Should-Retry`, …). */
  extra?: Record<string, string>;
}

/** Stripe's pretty-printed JSON. */
export function jsonBody(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A response with Stripe's headers around `body`. */
export function stripeResponse(status: number, body: unknown, meta: ResponseMeta = {}): StripeResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (meta.requestId !== undefined) headers['request-id'] = meta.requestId;
  headers['stripe-version'] = meta.apiVersion || STRIPE_API_VERSION;
  headers['cache-control'] = 'no-cache, no-store';
  if (meta.idempotencyKey) headers['idempotency-key'] = meta.idempotencyKey;
  if (meta.extra) Object.assign(headers, meta.extra);
  return { status, headers, body: jsonBody(body) };
}

/** Stripe's error envelope for `error`, its message and param cut to what the contract allows. */
export function errorResponse(error: StripeApiError, meta: ResponseMeta = {}): StripeResponse {
  const sent = bounded(error);
  return stripeResponse(sent.status, sent.toJSON(), meta);
}
