/**
 * Checks each recorded response against the contract, the way `stripe-balance-kit validate`
 * reads a HAR: the entry is matched to one operation of the route table by method and path; a
 * 2xx body is checked as that operation's response (a retrieve answering the deleted-customer
 * marker as `deleted_customer`), any other status as Stripe's error envelope. Entries for other
 * endpoints, and network errors, have nothing to check.
 */
import { matchRoute, type Route, responseKindOf } from '../stripe/routes.js';
import { preview } from '../contract/preview.js';
import type { ContractIssue, ContractKind, ValidateOptions } from '../contract/types.js';
import { validate } from '../contract/validate.js';
import { type HarEntry, responseText } from './har.js';

/** A recorded response that breaks the contract. */
export interface RecordingViolation {
  /** Index of the entry in the recording's `log.entries`. */
  entry: number;
  /** The request, e.g. `POST https://api.stripe.com/v1/customers/cus_…/balance_transactions` (redacted). */
  request: string;
  /** The response status. */
  status: number;
  /** The contract kind the body was checked as. */
  kind: ContractKind;
  /** Every failing finding, as `validate` returns them. */
  errors: ContractIssue[];
}

/**
 * The contract kind of a recorded answer of `route`: its response kind for a 2xx status (the
 * body decides between a retrieve's two answers, a customer or the deleted marker; pass
 * `undefined` when the body is not JSON), Stripe's error envelope for any other status.
 */
export function recordedKind(route: Route, status: number, body: unknown): ContractKind {
  return status >= 200 && status < 300 ? responseKindOf(route, body) : 'error';
}

/** The violation of one entry, or `undefined` when it passes or has nothing to check. */
export function checkEntry(
  entry: HarEntry,
  index: number,
  options: ValidateOptions,
): RecordingViolation | undefined {
  const { method, url } = entry.request;
  const status = entry.response.status;
  if (status === 0) return undefined;
  const matched = matchRoute(method, new URL(url).pathname);
  if (!matched) return undefined;
  const text = responseText(entry);
  const violation = (kind: ContractKind, errors: ContractIssue[]): RecordingViolation => ({
    entry: index,
    request: `${method} ${url}`,
    status,
    kind,
    errors,
  });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const kind = recordedKind(matched.route, status, undefined);
    return violation(kind, [
      {
        path: '',
        code: 'invalid_json',
        keyword: 'input',
        message: `the response body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
        expected: `a JSON ${kind}`,
        received: preview(text),
      },
    ]);
  }
  const kind = recordedKind(matched.route, status, body);
  const result = validate(kind, body, options);
  return result.valid ? undefined : violation(kind, result.errors);
}
