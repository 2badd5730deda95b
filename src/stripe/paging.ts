/**
 * Cursor paging over customers' balance transactions, as `GET
 * /v1/customers/{customer}/balance_transactions` does it. `listPage()` and the mock's store
 * both page through this one implementation, so fixtures and mock agree on every edge.
 *
 * Stripe's semantics (list reference in ../shared/seeds, limits in the stripe-openapi README):
 * - list order is newest first: `created` descending; for equal `created`, the transaction
 *   added later is the newer one;
 * - `limit` 1–100, default 10; `starting_after` and `ending_before` can't be combined;
 * - `starting_after=X`: the items after X in list order (older ones);
 * - `ending_before=X`: the items just before X in list order (newer ones), still newest first;
 * - `has_more`: more items exist beyond the page in the direction of travel;
 * - a cursor that isn't one of the customer's transactions is a 404 `resource_missing`
 *   naming the parameter.
 *
 * Cost: each customer's transactions are kept oldest first with an id → position map, so a
 * page costs O(limit) whatever its depth — page 1,000 of a 100k ledger as much as page 1.
 */
import { StripeBalanceKitError } from '../errors.js';
import { invalidRequest, resourceMissing } from './api-errors.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../types.js';

export const DEFAULT_LIST_LIMIT = 10;
export const MAX_LIST_LIMIT = 100;

/** The paging parameters of the list call. */
export interface ListPageQuery {
  limit?: number | undefined;
  starting_after?: string | undefined;
  ending_before?: string | undefined;
}

/** The `url` Stripe puts on a customer's transaction list. */
export function balanceTransactionsUrl(customer: string): string {
  return `/v1/customers/${customer}/balance_transactions`;
}

/** The customer id of a transaction whose `customer` may be expanded. */
export function customerOf(transaction: CustomerBalanceTransaction): string {
  return typeof transaction.customer === 'string' ? transaction.customer : transaction.customer.id;
}

/**
 * Checks the paging parameters the way Stripe does and returns the effective limit. Throws the
 * `StripeApiError` Stripe would answer with (400 `invalid_request_error`, with `param`).
 */
export function checkListQuery(query: ListPageQuery): number {
  const { limit = DEFAULT_LIST_LIMIT, starting_after, ending_before } = query;
  if (typeof limit !== 'number' || !Number.isInteger(limit)) {
    throw invalidRequest(`Invalid integer: ${String(limit)}`, { param: 'limit' });
  }
  if (limit < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'limit' });
  if (limit > MAX_LIST_LIMIT) {
    throw invalidRequest(`This value must be less than or equal to ${MAX_LIST_LIMIT}.`, { param: 'limit' });
  }
  if (starting_after !== undefined && ending_before !== undefined) {
    throw invalidRequest(
      'Received both starting_after and ending_before parameters. Please pass in only one.',
    );
  }
  return limit;
}

/** Something a Stripe list pages through: an id and a creation time. */
export interface Listed {
  readonly id: string;
  readonly created: number;
}

/**
 * Items kept oldest first with each id's position: the order of Stripe's lists (newest first,
 * `created` descending; for equal `created`, the item added later is the newer one). Customers'
 * transactions and the customer list page through this one class.
 */
export class ChronologicalList<T extends Listed> {
  private readonly chronological: T[] = [];
  private readonly positions = new Map<string, number>();

  /**
   * @param owner names the list in error messages (a customer id, `customers`).
   * @param missing the refusal for a cursor that is not in the list (Stripe's 404 naming the param).
   */
  constructor(
    protected readonly owner: string,
    private readonly missing: (id: string, param: 'starting_after' | 'ending_before') => Error,
  ) {}

  /** How many items the list has. */
  get size(): number {
    return this.chronological.length;
  }

  /** The newest item (the last in list order's reverse), if any. */
  newest(): T | undefined {
    return this.chronological[this.chronological.length - 1];
  }

  /** The item with this id, if any. */
  get(id: string): T | undefined {
    const at = this.positions.get(id);
    return at === undefined ? undefined : this.chronological[at];
  }

  /**
   * Adds an item as the newest among those with its `created`. Appending in time order (what a
   * live account does) is O(1); an older one is inserted, O(n).
   */
  add(item: T): void {
    if (this.positions.has(item.id)) {
      throw new StripeBalanceKitError(
        'duplicate_transaction_id',
        `${this.owner} already has ${item.id}; ids must be unique`,
      );
    }
    const list = this.chronological;
    const last = list[list.length - 1];
    if (last === undefined || last.created <= item.created) {
      this.positions.set(item.id, list.length);
      list.push(item);
      return;
    }
    // First position whose created is later: after every equal one, as the newest of them.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((list[mid] as T).created <= item.created) low = mid + 1;
      else high = mid;
    }
    list.splice(low, 0, item);
    for (let i = low; i < list.length; i++) this.positions.set((list[i] as T).id, i);
  }

  /** Swaps in a new version of an item (same id, e.g. after an update), keeping its place. */
  replace(item: T): void {
    const at = this.positions.get(item.id);
    if (at === undefined) {
      throw new StripeBalanceKitError(
        'unknown_transaction',
        `${this.owner} has no ${item.id} to replace; add() it first`,
      );
    }
    this.chronological[at] = item;
  }

  /** The items, oldest first. */
  values(): IterableIterator<T> {
    return this.chronological.values();
  }

  /** The items and `has_more` of the page Stripe returns for `query` (checked by {@link checkListQuery}). */
  pageItems(query: ListPageQuery, limit: number): { data: T[]; has_more: boolean } {
    const list = this.chronological;
    const data: T[] = [];
    let hasMore: boolean;
    if (query.ending_before !== undefined) {
      const at = this.position(query.ending_before, 'ending_before');
      // Newer items sit at higher positions; the page is the `limit` closest ones, newest first.
      const newest = Math.min(list.length - 1, at + limit);
      for (let i = newest; i > at; i--) data.push(list[i] as T);
      hasMore = newest < list.length - 1;
    } else {
      const from =
        query.starting_after === undefined
          ? list.length - 1
          : this.position(query.starting_after, 'starting_after') - 1;
      const oldest = Math.max(0, from - limit + 1);
      for (let i = from; i >= oldest; i--) data.push(list[i] as T);
      hasMore = oldest > 0;
    }
    return { data, has_more: hasMore };
  }

  private position(id: string, param: 'starting_after' | 'ending_before'): number {
    const at = this.positions.get(id);
    if (at === undefined) throw this.missing(id, param);
    return at;
  }
}

/** One customer's transactions, oldest first, with each id's position. */
export class CustomerTransactions extends ChronologicalList<CustomerBalanceTransaction> {
  constructor(readonly customer: string) {
    super(`customer ${customer}`, (id, param) =>
      resourceMissing(`No such customer balance transaction: '${id}'`, param),
    );
  }

  /** The page Stripe returns for `query` (already checked by {@link checkListQuery}). */
  page(query: ListPageQuery, limit: number): CustomerBalanceTransactionList {
    return { object: 'list', ...this.pageItems(query, limit), url: balanceTransactionsUrl(this.customer) };
  }
}

/**
 * Every customer's transactions, ready to page. Build one from an array with
 * {@link TransactionIndex.from}, or start empty and `add()` as transactions are created.
 */
export class TransactionIndex {
  private readonly customers = new Map<string, CustomerTransactions>();

  /** Indexes `transactions`; for equal `created`, a later array position is newer. */
  static from(transactions: Iterable<CustomerBalanceTransaction>): TransactionIndex {
    const index = new TransactionIndex();
    const byCustomer = new Map<string, CustomerBalanceTransaction[]>();
    for (const transaction of transactions) {
      const customer = customerOf(transaction);
      const list = byCustomer.get(customer);
      if (list) list.push(transaction);
      else byCustomer.set(customer, [transaction]);
    }
    for (const [customer, list] of byCustomer) {
      // Array.prototype.sort is stable: equal `created` keep their input order.
      if (!isSortedByCreated(list)) list.sort((a, b) => a.created - b.created);
      const entry = new CustomerTransactions(customer);
      for (const transaction of list) entry.add(transaction);
      index.customers.set(customer, entry);
    }
    return index;
  }

  /** Adds a newly created transaction to its customer's list (see {@link CustomerTransactions.add}). */
  add(transaction: CustomerBalanceTransaction): void {
    const customer = customerOf(transaction);
    const entry = this.customers.get(customer) ?? new CustomerTransactions(customer);
    this.customers.set(customer, entry);
    entry.add(transaction);
  }

  /** One customer's transactions, or undefined when the index has none of theirs. */
  customer(customer: string): CustomerTransactions | undefined {
    return this.customers.get(customer);
  }

  /** The list object Stripe returns for this customer and query; throws Stripe's errors. */
  page(customer: string, query: ListPageQuery = {}): CustomerBalanceTransactionList {
    const limit = checkListQuery(query);
    const entry = this.customers.get(customer) ?? new CustomerTransactions(customer);
    return entry.page(query, limit);
  }
}

function isSortedByCreated(list: readonly CustomerBalanceTransaction[]): boolean {
  for (let i = 1; i < list.length; i++) {
    if (
      (list[i] as CustomerBalanceTransaction).created < (list[i - 1] as CustomerBalanceTransaction).created
    ) {
      return false;
    }
  }
  return true;
}

interface CachedIndex {
  length: number;
  index: TransactionIndex;
}

const cache = new WeakMap<readonly CustomerBalanceTransaction[], CachedIndex>();

/**
 * The index of `transactions`, built on first use and cached for the array's lifetime, so
 * paging through one array indexes it once. Appending to the array is noticed (the length
 * changes) and rebuilds the index; arrays edited in place should be copied instead.
 */
export function indexFor(transactions: readonly CustomerBalanceTransaction[]): TransactionIndex {
  const cached = cache.get(transactions);
  if (cached && cached.length === transactions.length) return cached.index;
  const index = TransactionIndex.from(transactions);
  cache.set(transactions, { length: transactions.length, index });
  return index;
}
