/**
 * The operations as values: each names its route (src/stripe/routes), how its parameters are
 * read, what it does to the store, and the contract kind of its answer. The core looks an
 * operation up by its route and runs it; every refusal is a thrown `StripeApiError`. The four
 * balance-transaction operations are here; the five customer ones are in `customer-operations.ts`.
 */
import type { ContractKind } from '../contract/types.js';
import type {
  StrictCreateParams,
  CustomerBalanceTransaction,
  CustomerBalanceTransactionList,
  ListParams,
  Metadata,
  StrictUpdateParams,
} from '../types.js';
import { customerMissing, invalidRequest, resourceMissing } from '../stripe/api-errors.js';
import { type ExpandPlan, type ExpansionSource, expandObject } from '../stripe/expand.js';
import type { FormTree } from '../stripe/form-codec.js';
import { CustomerTransactions, checkListQuery } from '../stripe/paging.js';
import { readParams, type RetrieveParams } from '../stripe/params.js';
import { type OperationName, ROUTES, type Route } from '../stripe/routes.js';
import type { CustomerRecord, MockStore } from './store.js';

/** What an operation runs against: the store, the ids from the path, the caller, the clock. */
export interface OperationContext {
  store: MockStore;
  /** The customer id from the path (`''` on the customer collection). */
  customer: string;
  /** The transaction id from the path (retrieve, update). */
  transaction: string;
  livemode: boolean;
  /** The connected account of the request (`Stripe-Account`), or null for the platform's own. */
  account: string | null;
  nowSeconds: number;
  /** The currency of a balance set on a customer that has none: the account's default currency. */
  defaultCurrency: string;
  /** What to do with a customer id the store has never seen on the balance-transaction paths. */
  unknownCustomers: 'create' | 'reject';
}

/** One operation: its route, its parameters' reader, what it does, and what it answers. */
export interface MockOperation<P = unknown> {
  readonly route: Route;
  /** Reads the form; throws Stripe's 400 for bad parameters or expansions. */
  readonly parse: (form: FormTree) => { params: P; plan: ExpandPlan };
  /** Runs against the store; throws Stripe's error (404 for unknown ids, …). */
  readonly run: (ctx: OperationContext, params: P, plan: ExpandPlan) => unknown;
  readonly responseKind: ContractKind;
}

/** Metadata as Stripe stores it on create: keys given `''` are left out. */
export function withoutEmptyValues(metadata: Metadata): Metadata {
  const out: Metadata = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value !== '')
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Metadata after an update: `''` clears all, a key given `''` is removed, others merge in. */
export function mergedMetadata(current: Metadata | null | undefined, change: Metadata | ''): Metadata {
  if (change === '') return {};
  const merged: Metadata = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(change)) {
    if (value === '') delete merged[key];
    else Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

/** Where expansion finds customers: live ones of the request's account. */
export function expansionSource(ctx: OperationContext): ExpansionSource {
  return {
    customer: (id) => {
      const record = ctx.store.live(id, ctx.account);
      if (!record) return undefined;
      return { customer: ctx.store.apiCustomer(record), balances: ctx.store.balances(record) };
    },
  };
}

function expanded(
  ctx: OperationContext,
  transaction: CustomerBalanceTransaction,
  plan: ExpandPlan,
): CustomerBalanceTransaction {
  return expandObject('customer_balance_transaction', transaction, plan, expansionSource(ctx));
}

/**
 * The customer of the path, live and in the request's account; Stripe answers a deleted
 * customer's balance transactions, like another account's, with `No such customer`.
 */
export function pathCustomer(ctx: OperationContext): CustomerRecord | undefined {
  const record = ctx.store.live(ctx.customer, ctx.account);
  if (record) return record;
  // `unknownCustomers: 'create'`: a customer nobody has seen is one without transactions yet;
  // it is made by a create or a list that succeeds, so a refused request leaves nothing behind.
  if (!ctx.store.hasCustomer(ctx.customer) && ctx.unknownCustomers === 'create') return undefined;
  throw customerMissing(ctx.customer, 'customer');
}

/**
 * Refuses an amount that would take a balance past 2^53: the sum would be rounded, the balance
 * would stop being the sum of the amounts, and no JavaScript client could read it back exactly.
 */
export function checkBalanceRange(before: number, amount: number, currency: string, param: string): void {
  if (Number.isSafeInteger(before + amount)) return;
  throw invalidRequest(
    `This amount would take the customer's ${currency} balance (${before}) beyond ${Number.MAX_SAFE_INTEGER} in magnitude, the largest integer JSON clients represent exactly. Use a smaller amount.`,
    { code: 'amount_too_large', param },
  );
}

function createTransaction(
  ctx: OperationContext,
  params: StrictCreateParams,
  plan: ExpandPlan,
): CustomerBalanceTransaction {
  const metadata = typeof params.metadata === 'object' ? withoutEmptyValues(params.metadata) : {};
  const customer =
    pathCustomer(ctx) ??
    ctx.store.createRecord({ id: ctx.customer, account: ctx.account, livemode: ctx.livemode });
  checkBalanceRange(ctx.store.balanceOf(customer, params.currency), params.amount, params.currency, 'amount');
  const created = ctx.store.append(customer.id, {
    amount: params.amount,
    currency: params.currency,
    type: 'adjustment',
    created: ctx.nowSeconds,
    livemode: ctx.livemode,
    description: params.description === undefined || params.description === '' ? null : params.description,
    metadata,
  });
  return expanded(ctx, created, plan);
}

function findOwn(ctx: OperationContext): CustomerBalanceTransaction {
  pathCustomer(ctx);
  const id = ctx.transaction;
  const found = ctx.store.find(id);
  // Another customer's transaction is as missing as an unknown one: ids don't leak across customers.
  if (!found || found.customer !== ctx.customer) {
    throw resourceMissing(`No such customer balance transaction: '${id}'`, 'transaction');
  }
  return found.transaction;
}

function retrieveTransaction(
  ctx: OperationContext,
  _params: RetrieveParams,
  plan: ExpandPlan,
): CustomerBalanceTransaction {
  return expanded(ctx, findOwn(ctx), plan);
}

/** Only description and metadata change; metadata merges key by key, `''` unsets. */
function updateTransaction(
  ctx: OperationContext,
  params: StrictUpdateParams,
  plan: ExpandPlan,
): CustomerBalanceTransaction {
  const current = findOwn(ctx);
  const next: CustomerBalanceTransaction = { ...current };
  if (params.description !== undefined)
    next.description = params.description === '' ? null : params.description;
  if (params.metadata !== undefined) next.metadata = mergedMetadata(current.metadata, params.metadata);
  ctx.store.replace(next);
  return expanded(ctx, next, plan);
}

/** Whether `created` passes a list's `created` filter (an exact time or a range). */
export function matchesCreated(created: number, filter: ListParams['created']): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'number') return created === filter;
  return (
    (filter.gt === undefined || created > filter.gt) &&
    (filter.gte === undefined || created >= filter.gte) &&
    (filter.lt === undefined || created < filter.lt) &&
    (filter.lte === undefined || created <= filter.lte)
  );
}

/** Whether `id` is the `starting_after` or `ending_before` of `query`. */
export function isCursor(
  id: string,
  query: { starting_after?: string | undefined; ending_before?: string | undefined },
): boolean {
  return id === query.starting_after || id === query.ending_before;
}

function invoiceId(t: CustomerBalanceTransaction): string | null | undefined {
  return typeof t.invoice === 'object' && t.invoice !== null ? t.invoice.id : t.invoice;
}

function listTransactions(
  ctx: OperationContext,
  params: ListParams,
  plan: ExpandPlan,
): CustomerBalanceTransactionList {
  const customer = pathCustomer(ctx);
  const query = {
    limit: params.limit,
    starting_after: params.starting_after,
    ending_before: params.ending_before,
  };
  const limit = checkListQuery(query);
  let transactions = customer?.transactions ?? new CustomerTransactions(ctx.customer);
  if (params.created !== undefined || params.invoice !== undefined) {
    // Filters narrow the list. A cursor is any of the customer's transactions, matching or not:
    // it stays in the narrowed list as the place to start from (a page never includes its cursor).
    const filtered = new CustomerTransactions(ctx.customer);
    for (const t of transactions.values()) {
      if (
        isCursor(t.id, query) ||
        (matchesCreated(t.created, params.created) &&
          (params.invoice === undefined || invoiceId(t) === params.invoice))
      ) {
        filtered.add(t);
      }
    }
    transactions = filtered;
  }
  const page = transactions.page(query, limit);
  // `unknownCustomers: 'create'`: a list that succeeded is a first use, as a create is.
  if (!customer) ctx.store.createRecord({ id: ctx.customer, account: ctx.account, livemode: ctx.livemode });
  if (plan.size === 0) return page;
  return { ...page, data: page.data.map((t) => expanded(ctx, t, plan)) };
}

function routeNamed(name: OperationName): Route {
  const route = ROUTES.find((r) => r.name === name);
  if (!route) throw new Error(`no route named ${name}`);
  return route;
}

/** The operation value of route `name`, running `run`. */
export function operation<P>(
  name: OperationName,
  run: (ctx: OperationContext, params: P, plan: ExpandPlan) => unknown,
): MockOperation {
  const route = routeNamed(name);
  return {
    route,
    parse: (form) => readParams(route, form),
    run: run as MockOperation['run'],
    responseKind: route.response,
  };
}

/** The balance-transaction operations, by route name. */
export const TRANSACTION_OPERATIONS = {
  create: operation('create', createTransaction),
  retrieve: operation('retrieve', retrieveTransaction),
  update: operation('update', updateTransaction),
  list: operation('list', listTransactions),
} as const;
