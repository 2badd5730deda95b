/**
 * One `customer_balance_transaction` on its own, consistent with itself: its links follow its
 * type, its amount the type's sign and the currency's scale, and its `ending_balance` a
 * plausible balance before it (0 before `initial`; a credit before a positive
 * `applied_to_invoice`, which never passes zero).
 */
import { FixtureOptionsError } from '../errors.js';
import type {
  CustomerBalanceTransactionType,
  ExpandableField,
  Metadata,
  StrictCustomerBalanceTransaction,
} from '../types.js';
import { amountOfSize } from './amounts.js';
import { type CurrencyInfo, currencyInfo, pickCurrency } from './currencies.js';
import { descriptionFor } from './descriptions.js';
import type { FixtureContext } from './fixture-context.js';
import { checkoutSessionId, creditNoteId, customerId, invoiceId, transactionId } from './ids.js';
import { metadataFor } from './metadata.js';
import { type BalanceTransactionOverrides, expandable, given } from './overrides.js';
import type { RandomSource } from './random-source.js';
import { STANDALONE_WINDOW } from './timestamps.js';
import { isTransactionType, TRANSACTION_TYPES, TYPE_RULES } from '../stripe/transaction-types.js';
import { TYPE_WEIGHTS } from './type-weights.js';
import { independentAmount, magnitude } from './type-amounts.js';

/** The ids a transaction links to; null where its type links nothing of that kind. */
export interface Links {
  invoice: string | null;
  credit_note: string | null;
  checkout_session: string | null;
}

/** The fields of a transaction, in the order Stripe serialises them. */
export function assembleTransaction<E extends ExpandableField = never>(
  fields: Omit<StrictCustomerBalanceTransaction<E>, 'object'>,
): StrictCustomerBalanceTransaction<E> {
  return {
    id: fields.id,
    object: 'customer_balance_transaction',
    amount: fields.amount,
    checkout_session: fields.checkout_session,
    created: fields.created,
    credit_note: fields.credit_note,
    currency: fields.currency,
    customer: fields.customer,
    customer_account: fields.customer_account,
    description: fields.description,
    ending_balance: fields.ending_balance,
    invoice: fields.invoice,
    livemode: fields.livemode,
    metadata: fields.metadata,
    type: fields.type,
  };
}

/** A transaction from `random`, with `overrides` winning over every generated field. */
export function buildTransaction(
  context: FixtureContext,
  random: RandomSource,
  overrides: BalanceTransactionOverrides = {},
): StrictCustomerBalanceTransaction<ExpandableField> {
  const livemode = overrides.livemode ?? context.livemode;
  const type = overrides.type === undefined ? pickTypeFor(random, overrides) : knownType(overrides.type);
  const currency = currencyInfo(overrides.currency ?? pickCurrency(random).code);
  const created = overrides.created ?? random.int(Math.max(0, context.now - STANDALONE_WINDOW), context.now);
  const amount = overrides.amount ?? standaloneAmount(random, type, currency);
  const endingBalance = overrides.ending_balance ?? balanceBefore(random, type, currency, amount) + amount;
  const links = linksFor(random, context, type, created, livemode);
  const customer =
    (given(overrides, 'customer')
      ? expandable(overrides.customer, 'customer', () => customerId(random))
      : null) ?? customerId(random);

  const transaction = assembleTransaction<ExpandableField>({
    id: overrides.id ?? transactionId(random, created, context.account),
    amount,
    checkout_session: given(overrides, 'checkout_session')
      ? expandable(
          overrides.checkout_session,
          'checkout.session',
          () => links.checkout_session ?? checkoutSessionId(random, livemode),
        )
      : links.checkout_session,
    created,
    credit_note: given(overrides, 'credit_note')
      ? expandable(
          overrides.credit_note,
          'credit_note',
          () => links.credit_note ?? creditNoteId(random, created, context.account),
        )
      : links.credit_note,
    currency: currency.code,
    customer,
    customer_account: given(overrides, 'customer_account') ? overrides.customer_account : null,
    description: given(overrides, 'description')
      ? overrides.description
      : descriptionFor(random, type, amount),
    ending_balance: endingBalance,
    invoice: given(overrides, 'invoice')
      ? expandable(
          overrides.invoice,
          'invoice',
          () => links.invoice ?? invoiceId(random, created, context.account),
        )
      : links.invoice,
    livemode,
    metadata: given(overrides, 'metadata') ? copyMetadata(overrides.metadata) : metadataFor(random, type),
    type,
  });
  if (overrides.object !== undefined) transaction.object = overrides.object;
  return withUnknownFields(transaction, overrides);
}

// The overrides take stripe-node's open `type`; a value without Stripe's rules can't be built.
function knownType(type: string): CustomerBalanceTransactionType {
  if (isTransactionType(type)) return type;
  throw new FixtureOptionsError(
    'invalid_fixture_option',
    'type',
    `type must be one of ${TRANSACTION_TYPES.join(', ')}; got ${JSON.stringify(type)}`,
  );
}

/** The links a `type` carries, newly minted; every other link is null. */
export function linksFor(
  random: RandomSource,
  context: FixtureContext,
  type: CustomerBalanceTransactionType,
  created: number,
  livemode: boolean,
): Links {
  switch (TYPE_RULES[type].links) {
    case 'invoice':
      return { invoice: invoiceFor(random, context, created), credit_note: null, checkout_session: null };
    case 'credit_note':
      return {
        invoice: invoiceFor(random, context, created),
        credit_note: creditNoteId(random, created, context.account),
        checkout_session: null,
      };
    case 'checkout_session':
      return { invoice: null, credit_note: null, checkout_session: checkoutSessionId(random, livemode) };
    default:
      return { invoice: null, credit_note: null, checkout_session: null };
  }
}

/** Invoices exist before the balance moves for them: up to an hour earlier. */
function invoiceFor(random: RandomSource, context: FixtureContext, created: number): string {
  return invoiceId(random, Math.max(0, created - random.int(0, 3600)), context.account);
}

/** A type that agrees with the overrides given (their links and the amount's sign). */
function pickTypeFor(
  random: RandomSource,
  overrides: BalanceTransactionOverrides,
): CustomerBalanceTransactionType {
  const fits = TRANSACTION_TYPES.filter((type) => agrees(type, overrides));
  const pool = fits.length > 0 ? fits : TRANSACTION_TYPES;
  return random.weighted(pool.map((type) => [type, TYPE_WEIGHTS[type].weight] as const));
}

function agrees(type: CustomerBalanceTransactionType, overrides: BalanceTransactionOverrides): boolean {
  const links = TYPE_RULES[type].links;
  const hasInvoice = links === 'invoice' || links === 'credit_note';
  if (given(overrides, 'credit_note') && (overrides.credit_note !== null) !== (links === 'credit_note'))
    return false;
  if (
    given(overrides, 'checkout_session') &&
    (overrides.checkout_session !== null) !== (links === 'checkout_session')
  )
    return false;
  if (given(overrides, 'invoice') && (overrides.invoice !== null) !== hasInvoice) return false;
  const amount = overrides.amount;
  if (amount === undefined) return true;
  switch (type) {
    case 'checkout_session_subscription_payment':
      return amount > 0;
    case 'checkout_session_subscription_payment_canceled':
      return amount < 0;
    default: {
      const sign = TYPE_RULES[type].sign;
      if (sign === 'credit') return amount < 0;
      if (sign === 'debit') return amount > 0;
      return amount !== 0;
    }
  }
}

/** The amount of a standalone transaction of `type` (no ledger, so no balance to consult). */
function standaloneAmount(
  random: RandomSource,
  type: CustomerBalanceTransactionType,
  currency: CurrencyInfo,
): number {
  switch (type) {
    // Credit applied to an invoice is the common case; a debit moved onto one the rarer.
    case 'applied_to_invoice':
      return random.chance(0.8) ? magnitude(random, type, currency) : -magnitude(random, type, currency);
    case 'unapplied_from_invoice':
      return random.chance(0.8) ? -magnitude(random, type, currency) : magnitude(random, type, currency);
    case 'checkout_session_subscription_payment':
      return magnitude(random, type, currency);
    case 'checkout_session_subscription_payment_canceled':
      return -magnitude(random, type, currency);
    default:
      return independentAmount(random, type, currency);
  }
}

/** A balance the transaction could have followed, so `ending_balance` obeys the type's rule. */
function balanceBefore(
  random: RandomSource,
  type: CustomerBalanceTransactionType,
  currency: CurrencyInfo,
  amount: number,
): number {
  const extra = () => (random.chance(0.5) ? 0 : amountOfSize(random, currency, 'typical'));
  switch (type) {
    case 'initial':
      return 0;
    case 'applied_to_invoice':
    case 'checkout_session_subscription_payment':
      // A credit of at least `amount` was there to apply; a debit moves onto the invoice whole.
      return amount > 0 ? -(amount + extra()) : -amount;
    case 'unapplied_from_invoice':
    case 'checkout_session_subscription_payment_canceled':
      // Undoing an application of −amount: before it, the balance was one that allowed it.
      return amount < 0 ? -extra() : 0;
    default: {
      const roll = random.unit();
      if (roll < 0.5) return 0;
      const size = amountOfSize(random, currency, 'typical');
      return roll < 0.9 ? -size : size;
    }
  }
}

function copyMetadata(metadata: Metadata | null): Metadata | null {
  return metadata === null ? null : { ...metadata };
}

// Overrides win even over the schema: JavaScript callers may add fields on purpose.
function withUnknownFields(
  transaction: StrictCustomerBalanceTransaction<ExpandableField>,
  overrides: BalanceTransactionOverrides,
): StrictCustomerBalanceTransaction<ExpandableField> {
  for (const key of Object.keys(overrides)) {
    if (!Object.hasOwn(transaction, key)) {
      (transaction as unknown as Record<string, unknown>)[key] = (overrides as Record<string, unknown>)[key];
    }
  }
  return transaction;
}
