/**
 * A hand-written TypeScript type guard enforcing the same rules as the generated JSON Schema for
 * `customer_balance_transaction` (and the list page): the practical speed ceiling for a validator.
 * Returns a boolean only (no error reporting), as a type guard would. Bench-only; not exported.
 */
import { TRANSACTION_TYPES } from '../src/stripe/transaction-types.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../src/index.js';

// The enum comes from the one table of types; the checks below are hand-written.
const TYPES: ReadonlySet<string> = new Set(TRANSACTION_TYPES);
const KEYS = new Set([
  'id',
  'object',
  'amount',
  'checkout_session',
  'created',
  'credit_note',
  'currency',
  'customer',
  'customer_account',
  'description',
  'ending_balance',
  'invoice',
  'livemode',
  'metadata',
  'type',
]);
const CURRENCY = /^[a-z]{3}$/;
const LIST_URL = /^\/v1\/customers\/[^/?#]+\/balance_transactions$/;

type Rec = Record<string, unknown>;
const isObj = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 255;
const isIdOrExpanded = (v: unknown, object: string): boolean =>
  isId(v) || (isObj(v) && isId(v.id) && v.object === object);
const isNullableText = (v: unknown): boolean => v === null || (typeof v === 'string' && v.length <= 5000);

function isMetadata(v: unknown): boolean {
  if (!isObj(v)) return false;
  let n = 0;
  for (const key in v) {
    if (++n > 50 || key.length > 40 || key.includes('[') || key.includes(']')) return false;
    const value = v[key];
    if (typeof value !== 'string' || value.length > 500) return false;
  }
  return true;
}

export function isCustomerBalanceTransaction(v: unknown): v is CustomerBalanceTransaction {
  if (!isObj(v)) return false;
  for (const key in v) if (!KEYS.has(key)) return false;
  const created = v.created;
  const currency = v.currency;
  return (
    isId(v.id) &&
    v.object === 'customer_balance_transaction' &&
    Number.isInteger(v.amount) &&
    typeof created === 'number' &&
    Number.isSafeInteger(created) &&
    created >= 0 &&
    typeof currency === 'string' &&
    CURRENCY.test(currency) &&
    (isId(v.customer) || (isObj(v.customer) && isId(v.customer.id) && v.customer.object === 'customer')) &&
    Number.isInteger(v.ending_balance) &&
    typeof v.livemode === 'boolean' &&
    typeof v.type === 'string' &&
    TYPES.has(v.type) &&
    (v.checkout_session === undefined ||
      v.checkout_session === null ||
      isIdOrExpanded(v.checkout_session, 'checkout.session')) &&
    (v.credit_note === undefined || v.credit_note === null || isIdOrExpanded(v.credit_note, 'credit_note')) &&
    (v.invoice === undefined || v.invoice === null || isIdOrExpanded(v.invoice, 'invoice')) &&
    (v.customer_account === undefined || isNullableText(v.customer_account)) &&
    (v.description === undefined || isNullableText(v.description)) &&
    (v.metadata === undefined || v.metadata === null || isMetadata(v.metadata))
  );
}

export function isCustomerBalanceTransactionList(v: unknown): v is CustomerBalanceTransactionList {
  if (!isObj(v)) return false;
  for (const key in v)
    if (key !== 'object' && key !== 'data' && key !== 'has_more' && key !== 'url') return false;
  const { data, url } = v;
  if (v.object !== 'list' || typeof v.has_more !== 'boolean') return false;
  if (typeof url !== 'string' || url.length > 5000 || !LIST_URL.test(url)) return false;
  if (!Array.isArray(data) || data.length > 100) return false;
  for (const item of data) if (!isCustomerBalanceTransaction(item)) return false;
  return true;
}
