/**
 * A ledger together with its customer, as Stripe would show both at the end of the ledger: the
 * customer's `id` is the transactions' `customer`, its `currency` the ledger's, and its `balance`
 * the last `ending_balance` (the `startingBalance`, 0 by default, when the ledger is empty). The
 * transactions are exactly those `fx.ledger()` returns for the same options: the customer's other
 * fields come from a random source of their own.
 */
import type { StrictCustomerBalanceTransaction } from '../types.js';
import type { BuiltCustomer } from '../types.js';
import { buildCustomer, type CustomerOverrides, signupWindow } from './customer.js';
import type { FixtureContext } from './fixture-context.js';
import { type LedgerOptions, ledgerIdentity, ledgerTransactions, planLedger } from './ledger.js';
import { deriveSeed, RandomSource } from './random-source.js';

/** Options of `fx.ledger()` when it also returns the ledger's customer. */
export interface LedgerWithCustomerOptions extends LedgerOptions {
  /** Return `{ customer, transactions }` instead of the transactions alone. */
  withCustomer: true;
  /**
   * Fields to force on the customer (its `email`, `name`, `metadata`, …). `id`, `currency` and
   * `balance` follow the ledger and can't be overridden: set them with `customer`, `currency`
   * and `startingBalance`.
   */
  customerOverrides?: Omit<CustomerOverrides, 'id' | 'currency' | 'balance'>;
}

/** What `fx.ledger({ ..., withCustomer: true })` returns. */
export interface CustomerLedger {
  /**
   * The customer the ledger belongs to, as of its last transaction: `balance` is the last
   * `ending_balance`, `currency` the ledger's, and it was created before the first transaction.
   */
  customer: BuiltCustomer;
  /** The ledger, oldest first: exactly what `fx.ledger()` returns without `withCustomer`. */
  transactions: StrictCustomerBalanceTransaction[];
}

export function customerLedger(context: FixtureContext, options: LedgerWithCustomerOptions): CustomerLedger {
  const plan = planLedger(context, options);
  const transactions = Array.from(ledgerTransactions(context, plan));
  const { customer: id, currency } = ledgerIdentity(plan);
  const invoices = new Set<string>();
  for (const transaction of transactions) {
    if (typeof transaction.invoice === 'string') invoices.add(transaction.invoice);
  }
  const random = new RandomSource(deriveSeed(context.seed, 'ledger customer', plan.seed.join(',')));
  const customer = buildCustomer(
    context,
    random,
    { created: signupWindow(plan.window.start), invoices: invoices.size },
    {
      ...options.customerOverrides,
      id,
      currency: currency.code,
      balance: transactions.at(-1)?.ending_balance ?? plan.startingBalance,
    },
  );
  return { customer, transactions };
}
