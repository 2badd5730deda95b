/**
 * What each `type` implies for a transaction's links and sign. Quotes are from the object
 * reference (../shared/seeds/000…, 003…) and Stripe's "Customer credit balance" guide
 * (docs.stripe.com/billing/customer/balance); "amount: negative is a credit for the customer's
 * balance, positive a debit" is the object reference's definition of the sign.
 *
 * | type | links | sign |
 * |---|---|---|
 * | adjustment | none | either: "to debit or credit the credit balance"; we make 65% credits, as goodwill credits are the common use |
 * | applied_to_invoice | invoice | toward zero: "the application of credit against a linked Invoice" (positive while the balance is a credit); the guide also applies a debit balance to the next invoice, so with a positive balance the whole debit moves onto the invoice (amount = −balance). Never past zero; never at balance 0 (nothing to apply) |
 * | unapplied_from_invoice | invoice | reversal: "Paired with an earlier 'applied_to_invoice' transaction" — the exact negation, same invoice |
 * | checkout_session_subscription_payment | checkout_session | toward zero, credit only: "the customer balance applied to an Invoice to be created for the linked Checkout Session"; Stripe documents no debit case, so we only apply credit (positive amount, balance < 0) |
 * | checkout_session_subscription_payment_canceled | checkout_session | reversal of an earlier payment on the same session |
 * | credit_note | credit_note + its invoice | credit: "Traces the creation of credit to a Credit Note and its associated Invoice" |
 * | initial | none | either: "The starting value of the customer's credit balance" (the `balance` a customer is created with, which may be either sign); we make 70% credits. Only ever the first transaction, and only from a zero balance |
 * | invoice_overpaid | invoice | credit: "Credits to the credit balance when an invoice receives payments exceeding the amount due" |
 * | invoice_too_large | invoice | debit: "Debits to the credit balance when the amount due … is greater than Stripe's maximum chargeable amount"; amount above eight digits |
 * | invoice_too_small | invoice | debit: "Debits … less than Stripe's minimum chargeable amount"; amount below the currency minimum |
 * | migration | none | either: "Funds migrated from the legacy customer credit balance", which held either sign; we make 75% credits |
 * | unspent_receiver_credit | none | credit: "Unspent funds in receiver Sources that got automatically charged and credited to the balance" |
 *
 * `checkout_session` links only the session (the invoice does not exist yet, "to be created").
 */
import type { CustomerBalanceTransactionType } from '../types.js';

/** Which link fields a type fills; every other link is null. */
export type LinkKind = 'none' | 'invoice' | 'credit_note' | 'checkout_session';

/** How a type's sign is decided; see the table above. */
export type SignRule = 'credit' | 'debit' | 'either' | 'toward_zero' | 'reversal';

export interface TypeRule {
  links: LinkKind;
  sign: SignRule;
  /** Share of credits when `sign` is 'either'. */
  creditShare?: number;
  /** Relative frequency among the types eligible at a given point of a ledger. */
  weight: number;
  /** For reversals: the type they reverse. */
  reverses?: CustomerBalanceTransactionType;
}

export const TYPE_RULES: Readonly<Record<CustomerBalanceTransactionType, TypeRule>> = {
  adjustment: { links: 'none', sign: 'either', creditShare: 0.65, weight: 30 },
  applied_to_invoice: { links: 'invoice', sign: 'toward_zero', weight: 25 },
  unapplied_from_invoice: {
    links: 'invoice',
    sign: 'reversal',
    weight: 4,
    reverses: 'applied_to_invoice',
  },
  checkout_session_subscription_payment: { links: 'checkout_session', sign: 'toward_zero', weight: 4 },
  checkout_session_subscription_payment_canceled: {
    links: 'checkout_session',
    sign: 'reversal',
    weight: 1.5,
    reverses: 'checkout_session_subscription_payment',
  },
  credit_note: { links: 'credit_note', sign: 'credit', weight: 12 },
  initial: { links: 'none', sign: 'either', creditShare: 0.7, weight: 2 },
  invoice_overpaid: { links: 'invoice', sign: 'credit', weight: 6 },
  invoice_too_large: { links: 'invoice', sign: 'debit', weight: 0.3 },
  invoice_too_small: { links: 'invoice', sign: 'debit', weight: 5 },
  migration: { links: 'none', sign: 'either', creditShare: 0.75, weight: 1 },
  unspent_receiver_credit: { links: 'none', sign: 'credit', weight: 1 },
};

/** Every `type` value in the spec, in the spec's order. */
export const TRANSACTION_TYPES = Object.freeze(
  Object.keys(TYPE_RULES).sort() as CustomerBalanceTransactionType[],
);

/** The types whose transaction links an invoice (`credit_note` links one too, with its note). */
export const INVOICE_LINKED_TYPES: ReadonlySet<CustomerBalanceTransactionType> = new Set(
  TRANSACTION_TYPES.filter((t) => TYPE_RULES[t].links === 'invoice' || TYPE_RULES[t].links === 'credit_note'),
);

export const CHECKOUT_SESSION_TYPES: ReadonlySet<CustomerBalanceTransactionType> = new Set(
  TRANSACTION_TYPES.filter((t) => TYPE_RULES[t].links === 'checkout_session'),
);

/**
 * Types that can follow any balance and history: a ledger allowed one of these can always take
 * another step, whatever came before.
 */
export const UNCONDITIONAL_TYPES: ReadonlySet<CustomerBalanceTransactionType> = new Set([
  'adjustment',
  'credit_note',
  'invoice_overpaid',
  'invoice_too_large',
  'invoice_too_small',
  'migration',
  'unspent_receiver_credit',
]);

export function isTransactionType(value: unknown): value is CustomerBalanceTransactionType {
  return typeof value === 'string' && Object.hasOwn(TYPE_RULES, value);
}
