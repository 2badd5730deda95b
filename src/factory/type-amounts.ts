/**
 * How large, and which sign, a transaction of each type is (the sign rules are in
 * transaction-types.ts). Sizes: a credit note or manual adjustment is a typical invoice amount,
 * an overpayment or leftover receiver credit is small, `invoice_too_small` is below the
 * currency's minimum charge and `invoice_too_large` above Stripe's eight-digit maximum.
 */
import type { CustomerBalanceTransactionType } from '../types.js';
import { amountAboveMaximum, amountBelowMinimum, amountOfSize } from './amounts.js';
import type { CurrencyInfo } from './currencies.js';
import type { RandomSource } from './random-source.js';
import { TYPE_RULES } from '../stripe/transaction-types.js';
import { TYPE_WEIGHTS } from './type-weights.js';

/** A positive magnitude for `type` in `currency`'s minor unit. */
export function magnitude(
  random: RandomSource,
  type: CustomerBalanceTransactionType,
  currency: CurrencyInfo,
): number {
  switch (type) {
    case 'invoice_too_small':
      return amountBelowMinimum(random, currency);
    case 'invoice_too_large':
      return amountAboveMaximum(random, currency);
    case 'invoice_overpaid':
    case 'unspent_receiver_credit':
      return amountOfSize(random, currency, 'small');
    case 'initial':
    case 'migration':
      return amountOfSize(random, currency, random.chance(0.3) ? 'large' : 'typical');
    default:
      return amountOfSize(random, currency, 'typical');
  }
}

/**
 * The signed amount of a type whose sign doesn't depend on the balance (credit, debit, either).
 * `forceCredit` makes an 'either' type a credit, for ledgers that need a credit to continue.
 */
export function independentAmount(
  random: RandomSource,
  type: CustomerBalanceTransactionType,
  currency: CurrencyInfo,
  forceCredit = false,
): number {
  const rule = TYPE_RULES[type];
  const size = magnitude(random, type, currency);
  switch (rule.sign) {
    case 'credit':
      return -size;
    case 'debit':
      return size;
    default:
      return forceCredit || random.chance(TYPE_WEIGHTS[type].creditShare ?? 0.5) ? -size : size;
  }
}

/**
 * The amount of a balance-consuming type (`applied_to_invoice`, the Checkout payment) at
 * `balance`: a credit balance pays up to the invoice's total and never past zero; a debit
 * balance (applied_to_invoice only) moves onto the invoice whole. 0 when nothing can be applied.
 */
export function towardZeroAmount(
  random: RandomSource,
  type: CustomerBalanceTransactionType,
  currency: CurrencyInfo,
  balance: number,
): number {
  if (balance < 0) return Math.min(-balance, magnitude(random, type, currency));
  if (balance > 0 && type === 'applied_to_invoice') return -balance;
  return 0;
}
