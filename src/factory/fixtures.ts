/**
 * Fixture sets: seeded, immutable factories of Stripe-realistic balance transactions.
 *
 * How repeated calls behave (the one piece of state a set has):
 * - `balanceTransaction()` draws the next object of the set's own sequence, like fishery's
 *   `sequence`: consecutive calls give different transactions, and a new set with the same
 *   options replays exactly the same objects in the same order.
 * - `ledger()` and `ledgerStream()` are pure functions of the set's options and their own
 *   arguments: they neither read nor advance that sequence, so `fx.ledger(o)` deep-equals
 *   `[...fx.ledgerStream(o)]` whenever, and however often, either is called. For another
 *   ledger, pass another `customer`, or make a set with another seed.
 * - `customer()` draws the next customer of a sequence of its own, apart from the transactions'
 *   (so adding customers to a test leaves its transactions as they were).
 */
import type { BuiltCustomer, StrictCustomerBalanceTransaction } from '../types.js';
import { buildTransaction } from './balance-transaction.js';
import { buildCustomer, type CustomerOverrides, standaloneCustomerWindow } from './customer.js';
import { type CustomerLedger, customerLedger, type LedgerWithCustomerOptions } from './customer-ledger.js';
import { type FixtureContext, fixtureContext } from './fixture-context.js';
import { type LedgerOptions, ledgerTransactions, planLedger } from './ledger.js';
import type { BalanceTransactionOverrides, BuiltBalanceTransaction, KnownTypeIn } from './overrides.js';
import { DEFAULT_SEED, deriveSeed, RandomSource, type Seed } from './random-source.js';
import { DEFAULT_NOW, type TimeInput, toUnixSeconds } from './timestamps.js';
import { FixtureOptionsError } from '../errors.js';

/** Options of {@link createFixtures}. */
export interface FixturesOptions {
  /**
   * Everything generated follows from it: the same seed gives byte-identical JSON on any
   * machine (for a given Faker version, pinned by the lockfile). Default: a fixed seed, so
   * fixtures are reproducible unless you ask for variety.
   */
  seed?: Seed;
  /**
   * The moment fixtures are generated at, as a Date or Unix seconds (numbers above 10^11 are
   * read as milliseconds). Nothing is created after it. Default: 2026-10-28T00:00:00Z — a fixed
   * instant rather than the clock, so output doesn't change from one day to the next.
   */
  now?: TimeInput;
  /** Whether objects are live-mode ones (`livemode: true`, `cs_live_` sessions). Default false. */
  livemode?: boolean;
}

/** A seeded, immutable source of balance-transaction fixtures; see {@link createFixtures}. */
export interface FixtureSet {
  /** The seed everything in this set derives from. */
  readonly seed: Seed;
  /** The set's clock, Unix seconds: no `created` is later. */
  readonly now: number;
  /** Whether this set makes live-mode objects (`livemode: true`, `cs_live_` Checkout Sessions). */
  readonly livemode: boolean;
  /**
   * The next transaction of this set's sequence, with `overrides` winning over generated
   * fields and derived fields kept consistent (a `credit_note` type gets a `cn_` credit note and
   * its `in_` invoice, a `jpy` currency whole-yen amounts, `livemode: true` `cs_live_` ids).
   * Links are ids (so the result fits `Stripe.CustomerBalanceTransaction`) except those the
   * overrides give as objects, which the result's type shows as expanded.
   */
  balanceTransaction<const O extends BalanceTransactionOverrides = Record<never, never>>(
    overrides?: O & KnownTypeIn<O>,
  ): BuiltBalanceTransaction<O>;
  /**
   * With `withCustomer: true`, the ledger (as below) together with its customer: `customer.id`
   * is the transactions' `customer`, `customer.currency` the ledger's currency, and
   * `customer.balance` the last `ending_balance` (the `startingBalance`, 0 by default, for an
   * empty ledger). `transactions` deep-equals what the call without `withCustomer` returns.
   */
  ledger(options: LedgerWithCustomerOptions): CustomerLedger;
  /**
   * `count` transactions of one customer in one currency, oldest first, following Stripe's
   * rules (ending balances chain from `startingBalance`, `created` strictly increases, links and
   * signs follow `type`). Throws a `FixtureOptionsError` for options no ledger can satisfy.
   */
  ledger(options: LedgerOptions): StrictCustomerBalanceTransaction[];
  /**
   * The same transactions as {@link FixtureSet.ledger} with the same options, generated lazily
   * in constant memory (a million rows stream as cheaply as ten). Options are checked when
   * called, not at the first `next()`.
   */
  ledgerStream(options: LedgerOptions): Generator<StrictCustomerBalanceTransaction, void, undefined>;
  /**
   * The next customer of this set's customer sequence: a realistic Stripe customer (`cus_` id,
   * name, email, `invoice_prefix`, …) that passes the strict contract, with every field Stripe
   * sends unexpanded. `balance` is 0 unless overridden; `currency` may be null (a customer never
   * billed has none), except that a non-zero `balance` always comes with a currency. Overrides
   * win; see {@link CustomerOverrides}.
   */
  customer(overrides?: CustomerOverrides): BuiltCustomer;
}

/**
 * A fixture set bound to its own seeded Faker instance (never the global one).
 *
 * @example
 * const fx = createFixtures({ seed: 42 });
 * const credit = fx.balanceTransaction({ type: 'credit_note', currency: 'eur' });
 * const history = fx.ledger({ customer: 'cus_NcjdgdwZyI9Rj7', currency: 'usd', count: 50 });
 * const page = listPage(history, { customer: 'cus_NcjdgdwZyI9Rj7', limit: 10 });
 */
export function createFixtures(options: FixturesOptions = {}): FixtureSet {
  const seed = options.seed ?? DEFAULT_SEED;
  if ((typeof seed !== 'number' || !Number.isFinite(seed)) && typeof seed !== 'string') {
    throw new FixtureOptionsError(
      'invalid_fixture_option',
      'seed',
      `seed must be a finite number or a string; got ${String(seed)}`,
    );
  }
  const now = options.now === undefined ? DEFAULT_NOW : toUnixSeconds(options.now, 'now');
  const livemode = options.livemode ?? false;
  if (typeof livemode !== 'boolean') {
    throw new FixtureOptionsError('invalid_fixture_option', 'livemode', 'livemode must be true or false');
  }
  const context: FixtureContext = fixtureContext(seed, now, livemode);
  const sequence = new RandomSource(deriveSeed(seed, 'objects'));
  // Made at the first customer() call: sets that build none don't pay for a Faker instance.
  let customers: RandomSource | undefined;

  function ledger(ledgerOptions: LedgerWithCustomerOptions): CustomerLedger;
  function ledger(ledgerOptions: LedgerOptions): StrictCustomerBalanceTransaction[];
  function ledger(
    ledgerOptions: LedgerOptions | LedgerWithCustomerOptions,
  ): StrictCustomerBalanceTransaction[] | CustomerLedger {
    if ('withCustomer' in ledgerOptions && ledgerOptions.withCustomer === true) {
      return customerLedger(context, ledgerOptions);
    }
    return Array.from(ledgerTransactions(context, planLedger(context, ledgerOptions)));
  }

  const set: FixtureSet = {
    seed,
    now,
    livemode,
    // The built links are ids wherever the overrides gave none as an object, as the type says.
    balanceTransaction: <O extends BalanceTransactionOverrides>(overrides?: O) =>
      buildTransaction(context, sequence, overrides) as BuiltBalanceTransaction<O>,
    ledgerStream: (ledgerOptions) => ledgerTransactions(context, planLedger(context, ledgerOptions)),
    ledger,
    customer: (overrides) => {
      customers ??= new RandomSource(deriveSeed(seed, 'customers'));
      return buildCustomer(context, customers, { created: standaloneCustomerWindow(now) }, overrides);
    },
  };
  return Object.freeze(set);
}

let defaultSet: FixtureSet | undefined;

/**
 * A transaction from a default fixture set (default seed, default `now`, test mode), shared by
 * the whole process: each call gives the next object of that set. For fixtures that must not
 * depend on what else ran first, use `createFixtures({ seed })`.
 */
export function buildBalanceTransaction<const O extends BalanceTransactionOverrides = Record<never, never>>(
  overrides?: O & KnownTypeIn<O>,
): BuiltBalanceTransaction<O> {
  defaultSet ??= createFixtures();
  return defaultSet.balanceTransaction<O>(overrides);
}
