/**
 * `expand[]` as Stripe reads it for the objects the kit serves. Each object type names the
 * fields it can expand and what they expand into; a path walks that graph one dotted segment at
 * a time (`data.customer.invoice_credit_balance` from a list of transactions). Stripe caps a path
 * at four segments, `data.` included (`property_expansion_max_depth`), and refuses a field that
 * cannot be expanded with `This property cannot be expanded (path).`
 *
 * The mock models what it keeps: customers in full; invoices, credit notes and Checkout Sessions
 * as the ids it knows, expanded to the fields that link them back (`customer`, `invoice`).
 */
import { invoiceCreditFromBalance } from './customer-balance.js';
import { invalidRequest } from './api-errors.js';

/** The object types expansion walks through. */
export type ExpandableObject =
  | 'customer_balance_transaction'
  | 'customer'
  | 'invoice'
  | 'credit_note'
  | 'checkout.session'
  | 'invoice_settings';

/**
 * What each type's expandable fields become: another object, or (`includable`) a field sent only
 * when asked for, like a customer's `invoice_credit_balance`, or (`link`) an id the mock always
 * keeps `null` (a customer's `default_source`, `test_clock`): Stripe accepts the expansion and
 * a null stays null.
 */
const FIELDS: Readonly<
  Record<ExpandableObject, Readonly<Record<string, ExpandableObject | 'includable' | 'link'>>>
> = {
  customer_balance_transaction: {
    customer: 'customer',
    invoice: 'invoice',
    credit_note: 'credit_note',
    checkout_session: 'checkout.session',
  },
  // Upstream's x-expandableFields of customer (spec3.json), plus the includable
  // invoice_credit_balance; `address` and `shipping` are listed there though they are no ids.
  customer: {
    invoice_credit_balance: 'includable',
    cash_balance: 'includable',
    sources: 'includable',
    subscriptions: 'includable',
    tax: 'includable',
    tax_ids: 'includable',
    address: 'link',
    default_source: 'link',
    discount: 'link',
    shipping: 'link',
    test_clock: 'link',
    invoice_settings: 'invoice_settings',
  },
  invoice_settings: { default_payment_method: 'link' },
  invoice: { customer: 'customer' },
  credit_note: { customer: 'customer', invoice: 'invoice' },
  'checkout.session': { customer: 'customer' },
};

/** The top-level fields a transaction can expand (for docs and help texts). */
export const EXPANDABLE_FIELDS = Object.keys(FIELDS.customer_balance_transaction) as readonly string[];

/** Stripe's limit on the segments of one `expand[]` path, a list's `data.` included. */
export const MAX_EXPAND_DEPTH = 4;

/** The checked expansions of a request: a tree of field names (empty when nothing is expanded). */
export type ExpandPlan = ReadonlyMap<string, ExpandPlan>;

/** The empty plan. */
export const NO_EXPANSION: ExpandPlan = new Map();

/**
 * Checks the requested `paths` for a response of `root` (`list`: the paths start with `data.`)
 * and returns them as a tree. Throws Stripe's refusal, with `param: 'expand'`.
 */
export function planExpansion(
  paths: readonly string[] | undefined,
  root: ExpandableObject,
  list: boolean,
): ExpandPlan {
  const plan = new Map<string, Map<string, unknown>>();
  for (const path of paths ?? []) {
    const segments = path.split('.');
    if (segments.length > MAX_EXPAND_DEPTH) {
      throw invalidRequest(
        `You cannot expand more than ${MAX_EXPAND_DEPTH} levels of a property. Property: ${path}`,
        {
          code: 'property_expansion_max_depth',
          param: 'expand',
        },
      );
    }
    const fields = list ? (segments[0] === 'data' ? segments.slice(1) : []) : segments;
    if (fields.length === 0) throw cannotExpand(path);
    let type: ExpandableObject | 'includable' | 'link' = root;
    let node = plan;
    for (const field of fields) {
      const fieldsOfType: Readonly<Record<string, ExpandableObject | 'includable' | 'link'>> =
        type === 'includable' || type === 'link' ? {} : FIELDS[type];
      const next = Object.hasOwn(fieldsOfType, field) ? fieldsOfType[field] : undefined;
      if (next === undefined) throw cannotExpand(path);
      let child = node.get(field) as Map<string, Map<string, unknown>> | undefined;
      if (!child) {
        child = new Map();
        node.set(field, child);
      }
      node = child;
      type = next;
    }
  }
  return plan as ExpandPlan;
}

function cannotExpand(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
}

/** Where expansion finds the customers it puts in place of their ids. */
export interface ExpansionSource {
  /**
   * The customer `id` as the API sends it unexpanded (no `invoice_credit_balance`), with its
   * balances per currency beside it; `undefined` for a deleted customer or an id the mock never
   * knew, which expands as Stripe's deleted marker.
   */
  customer(
    id: string,
  ): { customer: { id: string; livemode: boolean }; balances: Readonly<Record<string, number>> } | undefined;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return undefined;
}

/** A customer's `invoice_credit_balance` from its balances per currency (in `balance`'s sign). */
export function invoiceCreditBalance(balances: Readonly<Record<string, number>>): Record<string, number> {
  const credit: Record<string, number> = {};
  for (const [currency, balance] of Object.entries(balances))
    credit[currency] = invoiceCreditFromBalance(balance);
  return credit;
}

/**
 * `customer` with `plan` applied: the fields sent only when asked for. `invoice_credit_balance`
 * (Stripe's sign) is the mock's own; the others are what Stripe sends for a customer with none of
 * them: no cash balance, no payment sources, subscriptions or tax ids, no tax location.
 */
export function expandCustomer(
  customer: { id: string; livemode: boolean },
  balances: Readonly<Record<string, number>>,
  plan: ExpandPlan,
): object {
  if (plan.size === 0) return customer;
  const out: Record<string, unknown> = { ...customer };
  const { id } = customer;
  const emptyList = (name: string) => ({
    object: 'list',
    data: [],
    has_more: false,
    url: `/v1/customers/${id}/${name}`,
  });
  if (plan.has('invoice_credit_balance')) out.invoice_credit_balance = invoiceCreditBalance(balances);
  if (plan.has('cash_balance')) {
    out.cash_balance = {
      object: 'cash_balance',
      available: null,
      customer: id,
      livemode: customer.livemode,
      settings: { reconciliation_mode: 'automatic', using_merchant_default: true },
    };
  }
  if (plan.has('tax')) {
    out.tax = {
      automatic_tax: 'unrecognized_location',
      ip_address: null,
      location: null,
      provider: 'stripe',
    };
  }
  for (const name of ['sources', 'subscriptions', 'tax_ids'] as const) {
    if (plan.has(name)) out[name] = emptyList(name);
  }
  return out;
}

function expandCustomerId(id: string, plan: ExpandPlan, source: ExpansionSource): object {
  const found = source.customer(id);
  if (!found) return { id, object: 'customer', deleted: true };
  return expandCustomer(found.customer, found.balances, plan);
}

/** `value` (an object of `type`) with the fields `plan` names put in place of their ids. */
export function expandObject<T extends object>(
  type: ExpandableObject,
  value: T,
  plan: ExpandPlan,
  source: ExpansionSource,
): T {
  if (plan.size === 0) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [field, sub] of plan) {
    const target = FIELDS[type][field];
    const id = idOf(out[field]);
    if (target === undefined || target === 'includable' || target === 'link' || id === undefined) continue;
    out[field] = expandLink(target, id, out, sub, source);
  }
  return out as T;
}

/** The object an id of `target` type expands into, from what `parent` knows of it. */
function expandLink(
  target: ExpandableObject,
  id: string,
  parent: Record<string, unknown>,
  plan: ExpandPlan,
  source: ExpansionSource,
): object {
  const customer = idOf(parent.customer) ?? null;
  switch (target) {
    case 'customer':
      return expandCustomerId(id, plan, source);
    case 'invoice':
      return expandObject('invoice', { id, object: 'invoice', customer }, plan, source);
    case 'credit_note':
      return expandObject(
        'credit_note',
        { id, object: 'credit_note', customer, invoice: idOf(parent.invoice) ?? null },
        plan,
        source,
      );
    case 'checkout.session':
      return expandObject('checkout.session', { id, object: 'checkout.session', customer }, plan, source);
    case 'customer_balance_transaction':
    case 'invoice_settings':
      // Never an id in what the mock sends: nothing to put in its place.
      return { id, object: target };
  }
}
