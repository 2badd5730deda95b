/**
 * The five customer operations. A customer's `balance` is never written directly: setting it
 * (on create or update) records the transaction for the difference, so the ledger always
 * explains the balance, as on Stripe, where "all modifications to the credit balance are
 * recorded as Transactions" (docs.stripe.com/invoicing/customer/balance).
 *
 * - A balance given at creation is recorded as type `initial`, which Stripe's reference
 *   describes as "The starting value of the customer's credit balance"
 *   (docs.stripe.com/api/customer_balance_transactions/object, `type`).
 * - A balance set by update is recorded as `adjustment`, the type of every balance change made
 *   through the API or the Dashboard (same page).
 * - The credit balance "is in the customer's currency" (docs.stripe.com/invoicing/customer/balance).
 *   A customer without one (the create call takes no currency) has its balance recorded in the
 *   account's default currency (the mock's `defaultCurrency`, `usd` unless set), which then
 *   becomes the customer's currency, as the first balance transaction's currency does ("If the
 *   customer's currency is not set, it will be updated to this value", create balance transaction).
 */
import type {
  BuiltCustomer,
  CustomerListParams,
  StrictCustomerCreateParams,
  StrictCustomerList,
  StrictCustomerUpdateParams,
  StrictDeletedCustomer,
} from '../types.js';
import { customerMissing } from '../stripe/api-errors.js';
import { type ExpandPlan, expandCustomer } from '../stripe/expand.js';
import { checkListQuery } from '../stripe/paging.js';
import type { DeleteParams, RetrieveParams } from '../stripe/params.js';
import {
  checkBalanceRange,
  isCursor,
  matchesCreated,
  mergedMetadata,
  type OperationContext,
  operation,
  withoutEmptyValues,
} from './operations.js';
import { applyProfile, type CustomerRecord, MockStore } from './store.js';

/**
 * The customer of the path, live and in the request's account. Stripe names the path's id
 * `id` in these refusals (the balance-transaction paths name it `customer`).
 */
function liveCustomer(ctx: OperationContext): CustomerRecord {
  const record = ctx.store.live(ctx.customer, ctx.account);
  if (!record) throw customerMissing(ctx.customer, 'id');
  return record;
}

function answer(ctx: OperationContext, record: CustomerRecord, plan: ExpandPlan): BuiltCustomer {
  return expandCustomer(ctx.store.apiCustomer(record), ctx.store.balances(record), plan) as BuiltCustomer;
}

/** `''` unsets a customer's text field (null), as Stripe reads an empty value. */
function text(value: string | undefined, current: string | null): string | null {
  if (value === undefined) return current;
  return value === '' ? null : value;
}

/** Records the transaction that takes the customer's balance to `target`; none when it is already there. */
function moveBalanceTo(
  ctx: OperationContext,
  record: CustomerRecord,
  target: number,
  type: 'initial' | 'adjustment',
): void {
  const currency = record.currency ?? ctx.defaultCurrency;
  const before = ctx.store.balanceOf(record, currency);
  const amount = target - before;
  if (amount === 0) return;
  checkBalanceRange(before, amount, currency, 'balance');
  ctx.store.append(record.id, {
    amount,
    currency,
    type,
    created: ctx.nowSeconds,
    livemode: ctx.livemode,
  });
}

function createCustomer(ctx: OperationContext, params: StrictCustomerCreateParams, plan: ExpandPlan) {
  const record = ctx.store.createRecord({
    account: ctx.account,
    livemode: ctx.livemode,
    email: text(params.email, null),
    name: text(params.name, null),
    description: text(params.description, null),
    metadata: typeof params.metadata === 'object' ? withoutEmptyValues(params.metadata) : {},
  });
  applyProfile(record, params);
  if (params.balance !== undefined) moveBalanceTo(ctx, record, params.balance, 'initial');
  return answer(ctx, record, plan);
}

function retrieveCustomer(
  ctx: OperationContext,
  _params: RetrieveParams,
  plan: ExpandPlan,
): BuiltCustomer | StrictDeletedCustomer {
  const record = ctx.store.visible(ctx.customer, ctx.account);
  if (!record) throw customerMissing(ctx.customer, 'id');
  if (record.deleted) return { id: record.id, object: 'customer', deleted: true };
  return answer(ctx, record, plan);
}

function updateCustomer(ctx: OperationContext, params: StrictCustomerUpdateParams, plan: ExpandPlan) {
  const record = liveCustomer(ctx);
  // The balance first: a refused balance leaves every other field as it was.
  if (params.balance !== undefined) moveBalanceTo(ctx, record, params.balance, 'adjustment');
  record.email = text(params.email, record.email);
  record.name = text(params.name, record.name);
  record.description = text(params.description, record.description);
  if (params.metadata !== undefined) record.metadata = mergedMetadata(record.metadata, params.metadata);
  applyProfile(record, params);
  return answer(ctx, record, plan);
}

function deleteCustomer(ctx: OperationContext, _params: DeleteParams): StrictDeletedCustomer {
  const record = liveCustomer(ctx);
  record.deleted = true;
  return { id: record.id, object: 'customer', deleted: true };
}

function listCustomers(
  ctx: OperationContext,
  params: CustomerListParams,
  plan: ExpandPlan,
): StrictCustomerList {
  const query = {
    limit: params.limit,
    starting_after: params.starting_after,
    ending_before: params.ending_before,
  };
  const limit = checkListQuery(query);
  const matching: CustomerRecord[] = [];
  for (const record of ctx.store.customersOf(ctx.account)) {
    if (
      isCursor(record.id, query) ||
      (matchesCreated(record.created, params.created) &&
        (params.email === undefined || record.email === params.email))
    ) {
      matching.push(record);
    }
  }
  // A cursor is any live customer of the account, matching the filters or not: it stays in the
  // narrowed list as the place to start from (a page never includes its cursor).
  const page = MockStore.customerList(matching).pageItems(query, limit);
  return {
    object: 'list',
    data: page.data.map((record) => answer(ctx, record, plan)),
    has_more: page.has_more,
    url: '/v1/customers',
  };
}

/** The customer operations, by route name. */
export const CUSTOMER_OPERATIONS = {
  createCustomer: operation('createCustomer', createCustomer),
  retrieveCustomer: operation('retrieveCustomer', retrieveCustomer),
  updateCustomer: operation('updateCustomer', updateCustomer),
  deleteCustomer: operation('deleteCustomer', deleteCustomer),
  listCustomers: operation('listCustomers', listCustomers),
} as const;
