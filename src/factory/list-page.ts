/**
 * `listPage()`: the list object Stripe returns for one page of a customer's transactions.
 * The paging itself lives in list-index.ts, shared with the mock.
 */
import { invalidRequest } from '../stripe/api-errors.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../types.js';
import { indexFor, type ListPageQuery } from '../stripe/paging.js';

/** The request a page answers: the customer in the path plus the paging parameters. */
export interface ListPageOptions extends ListPageQuery {
  /** The customer id in the path; only that customer's transactions are listed. */
  customer: string;
  /** Page size, 1–100; Stripe's default is 10. */
  limit?: number | undefined;
  /** Return the transactions after this id in list order (older ones). */
  starting_after?: string | undefined;
  /** Return the transactions before this id in list order (newer ones), still newest first. */
  ending_before?: string | undefined;
}

/**
 * The exact list object `GET /v1/customers/{customer}/balance_transactions` returns over
 * `transactions`: `{ object: 'list', data, has_more, url }`, newest first (`created`
 * descending; for equal `created`, a later array position is newer), only `customer`'s
 * transactions, `limit` 1–100 (default 10).
 *
 * Throws the `StripeApiError` Stripe would answer with: 400 `invalid_request_error` for a bad
 * `limit` (param `limit`) or for both cursors at once; 404 `resource_missing` for a cursor that
 * isn't one of the customer's transactions (param `starting_after`/`ending_before`).
 *
 * The array is indexed once (cached per array), so every later page costs O(limit), however
 * deep. Treat the array as immutable while paging; appending is detected and re-indexed.
 *
 * The page holds the very objects given, so it is typed by them: a page of fixtures fits
 * `Stripe.ApiList<Stripe.CustomerBalanceTransaction>`, and stripe-node's own transactions page too.
 */
export function listPage<T extends CustomerBalanceTransaction>(
  transactions: readonly T[],
  options: ListPageOptions,
): CustomerBalanceTransactionList<T> {
  const { customer } = options;
  if (typeof customer !== 'string' || customer.length === 0) {
    throw invalidRequest('listPage() needs the customer id of the list, e.g. { customer: "cus_..." }', {
      param: 'customer',
    });
  }
  // The page holds items of `transactions` themselves, so of their type.
  return indexFor(transactions).page(customer, options) as CustomerBalanceTransactionList<T>;
}
