/**
 * Stripe's rules for each transaction `type`: what it implies for a transaction's links and sign. Quotes are from the object
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
  readonly links: LinkKind;
  readonly sign: SignRule;
  /** For reversals: the type they reverse. */
  readonly reverses?: CustomerBalanceTransactionType;
}

/**
 * One entry per `type` of the spec: a type added to the spec and not here fails to compile, so
 * no rule can skip it silently.
 */
export const TYPE_RULES: Readonly<Record<CustomerBalanceTransactionType, TypeRule>> = {
  adjustment: { links: 'none', sign: 'either' },
  applied_to_invoice: { links: 'invoice', sign: 'toward_zero' },
  unapplied_from_invoice: { links: 'invoice', sign: 'reversal', reverses: 'applied_to_invoice' },
  checkout_session_subscription_payment: { links: 'checkout_session', sign: 'toward_zero' },
  checkout_session_subscription_payment_canceled: {
    links: 'checkout_session',
    sign: 'reversal',
    reverses: 'checkout_session_subscription_payment',
  },
  credit_note: { links: 'credit_note', sign: 'credit' },
  initial: { links: 'none', sign: 'either' },
  invoice_overpaid: { links: 'invoice', sign: 'credit' },
  invoice_too_large: { links: 'invoice', sign: 'debit' },
  invoice_too_small: { links: 'invoice', sign: 'debit' },
  migration: { links: 'none', sign: 'either' },
  unspent_receiver_credit: { links: 'none', sign: 'credit' },
};

/** Every `type` value in the spec, sorted. */
export const TRANSACTION_TYPES = Object.freeze(
  Object.keys(TYPE_RULES).sort() as CustomerBalanceTransactionType[],
);

/** The fields by which a transaction links another object. */
export const LINK_FIELDS = ['invoice', 'credit_note', 'checkout_session'] as const;
export type LinkField = (typeof LINK_FIELDS)[number];

/** Id prefixes Stripe uses for the transaction and the objects it refers to. */
export const ID_PREFIXES = {
  customer_balance_transaction: 'cbtxn_',
  customer: 'cus_',
  invoice: 'in_',
  credit_note: 'cn_',
  checkout_session: 'cs_',
} as const;

/**
 * For each type, the link fields it fills: `credit_note` fills its note and the note's invoice;
 * every field not listed is null.
 */
const LINKED: Readonly<Record<LinkKind, ReadonlySet<LinkField>>> = {
  none: new Set(),
  invoice: new Set(['invoice']),
  credit_note: new Set(['credit_note', 'invoice']),
  checkout_session: new Set(['checkout_session']),
};

/** The link fields a transaction of `type` fills. */
export function linkedFields(type: CustomerBalanceTransactionType): ReadonlySet<LinkField> {
  return LINKED[TYPE_RULES[type].links];
}

/** The types whose transaction links an invoice (`credit_note` links one too, with its note). */
export const INVOICE_LINKED_TYPES: ReadonlySet<CustomerBalanceTransactionType> = new Set(
  TRANSACTION_TYPES.filter((t) => linkedFields(t).has('invoice')),
);

export const CHECKOUT_SESSION_TYPES: ReadonlySet<CustomerBalanceTransactionType> = new Set(
  TRANSACTION_TYPES.filter((t) => TYPE_RULES[t].links === 'checkout_session'),
);

/**
 * Types that can follow any balance and history: a ledger allowed one of these can always take
 * another step, whatever came before.
 */
export const UNCONDITIONAL_TYPES: ReadonlySet<CustomerBalanceTransactionType> = new Set(
  TRANSACTION_TYPES.filter((t) => {
    const { sign } = TYPE_RULES[t];
    return (sign === 'credit' || sign === 'debit' || sign === 'either') && t !== 'initial';
  }),
);

/** True for a `type` value the spec knows (own keys only: `__proto__` is not a type). */
export function isTransactionType(value: unknown): value is CustomerBalanceTransactionType {
  return typeof value === 'string' && Object.hasOwn(TYPE_RULES, value);
}
