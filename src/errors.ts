/**
 * Every error class and code of the package, in one place. Each error has a stable `code` to
 * switch on, a message that names the path and the fix, and a brand so `isStripeBalanceKitError`
 * works across duplicate copies of the package (an ESM and a CJS copy loaded side by side, say).
 * The data shape of a contract finding lives here too: `ContractError` carries them.
 *
 * This module is the floor of the package: it imports nothing but generated types.
 */
import type { components } from './generated/types.js';

const BRAND = Symbol.for('stripe-balance-kit.error');

/** The `error` member of Stripe's error envelope. */
export type StripeErrorObject = components['schemas']['api_error'];

/** Every `code` an error of this package can carry (besides a {@link StripeApiError}'s Stripe codes). */
export type StripeBalanceKitErrorCode =
  | FixtureOptionsErrorCode
  | ContractErrorCode
  | RecordingErrorCode
  | MockErrorCode
  | PagingErrorCode
  /** The package was loaded on a Node.js outside `engines` (22.0–22.11, say). */
  | 'unsupported_node';

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
 * answers with. `code` is Stripe's `error.code` (or its `type` when Stripe sends no code). The
 * fixtures' `listPage` throws it for an unknown cursor; the mock serialises it. Build them with
 * the constructors of `src/stripe/api-errors.ts`.
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

// --- fixtures -------------------------------------------------------------------------------

/** Stable codes of {@link FixtureOptionsError}. */
export type FixtureOptionsErrorCode =
  /** A single option has a value of the wrong shape or outside its range. */
  | 'invalid_fixture_option'
  /** `types` (with `startingBalance`, `count`) admits no ledger that follows Stripe's rules. */
  | 'unsatisfiable_ledger_types';

/**
 * Options the fixture factory cannot honour: a `count` that is not a whole number, a currency
 * Stripe doesn't support, a `start`/`end` window too small for `count` distinct seconds, or a
 * `types` restriction under which no valid ledger exists (only `unapplied_from_invoice`, say,
 * which must reverse an earlier `applied_to_invoice`). `option` names the offending option;
 * the message says how to fix it.
 */
export class FixtureOptionsError extends StripeBalanceKitError {
  declare readonly code: FixtureOptionsErrorCode;
  /** The option at fault, as named in the API (`types`, `count`, `start`, ...). */
  readonly option: string;

  constructor(code: FixtureOptionsErrorCode, option: string, message: string) {
    super(code, message);
    this.option = option;
  }
}

/** Stable codes of the ledger index's misuse errors (`StripeBalanceKitError` with these codes). */
export type PagingErrorCode =
  /** Two transactions of one customer share an id. */
  | 'duplicate_transaction_id'
  /** A transaction to replace is not in the ledger. */
  | 'unknown_transaction';

// --- contract checks ------------------------------------------------------------------------

/** Codes of findings that come from the JSON Schema. */
export type SchemaIssueCode =
  | 'missing_property'
  | 'unknown_property'
  | 'wrong_type'
  | 'not_nullable'
  | 'enum_mismatch'
  | 'format'
  | 'pattern'
  | 'too_long'
  | 'too_short'
  | 'too_many_items'
  | 'too_few_items'
  | 'too_many_properties'
  | 'too_few_properties'
  | 'out_of_range'
  | 'invalid_property_name'
  | 'mutually_exclusive'
  | 'no_matching_alternative'
  | 'schema_violation';

/** Codes of findings from the semantic layer (rules the schema cannot express). */
export type SemanticIssueCode =
  | 'id_prefix'
  | 'type_link_mismatch'
  | 'list_order'
  | 'ending_balance_chain'
  | 'list_url_mismatch'
  | 'balance_sign';

/**
 * Codes of findings about the call itself, a value that cannot be inspected, or a request Stripe
 * would refuse (`stripe_refused`: a recorded request body the API answers with a 400, with
 * Stripe's `param` as the path).
 */
export type InputIssueCode =
  | 'unknown_kind'
  | 'invalid_option'
  | 'unreadable_value'
  | 'invalid_json'
  | 'stripe_refused';

/** Every stable issue code; switch on it rather than on messages. */
export type ContractIssueCode = SchemaIssueCode | SemanticIssueCode | InputIssueCode;

/** One finding: where (`path`), what (`code`, `message`), and the two sides of the comparison. */
export interface ContractIssue {
  /** JSON pointer (RFC 6901) into the checked value, e.g. `/data/3/metadata`; `""` is the value itself. */
  path: string;
  /** Stable machine-readable code. */
  code: ContractIssueCode;
  /** The JSON Schema keyword that failed (`required`, `type`, …), or `semantic` / `input`. */
  keyword: string;
  /** One human sentence naming the problem. */
  message: string;
  /** What the contract wants at `path`. */
  expected: string;
  /** A short, safely truncated preview of what was found at `path`. */
  received: string;
}

/** Stable codes of {@link ContractError}. */
export type ContractErrorCode = 'contract_violation' | 'unknown_kind';

/**
 * A value that breaks the contract, thrown by `assertContract` and the `toMatchContract`
 * matchers. `code` is `contract_violation` (or `unknown_kind` for a kind the contract does not
 * know); `errors` and `warnings` carry every finding, the message lists each failing path with
 * what was expected and received.
 */
export class ContractError extends StripeBalanceKitError {
  declare readonly code: ContractErrorCode;
  /** The contract kind the value was checked against. */
  readonly kind: string;
  /** Every failing finding, as `validate` returns them. */
  readonly errors: readonly ContractIssue[];
  /** Findings that did not fail the check (unknown properties or enum values in tolerant mode). */
  readonly warnings: readonly ContractIssue[];

  constructor(
    code: ContractErrorCode,
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

// --- mock -----------------------------------------------------------------------------------

/** Stable codes of the mock's own errors (misuse of the handle, refused answers). */
export type MockErrorCode =
  /** `seed()` got something that is not a valid, new transaction ({@link InvalidSeedError}). */
  | 'invalid_seed'
  /** The mock refused to send an answer that breaks the contract ({@link MockContractViolationError}). */
  | 'mock_contract_violation'
  /** `failNext()` got a fault it cannot inject. */
  | 'invalid_fault'
  /** `customers.add()` with an id the mock already has. */
  | 'customer_exists'
  /** `customers.add()` with a `balance` but no `currency`. */
  | 'currency_required'
  /** Options of `mockStripe()` / `startStripeServer()` / `stripeHandlers()` it cannot honour. */
  | 'invalid_mock_option';

/** `seed()` was given something that is not a valid, new customer_balance_transaction. Code `invalid_seed`. */
export class InvalidSeedError extends StripeBalanceKitError {
  declare readonly code: 'invalid_seed';
  constructor(message: string) {
    super('invalid_seed', message);
  }
}

/** A response the mock was about to send that breaks the contract: the mock refuses to send it. */
export class MockContractViolationError extends StripeBalanceKitError {
  declare readonly code: 'mock_contract_violation';
  constructor(message: string) {
    super('mock_contract_violation', message);
  }
}

// --- record and replay ----------------------------------------------------------------------

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
  declare readonly code: RecordingErrorCode;
  /** The recording file concerned, when there is one. */
  readonly file: string | undefined;

  constructor(code: RecordingErrorCode, message: string, file?: string) {
    super(code, message);
    this.file = file;
  }
}
