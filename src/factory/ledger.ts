/**
 * A customer's balance history in one currency, generated one transaction at a time.
 *
 * Rules every ledger follows (see transaction-types.ts for where each comes from):
 * - `ending_balance[i] = ending_balance[i-1] + amount[i]`, starting from `startingBalance`
 *   (Stripe: "The customer's balance after the transaction was applied").
 * - `created` strictly increases, within `start`..`end`, never after the set's `now`.
 * - `initial` only as the first transaction, and only from a zero balance.
 * - `applied_to_invoice` moves the balance toward zero and never past it; every
 *   `unapplied_from_invoice` is the exact negation of an earlier, not yet reversed
 *   `applied_to_invoice` on the same invoice. Checkout payments and their cancellations pair
 *   the same way on one Checkout Session.
 *
 * Memory stays flat however long the ledger: the generator keeps the balance, the last
 * timestamp and at most {@link PENDING_LIMIT} not-yet-reversed applications per kind. Older
 * ones drop out of reach (they simply never get reversed — invoices are voided soon after
 * they are paid, not years later).
 */
import { FixtureOptionsError } from '../errors.js';
import type { CustomerBalanceTransactionType, StrictCustomerBalanceTransaction } from '../types.js';
import { assembleTransaction, type Links, linksFor } from './balance-transaction.js';
import { isSupportedCurrency } from '../stripe/currencies.js';
import { type CurrencyInfo, currencyInfo, pickCurrency } from './currencies.js';
import { TYPE_WEIGHTS } from './type-weights.js';
import { descriptionFor } from './descriptions.js';
import type { FixtureContext } from './fixture-context.js';
import { customerId, transactionId } from './ids.js';
import { metadataFor } from './metadata.js';
import { deriveSeed, RandomSource } from './random-source.js';
import { IncreasingTimestamps, ledgerWindow, type TimeInput, type TimeWindow } from './timestamps.js';
import {
  isTransactionType,
  TRANSACTION_TYPES,
  TYPE_RULES,
  UNCONDITIONAL_TYPES,
} from '../stripe/transaction-types.js';
import { independentAmount, towardZeroAmount } from './type-amounts.js';

/** Options of `fx.ledger()` and `fx.ledgerStream()`. */
export interface LedgerOptions {
  /** The customer id (`cus_…`); generated from the seed when omitted. */
  customer?: string;
  /** Lowercase ISO code of a Stripe-supported currency; drawn (weighted) when omitted. */
  currency?: string;
  /** How many transactions; a whole number, 0 allowed. */
  count: number;
  /** The balance before the first transaction, in minor units; 0 by default. */
  startingBalance?: number;
  /**
   * The types the ledger may use (default: all). A type is used only where Stripe's rules allow
   * it, so a restriction that leaves no valid next transaction is refused up front.
   */
  types?: readonly CustomerBalanceTransactionType[];
  /** Earliest `created` (a Date or Unix seconds); default two years before `end`. */
  start?: TimeInput;
  /** Latest `created`; default and maximum: the fixture set's `now`. */
  end?: TimeInput;
}

/** Most not-yet-reversed applications (per kind) a ledger remembers. */
export const PENDING_LIMIT = 32;
/** How often a ledger that may start with `initial` does. */
const INITIAL_SHARE = 0.4;

interface Pending {
  link: string;
  amount: number;
}

/** Options checked and normalised: everything a generator needs, nothing it must look up. */
export interface LedgerPlan {
  readonly customer: string | undefined;
  readonly currency: CurrencyInfo | undefined;
  readonly count: number;
  readonly startingBalance: number;
  /** The types the generator draws from. */
  readonly types: readonly CustomerBalanceTransactionType[];
  readonly window: TimeWindow;
  /** Old pending applications may be forgotten (only when some type can always follow). */
  readonly canForget: boolean;
  /** `initial` must be a credit (the only pairs that can continue consume credit). */
  readonly initialCredit: boolean;
  /** Seed of this ledger's own random source: the set's seed plus the normalised options. */
  readonly seed: readonly number[];
}

/** Checks `options` and fixes everything about the ledger except its random draws. */
export function planLedger(context: FixtureContext, options: LedgerOptions): LedgerPlan {
  if (typeof options !== 'object' || options === null) {
    throw invalid('count', 'ledger() needs options with a count, e.g. fx.ledger({ count: 20 })');
  }
  const { count } = options;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw invalid('count', `count must be a whole number of transactions (0 or more); got ${String(count)}`);
  }
  const startingBalance = options.startingBalance ?? 0;
  if (!Number.isSafeInteger(startingBalance)) {
    throw invalid(
      'startingBalance',
      `startingBalance must be an integer amount in the currency's minor unit; got ${String(startingBalance)}`,
    );
  }
  const customer = options.customer;
  if (
    customer !== undefined &&
    (typeof customer !== 'string' || customer.length === 0 || customer.length > 255)
  ) {
    throw invalid(
      'customer',
      `customer must be a customer id such as 'cus_NcjdgdwZyI9Rj7'; got ${String(customer)}`,
    );
  }
  const currency = options.currency === undefined ? undefined : checkCurrency(options.currency);
  const window = ledgerWindow(context.now, count, options.start, options.end);
  const requested = checkTypes(options.types);
  const { types, canForget, initialCredit } = activeTypes(requested, startingBalance, count);
  return {
    customer,
    currency,
    count,
    startingBalance,
    types,
    window,
    canForget,
    initialCredit,
    seed: deriveSeed(
      context.seed,
      'ledger',
      JSON.stringify([customer ?? null, currency?.code ?? null, count, startingBalance, requested, window]),
    ),
  };
}

/** The transactions of `plan`, oldest first, one at a time. */
export function* ledgerTransactions(
  context: FixtureContext,
  plan: LedgerPlan,
): Generator<StrictCustomerBalanceTransaction, void, undefined> {
  const random = new RandomSource(plan.seed);
  const { customer, currency } = drawIdentity(random, plan);
  const times = new IncreasingTimestamps(plan.window, plan.count);
  const applications: Pending[] = [];
  const payments: Pending[] = [];
  let balance = plan.startingBalance;

  const eligible = (type: CustomerBalanceTransactionType, index: number): boolean => {
    switch (type) {
      case 'initial':
        return index === 0 && plan.startingBalance === 0;
      case 'applied_to_invoice':
        return balance !== 0 && (plan.canForget || applications.length < PENDING_LIMIT);
      case 'unapplied_from_invoice':
        return applications.length > 0;
      case 'checkout_session_subscription_payment':
        return balance < 0 && (plan.canForget || payments.length < PENDING_LIMIT);
      case 'checkout_session_subscription_payment_canceled':
        return payments.length > 0;
      default:
        return true;
    }
  };

  const candidates: [CustomerBalanceTransactionType, number][] = [];
  for (let index = 0; index < plan.count; index++) {
    const created = times.next(random);
    candidates.length = 0;
    for (const type of plan.types) {
      if (type !== 'initial' && eligible(type, index)) candidates.push([type, TYPE_WEIGHTS[type].weight]);
    }
    const type =
      eligible('initial', index) &&
      plan.types.includes('initial') &&
      (candidates.length === 0 || random.chance(INITIAL_SHARE))
        ? 'initial'
        : random.weighted(candidates);

    let amount: number;
    let links: Links;
    switch (type) {
      case 'applied_to_invoice':
      case 'checkout_session_subscription_payment': {
        amount = towardZeroAmount(random, type, currency, balance);
        links = linksFor(random, context, type, created, context.livemode);
        const pending = type === 'applied_to_invoice' ? applications : payments;
        if (pending.length >= PENDING_LIMIT) pending.shift();
        pending.push({ link: (links.invoice ?? links.checkout_session) as string, amount });
        break;
      }
      case 'unapplied_from_invoice':
      case 'checkout_session_subscription_payment_canceled': {
        const pending = type === 'unapplied_from_invoice' ? applications : payments;
        // Mostly the latest application is the one undone (an invoice voided right after).
        const at = random.chance(0.7) ? pending.length - 1 : random.int(0, pending.length - 1);
        const [reversed] = pending.splice(at, 1) as [Pending];
        amount = -reversed.amount;
        links =
          type === 'unapplied_from_invoice'
            ? { invoice: reversed.link, credit_note: null, checkout_session: null }
            : { invoice: null, credit_note: null, checkout_session: reversed.link };
        break;
      }
      default:
        amount = independentAmount(random, type, currency, type === 'initial' && plan.initialCredit);
        links = linksFor(random, context, type, created, context.livemode);
    }
    balance += amount;
    yield assembleTransaction({
      id: transactionId(random, created, context.account),
      amount,
      checkout_session: links.checkout_session,
      created,
      credit_note: links.credit_note,
      currency: currency.code,
      customer,
      customer_account: null,
      description: descriptionFor(random, type, amount),
      ending_balance: balance,
      invoice: links.invoice,
      livemode: context.livemode,
      metadata: metadataFor(random, type),
      type,
    });
  }
}

function invalid(option: string, message: string): FixtureOptionsError {
  return new FixtureOptionsError('invalid_fixture_option', option, message);
}

/** Whose ledger it is and in which currency: the first draws of the ledger's random source. */
function drawIdentity(random: RandomSource, plan: LedgerPlan): { customer: string; currency: CurrencyInfo } {
  const customer = plan.customer ?? customerId(random);
  const currency = plan.currency ?? pickCurrency(random);
  return { customer, currency };
}

/**
 * The customer id and currency of the ledger of `plan`, without generating it: the same draws
 * {@link ledgerTransactions} makes first, from a fresh source with the same seed.
 */
export function ledgerIdentity(plan: LedgerPlan): { customer: string; currency: CurrencyInfo } {
  return drawIdentity(new RandomSource(plan.seed), plan);
}

function checkCurrency(code: unknown): CurrencyInfo {
  if (typeof code === 'string' && isSupportedCurrency(code)) return currencyInfo(code);
  const lower = typeof code === 'string' ? code.toLowerCase() : '';
  const hint = isSupportedCurrency(lower)
    ? `Stripe currency codes are lowercase: use '${lower}'`
    : "use a currency Stripe supports, such as 'usd', 'eur' or 'jpy'";
  throw invalid('currency', `currency ${JSON.stringify(code)} is not supported; ${hint}`);
}

function checkTypes(types: unknown): CustomerBalanceTransactionType[] {
  if (types === undefined) return [...TRANSACTION_TYPES];
  if (!Array.isArray(types) || types.length === 0) {
    throw invalid(
      'types',
      `types must be a non-empty array of transaction types, e.g. ['adjustment', 'credit_note']`,
    );
  }
  for (const type of types) {
    if (!isTransactionType(type)) {
      throw invalid(
        'types',
        `types contains ${JSON.stringify(type)}, which is not a type; use any of ${TRANSACTION_TYPES.join(', ')}`,
      );
    }
  }
  return TRANSACTION_TYPES.filter((type) => types.includes(type));
}

/**
 * Which of the requested types a ledger can use so that every step has a valid next
 * transaction, or a {@link FixtureOptionsError} naming the fix.
 *
 * With any type that can follow anything (adjustment, credit_note, ...) all requested types are
 * usable. Without one, a ledger longer than one row needs a complete pair — applied_to_invoice
 * with unapplied_from_invoice, or the Checkout payment with its cancellation — and a non-zero
 * balance for it to apply (a `startingBalance`, or `initial` as first row).
 */
function activeTypes(
  requested: readonly CustomerBalanceTransactionType[],
  startingBalance: number,
  count: number,
): { types: CustomerBalanceTransactionType[]; canForget: boolean; initialCredit: boolean } {
  const has = (type: CustomerBalanceTransactionType) => requested.includes(type);
  if (count === 0 || requested.some((type) => UNCONDITIONAL_TYPES.has(type))) {
    return { types: [...requested], canForget: true, initialCredit: false };
  }
  const initial = has('initial') && startingBalance === 0;
  if (count === 1) {
    const single = requested.filter(
      (type) =>
        (type === 'initial' && initial) ||
        (type === 'applied_to_invoice' && startingBalance !== 0) ||
        (type === 'checkout_session_subscription_payment' && startingBalance < 0),
    );
    if (single.length > 0) return { types: single, canForget: false, initialCredit: false };
  } else {
    const invoicePair =
      has('applied_to_invoice') && has('unapplied_from_invoice') && (startingBalance !== 0 || initial);
    const sessionPair =
      has('checkout_session_subscription_payment') &&
      has('checkout_session_subscription_payment_canceled') &&
      (startingBalance < 0 || initial);
    if (invoicePair || sessionPair) {
      const types: CustomerBalanceTransactionType[] = [];
      if (initial) types.push('initial');
      if (invoicePair) types.push('applied_to_invoice', 'unapplied_from_invoice');
      if (sessionPair) {
        types.push('checkout_session_subscription_payment', 'checkout_session_subscription_payment_canceled');
      }
      return { types, canForget: false, initialCredit: !invoicePair };
    }
  }
  throw new FixtureOptionsError(
    'unsatisfiable_ledger_types',
    'types',
    `types [${requested.join(', ')}] with startingBalance ${startingBalance} cannot make a ledger of ${count} transactions: ${whyNot(requested, startingBalance)} Add a type that can follow any balance (e.g. 'adjustment' or 'credit_note'), or complete a pair ('applied_to_invoice' with 'unapplied_from_invoice') and give it a non-zero startingBalance or 'initial'.`,
  );
}

function whyNot(requested: readonly CustomerBalanceTransactionType[], startingBalance: number): string {
  const reasons: string[] = [];
  for (const type of requested) {
    const reverses = TYPE_RULES[type].reverses;
    if (reverses && !requested.includes(reverses))
      reasons.push(`${type} only reverses an earlier ${reverses}.`);
  }
  if (requested.includes('initial')) {
    reasons.push(
      startingBalance === 0
        ? 'initial can only be the first transaction.'
        : 'initial only starts a ledger from a zero balance.',
    );
  }
  if (
    requested.includes('applied_to_invoice') ||
    requested.includes('checkout_session_subscription_payment')
  ) {
    reasons.push('applying balance to invoices needs a non-zero balance and, to go on, its reversal.');
  }
  return reasons.join(' ');
}
