/**
 * A plain model of what the mock's customer endpoints and simulations do to an account, written
 * from Stripe's documented behaviour rather than from the mock's code, so the model property can
 * catch the mock drifting: customers (per Connect account, deleted or live, with their fields),
 * each customer's ledger, and the invoices and Checkout Sessions the simulations made.
 */

export type Metadata = Record<string, string>;

export interface LedgerEntry {
  amount: number;
  currency: string;
  type: string;
}

export interface ModelCustomer {
  readonly id: string;
  readonly account: string | null;
  readonly created: number;
  /** Arrival order, for customers created in the same second. */
  readonly seq: number;
  deleted: boolean;
  /** Set by the first balance change, never changed after. */
  currency: string | null;
  email: string | null;
  name: string | null;
  metadata: Metadata;
  readonly ledger: LedgerEntry[];
}

export interface ModelInvoice {
  readonly id: string;
  readonly customer: string;
  readonly currency: string;
  /** Balance applied to it (the `applied_to_invoice` amounts), not yet given back. */
  applied: number;
  voided: boolean;
}

export interface ModelSession {
  readonly id: string;
  readonly customer: string;
  readonly currency: string;
  applied: number;
  canceled: boolean;
}

/** A Stripe metadata update: `''` clears all, a key given `''` is removed, others merge in. */
export function mergeMetadata(current: Metadata, change: Metadata | ''): Metadata {
  if (change === '') return {};
  const out: Metadata = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (value === '') delete out[key];
    else Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * How much of `balance` a charge of `due` takes, in the sign of the transaction: a credit
 * (negative balance) pays up to `due`; a debit moves onto an invoice whole (`debitToo`), never
 * onto a Checkout payment. Stripe's docs: the balance is applied toward zero, never past it.
 */
export function appliedToward(balance: number, due: number, debitToo: boolean): number {
  if (balance < 0) return Math.min(-balance, due);
  return balance > 0 && debitToo ? -balance : 0;
}

export class CustomerModel {
  readonly customers: ModelCustomer[] = [];
  readonly invoices: ModelInvoice[] = [];
  readonly sessions: ModelSession[] = [];
  private seq = 0;

  add(input: {
    id: string;
    account: string | null;
    created: number;
    email: string | null;
    name: string | null;
    metadata: Metadata;
  }): ModelCustomer {
    const customer: ModelCustomer = { ...input, seq: this.seq++, deleted: false, currency: null, ledger: [] };
    this.customers.push(customer);
    return customer;
  }

  /** The customer `pick` selects (deleted ones included), if there is any. */
  pick(pick: number): ModelCustomer | undefined {
    return this.customers.length === 0 ? undefined : this.customers[pick % this.customers.length];
  }

  balance(customer: ModelCustomer, currency: string): number {
    return customer.ledger.filter((e) => e.currency === currency).reduce((sum, e) => sum + e.amount, 0);
  }

  /** The API's `balance`: the balance in the customer's currency (0 before it has one). */
  apiBalance(customer: ModelCustomer): number {
    return customer.currency === null ? 0 : this.balance(customer, customer.currency);
  }

  /** `invoice_credit_balance`: every currency the customer has a ledger in, credit positive. */
  invoiceCredit(customer: ModelCustomer): Record<string, number> {
    const out: Record<string, number> = {};
    for (const entry of customer.ledger) {
      const balance = this.balance(customer, entry.currency);
      out[entry.currency] = balance === 0 ? 0 : -balance;
    }
    return out;
  }

  /** Records a balance change; the first one sets the customer's currency. */
  append(customer: ModelCustomer, entry: LedgerEntry): void {
    customer.ledger.push(entry);
    customer.currency ??= entry.currency;
  }

  /** A balance set through the API: the difference, in the customer's currency or `fallback`. */
  setBalance(customer: ModelCustomer, target: number, fallback: string, type: string): void {
    const currency = customer.currency ?? fallback;
    const amount = target - this.balance(customer, currency);
    if (amount !== 0) this.append(customer, { amount, currency, type });
  }

  /** Live customers of `account`, newest first (later `created`, then later arrival). */
  listed(account: string | null): ModelCustomer[] {
    return this.customers
      .filter((c) => !c.deleted && c.account === account)
      .sort((a, b) => b.created - a.created || b.seq - a.seq);
  }

  invoicesOf(customer: ModelCustomer): ModelInvoice[] {
    return this.invoices.filter((i) => i.customer === customer.id);
  }

  sessionsOf(customer: ModelCustomer): ModelSession[] {
    return this.sessions.filter((s) => s.customer === customer.id);
  }
}
