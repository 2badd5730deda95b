/**
 * `expand[]` for the four endpoints. A transaction can expand its `customer`, `invoice`,
 * `credit_note` and `checkout_session`; a list expands the same fields under `data.`.
 * Anything else is refused the way Stripe refuses it.
 */
import type { CustomerBalanceTransaction } from '../types.js';
import { invalidRequest } from './api-errors.js';

export const EXPANDABLE_FIELDS = ['customer', 'invoice', 'credit_note', 'checkout_session'] as const;
type ExpandableField = (typeof EXPANDABLE_FIELDS)[number];

export type ExpandPlan = ReadonlySet<ExpandableField>;

/** Checks the requested paths (`prefix` is `'data.'` for lists); throws Stripe's refusal. */
export function planExpansion(paths: readonly string[] | undefined, prefix: '' | 'data.'): ExpandPlan {
  const plan = new Set<ExpandableField>();
  for (const path of paths ?? []) {
    const field = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    if (!field || !(EXPANDABLE_FIELDS as readonly string[]).includes(field)) {
      throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
    }
    plan.add(field as ExpandableField);
  }
  return plan;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return undefined;
}

/**
 * `transaction` with the planned fields expanded. `customerOf` gives the customer object to put
 * in place of its id; a customer it does not know expands as Stripe's deleted customer.
 */
export function expandTransaction(
  transaction: CustomerBalanceTransaction,
  plan: ExpandPlan,
  customerOf: (id: string) => ({ id: string; object: 'customer' } & object) | undefined,
): CustomerBalanceTransaction {
  if (plan.size === 0) return transaction;
  const out: CustomerBalanceTransaction = { ...transaction };
  const customerId = idOf(transaction.customer) ?? '';
  // The expansions carry more than `{ id, object }`; typed by those two, as the object is.
  if (plan.has('customer')) {
    const deleted = { id: customerId, object: 'customer' as const, deleted: true };
    out.customer = customerOf(customerId) ?? deleted;
  }
  const invoice = idOf(transaction.invoice);
  if (plan.has('invoice') && invoice) {
    const expandedInvoice = { id: invoice, object: 'invoice' as const, customer: customerId };
    out.invoice = expandedInvoice;
  }
  const creditNote = idOf(transaction.credit_note);
  if (plan.has('credit_note') && creditNote) {
    const expandedCreditNote = {
      id: creditNote,
      object: 'credit_note' as const,
      customer: customerId,
      invoice: invoice ?? null,
    };
    out.credit_note = expandedCreditNote;
  }
  const session = idOf(transaction.checkout_session);
  if (plan.has('checkout_session') && session) {
    const expandedSession = { id: session, object: 'checkout.session' as const, customer: customerId };
    out.checkout_session = expandedSession;
  }
  return out;
}
