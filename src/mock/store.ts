/**
 * The mock's state: customers (with their fields, a balance per currency, the Connect account
 * they belong to, and whether they were deleted), each customer's transactions kept by the
 * fixtures' paging index (so the mock and `listPage()` page through the same code, O(limit) per
 * page however deep), and the invoices the simulations made.
 *
 * The balance is never set on its own: every change is a transaction appended here, so a
 * customer's `balance` always equals the newest `ending_balance` in its currency.
 */
import { formatIssues } from '../contract/format-issues.js';
import { validate } from '../contract/validate.js';
import { InvalidSeedError, StripeBalanceKitError } from '../errors.js';
import { customerMissing } from '../stripe/api-errors.js';
import { ID_PREFIXES } from '../stripe/transaction-types.js';
import { type CustomerProfile, customerAddress, customerObject } from '../stripe/customer-object.js';
import { invoiceCreditBalance } from '../stripe/expand.js';
import { isSupportedCurrency } from '../stripe/currencies.js';
import { ChronologicalList, CustomerTransactions, customerOf } from '../stripe/paging.js';
import type {
  BuiltCustomer,
  CustomerBalanceTransaction,
  CustomerBalanceTransactionType,
  Metadata,
  StrictCustomer,
  StrictCustomerUpdateParams,
  StrictDeletedCustomer,
} from '../types.js';
import { randomId } from './random-ids.js';

/**
 * A customer as the mock's handle gives it: the object the API returns when retrieved with
 * `expand[]=invoice_credit_balance` (so every balance is there, in Stripe's sign for that field:
 * positive is credit).
 */
export type MockCustomer = BuiltCustomer & {
  invoice_credit_balance: Record<string, number>;
  /** Absent: `if (!customer.deleted)` tells it from the deleted marker, as with stripe-node's types. */
  deleted?: never;
};

/**
 * Stripe's marker for a deleted customer, as `mock.customers.get()` gives it. The customer's
 * other fields are typed as absent, so `mock.customers.get(id)?.balance` reads `undefined` for a
 * deleted customer instead of failing to compile; `if (customer?.deleted)` tells them apart.
 */
export type MockDeletedCustomer = StrictDeletedCustomer & {
  [K in Exclude<keyof MockCustomer, keyof StrictDeletedCustomer>]?: undefined;
};

/** What `mock.customers.add()` takes; every field is optional. */
export interface AddCustomerInput {
  /** The id; a fresh `cus_` + 14 alphanumerics when omitted. */
  id?: string;
  /** The customer's default currency (lowercase ISO code); else set by its first transaction. */
  currency?: string;
  /**
   * A starting balance in `currency`, in minor units (negative is credit). Recorded as the
   * `initial` transaction Stripe makes for a balance given at creation.
   */
  balance?: number;
  email?: string;
  name?: string;
  description?: string;
  metadata?: Metadata;
  /**
   * The connected account (`acct_…`) the customer belongs to: the API shows it only to requests
   * with that `Stripe-Account` header. Default: the platform's own (no header).
   */
  account?: string;
}

/** A customer's record: its profile, and what the ledger and the API decide. */
export interface CustomerRecord extends CustomerProfile {
  readonly id: string;
  readonly account: string | null;
  readonly created: number;
  readonly livemode: boolean;
  deleted: boolean;
  currency: string | null;
  readonly balances: Map<string, number>;
  readonly transactions: CustomerTransactions;
}

/** An invoice a simulation made: what later simulations (void, overpay) need of it. */
export interface InvoiceRecord {
  readonly id: string;
  readonly customer: string;
  readonly account: string | null;
  readonly currency: string;
  readonly created: number;
  /**
   * The sum of its `applied_to_invoice` amounts not yet unapplied: positive for credit applied,
   * negative for an owed balance moved onto it. Voiding reverses exactly this.
   */
  applied: number;
  voided: boolean;
}

/**
 * Sets the profile fields create and update take (and a seeded customer carries): `''` unsets
 * (null, `none`), an absent field keeps its value.
 */
export function applyProfile(record: CustomerRecord, params: StrictCustomerUpdateParams): void {
  if (params.phone !== undefined) record.phone = params.phone === '' ? null : params.phone;
  if (params.address !== undefined)
    record.address = params.address === '' ? null : customerAddress(params.address);
  if (params.shipping !== undefined) {
    record.shipping =
      params.shipping === ''
        ? null
        : {
            address: customerAddress(params.shipping.address),
            name: params.shipping.name,
            phone: params.shipping.phone ?? null,
          };
  }
  if (params.preferred_locales !== undefined) record.preferredLocales = [...params.preferred_locales];
  if (params.tax_exempt !== undefined)
    record.taxExempt = params.tax_exempt === '' ? 'none' : params.tax_exempt;
  if (params.invoice_prefix !== undefined) record.invoicePrefix = params.invoice_prefix;
  if (params.next_invoice_sequence !== undefined) record.nextInvoiceSequence = params.next_invoice_sequence;
}

/** A Checkout Session a simulation made: what canceling it needs. */
export interface CheckoutSessionRecord {
  readonly id: string;
  readonly customer: string;
  readonly currency: string;
  /** The credit applied to the subscription payment (the payment transaction's amount). */
  applied: number;
  canceled: boolean;
}

/** A ledger with its customer, as `fx.ledger({ withCustomer: true })` returns it. */
export interface LedgerWithCustomer {
  customer: StrictCustomer;
  transactions: readonly CustomerBalanceTransaction[];
}

/** What `seed()` takes: transactions, or a ledger with its customer. */
export type SeedInput = readonly CustomerBalanceTransaction[] | LedgerWithCustomer;

/** What a new transaction says; the store fills in id, ending balance and the rest. */
export interface NewTransaction {
  amount: number;
  currency: string;
  type: CustomerBalanceTransactionType;
  created: number;
  livemode: boolean;
  description?: string | null;
  metadata?: Metadata;
  invoice?: string | null;
  credit_note?: string | null;
  checkout_session?: string | null;
}

const HEX = '0123456789ABCDEF';

function invoicePrefix(): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += HEX[Math.floor(Math.random() * 16)];
  return out;
}

export class MockStore {
  /** Every customer, deleted ones included, in creation order. */
  private customers = new Map<string, CustomerRecord>();
  /** Transaction id → customer id: ids are unique across customers. */
  private owners = new Map<string, string>();
  private invoices = new Map<string, InvoiceRecord>();
  private checkoutSessions = new Map<string, CheckoutSessionRecord>();

  constructor(private readonly now: () => number) {}

  /** Adds a customer for the handle (`mock.customers.add`); a starting balance is an `initial` transaction. */
  addCustomer(input: AddCustomerInput = {}, livemode = false): MockCustomer {
    const id = input.id ?? randomId(ID_PREFIXES.customer, 14);
    if (!id.startsWith(ID_PREFIXES.customer) || id.length > 255 || /[/?#\s]/.test(id)) {
      // A customer the API could never address (its id is a path segment) would only mislead.
      throw new StripeBalanceKitError(
        'invalid_mock_option',
        `customers.add: id ${JSON.stringify(id)} is not a customer id Stripe could give; use 'cus_' and letters or digits, e.g. 'cus_NcjdgdwZyI9Rj7'`,
      );
    }
    if (input.account !== undefined && !/^acct_[A-Za-z0-9]+$/.test(input.account)) {
      throw new StripeBalanceKitError(
        'invalid_mock_option',
        `customers.add: account ${JSON.stringify(input.account)} is not a connected account id; use 'acct_' and letters or digits, as the Stripe-Account header carries it`,
      );
    }
    if (this.customers.has(id)) {
      throw new StripeBalanceKitError(
        'customer_exists',
        `customers.add: customer ${id} already exists; pick another id`,
      );
    }
    if (input.currency !== undefined && !isSupportedCurrency(input.currency)) {
      throw new StripeBalanceKitError(
        'invalid_mock_option',
        `customers.add: currency ${JSON.stringify(input.currency)} is not a lowercase currency Stripe supports; pass e.g. { currency: 'usd' }`,
      );
    }
    if (input.balance !== undefined) {
      if (!input.currency) {
        throw new StripeBalanceKitError(
          'currency_required',
          `customers.add: a starting balance needs a currency; pass { currency: 'usd', balance: ${input.balance} }`,
        );
      }
      if (!Number.isSafeInteger(input.balance)) {
        throw new StripeBalanceKitError(
          'invalid_mock_option',
          `customers.add: balance must be an integer in minor units, got ${String(input.balance)}`,
        );
      }
    }
    const record = this.createRecord({
      id,
      account: input.account ?? null,
      livemode,
      currency: input.currency ?? null,
      email: input.email ?? null,
      name: input.name ?? null,
      description: input.description ?? null,
      metadata: input.metadata ?? {},
    });
    if (input.balance) {
      this.append(id, {
        amount: input.balance,
        currency: input.currency as string,
        type: 'initial',
        created: record.created,
        livemode,
      });
    }
    return this.handleView(record);
  }

  /** Creates a customer record (no balance yet). */
  createRecord(input: {
    id?: string;
    account: string | null;
    livemode: boolean;
    currency?: string | null;
    email?: string | null;
    name?: string | null;
    description?: string | null;
    metadata?: Metadata;
    /** Default: the mock's clock. */
    created?: number;
  }): CustomerRecord {
    const id = input.id ?? randomId(ID_PREFIXES.customer, 14);
    const record: CustomerRecord = {
      id,
      account: input.account,
      created: input.created ?? Math.floor(this.now() / 1000),
      livemode: input.livemode,
      deleted: false,
      currency: input.currency ?? null,
      balances: new Map(),
      transactions: new CustomerTransactions(id),
      email: input.email ?? null,
      name: input.name ?? null,
      description: input.description ?? null,
      metadata: { ...(input.metadata ?? {}) },
      invoicePrefix: invoicePrefix(),
      nextInvoiceSequence: 1,
      delinquent: false,
      phone: null,
      address: null,
      shipping: null,
      preferredLocales: [],
      taxExempt: 'none',
    };
    this.customers.set(id, record);
    return record;
  }

  /** The record of `id` whatever its account or state, or undefined. */
  record(id: string): CustomerRecord | undefined {
    return this.customers.get(id);
  }

  /**
   * The record of `id` as a request in `account` sees it: another account's customer (or one of
   * the platform's, seen from a connected account) is as missing as an unknown one.
   */
  visible(id: string, account: string | null): CustomerRecord | undefined {
    const record = this.customers.get(id);
    return record && record.account === account ? record : undefined;
  }

  /**
   * The live (not deleted) customer `id` as `account` sees it, or of any account for the handle
   * (`'any'`): what every endpoint but retrieve, expansion and the simulations act on.
   */
  live(id: string, account: string | null | 'any'): CustomerRecord | undefined {
    const record = account === 'any' ? this.customers.get(id) : this.visible(id, account);
    return record && !record.deleted ? record : undefined;
  }

  hasCustomer(id: string): boolean {
    return this.customers.has(id);
  }

  /** The customer's balance in `currency` (0 when it has none there). */
  balanceOf(record: CustomerRecord, currency: string): number {
    return record.balances.get(currency) ?? 0;
  }

  /** The unexpanded API object of a live customer. */
  apiCustomer(record: CustomerRecord): BuiltCustomer {
    return customerObject(record, record.currency ? this.balanceOf(record, record.currency) : 0);
  }

  /** The balances of a customer per currency, in `balance`'s sign. */
  balances(record: CustomerRecord): Record<string, number> {
    return Object.fromEntries(record.balances);
  }

  /** The handle's view: the API object with `invoice_credit_balance` expanded. */
  private handleView(record: CustomerRecord): MockCustomer {
    return {
      ...this.apiCustomer(record),
      invoice_credit_balance: invoiceCreditBalance(this.balances(record)),
    };
  }

  /** What `mock.customers.get(id)` gives: the customer, Stripe's deleted marker, or undefined. */
  getCustomer(id: string): MockCustomer | MockDeletedCustomer | undefined {
    const record = this.customers.get(id);
    if (!record) return undefined;
    if (record.deleted) return { id, object: 'customer', deleted: true };
    return this.handleView(record);
  }

  /** Live customers of `account`, in creation order. */
  *customersOf(account: string | null): IterableIterator<CustomerRecord> {
    for (const record of this.customers.values()) {
      if (!record.deleted && record.account === account) yield record;
    }
  }

  /** A fresh list of customers to page through (the customer list, after its filters). */
  static customerList(records: Iterable<CustomerRecord>): ChronologicalList<CustomerRecord> {
    const list = new ChronologicalList<CustomerRecord>('customers', (id, param) =>
      customerMissing(id, param),
    );
    for (const record of records) list.add(record);
    return list;
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

  /**
   * Appends a transaction, moving the customer's balance in its currency; an unset customer
   * currency becomes the transaction's (Stripe: "If the customer's currency is not set, it will
   * be updated to this value"). Callers check the sum stays a safe integer.
   */
  append(customer: string, input: NewTransaction): CustomerBalanceTransaction {
    const record = this.customers.get(customer);
    if (!record) throw new Error(`append: unknown customer ${customer}`);
    const ending = this.balanceOf(record, input.currency) + input.amount;
    // Never before the customer's newest transaction (a mock clock set before a seeded ledger):
    // listed out of order, the newest ending_balance would stop being the balance.
    const created = Math.max(input.created, record.transactions.newest()?.created ?? input.created);
    const transaction: CustomerBalanceTransaction = {
      id: randomId(ID_PREFIXES.customer_balance_transaction, 24),
      object: 'customer_balance_transaction',
      amount: input.amount,
      checkout_session: input.checkout_session ?? null,
      created,
      credit_note: input.credit_note ?? null,
      currency: input.currency,
      customer,
      customer_account: null,
      description: input.description ?? null,
      ending_balance: ending,
      invoice: input.invoice ?? null,
      livemode: input.livemode,
      metadata: input.metadata ?? {},
      type: input.type,
    };
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

  /** Records an invoice a simulation made, and moves the customer's invoice numbering on. */
  addInvoice(record: CustomerRecord, currency: string, created: number): InvoiceRecord {
    const invoice: InvoiceRecord = {
      id: randomId(ID_PREFIXES.invoice, 24),
      customer: record.id,
      account: record.account,
      currency,
      created,
      applied: 0,
      voided: false,
    };
    this.invoices.set(invoice.id, invoice);
    record.nextInvoiceSequence += 1;
    return invoice;
  }

  /** An invoice as a request in `account` sees it (another account's is missing). */
  invoice(id: string, account: string | null): InvoiceRecord | undefined {
    const invoice = this.invoices.get(id);
    return invoice && invoice.account === account ? invoice : undefined;
  }

  /** Records a Checkout Session a simulation made. */
  addCheckoutSession(session: CheckoutSessionRecord): CheckoutSessionRecord {
    this.checkoutSessions.set(session.id, session);
    return session;
  }

  /** A Checkout Session of `customer`, or undefined (another customer's is missing too). */
  checkoutSession(id: string, customer: string): CheckoutSessionRecord | undefined {
    const session = this.checkoutSessions.get(id);
    return session && session.customer === customer ? session : undefined;
  }

  /**
   * Preloads transactions (a ledger from the fixtures, say). Each must pass the strict contract;
   * customers are created as needed (the platform's, with no Stripe-Account) and end with the
   * last ending balance per currency.
   */
  seed(input: SeedInput, livemode = false): void {
    if (!Array.isArray(input)) {
      this.seedLedger(input as LedgerWithCustomer, livemode);
      return;
    }
    const transactions = input as readonly CustomerBalanceTransaction[];
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
      const record = this.customers.get(customerOf(transaction));
      if (record && (record.deleted || record.account !== null)) {
        throw new InvalidSeedError(
          `seed(): transactions[${index}] belongs to customer ${record.id}, which is ${record.deleted ? 'deleted' : `a customer of ${record.account}`}; seed the platform's live customers only`,
        );
      }
      const newest = record?.transactions.newest();
      if (newest && transaction.created < newest.created) {
        // Inserted before the customer's newest transaction, it would leave `balance` disagreeing
        // with the newest `ending_balance`.
        throw new InvalidSeedError(
          `seed(): transactions[${index}] (created ${transaction.created}) is older than customer ${record?.id}'s newest transaction ${newest.id} (created ${newest.created}); seed a customer's history before adding to it`,
        );
      }
    });
    // Oldest first; the input order breaks ties, as the paging index does.
    const ordered = transactions
      .map((t, i) => [t, i] as const)
      .sort((a, b) => a[0].created - b[0].created || a[1] - b[1]);
    for (const [original] of ordered) {
      const transaction = structuredClone(original);
      const customer = customerOf(transaction);
      // A customer known only from its transactions signed up no later than its first one.
      const record =
        this.customers.get(customer) ??
        this.createRecord({
          id: customer,
          account: null,
          livemode,
          created: Math.min(Math.floor(this.now() / 1000), transaction.created),
        });
      record.transactions.add(transaction);
      record.balances.set(transaction.currency, transaction.ending_balance);
      record.currency ??= transaction.currency;
      this.owners.set(transaction.id, customer);
    }
  }

  /**
   * Preloads a ledger with its customer (`fx.ledger({ withCustomer: true })`): the customer as
   * given (strictly valid, not yet in the mock, its `balance` the ledger's last ending balance in
   * its currency), then its transactions.
   */
  private seedLedger(ledger: LedgerWithCustomer, livemode: boolean): void {
    const { customer, transactions } = ledger ?? {};
    const checked = validate('customer', customer);
    if (!checked.valid || !Array.isArray(transactions)) {
      throw new InvalidSeedError(
        `seed(): pass transactions, or { customer, transactions } as fx.ledger({ withCustomer: true }) returns them${checked.valid ? '' : `; the customer breaks the customer contract:\n${formatIssues(checked.errors, '  customer')}`}`,
      );
    }
    if (this.customers.has(customer.id)) {
      throw new InvalidSeedError(
        `seed(): customer ${customer.id} is already in the mock; seed a ledger's customer once, first`,
      );
    }
    const stray = transactions.findIndex((t) => customerOf(t) !== customer.id);
    if (stray !== -1) {
      throw new InvalidSeedError(
        `seed(): transactions[${stray}] belongs to ${customerOf(transactions[stray] as CustomerBalanceTransaction)}, not to the ledger's customer ${customer.id}`,
      );
    }
    const last = [...transactions]
      .filter((t) => t.currency === customer.currency)
      .sort((a, b) => a.created - b.created)
      .at(-1);
    const expected = last?.ending_balance ?? 0;
    if ((customer.balance ?? 0) !== expected) {
      throw new InvalidSeedError(
        `seed(): customer ${customer.id} has balance ${customer.balance ?? 0}, but its ledger ends at ${expected} in ${customer.currency ?? 'its currency'}; the balance must be the newest ending_balance`,
      );
    }
    const record = this.createRecord({
      id: customer.id,
      account: null,
      livemode: customer.livemode ?? livemode,
      created: customer.created,
    });
    record.email = customer.email ?? null;
    record.name = customer.name ?? null;
    record.description = customer.description ?? null;
    record.metadata = { ...(customer.metadata ?? {}) };
    record.currency = customer.currency ?? null;
    record.delinquent = customer.delinquent ?? false;
    const shipping = customer.shipping as StrictCustomerUpdateParams['shipping'] | null | undefined;
    // The customer object in the parameters' shape: null is sent as the empty value that unsets.
    applyProfile(record, {
      phone: customer.phone ?? '',
      address: (customer.address as Record<string, string> | null | undefined) ?? '',
      // Stripe requires a name with shipping details: without one there are none.
      shipping: typeof shipping === 'object' && shipping?.name ? shipping : '',
      preferred_locales: customer.preferred_locales ?? [],
      tax_exempt: customer.tax_exempt ?? '',
      ...(customer.invoice_prefix ? { invoice_prefix: customer.invoice_prefix } : {}),
      next_invoice_sequence: customer.next_invoice_sequence ?? 1,
    });
    try {
      this.seed(transactions, livemode);
    } catch (error) {
      this.customers.delete(customer.id);
      throw error;
    }
  }

  clear(): void {
    this.customers.clear();
    this.owners.clear();
    this.invoices.clear();
    this.checkoutSessions.clear();
  }
}
