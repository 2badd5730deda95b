/**
 * The mock's state: customers with a balance per currency, and each customer's transactions
 * kept by the fixtures' paging index, so the mock and `listPage()` page through the same code
 * (O(limit) per page, however deep).
 */
import { InvalidSeedError, StripeBalanceKitError } from '../errors.js';
import { CustomerTransactions, customerOf } from '../stripe/paging.js';
import { formatIssues } from '../contract/format-issues.js';
import { validate } from '../contract/validate.js';
import type { CustomerBalanceTransaction } from '../types.js';
import { randomId } from './random-ids.js';

/** A customer as the mock knows it (a trimmed view of Stripe's customer object). */
export type MockCustomer = {
  id: string;
  object: 'customer';
  created: number;
  livemode: boolean;
  /** The customer's default currency; set by its first transaction when it had none. */
  currency: string | null;
  /** The balance in `currency` (0 while there is none), as on Stripe's customer object. */
  balance: number;
  /** The balance per currency, as Stripe's `invoice_credit_balance`. */
  invoice_credit_balance: Record<string, number>;
};

/** What `mock.customers.add()` takes; every field is optional. */
export interface AddCustomerInput {
  /** The id; a fresh `cus_` + 14 alphanumerics when omitted. */
  id?: string;
  /** The customer's default currency (lowercase ISO code); else set by its first transaction. */
  currency?: string;
  /** A starting balance in `currency`, in minor units (negative is credit). */
  balance?: number;
}

interface CustomerRecord {
  id: string;
  created: number;
  livemode: boolean;
  currency: string | null;
  balances: Map<string, number>;
  transactions: CustomerTransactions;
}

export class MockStore {
  private customers = new Map<string, CustomerRecord>();
  /** Transaction id → customer id: ids are unique across customers. */
  private owners = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  addCustomer(input: AddCustomerInput = {}, livemode = false): MockCustomer {
    const id = input.id ?? randomId('cus_', 14);
    if (this.customers.has(id)) {
      throw new StripeBalanceKitError(
        'customer_exists',
        `customers.add: customer ${id} already exists; pick another id`,
      );
    }
    const balances = new Map<string, number>();
    if (input.balance !== undefined) {
      if (!input.currency) {
        throw new StripeBalanceKitError(
          'currency_required',
          `customers.add: a starting balance needs a currency; pass { currency: 'usd', balance: ${input.balance} }`,
        );
      }
      balances.set(input.currency, input.balance);
    }
    this.customers.set(id, {
      id,
      created: Math.floor(this.now() / 1000),
      livemode,
      currency: input.currency ?? null,
      balances,
      transactions: new CustomerTransactions(id),
    });
    return this.getCustomer(id)!;
  }

  hasCustomer(id: string): boolean {
    return this.customers.has(id);
  }

  getCustomer(id: string): MockCustomer | undefined {
    const record = this.customers.get(id);
    if (!record) return undefined;
    return {
      id: record.id,
      object: 'customer',
      created: record.created,
      livemode: record.livemode,
      currency: record.currency,
      balance: record.currency ? (record.balances.get(record.currency) ?? 0) : 0,
      invoice_credit_balance: Object.fromEntries(record.balances),
    };
  }

  /** The customer's transactions, oldest first, ready to page. */
  transactionsOf(customer: string): CustomerTransactions {
    return this.customers.get(customer)?.transactions ?? new CustomerTransactions(customer);
  }

  find(id: string): { customer: string; transaction: CustomerBalanceTransaction } | undefined {
    const customer = this.owners.get(id);
    const transaction =
      customer === undefined ? undefined : this.customers.get(customer)?.transactions.get(id);
    return customer !== undefined && transaction ? { customer, transaction } : undefined;
  }

  /** Appends a new transaction, moving the customer's balance in its currency. */
  append(
    customer: string,
    build: (endingBalance: number) => CustomerBalanceTransaction,
  ): CustomerBalanceTransaction {
    const record = this.customers.get(customer);
    if (!record) throw new Error(`append: unknown customer ${customer}`);
    const draft = build(0);
    const ending = (record.balances.get(draft.currency) ?? 0) + draft.amount;
    const transaction = build(ending);
    record.transactions.add(transaction);
    record.balances.set(transaction.currency, ending);
    record.currency ??= transaction.currency;
    this.owners.set(transaction.id, customer);
    return transaction;
  }

  replace(transaction: CustomerBalanceTransaction): void {
    const customer = this.owners.get(transaction.id);
    const record = customer === undefined ? undefined : this.customers.get(customer);
    if (!record) throw new Error(`replace: unknown transaction ${transaction.id}`);
    record.transactions.replace(transaction);
  }

  /**
   * Preloads transactions (a ledger from the fixtures, say). Each must pass the strict contract;
   * customers are created as needed and end with the last ending balance per currency.
   */
  seed(transactions: readonly CustomerBalanceTransaction[], livemode = false): void {
    const seen = new Set<string>();
    transactions.forEach((transaction, index) => {
      // The strict contract with its semantic rules, as `serve --ledger` checks a ledger file.
      const result = validate('customer_balance_transaction', transaction);
      if (!result.valid) {
        throw new InvalidSeedError(
          `seed(): transactions[${index}] breaks the customer_balance_transaction contract; seed objects must match it (build them with createFixtures()):\n${formatIssues(result.errors, `  transactions[${index}]`)}`,
        );
      }
      if (this.owners.has(transaction.id) || seen.has(transaction.id)) {
        throw new InvalidSeedError(
          `seed(): transactions[${index}] has id ${transaction.id}, which is already in the mock`,
        );
      }
      seen.add(transaction.id);
    });
    // Oldest first; the input order breaks ties, as the paging index does.
    const ordered = transactions
      .map((t, i) => [t, i] as const)
      .sort((a, b) => a[0].created - b[0].created || a[1] - b[1]);
    for (const [original] of ordered) {
      const transaction = structuredClone(original);
      const customer = customerOf(transaction);
      if (!this.customers.has(customer)) this.addCustomer({ id: customer }, livemode);
      const record = this.customers.get(customer)!;
      record.transactions.add(transaction);
      record.balances.set(transaction.currency, transaction.ending_balance);
      record.currency ??= transaction.currency;
      this.owners.set(transaction.id, customer);
    }
  }

  clear(): void {
    this.customers.clear();
    this.owners.clear();
  }
}
