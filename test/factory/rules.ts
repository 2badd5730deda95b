/**
 * Stripe's rules for balance transactions, written independently of the factory so the tests
 * can catch it breaking them. Each checker returns the violations it finds (empty = valid),
 * which makes fast-check counterexamples readable.
 */
import { validators } from '../../src/index.js';
import { currencyInfo } from '../../src/factory/currencies.js';
import type {
  CustomerBalanceTransactionType,
  ExpandableField,
  StrictCustomerBalanceTransaction,
} from '../../src/types.js';

// Fixtures are strict; a link given to the factory as an object stays one.
type CustomerBalanceTransaction = StrictCustomerBalanceTransaction<ExpandableField>;

export const ID = {
  transaction: /^cbtxn_[0-9A-Za-z]{24}$/,
  customer: /^cus_[0-9A-Za-z]{14}$/,
  invoice: /^in_[0-9A-Za-z]{24}$/,
  creditNote: /^cn_[0-9A-Za-z]{24}$/,
  checkoutTest: /^cs_test_[0-9A-Za-z]{58}$/,
  checkoutLive: /^cs_live_[0-9A-Za-z]{58}$/,
};

const INVOICE_TYPES = new Set<CustomerBalanceTransactionType>([
  'applied_to_invoice',
  'unapplied_from_invoice',
  'invoice_overpaid',
  'invoice_too_large',
  'invoice_too_small',
  'credit_note',
]);
const CHECKOUT_TYPES = new Set<CustomerBalanceTransactionType>([
  'checkout_session_subscription_payment',
  'checkout_session_subscription_payment_canceled',
]);
export const CREDIT_TYPES = new Set<CustomerBalanceTransactionType>([
  'credit_note',
  'invoice_overpaid',
  'unspent_receiver_credit',
]);
export const DEBIT_TYPES = new Set<CustomerBalanceTransactionType>([
  'invoice_too_small',
  'invoice_too_large',
]);

/** Contract violations of one object, from the strict generated validator. */
export function contractErrors(value: unknown): string[] {
  if (validators.customer_balance_transaction(value)) return [];
  return (validators.customer_balance_transaction.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export function listContractErrors(value: unknown): string[] {
  if (validators.customer_balance_transaction_list(value)) return [];
  return (validators.customer_balance_transaction_list.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message}`,
  );
}

/** Links and id shapes implied by `type` (and `livemode` for Checkout Sessions). */
export function linkErrors(t: CustomerBalanceTransaction): string[] {
  const errors: string[] = [];
  const at = `${t.id} (${t.type})`;
  if (!ID.transaction.test(t.id)) errors.push(`${at}: id shape`);
  if (typeof t.customer !== 'string' || !ID.customer.test(t.customer)) errors.push(`${at}: customer shape`);
  if (INVOICE_TYPES.has(t.type)) {
    if (typeof t.invoice !== 'string' || !ID.invoice.test(t.invoice))
      errors.push(`${at}: needs an in_ invoice`);
  } else if (t.invoice !== null) errors.push(`${at}: invoice must be null`);
  if (t.type === 'credit_note') {
    if (typeof t.credit_note !== 'string' || !ID.creditNote.test(t.credit_note))
      errors.push(`${at}: needs a cn_`);
  } else if (t.credit_note !== null) errors.push(`${at}: credit_note must be null`);
  if (CHECKOUT_TYPES.has(t.type)) {
    const shape = t.livemode ? ID.checkoutLive : ID.checkoutTest;
    if (typeof t.checkout_session !== 'string' || !shape.test(t.checkout_session)) {
      errors.push(
        `${at}: needs a ${t.livemode ? 'cs_live_' : 'cs_test_'} session, got ${String(t.checkout_session)}`,
      );
    }
  } else if (t.checkout_session !== null) errors.push(`${at}: checkout_session must be null`);
  if (t.customer_account !== null) errors.push(`${at}: customer_account must be null`);
  return errors;
}

/** Sign and size rules that hold for a transaction on its own. */
export function signErrors(t: CustomerBalanceTransaction): string[] {
  const errors: string[] = [];
  const at = `${t.id} (${t.type}, ${t.amount} ${t.currency})`;
  if (!Number.isSafeInteger(t.amount) || t.amount === 0)
    errors.push(`${at}: amount must be a non-zero integer`);
  if (CREDIT_TYPES.has(t.type) && t.amount >= 0) errors.push(`${at}: must be a credit (negative)`);
  if (DEBIT_TYPES.has(t.type) && t.amount <= 0) errors.push(`${at}: must be a debit (positive)`);
  if (t.type === 'checkout_session_subscription_payment' && t.amount <= 0)
    errors.push(`${at}: applies credit (+)`);
  if (t.type === 'checkout_session_subscription_payment_canceled' && t.amount >= 0) {
    errors.push(`${at}: reverses a payment (-)`);
  }
  if (t.type === 'invoice_too_small' && t.amount >= currencyInfo(t.currency).minimumCharge) {
    errors.push(`${at}: must be below the minimum charge ${currencyInfo(t.currency).minimumCharge}`);
  }
  if (t.type === 'invoice_too_large' && t.amount <= 99_999_999) errors.push(`${at}: must exceed 99999999`);
  if (t.type === 'initial' && t.ending_balance !== t.amount) errors.push(`${at}: initial starts from zero`);
  if (t.type === 'applied_to_invoice') {
    const before = t.ending_balance - t.amount;
    const ok = before < 0 ? t.amount > 0 && t.ending_balance <= 0 : before > 0 && t.ending_balance === 0;
    if (!ok) errors.push(`${at}: must move ${before} toward zero without passing it`);
  }
  return errors;
}

export interface LedgerExpectations {
  now: number;
  livemode: boolean;
  startingBalance?: number;
  start?: number;
  end?: number;
  customer?: string;
  currency?: string;
  types?: readonly CustomerBalanceTransactionType[];
}

/** Every rule a ledger must follow, including those that span transactions. */
export function ledgerErrors(
  ledger: readonly CustomerBalanceTransaction[],
  expect: LedgerExpectations,
): string[] {
  const errors: string[] = [];
  let balance = expect.startingBalance ?? 0;
  let previousCreated = Number.NEGATIVE_INFINITY;
  const applied = new Map<string, number[]>();
  const payments = new Map<string, number[]>();
  const ids = new Set<string>();
  ledger.forEach((t, i) => {
    const at = `#${i} ${t.id} (${t.type})`;
    errors.push(...contractErrors(t).map((e) => `${at}: ${e}`), ...linkErrors(t), ...signErrors(t));
    if (ids.has(t.id)) errors.push(`${at}: duplicate id`);
    ids.add(t.id);
    if (t.ending_balance !== balance + t.amount) {
      errors.push(`${at}: ending_balance ${t.ending_balance} != ${balance} + ${t.amount}`);
    }
    if (t.created <= previousCreated) errors.push(`${at}: created ${t.created} not after ${previousCreated}`);
    if (t.created > expect.now) errors.push(`${at}: created ${t.created} after now ${expect.now}`);
    if (expect.start !== undefined && t.created < expect.start) errors.push(`${at}: created before start`);
    if (expect.end !== undefined && t.created > expect.end) errors.push(`${at}: created after end`);
    if (t.livemode !== expect.livemode) errors.push(`${at}: livemode ${t.livemode}`);
    if (expect.customer !== undefined && t.customer !== expect.customer) errors.push(`${at}: other customer`);
    if (t.customer !== ledger[0]?.customer) errors.push(`${at}: customer changes within the ledger`);
    if (expect.currency !== undefined && t.currency !== expect.currency)
      errors.push(`${at}: currency ${t.currency}`);
    if (t.currency !== ledger[0]?.currency) errors.push(`${at}: currency changes within the ledger`);
    if (expect.types && !expect.types.includes(t.type)) errors.push(`${at}: type outside types`);
    if (t.type === 'initial' && (i !== 0 || (expect.startingBalance ?? 0) !== 0)) {
      errors.push(`${at}: initial only first, from a zero balance`);
    }
    if (t.type === 'applied_to_invoice') {
      const ok = balance < 0 ? t.amount > 0 && t.amount <= -balance : balance > 0 && t.amount === -balance;
      if (!ok) errors.push(`${at}: applied ${t.amount} to balance ${balance} (toward zero, never past)`);
      push(applied, t.invoice as string, t.amount);
    }
    if (t.type === 'checkout_session_subscription_payment') {
      if (!(balance < 0 && t.amount > 0 && t.amount <= -balance))
        errors.push(`${at}: payment ${t.amount} at ${balance}`);
      push(payments, t.checkout_session as string, t.amount);
    }
    if (t.type === 'unapplied_from_invoice' && !take(applied, t.invoice as string, -t.amount)) {
      errors.push(`${at}: no earlier, unreversed applied_to_invoice of ${-t.amount} on ${String(t.invoice)}`);
    }
    if (
      t.type === 'checkout_session_subscription_payment_canceled' &&
      !take(payments, t.checkout_session as string, -t.amount)
    ) {
      errors.push(`${at}: no earlier, unreversed payment of ${-t.amount} on ${String(t.checkout_session)}`);
    }
    balance = t.ending_balance;
    previousCreated = t.created;
  });
  return errors;
}

function push(map: Map<string, number[]>, key: string, amount: number): void {
  const list = map.get(key) ?? [];
  list.push(amount);
  map.set(key, list);
}

function take(map: Map<string, number[]>, key: string, amount: number): boolean {
  const list = map.get(key);
  const at = list?.indexOf(amount) ?? -1;
  if (!list || at < 0) return false;
  list.splice(at, 1);
  return true;
}

/** Stripe's list order, computed the slow, obvious way: newest first, later input newer. */
export function listOrder(
  transactions: readonly CustomerBalanceTransaction[],
  customer: string,
): CustomerBalanceTransaction[] {
  return transactions
    .map((t, position) => ({ t, position }))
    .filter(({ t }) => (typeof t.customer === 'string' ? t.customer : t.customer.id) === customer)
    .sort((a, b) => b.t.created - a.t.created || b.position - a.position)
    .map(({ t }) => t);
}
