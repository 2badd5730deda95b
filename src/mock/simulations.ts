/**
 * `mock.simulate`: the flows by which Stripe itself moves a customer's balance (an invoice
 * finalized or voided, a credit note, an overpayment, an invoice too small or too large to
 * charge, a Checkout Session paid or canceled), run against the mock's state as Stripe would run
 * them, so a test can make the ledger a real account would show without a real account.
 *
 * Every flow appends through the store, so links, signs and the `ending_balance` chain follow
 * `TYPE_RULES` (src/stripe/transaction-types.ts), and refuses bad input with the error the API
 * gives. Each runs synchronously and returns what it made; transactions are copies, so a test
 * cannot reach into the mock's state through them.
 */
import { invalidRequest, resourceMissing } from '../stripe/api-errors.js';
import { currencyDecimals, MAXIMUM_CHARGE, MINIMUM_CHARGES } from '../stripe/currencies.js';
import { formatMoney } from '../stripe/money.js';
import { ID_PREFIXES } from '../stripe/transaction-types.js';
import type {
  CustomerBalanceTransaction,
  CustomerBalanceTransactionType,
  StrictCustomerBalanceTransaction,
} from '../types.js';
import { checkBalanceRange } from './operations.js';
import { randomId } from './random-ids.js';
import {
  amountField,
  currencyField,
  customerInvoice,
  fieldsOf,
  idField,
  liveCustomer,
  openInvoice,
} from './simulation-input.js';
import type { CustomerRecord, InvoiceRecord, MockStore } from './store.js';

/** What `simulate.invoiceFinalized` takes. */
export interface InvoiceFinalizedInput {
  customer: string;
  /** The invoice's total before the balance, in minor units (positive). */
  amountDue: number;
  /** Default: the customer's currency. */
  currency?: string;
}
/** What `simulate.invoiceFinalized` made. */
export interface InvoiceFinalizedResult {
  /** The new invoice's id (`in_…`). */
  invoice: string;
  /** The `applied_to_invoice` transaction, or null when the balance in that currency was zero. */
  transaction: StrictCustomerBalanceTransaction | null;
  /** What is left to pay once the balance is applied (more than `amountDue` when the customer owed). */
  amountRemaining: number;
}

/** What `simulate.invoiceVoided` takes. */
export interface InvoiceVoidedInput {
  customer: string;
  /** An invoice an earlier simulation made for this customer. */
  invoice: string;
}
/** What `simulate.invoiceVoided` made. */
export interface InvoiceVoidedResult {
  invoice: string;
  /** The `unapplied_from_invoice` reversing what was applied, or null when nothing was. */
  transaction: StrictCustomerBalanceTransaction | null;
}

/** What `simulate.creditNoteIssued` takes. */
export interface CreditNoteIssuedInput {
  customer: string;
  /** The credit note's total, positive as on Stripe's credit note; the balance gets `-amount`. */
  amount: number;
  /** Default: the invoice's currency, else the customer's. */
  currency?: string;
  /** The invoice credited; a new one when omitted. */
  invoice?: string;
}
/** What `simulate.creditNoteIssued` made. */
export interface CreditNoteIssuedResult {
  /** The new credit note's id (`cn_…`). */
  creditNote: string;
  invoice: string;
  transaction: StrictCustomerBalanceTransaction;
}

/** What `simulate.invoiceOverpaid` takes. */
export interface InvoiceOverpaidInput {
  customer: string;
  /** How much was paid beyond the amount due (positive); the balance gets `-amount`. */
  amount: number;
  currency?: string;
  /** The invoice overpaid; a new one when omitted. */
  invoice?: string;
}
/** What `simulate.invoiceOverpaid` made (and `invoiceTooSmall`, `invoiceTooLarge`). */
export interface InvoiceOverpaidResult {
  invoice: string;
  transaction: StrictCustomerBalanceTransaction;
}

/** What `simulate.invoiceTooSmall` takes. */
export interface InvoiceTooSmallInput {
  customer: string;
  /** The amount due, below the currency's minimum charge; the balance gets `+amount`. */
  amount: number;
  currency?: string;
}
/** What `simulate.invoiceTooSmall` made. */
export type InvoiceTooSmallResult = InvoiceOverpaidResult;

/** What `simulate.invoiceTooLarge` takes. */
export interface InvoiceTooLargeInput {
  customer: string;
  /** The amount due, above Stripe's maximum charge (99,999,999); the balance gets `+amount`. */
  amount: number;
  currency?: string;
}
/** What `simulate.invoiceTooLarge` made. */
export type InvoiceTooLargeResult = InvoiceOverpaidResult;

/** What `simulate.checkoutSessionPaid` takes. */
export interface CheckoutSessionPaidInput {
  customer: string;
  /** The subscription payment the session collects (positive). */
  amount: number;
  currency?: string;
}
/** What `simulate.checkoutSessionPaid` made. */
export interface CheckoutSessionPaidResult {
  /** The new session's id (`cs_test_…`, or `cs_live_…` for a live-mode customer). */
  checkoutSession: string;
  /** The credit applied to the payment, or null when the customer had no credit in that currency. */
  transaction: StrictCustomerBalanceTransaction | null;
}

/** What `simulate.checkoutSessionCanceled` takes. */
export interface CheckoutSessionCanceledInput {
  customer: string;
  /** A session `checkoutSessionPaid` made for this customer. */
  checkoutSession: string;
}
/** What `simulate.checkoutSessionCanceled` made. */
export interface CheckoutSessionCanceledResult {
  checkoutSession: string;
  /** The reversal of what the payment applied, or null when nothing was. */
  transaction: StrictCustomerBalanceTransaction | null;
}

/** Stripe's balance flows, run on the mock's state (`mock.simulate`). */
export interface Simulations {
  /** An invoice finalized: the balance is applied to it (credit up to the amount due; a debit whole). */
  invoiceFinalized(input: InvoiceFinalizedInput): InvoiceFinalizedResult;
  /** An invoice voided: what was applied to it goes back to the balance. Voiding twice is refused. */
  invoiceVoided(input: InvoiceVoidedInput): InvoiceVoidedResult;
  /** A credit note issued to the balance (`credit_note`, a credit of `amount`). */
  creditNoteIssued(input: CreditNoteIssuedInput): CreditNoteIssuedResult;
  /** An invoice paid beyond its amount due: the excess is credited (`invoice_overpaid`). */
  invoiceOverpaid(input: InvoiceOverpaidInput): InvoiceOverpaidResult;
  /** An invoice below the minimum charge, marked paid, its amount owed moved to the balance. */
  invoiceTooSmall(input: InvoiceTooSmallInput): InvoiceTooSmallResult;
  /** An invoice above the maximum charge, its amount owed moved to the balance. */
  invoiceTooLarge(input: InvoiceTooLargeInput): InvoiceTooLargeResult;
  /** A Checkout Session's subscription payment: the customer's credit is applied to it. */
  checkoutSessionPaid(input: CheckoutSessionPaidInput): CheckoutSessionPaidResult;
  /** That session canceled: the credit applied goes back to the balance. */
  checkoutSessionCanceled(input: CheckoutSessionCanceledInput): CheckoutSessionCanceledResult;
}

/** Every simulation's name, as `serve` exposes them on `/_balance_kit/simulate/<name>`. */
export const SIMULATION_NAMES: readonly (keyof Simulations)[] = Object.freeze([
  'invoiceFinalized',
  'invoiceVoided',
  'creditNoteIssued',
  'invoiceOverpaid',
  'invoiceTooSmall',
  'invoiceTooLarge',
  'checkoutSessionPaid',
  'checkoutSessionCanceled',
]);

/** True for a simulation's name (own names only: `__proto__` is none). */
export function isSimulationName(name: string): name is keyof Simulations {
  return (SIMULATION_NAMES as readonly string[]).includes(name);
}

/** What the simulations act on: the store and the mock's clock (a `StripeCore` is one). */
export interface SimulationTarget {
  readonly store: MockStore;
  nowSeconds(): number;
}

/**
 * How much of a balance applies to `due`, in the sign of `applied_to_invoice` (TYPE_RULES:
 * toward zero, never past it): a credit pays up to `due`; a debit moves onto the invoice whole
 * when `debitToo`, as an invoice takes it (a Checkout payment only ever takes credit).
 */
function towardZero(balance: number, due: number, debitToo: boolean): number {
  if (balance < 0) return Math.min(-balance, due);
  return balance > 0 && debitToo ? -balance : 0;
}

function stored(transaction: CustomerBalanceTransaction): StrictCustomerBalanceTransaction {
  return structuredClone(transaction) as StrictCustomerBalanceTransaction;
}

/** The minimum charge of `currency` in minor units, when Stripe's table lists it. */
function minimumCharge(currency: string): number | undefined {
  const major = MINIMUM_CHARGES[currency];
  return major === undefined ? undefined : Math.round(major * 10 ** currencyDecimals(currency));
}

/** The simulations of one mock, over its store and clock. */
export function simulations(target: SimulationTarget): Simulations {
  const { store } = target;

  function append(
    record: CustomerRecord,
    type: CustomerBalanceTransactionType,
    amount: number,
    currency: string,
    links: { invoice?: string; credit_note?: string; checkout_session?: string },
    created: number,
  ): StrictCustomerBalanceTransaction {
    return stored(
      store.append(record.id, { amount, currency, type, created, livemode: record.livemode, ...links }),
    );
  }

  /** The invoice given, still open, or a new one in `currency`. */
  function invoiceFor(
    record: CustomerRecord,
    given: InvoiceRecord | undefined,
    currency: string,
    created: number,
  ): InvoiceRecord {
    return given ?? store.addInvoice(record, currency, created);
  }

  /**
   * What the invoice flows read: the live customer, a positive `amount`, the invoice given (still
   * open for `action`) when the flow takes one, and the currency; refused as the API refuses.
   */
  function readInvoiceAmount(input: unknown, acceptsInvoice: boolean, action: 'paid' | 'credited') {
    const fields = fieldsOf(
      input,
      acceptsInvoice ? ['customer', 'amount', 'currency', 'invoice'] : ['customer', 'amount', 'currency'],
    );
    const record = liveCustomer(store, fields.customer);
    const amount = amountField(fields.amount, 'amount');
    const given =
      fields.invoice === undefined
        ? undefined
        : openInvoice(customerInvoice(store, record, fields.invoice), action);
    const currency = currencyField(fields.currency, record, given?.currency);
    return { record, amount, given, currency };
  }

  /** A flow that credits or debits `amount` on an invoice (given or new), with its refusals. */
  function invoiceFlow(
    input: unknown,
    type: 'invoice_overpaid' | 'invoice_too_small' | 'invoice_too_large',
    sign: 1 | -1,
    acceptsInvoice: boolean,
    check?: (amount: number, currency: string) => void,
  ): InvoiceOverpaidResult {
    const { record, amount, given, currency } = readInvoiceAmount(input, acceptsInvoice, 'paid');
    check?.(amount, currency);
    checkBalanceRange(store.balanceOf(record, currency), sign * amount, currency, 'amount');
    const created = target.nowSeconds();
    const invoice = invoiceFor(record, given, currency, created);
    const transaction = append(record, type, sign * amount, currency, { invoice: invoice.id }, created);
    return { invoice: invoice.id, transaction };
  }

  return {
    invoiceFinalized(input) {
      const fields = fieldsOf(input, ['customer', 'amountDue', 'currency']);
      const record = liveCustomer(store, fields.customer);
      const amountDue = amountField(fields.amountDue, 'amountDue');
      const currency = currencyField(fields.currency, record);
      const balance = store.balanceOf(record, currency);
      const applied = towardZero(balance, amountDue, true);
      const amountRemaining = amountDue - applied;
      if (!Number.isSafeInteger(amountRemaining)) {
        throw invalidRequest(
          `The amount due plus the ${currency} balance the customer owes (${balance}) is beyond ${Number.MAX_SAFE_INTEGER}, the largest integer JSON clients represent exactly. Use a smaller amount.`,
          { code: 'amount_too_large', param: 'amountDue' },
        );
      }
      const created = target.nowSeconds();
      const invoice = store.addInvoice(record, currency, created);
      if (applied === 0) return { invoice: invoice.id, transaction: null, amountRemaining };
      invoice.applied += applied;
      const transaction = append(
        record,
        'applied_to_invoice',
        applied,
        currency,
        { invoice: invoice.id },
        created,
      );
      return { invoice: invoice.id, transaction, amountRemaining };
    },

    invoiceVoided(input) {
      const fields = fieldsOf(input, ['customer', 'invoice']);
      const record = liveCustomer(store, fields.customer);
      const invoice = customerInvoice(store, record, fields.invoice);
      if (invoice.voided) {
        // Stripe voids only open or uncollectible invoices; a void one is neither.
        throw invalidRequest(
          `You can only void an open or uncollectible invoice; invoice ${invoice.id} is already void.`,
          { param: 'invoice' },
        );
      }
      const amount = -invoice.applied;
      if (amount !== 0) {
        checkBalanceRange(store.balanceOf(record, invoice.currency), amount, invoice.currency, 'invoice');
      }
      invoice.voided = true;
      if (amount === 0) return { invoice: invoice.id, transaction: null };
      invoice.applied = 0;
      const transaction = append(
        record,
        'unapplied_from_invoice',
        amount,
        invoice.currency,
        { invoice: invoice.id },
        target.nowSeconds(),
      );
      return { invoice: invoice.id, transaction };
    },

    creditNoteIssued(input) {
      const { record, amount, given, currency } = readInvoiceAmount(input, true, 'credited');
      checkBalanceRange(store.balanceOf(record, currency), -amount, currency, 'amount');
      const created = target.nowSeconds();
      const invoice = invoiceFor(record, given, currency, created);
      const creditNote = randomId(ID_PREFIXES.credit_note, 24);
      const transaction = append(
        record,
        'credit_note',
        -amount,
        currency,
        { invoice: invoice.id, credit_note: creditNote },
        created,
      );
      return { creditNote, invoice: invoice.id, transaction };
    },

    invoiceOverpaid: (input) => invoiceFlow(input, 'invoice_overpaid', -1, true),

    invoiceTooSmall: (input) =>
      invoiceFlow(input, 'invoice_too_small', 1, false, (amount, currency) => {
        const minimum = minimumCharge(currency);
        if (minimum !== undefined && amount >= minimum) {
          throw invalidRequest(
            `An invoice of ${formatMoney(amount, currency)} can be charged: only an amount below the minimum charge (${formatMoney(minimum, currency)}) is moved to the balance as invoice_too_small.`,
            { param: 'amount' },
          );
        }
      }),

    invoiceTooLarge: (input) =>
      invoiceFlow(input, 'invoice_too_large', 1, false, (amount, currency) => {
        if (amount <= MAXIMUM_CHARGE) {
          throw invalidRequest(
            `An invoice of ${formatMoney(amount, currency)} can be charged: only an amount above the maximum charge (${MAXIMUM_CHARGE} in minor units) is moved to the balance as invoice_too_large.`,
            { param: 'amount' },
          );
        }
      }),

    checkoutSessionPaid(input) {
      const fields = fieldsOf(input, ['customer', 'amount', 'currency']);
      const record = liveCustomer(store, fields.customer);
      const amount = amountField(fields.amount, 'amount');
      const currency = currencyField(fields.currency, record);
      const applied = towardZero(store.balanceOf(record, currency), amount, false);
      const mode = record.livemode ? 'live_' : 'test_';
      const session = store.addCheckoutSession({
        id: randomId(`${ID_PREFIXES.checkout_session}${mode}`, 58),
        customer: record.id,
        currency,
        applied,
        canceled: false,
      });
      if (applied === 0) return { checkoutSession: session.id, transaction: null };
      const transaction = append(
        record,
        'checkout_session_subscription_payment',
        applied,
        currency,
        { checkout_session: session.id },
        target.nowSeconds(),
      );
      return { checkoutSession: session.id, transaction };
    },

    checkoutSessionCanceled(input) {
      const fields = fieldsOf(input, ['customer', 'checkoutSession']);
      const record = liveCustomer(store, fields.customer);
      const id = idField(fields.checkoutSession, 'checkoutSession');
      const session = store.checkoutSession(id, record.id);
      if (!session) {
        throw resourceMissing(`No such checkout session: '${id}'`, 'checkoutSession');
      }
      if (session.canceled) {
        throw invalidRequest(`Checkout session ${id} is already canceled.`, { param: 'checkoutSession' });
      }
      const amount = -session.applied;
      if (amount !== 0) {
        checkBalanceRange(
          store.balanceOf(record, session.currency),
          amount,
          session.currency,
          'checkoutSession',
        );
      }
      session.canceled = true;
      if (amount === 0) return { checkoutSession: id, transaction: null };
      session.applied = 0;
      const transaction = append(
        record,
        'checkout_session_subscription_payment_canceled',
        amount,
        session.currency,
        { checkout_session: id },
        target.nowSeconds(),
      );
      return { checkoutSession: id, transaction };
    },
  };
}
