/**
 * Idiomatic aliases over the generated OpenAPI types. The generated names stay as in the spec
 * (`components['schemas']['customer_balance_transaction']`); these are what users import.
 *
 * Two families, so values flow both ways between this kit and stripe-node without casts:
 * - the plain names (`CustomerBalanceTransaction`, `CreateParams`, …) say what may travel on the
 *   wire, as loosely as stripe-node types it, so whatever the official client returns or accepts
 *   fits them; every function of ours that takes a transaction, a list or params takes these;
 * - the `Strict…` names say what passes the strict contract, and are what `assertContract`, a
 *   passing `validate`, the fixtures and the mock hand back; they fit stripe-node's types.
 */
import type * as Generated from './generated/types.js';

/** Every schema of the trimmed spec, as openapi-typescript generates it (`components['schemas'][…]`). */
export interface components extends Generated.components {}
/** The operations' parameters and responses, as openapi-typescript generates them. */
export interface operations extends Generated.operations {}
/** The spec's paths, as openapi-typescript generates them. */
export interface paths extends Generated.paths {}

/** Every value of `customer_balance_transaction.type` this kit knows (the spec's closed enum). */
export type CustomerBalanceTransactionType = components['schemas']['customer_balance_transaction']['type'];

/** Key-value metadata as Stripe stores it. */
export type Metadata = components['schemas']['metadata'];

/**
 * An expanded Checkout Session, typed by the fields every expansion has. No index signature, so
 * stripe-node's `Checkout.Session` fits it and nothing pretends to be a full session.
 */
export interface ExpandedCheckoutSession {
  id: string;
  object: 'checkout.session';
}

/** An expanded credit note, typed by the fields every expansion has (see {@link ExpandedCheckoutSession}). */
export interface ExpandedCreditNote {
  id: string;
  object: 'credit_note';
}

/**
 * An expanded customer, typed by the fields every expansion has (see {@link ExpandedCheckoutSession}).
 * A deleted customer also carries `deleted: true`; stripe-node types `deleted` as `void` on a live
 * customer, which no shared property type admits, so check it with `'deleted' in customer`.
 */
export interface ExpandedCustomer {
  id: string;
  object: 'customer';
}

/** An expanded invoice, typed by the fields every expansion has (see {@link ExpandedCheckoutSession}). */
export interface ExpandedInvoice {
  id: string;
  object: 'invoice';
}

/** The link fields `expand[]` can turn from an id into an object, each with its expanded type. */
export interface ExpandedLinks {
  checkout_session: ExpandedCheckoutSession;
  credit_note: ExpandedCreditNote;
  customer: ExpandedCustomer;
  invoice: ExpandedInvoice;
}

/** A field `expand[]` can expand: `customer`, `invoice`, `credit_note` or `checkout_session`. */
export type ExpandableField = keyof ExpandedLinks;

/**
 * A `customer_balance_transaction` as Stripe may send it, typed as loosely as stripe-node types
 * it: `type` is open (Stripe adds values without a new API version), any link may be expanded,
 * and the fields older API versions or SDK releases lack are optional. A
 * `Stripe.CustomerBalanceTransaction` from any stripe-node release we support fits it. Narrow it
 * with `assertContract('customer_balance_transaction', t)` to get a
 * {@link StrictCustomerBalanceTransaction}.
 */
export interface CustomerBalanceTransaction {
  id: components['schemas']['customer_balance_transaction']['id'];
  object: components['schemas']['customer_balance_transaction']['object'];
  amount: components['schemas']['customer_balance_transaction']['amount'];
  checkout_session?: string | ExpandedCheckoutSession | null;
  created: components['schemas']['customer_balance_transaction']['created'];
  credit_note?: string | ExpandedCreditNote | null;
  currency: components['schemas']['customer_balance_transaction']['currency'];
  customer: string | ExpandedCustomer;
  customer_account?: string | null;
  description?: string | null;
  ending_balance: components['schemas']['customer_balance_transaction']['ending_balance'];
  invoice?: string | ExpandedInvoice | null;
  livemode: components['schemas']['customer_balance_transaction']['livemode'];
  metadata?: Metadata | null;
  // `string & Record<never, never>` is stripe-node's `OtherString`: any string, known ones still suggested.
  type: CustomerBalanceTransactionType | (string & Record<never, never>);
}

/**
 * A `customer_balance_transaction` that passes the strict contract, every field present (Stripe
 * always sends them all): a known `type`, and links as ids unless named in `Expanded`, whose
 * fields may hold the expanded object instead. The fixtures and the mock return
 * `StrictCustomerBalanceTransaction` (links as ids), which fits `Stripe.CustomerBalanceTransaction`;
 * `assertContract` and the validators narrow to `StrictCustomerBalanceTransaction<ExpandableField>`,
 * since a checked body may have any link expanded.
 */
export interface StrictCustomerBalanceTransaction<Expanded extends ExpandableField = never> {
  id: components['schemas']['customer_balance_transaction']['id'];
  object: components['schemas']['customer_balance_transaction']['object'];
  amount: components['schemas']['customer_balance_transaction']['amount'];
  checkout_session: string | ExpandedLinks[Expanded & 'checkout_session'] | null;
  created: components['schemas']['customer_balance_transaction']['created'];
  credit_note: string | ExpandedLinks[Expanded & 'credit_note'] | null;
  currency: components['schemas']['customer_balance_transaction']['currency'];
  customer: string | ExpandedLinks[Expanded & 'customer'];
  customer_account: string | null;
  description: string | null;
  ending_balance: components['schemas']['customer_balance_transaction']['ending_balance'];
  invoice: string | ExpandedLinks[Expanded & 'invoice'] | null;
  livemode: components['schemas']['customer_balance_transaction']['livemode'];
  metadata: Metadata | null;
  type: CustomerBalanceTransactionType;
}

// Fails to compile when the spec gains or loses a field the hand-written shapes don't.
type SameKeys<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : never;
const shapesInSync: [
  SameKeys<keyof CustomerBalanceTransaction, keyof components['schemas']['customer_balance_transaction']>,
  SameKeys<
    keyof StrictCustomerBalanceTransaction,
    keyof components['schemas']['customer_balance_transaction']
  >,
  SameKeys<ExpandableField, 'checkout_session' | 'credit_note' | 'customer' | 'invoice'>,
] = [true, true, true];
void shapesInSync;

/**
 * The list envelope returned by `GET /v1/customers/{customer}/balance_transactions`, holding
 * transactions of type `T` (by default, anything Stripe may send). `Stripe.ApiList` of
 * stripe-node's transaction fits it, and it fits that `Stripe.ApiList` when `T` does.
 */
export interface CustomerBalanceTransactionList<
  T extends CustomerBalanceTransaction = CustomerBalanceTransaction,
> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** A list page that passes the strict contract: what `assertContract` narrows a list to. */
export type StrictCustomerBalanceTransactionList = CustomerBalanceTransactionList<
  StrictCustomerBalanceTransaction<ExpandableField>
>;

/** Stripe's error envelope, `{ error: { type, code, message, param, ... } }`. */
export type StripeErrorEnvelope = components['schemas']['error'];
/** The `error` member of Stripe's error envelope. */
export type StripeErrorObject = components['schemas']['api_error'];

/**
 * Metadata as a client may send it, the way stripe-node types it: numbers are sent as their
 * decimal string, and `null` (like `''`) unsets a key.
 */
export interface MetadataParam {
  [key: string]: string | number | null;
}

/**
 * Parameters of the create call as a client may send them: stripe-node's
 * `CustomerCreateBalanceTransactionParams` fits, and so does every {@link StrictCreateParams}.
 * `metadata: null` or `''` unsets every key.
 */
export type CreateParams = Omit<StrictCreateParams, 'metadata'> & {
  metadata?: MetadataParam | '' | null;
};
/**
 * Parameters of the update call as a client may send them: stripe-node's
 * `CustomerUpdateBalanceTransactionParams` fits, and so does every {@link StrictUpdateParams}.
 */
export type UpdateParams = Omit<StrictUpdateParams, 'metadata'> & {
  metadata?: MetadataParam | '' | null;
};
/** Parameters of the create call that pass the strict contract, as the mock decodes them from the form. */
export type StrictCreateParams = components['schemas']['create_params'];
/** Parameters of the update call that pass the strict contract, as the mock decodes them from the form. */
export type StrictUpdateParams = components['schemas']['update_params'];
/**
 * Query parameters of the list call. stripe-node's `CustomerListBalanceTransactionsParams` fits
 * it and it fits them: the list call has no loosely typed parameter.
 */
export type ListParams = NonNullable<operations['listCustomerBalanceTransactions']['parameters']['query']>;

/**
 * A `customer` that passes the strict contract. Only `id`, `object`, `created` and `livemode` are
 * certain (upstream requires no more); `invoice_credit_balance` and the other expansion-only
 * fields are present only when the request expanded them.
 */
export type StrictCustomer = components['schemas']['customer'];
/** What Stripe returns for a deleted customer (`DELETE /v1/customers/{customer}`, or retrieving one). */
export type StrictDeletedCustomer = components['schemas']['deleted_customer'];
/** A page of `GET /v1/customers` that passes the strict contract. */
export type StrictCustomerList = components['schemas']['customer_list'];
/** Parameters of the customer create call (trimmed to the ones this kit uses) that pass the strict contract. */
export type StrictCustomerCreateParams = components['schemas']['customer_create_params'];
/** Parameters of the customer update call (trimmed to the ones this kit uses) that pass the strict contract. */
export type StrictCustomerUpdateParams = components['schemas']['customer_update_params'];
/** Query parameters of the customer list call (trimmed to the ones this kit uses). */
export type CustomerListParams = NonNullable<operations['listCustomers']['parameters']['query']>;

/**
 * The fields Stripe sends on every unexpanded customer of our API version (some of them null):
 * a {@link BuiltCustomer} has all of them (so does the mock's customer).
 */
export type CustomerFieldSentUnexpanded =
  | 'address'
  | 'balance'
  | 'currency'
  | 'customer_account'
  | 'default_source'
  | 'delinquent'
  | 'description'
  | 'discount'
  | 'email'
  | 'invoice_prefix'
  | 'invoice_settings'
  | 'metadata'
  | 'name'
  | 'next_invoice_sequence'
  | 'phone'
  | 'preferred_locales'
  | 'shipping'
  | 'tax_exempt'
  | 'test_clock';

/**
 * A postal address as a customer carries it: all six fields, null where not known. (A type, not
 * an interface: it must fit the contract's open `{ [key: string]: unknown }` nested objects.)
 */
export type CustomerAddress = {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
};

/** A customer's shipping details. */
export type CustomerShipping = {
  address: CustomerAddress;
  name: string;
  phone: string | null;
};

/**
 * A customer as `fx.customer()` builds it and the mock sends it: every field Stripe sends
 * unexpanded ({@link CustomerFieldSentUnexpanded}) is present, null where Stripe would send null;
 * the links the kit never fills (`default_source`, `discount`, `test_clock`) are null. It passes
 * the strict contract ({@link StrictCustomer}) and fits stripe-node's `Stripe.Customer`, so a
 * fixture can go wherever application code takes a customer.
 */
export interface BuiltCustomer {
  id: string;
  object: 'customer';
  address: CustomerAddress | null;
  balance: number;
  /** Sent by newer API versions only when set. */
  business_name?: string;
  created: number;
  currency: string | null;
  customer_account: string | null;
  default_source: null;
  delinquent: boolean | null;
  description: string | null;
  discount: null;
  email: string | null;
  /** Sent by newer API versions only when set. */
  individual_name?: string;
  /** Per currency, sent only when expanded; positive is credit (the opposite of `balance`). */
  invoice_credit_balance?: Record<string, number>;
  invoice_prefix: string | null;
  invoice_settings: {
    custom_fields: { name: string; value: string }[] | null;
    default_payment_method: string | null;
    footer: string | null;
    rendering_options: null;
  };
  livemode: boolean;
  metadata: Metadata;
  name: string | null;
  next_invoice_sequence: number;
  phone: string | null;
  preferred_locales: string[];
  shipping: CustomerShipping | null;
  tax_exempt: 'exempt' | 'none' | 'reverse';
  test_clock: null;
}

// Fails to compile if a built customer could break the strict contract or miss a field Stripe sends.
type BuiltFitsContract = BuiltCustomer extends StrictCustomer ? true : never;
type BuiltHasEverySentField = CustomerFieldSentUnexpanded extends keyof BuiltCustomer ? true : never;
const builtCustomerInSync: [BuiltFitsContract, BuiltHasEverySentField] = [true, true];
void builtCustomerInSync;
