/**
 * Every error this package throws. Each has a stable `code` to switch on, a message that names
 * the path and the fix, and a brand so `isStripeBalanceKitError` works across duplicate copies
 * of the package (an ESM and a CJS copy loaded side by side, say).
 */
import type { StripeErrorObject } from './types.js';

const BRAND = Symbol.for('stripe-balance-kit.error');

export class StripeBalanceKitError extends Error {
  readonly code: string;
  readonly [BRAND] = true;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export function isStripeBalanceKitError(value: unknown): value is StripeBalanceKitError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * A request Stripe would refuse, carried with the exact HTTP status and error body Stripe
 * answers with. The fixtures' `listPage` throws it for an unknown cursor; the mock serialises it.
 */
export class StripeApiError extends StripeBalanceKitError {
  readonly status: number;
  readonly error: StripeErrorObject;

  constructor(status: number, error: StripeErrorObject) {
    super(error.code ?? error.type, error.message ?? error.type);
    this.status = status;
    this.error = error;
  }

  /** The JSON body Stripe sends: `{ "error": { ... } }`. */
  toJSON(): { error: StripeErrorObject } {
    return { error: this.error };
  }
}

/** `404 resource_missing`, as Stripe answers for an id it does not know. */
export function resourceMissing(message: string, param?: string): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message,
    ...(param === undefined ? {} : { param }),
    doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
  });
}

/** `400 invalid_request_error` with an optional `code` and `param`. */
export function invalidRequest(
  message: string,
  options: { code?: string; param?: string } = {},
): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(options.code === undefined ? {} : { code: options.code }),
    ...(options.param === undefined ? {} : { param: options.param }),
  });
}
