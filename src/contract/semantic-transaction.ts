/**
 * Semantic rules for one customer_balance_transaction that the JSON Schema cannot express: id
 * prefixes, and which link fields (`invoice`, `credit_note`, `checkout_session`) its `type` implies.
 * Every read is guarded: these rules also run on values the schema already rejected.
 */
import {
  CHECKOUT_SESSION_TYPES,
  INVOICE_LINKED_TYPES,
  TRANSACTION_TYPES,
  TYPE_RULES,
} from '../stripe/transaction-types.js';
import { appendToken } from './json-pointer.js';
import { preview } from './preview.js';
import type { ContractIssue } from './types.js';
import { get, idOf, isRecord } from './value-access.js';

/** Id prefixes Stripe uses for the objects a transaction refers to. */
export const ID_PREFIXES = {
  customer_balance_transaction: 'cbtxn_',
  customer: 'cus_',
  invoice: 'in_',
  credit_note: 'cn_',
  checkout_session: 'cs_',
} as const;

type LinkField = 'invoice' | 'credit_note' | 'checkout_session';

const LINK_FIELDS: readonly LinkField[] = ['invoice', 'credit_note', 'checkout_session'];

/**
 * The transaction types that carry each link; every other known type carries none. Derived from
 * the fixtures' type table, so generated data and the checks can never disagree on a rule.
 */
const TYPES_WITH_LINK: Readonly<Record<LinkField, ReadonlySet<string>>> = {
  invoice: INVOICE_LINKED_TYPES,
  credit_note: new Set(TRANSACTION_TYPES.filter((t) => TYPE_RULES[t].links === 'credit_note')),
  checkout_session: CHECKOUT_SESSION_TYPES,
};

const KNOWN_TYPES: ReadonlySet<string> = new Set([
  'adjustment',
  'applied_to_invoice',
  'checkout_session_subscription_payment',
  'checkout_session_subscription_payment_canceled',
  'credit_note',
  'initial',
  'invoice_overpaid',
  'invoice_too_large',
  'invoice_too_small',
  'migration',
  'unapplied_from_invoice',
  'unspent_receiver_credit',
]);

const REFERENCE_FIELDS: readonly ['customer' | LinkField, string][] = [
  ['customer', ID_PREFIXES.customer],
  ['invoice', ID_PREFIXES.invoice],
  ['credit_note', ID_PREFIXES.credit_note],
  ['checkout_session', ID_PREFIXES.checkout_session],
];

/** Reports an `id_prefix` issue when `id` is a non-empty string without `prefix`. */
export function checkIdPrefix(
  id: unknown,
  prefix: string,
  path: string,
  what: string,
  out: ContractIssue[],
): void {
  if (typeof id !== 'string' || id.length === 0 || id.startsWith(prefix)) return;
  out.push({
    path,
    code: 'id_prefix',
    keyword: 'semantic',
    message: `${what} should start with "${prefix}"`,
    expected: `string id starting with "${prefix}"`,
    received: preview(id),
  });
}

/**
 * Reports an `out_of_range` issue for an integer beyond ±(2^53 − 1). The schema's `integer` admits
 * 1e300, but past 2^53 JSON parsers in JavaScript round silently (9007199254740993 reads as
 * …992), so such an amount can never be trusted, and balance arithmetic on it is wrong.
 */
export function checkSafeInteger(value: unknown, path: string, out: ContractIssue[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || Number.isSafeInteger(value)) return;
  out.push({
    path,
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
  for (const field of ['amount', 'ending_balance']) {
    checkSafeInteger(get(tx, field), appendToken(base, field), out);
  }
  checkIdPrefix(get(tx, 'id'), ID_PREFIXES.customer_balance_transaction, appendToken(base, 'id'), 'id', out);
  for (const [field, prefix] of REFERENCE_FIELDS) {
    const ref = get(tx, field);
    const expanded = isRecord(ref);
    const path = expanded ? appendToken(appendToken(base, field), 'id') : appendToken(base, field);
    checkIdPrefix(idOf(ref), prefix, path, expanded ? `${field}.id` : field, out);
  }
  const type = get(tx, 'type');
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) return;
  for (const field of LINK_FIELDS) {
    const link = get(tx, field);
    const path = appendToken(base, field);
    const wanted = TYPES_WITH_LINK[field].has(type);
    const present = link !== undefined && link !== null;
    if (wanted && !present) {
      out.push({
        path,
        code: 'type_link_mismatch',
        keyword: 'semantic',
        message: `type "${type}" requires ${field} to be set`,
        expected: `a ${ID_PREFIXES[field]}… id or an expanded ${field.replace('_', ' ')}`,
        received: link === undefined ? 'nothing (property absent)' : preview(link),
      });
    } else if (!wanted && present && idOf(link) !== undefined) {
      out.push({
        path,
        code: 'type_link_mismatch',
        keyword: 'semantic',
        message: `type "${type}" must not link ${field === 'invoice' ? 'an' : 'a'} ${field}`,
        expected: 'null or absent',
        received: preview(link),
      });
    }
  }
}
