/**
 * Every error this package throws. Each has a stable `code` to switch on, a message that names
 * the path and the fix, and a brand so `isStripeBalanceKitError` works across duplicate copies
 * of the package (an ESM and a CJS copy loaded side by side, say).
 */
import type { StripeErrorObject } from './types.js';

const BRAND = Symbol.for('stripe-balance-kit.error');

/** The base class of every error this package throws; switch on `code`. */
export class StripeBalanceKitError extends Error {
  readonly code: string;
  readonly [BRAND] = true;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** True for errors of this package, even from another copy of it (ESM and CJS side by side). */
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

/**
 * Options the fixture factory cannot honour: a `count` that is not a whole number, a currency
 * Stripe doesn't support, a `start`/`end` window too small for `count` distinct seconds, or a
 * `types` restriction under which no valid ledger exists (only `unapplied_from_invoice`, say,
 * which must reverse an earlier `applied_to_invoice`). `option` names the offending option;
 * the message says how to fix it.
 */
export class FixtureOptionsError extends StripeBalanceKitError {
  /** The option at fault, as named in the API (`types`, `count`, `start`, ...). */
  readonly option: string;

  constructor(code: FixtureOptionsErrorCode, option: string, message: string) {
    super(code, message);
    this.option = option;
  }
}

/** Stable codes of {@link FixtureOptionsError}. */
export type FixtureOptionsErrorCode =
  /** A single option has a value of the wrong shape or outside its range. */
  | 'invalid_fixture_option'
  /** `types` (with `startingBalance`, `count`) admits no ledger that follows Stripe's rules. */
  | 'unsatisfiable_ledger_types';

type ContractIssue = import('./contract/types.js').ContractIssue;

/**
 * A value that breaks the contract, thrown by `assertContract` and the `toMatchContract`
 * matchers. `code` is `contract_violation` (or `unknown_kind` for a kind the contract does not
 * know); `errors` and `warnings` carry every finding, the message lists each failing path with
 * what was expected and received.
 */
export class ContractError extends StripeBalanceKitError {
  /** The contract kind the value was checked against. */
  readonly kind: string;
  /** Every failing finding, as `validate` returns them. */
  readonly errors: readonly ContractIssue[];
  /** Findings that did not fail the check (unknown properties in tolerant mode). */
  readonly warnings: readonly ContractIssue[];

  constructor(
    code: 'contract_violation' | 'unknown_kind',
    kind: string,
    errors: readonly ContractIssue[],
    warnings: readonly ContractIssue[],
    message: string,
  ) {
    super(code, message);
    this.kind = kind;
    this.errors = errors;
    this.warnings = warnings;
  }
}

/** Stable codes of {@link RecordingError}. */
export type RecordingErrorCode =
  /** `mode: 'replay'` and the recording file does not exist. */
  | 'recording_not_found'
  /** The recording file is not a HAR document `recordStripe` can replay. */
  | 'recording_invalid'
  /** `recordStripe` was called with options it cannot honour (no `dir`, an unknown `mode`, …). */
  | 'invalid_recording_options';

/**
 * `recordStripe` cannot start: the recording to replay is missing or unreadable, or the options
 * are wrong. The message names the file and the fix. (A request the recording does not hold is
 * not thrown: it is answered with an error response and listed by `stop()`.)
 */
export class RecordingError extends StripeBalanceKitError {
  /** The recording file concerned, when there is one. */
  readonly file: string | undefined;

  constructor(code: RecordingErrorCode, message: string, file?: string) {
    super(code, message);
    this.file = file;
  }
}
