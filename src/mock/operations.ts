/**
 * The four operations, as plain functions of (store, request parameters) → response body.
 * They throw `StripeApiError` for anything Stripe would refuse while executing.
 */
import { invalidRequest, resourceMissing } from '../errors.js';
import type {
  CreateParams,
  CustomerBalanceTransaction,
  CustomerBalanceTransactionList,
  ListParams,
  Metadata,
  UpdateParams,
} from '../types.js';
import { type ExpandPlan, expandTransaction } from './expand.js';
import { CustomerTransactions, checkListQuery } from '../factory/list-index.js';
import { randomId } from './random-ids.js';
import type { MockStore } from './store.js';

export interface OperationContext {
  store: MockStore;
  customer: string;
  livemode: boolean;
  nowSeconds: number;
}

function withoutEmptyValues(metadata: Metadata): Metadata {
  const out: Metadata = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value !== '')
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function createTransaction(
  ctx: OperationContext,
  params: CreateParams,
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
  return expandTransaction(created, plan, (c) => ctx.store.getCustomer(c));
}

function findOwn(ctx: OperationContext, id: string): CustomerBalanceTransaction {
  const found = ctx.store.find(id);
  // Another customer's transaction is as missing as an unknown one: ids don't leak across customers.
  if (!found || found.customer !== ctx.customer) {
    throw resourceMissing(`No such customer balance transaction: '${id}'`, 'transaction');
  }
  return found.transaction;
}

export function retrieveTransaction(
  ctx: OperationContext,
  id: string,
  plan: ExpandPlan,
): CustomerBalanceTransaction {
  return expandTransaction(findOwn(ctx, id), plan, (c) => ctx.store.getCustomer(c));
}

/** Only description and metadata change; metadata merges key by key, `''` unsets. */
export function updateTransaction(
  ctx: OperationContext,
  id: string,
  params: UpdateParams,
  plan: ExpandPlan,
): CustomerBalanceTransaction {
  const current = findOwn(ctx, id);
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
  return expandTransaction(next, plan, (c) => ctx.store.getCustomer(c));
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

export function listTransactions(
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
  return { ...page, data: page.data.map((t) => expandTransaction(t, plan, (c) => ctx.store.getCustomer(c))) };
}
