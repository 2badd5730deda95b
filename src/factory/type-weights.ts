/**
 * How often fixtures draw each transaction type, and how often an either-sign type is a credit.
 * Tuned for realism, not Stripe's rules (those are in src/stripe/transaction-types.ts): goodwill
 * credits are the common use of adjustments, so 65% of them are credits; `initial` and
 * `migration` balances lean to credit as well.
 */
import type { CustomerBalanceTransactionType } from '../types.js';

export interface TypeWeight {
  /** Relative frequency among the types eligible at a given point of a ledger. */
  readonly weight: number;
  /** Share of credits when the type's sign is 'either'. */
  readonly creditShare?: number;
}

export const TYPE_WEIGHTS: Readonly<Record<CustomerBalanceTransactionType, TypeWeight>> = {
  adjustment: { weight: 30, creditShare: 0.65 },
  applied_to_invoice: { weight: 25 },
  unapplied_from_invoice: { weight: 4 },
  checkout_session_subscription_payment: { weight: 4 },
  checkout_session_subscription_payment_canceled: { weight: 1.5 },
  credit_note: { weight: 12 },
  initial: { weight: 2, creditShare: 0.7 },
  invoice_overpaid: { weight: 6 },
  invoice_too_large: { weight: 0.3 },
  invoice_too_small: { weight: 5 },
  migration: { weight: 1, creditShare: 0.75 },
  unspent_receiver_credit: { weight: 1 },
};
