/**
 * Typed overrides for `fx.balanceTransaction()`: a deep partial of the generated
 * `customer_balance_transaction` type. Every field given wins over the generated value.
 */
import type { CustomerBalanceTransaction } from '../types.js';

/** `T` with every property optional, recursively (arrays keep their element type partial). */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * Fields to force on a generated transaction. Each given field wins; fields derived from it
 * follow where they can (a `type` brings its links and sign, `currency` its amount scale,
 * `livemode` the `cs_live_` prefix, `amount` the `ending_balance`, a non-null `credit_note`
 * implies `type: 'credit_note'`, and so on).
 *
 * `metadata` is replaced, not merged: Stripe's metadata is one flat dictionary and a merge
 * would make `{}` impossible to ask for. An expanded object (`customer: { email: '…' }`) is
 * completed with the generated id and its `object` name.
 */
export type BalanceTransactionOverrides = {
  [K in keyof CustomerBalanceTransaction]?: K extends 'metadata'
    ? CustomerBalanceTransaction[K]
    : DeepPartial<CustomerBalanceTransaction[K]>;
};

/** True when the caller passed `key` (an explicit `null` counts; `undefined` doesn't). */
export function given<K extends keyof BalanceTransactionOverrides>(
  overrides: BalanceTransactionOverrides,
  key: K,
): overrides is BalanceTransactionOverrides & Required<Pick<BalanceTransactionOverrides, K>> {
  return overrides[key] !== undefined;
}

/**
 * An id-or-expanded-object field: a string override is used as is; a partial object is
 * completed with `id` (the generated one unless it names its own) and `object`.
 */
export function expandable<O extends string>(
  value: string | { readonly [key: string]: unknown } | null,
  object: O,
  id: () => string,
): string | ({ id: string; object: O } & { [key: string]: unknown }) | null {
  if (value === null || typeof value === 'string') return value;
  const given = value as { id?: unknown; object?: unknown };
  return {
    ...value,
    id: typeof given.id === 'string' ? given.id : id(),
    object: (given.object as O | undefined) ?? object,
  };
}
