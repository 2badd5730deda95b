/**
 * Typed overrides for `fx.balanceTransaction()`: a deep partial of a transaction. Every field
 * given wins over the generated value.
 */
import type {
  CustomerBalanceTransactionType,
  ExpandableField,
  ExpandedLinks,
  Metadata,
  StrictCustomerBalanceTransaction,
} from '../types.js';

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
 * A whole transaction fits, the kit's own or stripe-node's `Stripe.CustomerBalanceTransaction`:
 * `type` is as open as stripe-node types it, so a value the kit doesn't know is refused when
 * the fixture is built (a `FixtureOptionsError`), while a misspelt literal is refused at compile
 * time by `balanceTransaction()`'s signature.
 *
 * `metadata` is replaced, not merged: Stripe's metadata is one flat dictionary and a merge
 * would make `{}` impossible to ask for. An expanded object (`customer: { email: '…' }`) is
 * completed with the generated id and its `object` name.
 */
export type BalanceTransactionOverrides = {
  // A link takes an id, `null` (where the field may be null), or an object to complete: the
  // index-signature member lets a partial carry any of Stripe's fields (`{ email }`), the other
  // takes stripe-node's expanded objects, which, being interfaces, never fit an index signature.
  [K in keyof StrictCustomerBalanceTransaction]?: K extends ExpandableField
    ?
        | string
        | (null extends StrictCustomerBalanceTransaction[K] ? null : never)
        | DeepPartial<ExpandedLinks[K]>
        | { readonly [key: string]: unknown }
    : K extends 'metadata'
      ? Metadata | null
      : K extends 'type'
        ? CustomerBalanceTransactionType | (string & Record<never, never>)
        : StrictCustomerBalanceTransaction[K];
};

/**
 * The link fields of `O` that may hold an object: the fields a transaction built with
 * overrides `O` holds expanded (all of them when `O` is only known as overrides in general).
 */
export type ExpandedBy<O> = {
  [K in ExpandableField & keyof O]: [Extract<O[K], object>] extends [never] ? never : K;
}[ExpandableField & keyof O];

/**
 * What `balanceTransaction(overrides)` returns: a strict transaction whose links are ids,
 * except those the overrides give as objects, typed as expanded.
 */
export type BuiltBalanceTransaction<O extends BalanceTransactionOverrides = Record<never, never>> =
  StrictCustomerBalanceTransaction<ExpandedBy<O>>;

/**
 * `O` itself, unless it names a `type` literal the kit doesn't know: then a shape that makes the
 * call fail to compile on `type`. A `type` typed as any string (stripe-node's open enum) passes,
 * and is checked when the fixture is built.
 */
export type KnownTypeIn<O> = O extends { type?: infer T }
  ? [Exclude<T, undefined>] extends [never]
    ? unknown
    : string extends Exclude<T, undefined>
      ? unknown
      : Exclude<T, undefined> extends CustomerBalanceTransactionType
        ? unknown
        : { type?: CustomerBalanceTransactionType }
  : unknown;

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
  value: string | object | null,
  object: O,
  id: () => string,
): string | { id: string; object: O } | null {
  if (value === null || typeof value === 'string') return value;
  const given = value as { id?: unknown; object?: unknown };
  return {
    ...value,
    id: typeof given.id === 'string' ? given.id : id(),
    object: (given.object as O | undefined) ?? object,
  };
}
