/**
 * Semantic rules for one customer_balance_transaction that the JSON Schema cannot express: id
 * prefixes, and which link fields (`invoice`, `credit_note`, `checkout_session`) its `type` implies.
 * The facts (prefixes, link fields, which type links what) are Stripe's, read from
 * `src/stripe/transaction-types.ts`. Every read is guarded: this is the path for values the schema
 * rejected or the fast path (semantic-fast-path.ts) could not clear, hostile ones included.
 */
import {
  ID_PREFIXES,
  isTransactionType,
  LINK_FIELDS,
  type LinkField,
  linkedFields,
} from '../stripe/transaction-types.js';
import { invoiceCreditFromBalance } from '../stripe/customer-balance.js';
import { appendToken } from './json-pointer.js';
import { preview } from './preview.js';
import type { ContractIssue } from './types.js';
import { get, idOf, isRecord } from './value-access.js';

/** The fields holding another object's id (or the expanded object), in reporting order. */
const REFERENCE_FIELDS: readonly ('customer' | LinkField)[] = ['customer', ...LINK_FIELDS];

/**
 * Reports an `id_prefix` issue when `id` is a non-empty string without `prefix`. The path is
 * `base` + `field` (+ `/id` when `expanded`), built only when there is something to report.
 */
export function checkIdPrefix(
  id: unknown,
  prefix: string,
  base: string,
  field: string,
  out: ContractIssue[],
  expanded = false,
): void {
  if (typeof id !== 'string' || id.length === 0 || id.startsWith(prefix)) return;
  const path = appendToken(base, field);
  out.push({
    path: expanded ? appendToken(path, 'id') : path,
    code: 'id_prefix',
    keyword: 'semantic',
    message: `${expanded ? `${field}.id` : field} should start with "${prefix}"`,
    expected: `string id starting with "${prefix}"`,
    received: preview(id),
  });
}

/**
 * Reports an `out_of_range` issue for an integer beyond ±(2^53 − 1) at `base` + `field`. The
 * schema's `integer` admits 1e300, but past 2^53 JSON parsers in JavaScript round silently
 * (9007199254740993 reads as …992), so such an amount can never be trusted, and balance
 * arithmetic on it is wrong.
 */
export function checkSafeInteger(value: unknown, base: string, field: string, out: ContractIssue[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || Number.isSafeInteger(value)) return;
  out.push({
    path: appendToken(base, field),
    code: 'out_of_range',
    keyword: 'semantic',
    message: `integer beyond ±${Number.MAX_SAFE_INTEGER}: JSON clients in JavaScript cannot represent it exactly`,
    expected: `an integer between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
    received: preview(value),
  });
}

/** Appends the semantic findings of the transaction at `base` (a JSON pointer) to `out`. */
export function transactionFindings(tx: unknown, base: string, out: ContractIssue[]): void {
  if (!isRecord(tx)) return;
  // `created` needs no check here: its unix-time format already bounds it far below 2^53.
  checkSafeInteger(get(tx, 'amount'), base, 'amount', out);
  checkSafeInteger(get(tx, 'ending_balance'), base, 'ending_balance', out);
  checkIdPrefix(get(tx, 'id'), ID_PREFIXES.customer_balance_transaction, base, 'id', out);
  for (const field of REFERENCE_FIELDS) {
    const ref = get(tx, field);
    checkIdPrefix(idOf(ref), ID_PREFIXES[field], base, field, out, isRecord(ref));
  }
  // A type this API version does not know (tolerant mode lets one through) implies nothing.
  const type = get(tx, 'type');
  if (!isTransactionType(type)) return;
  const linked = linkedFields(type);
  for (const field of LINK_FIELDS) {
    const link = get(tx, field);
    const wanted = linked.has(field);
    const present = link !== undefined && link !== null;
    if (wanted && !present) {
      out.push({
        path: appendToken(base, field),
        code: 'type_link_mismatch',
        keyword: 'semantic',
        message: `type "${type}" requires ${field} to be set`,
        expected: `a ${ID_PREFIXES[field]}… id or an expanded ${field.replace('_', ' ')}`,
        received: link === undefined ? 'nothing (property absent)' : preview(link),
      });
    } else if (!wanted && present && idOf(link) !== undefined) {
      out.push({
        path: appendToken(base, field),
        code: 'type_link_mismatch',
        keyword: 'semantic',
        message: `type "${type}" must not link ${field === 'invoice' ? 'an' : 'a'} ${field}`,
        expected: 'null or absent',
        received: preview(link),
      });
    }
  }
}

/**
 * A customer's `balance` and its `invoice_credit_balance` entry for the customer's currency are
 * the same state in opposite signs (src/stripe/customer-balance.ts): when both are sent, the
 * entry must be `-balance`.
 */
export function checkCustomerBalanceSign(customer: unknown, base: string, out: ContractIssue[]): void {
  const currency = get(customer, 'currency');
  const balance = get(customer, 'balance');
  const credit = get(customer, 'invoice_credit_balance');
  if (
    typeof currency !== 'string' ||
    typeof balance !== 'number' ||
    credit === null ||
    typeof credit !== 'object'
  ) {
    return;
  }
  const entry = (credit as Record<string, unknown>)[currency];
  if (typeof entry !== 'number' || entry === invoiceCreditFromBalance(balance)) return;
  out.push({
    path: appendToken(appendToken(base, 'invoice_credit_balance'), currency),
    code: 'balance_sign',
    keyword: 'semantic',
    message: `invoice_credit_balance.${currency} should be ${invoiceCreditFromBalance(balance)}, the opposite of balance (${balance}): positive is credit there, negative is credit in balance`,
    expected: String(invoiceCreditFromBalance(balance)),
    received: preview(entry),
  });
}
