/** Checks one parsed record: picks its contract kind (given or detected) and validates it. */
import { preview } from '../../../contract/preview.js';
import type { ContractKind, ValidateOptions } from '../../../contract/types.js';
import type { ContractIssue } from '../../../errors.js';
import { validate } from '../../../contract/validate.js';
import { matchRoute, ROUTES, responseKindOf } from '../../../stripe/routes.js';
import type { RecordOutcome } from './outcome.js';

/** Where a record came from, for its outcome. */
export interface RecordOrigin {
  file: string;
  name: string;
  line: number | undefined;
}

const RETRIEVE_CUSTOMER = ROUTES.find((route) => route.name === 'retrieveCustomer');

/**
 * The kind a response body declares: its `object` (`customer_balance_transaction`, `customer`,
 * `list`), or the error envelope's lone `error` member. A customer is told from the deleted
 * marker as a retrieve's answer is (`responseKindOf`); a list by the operation its `url` names
 * (`/v1/customers` lists customers), any other url being checked as a transaction list, whose
 * url rule then reports it.
 */
export function detectKind(value: unknown): ContractKind | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record.object === 'customer_balance_transaction') return 'customer_balance_transaction';
  if (record.object === 'customer' && RETRIEVE_CUSTOMER) return responseKindOf(RETRIEVE_CUSTOMER, record);
  if (record.object === 'list') {
    const listed = typeof record.url === 'string' ? matchRoute('GET', record.url) : undefined;
    return listed?.route.response === 'customer_list' ? 'customer_list' : 'customer_balance_transaction_list';
  }
  if (Object.hasOwn(record, 'error') && record.object === undefined) return 'error';
  return undefined;
}

/** Validates `value` as `kind` (or its detected kind) and wraps the result as an outcome. */
export function checkRecord(
  origin: RecordOrigin,
  value: unknown,
  kind: ContractKind | undefined,
  options: ValidateOptions,
): RecordOutcome {
  const resolved = kind ?? detectKind(value);
  if (resolved === undefined) {
    return failed(origin, undefined, [
      {
        path: '',
        code: 'unknown_kind',
        keyword: 'input',
        message:
          "cannot tell the contract kind: expected an object with `object: 'customer_balance_transaction'`, " +
          "`object: 'customer'` or `object: 'list'`, or an error envelope; pass --kind to choose",
        expected: 'a customer_balance_transaction, a customer, a list, or an error envelope',
        received: preview(value),
      },
    ]);
  }
  const result = validate(resolved, value, options);
  return {
    ...origin,
    kind: resolved,
    status: result.valid ? 'passed' : 'failed',
    errors: result.errors,
    warnings: result.warnings,
    reason: undefined,
  };
}

/**
 * Checks one parsed JSON document. A top-level array (what `generate` and the demo write) is
 * checked item by item: each item is a record named `item N` (N its 0-based index), its kind
 * given or detected on its own, and its findings' paths point into the document (`/3/amount`).
 * An empty array holds no records: nothing to check, nothing failed.
 */
export function* checkDocument(
  origin: RecordOrigin,
  value: unknown,
  kind: ContractKind | undefined,
  options: ValidateOptions,
): Generator<RecordOutcome> {
  if (!Array.isArray(value)) {
    yield checkRecord(origin, value, kind, options);
    return;
  }
  for (let index = 0; index < value.length; index += 1) {
    const name = origin.name === 'document' ? `item ${index}` : `${origin.name} item ${index}`;
    yield atIndex(checkRecord({ ...origin, name }, value[index], kind, options), index);
  }
}

/** The outcome with its findings' paths moved under `/index`. */
function atIndex(outcome: RecordOutcome, index: number): RecordOutcome {
  const move = (issue: ContractIssue): ContractIssue => ({ ...issue, path: `/${index}${issue.path}` });
  return { ...outcome, errors: outcome.errors.map(move), warnings: outcome.warnings.map(move) };
}

/** A failed outcome with the given findings. */
export function failed(
  origin: RecordOrigin,
  kind: ContractKind | undefined,
  errors: ContractIssue[],
): RecordOutcome {
  return { ...origin, kind, status: 'failed', errors, warnings: [], reason: undefined };
}

/** An outcome for input that could not be read or parsed. */
export function unreadable(origin: RecordOrigin, reason: string): RecordOutcome {
  return { ...origin, kind: undefined, status: 'unreadable', errors: [], warnings: [], reason };
}

/** An outcome for a record that is deliberately not checked. */
export function skipped(origin: RecordOrigin, reason: string, kind?: ContractKind): RecordOutcome {
  return { ...origin, kind, status: 'skipped', errors: [], warnings: [], reason };
}

/** An issue for a body that is not JSON at all. */
export function invalidJsonIssue(text: string, error: unknown): ContractIssue {
  return {
    path: '',
    code: 'invalid_json',
    keyword: 'input',
    message: `body is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    expected: 'a JSON document',
    received: preview(text),
  };
}
