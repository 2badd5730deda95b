/**
 * Idiomatic aliases over the generated OpenAPI types. The generated names stay as in the spec
 * (`components['schemas']['customer_balance_transaction']`); these are what users import.
 */
import type { components, operations } from './generated/types.js';

export type { components, operations, paths } from './generated/types.js';

/** A `customer_balance_transaction` object as Stripe returns it. */
export type CustomerBalanceTransaction = components['schemas']['customer_balance_transaction'];
/** The list envelope returned by `GET /v1/customers/{customer}/balance_transactions`. */
export type CustomerBalanceTransactionList = components['schemas']['customer_balance_transaction_list'];
/** Every value of `customer_balance_transaction.type`. */
export type CustomerBalanceTransactionType = CustomerBalanceTransaction['type'];
/** Stripe's error envelope, `{ error: { type, code, message, param, ... } }`. */
export type StripeErrorEnvelope = components['schemas']['error'];
/** The `error` member of Stripe's error envelope. */
export type StripeErrorObject = components['schemas']['api_error'];
/** Parameters of the create call. */
export type CreateParams = components['schemas']['create_params'];
/** Parameters of the update call. */
export type UpdateParams = components['schemas']['update_params'];
/** Query parameters of the list call. */
export type ListParams = NonNullable<operations['listCustomerBalanceTransactions']['parameters']['query']>;
/** Key-value metadata as Stripe stores it. */
export type Metadata = components['schemas']['metadata'];
