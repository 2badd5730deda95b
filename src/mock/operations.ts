/**
 * The four operations as values: each names its route (src/stripe/routes), how its parameters
 * are read, what it does to the store, and the contract kind of its answer. The core looks an
 * operation up by its route and runs it; every refusal is a thrown `StripeApiError`.
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
import { invalidRequest, resourceMissing } from '../stripe/api-errors.js';
import { type ExpandPlan, expandTransaction } from '../stripe/expand.js';
import type { FormTree } from '../stripe/form-codec.js';
import { CustomerTransactions, checkListQuery } from '../stripe/paging.js';
import { readParams, type RetrieveParams } from '../stripe/params.js';
import { type MatchedRoute, type OperationName, ROUTES, type Route } from '../stripe/routes.js';
import { randomId } from './random-ids.js';
import type { MockStore } from './store.js';

/** What an operation runs against: the store, the ids from the path, the caller, the clock. */
export interface OperationContext {
  store: MockStore;
  customer: string;
  /** The transaction id from the path (retrieve, update). */
  transaction: string;
  livemode: boolean;
  nowSeconds: number;
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

function withoutEmptyValues(metadata: Metadata): Metadata {
  const out: Metadata = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value !== '')
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function expanded(
  ctx: OperationContext,
  transaction: CustomerBalanceTransaction,
  plan: ExpandPlan,
): CustomerBalanceTransaction {
  return expandTransaction(transaction, plan, (c) => ctx.store.getCustomer(c));
}

function createTransaction(
  ctx: OperationContext,
  params: StrictCreateParams,
  plan: ExpandPlan,
): CustomerBalanceTransaction {
  const metadata = typeof params.metadata === 'object' ? withoutEmptyValues(params.metadata) : {};
  const before = ctx.store.getCustomer(ctx.customer)?.invoice_credit_balance[params.currency] ?? 0;
  if (!Number.isSafeInteger(before + params.amount)) {
    // Past 2^53 the sum is rounded: the balance would stop being the sum of the amounts, and no
    // JavaScript client could read it back exactly. Refused before anything is written.
    throw invalidRequest(
      `This amount would take the customer's ${params.currency} balance (${before}) beyond ${Number.MAX_SAFE_INTEGER} in magnitude, the largest integer JSON clients represent exactly. Use a smaller amount.`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }
  const id = randomId('cbtxn_', 24);
  const created = ctx.store.append(ctx.customer, (ending) => ({
    id,
    object: 'customer_balance_transaction',
    amount: params.amount,
    checkout_session: null,
    created: ctx.nowSeconds,
    credit_note: null,
    currency: params.currency,
    customer: ctx.customer,
    customer_account: null,
    description: params.description === undefined || params.description === '' ? null : params.description,
    ending_balance: ending,
    invoice: null,
    livemode: ctx.livemode,
    metadata,
    type: 'adjustment',
  }));
  return expanded(ctx, created, plan);
}

function findOwn(ctx: OperationContext): CustomerBalanceTransaction {
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
  if (params.metadata === '') next.metadata = {};
  else if (params.metadata !== undefined) {
    const merged: Metadata = { ...(current.metadata ?? {}) };
    for (const [key, value] of Object.entries(params.metadata)) {
      if (value === '') delete merged[key];
      else
        Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
    }
    next.metadata = merged;
  }
  ctx.store.replace(next);
  return expanded(ctx, next, plan);
}

function matchesCreated(created: number, filter: ListParams['created']): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'number') return created === filter;
  return (
    (filter.gt === undefined || created > filter.gt) &&
    (filter.gte === undefined || created >= filter.gte) &&
    (filter.lt === undefined || created < filter.lt) &&
    (filter.lte === undefined || created <= filter.lte)
  );
}

function invoiceId(t: CustomerBalanceTransaction): string | null | undefined {
  return typeof t.invoice === 'object' && t.invoice !== null ? t.invoice.id : t.invoice;
}

function listTransactions(
  ctx: OperationContext,
  params: ListParams,
  plan: ExpandPlan,
): CustomerBalanceTransactionList {
  const query = {
    limit: params.limit,
    starting_after: params.starting_after,
    ending_before: params.ending_before,
  };
  const limit = checkListQuery(query);
  let transactions = ctx.store.transactionsOf(ctx.customer);
  if (params.created !== undefined || params.invoice !== undefined) {
    // Filters narrow the list first; the cursors then refer to the filtered list, as on Stripe.
    const filtered = new CustomerTransactions(ctx.customer);
    for (const t of transactions.values()) {
      if (
        matchesCreated(t.created, params.created) &&
        (params.invoice === undefined || invoiceId(t) === params.invoice)
      ) {
        filtered.add(t);
      }
    }
    transactions = filtered;
  }
  const page = transactions.page(query, limit);
  if (plan.size === 0) return page;
  return { ...page, data: page.data.map((t) => expanded(ctx, t, plan)) };
}

function routeNamed(name: OperationName): Route {
  const route = ROUTES.find((r) => r.name === name);
  if (!route) throw new Error(`no route named ${name}`);
  return route;
}

function operation<P>(
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

/** The four operations, by route name. */
export const OPERATIONS: Readonly<Record<OperationName, MockOperation>> = {
  create: operation('create', createTransaction),
  retrieve: operation('retrieve', retrieveTransaction),
  update: operation('update', updateTransaction),
  list: operation('list', listTransactions),
};

/** The operation a matched route runs. */
export function operationFor(matched: MatchedRoute): MockOperation {
  return OPERATIONS[matched.route.name];
}
