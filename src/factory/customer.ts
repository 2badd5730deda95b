/**
 * One `customer`, as Stripe sends it unexpanded for our API version: every field the schema
 * has except the expansion-only ones (`invoice_credit_balance`, `cash_balance`, `sources`,
 * `subscriptions`, `tax`, `tax_ids`) and the ones newer versions send only when set
 * (`business_name`, `individual_name`); those appear only when the overrides give them.
 *
 * Shapes follow Stripe's own fixture (stripe-openapi fixtures3.json): `cus_` + 14 alphanumerics,
 * `invoice_prefix` uppercase alphanumerics (`7FE1103` there; we make 8 hexadecimal digits),
 * `next_invoice_sequence` from 1, `invoice_settings` with its four null members, `tax_exempt`
 * `'none'` unless exempt, `preferred_locales` `[]` unless set. `balance` is in the customer's
 * `currency` (Stripe: "in the customer's default currency"), so a non-zero balance always comes
 * with a currency; a customer nobody has billed yet may have `currency: null`.
 */
import { FixtureOptionsError } from '../errors.js';
import { isSupportedCurrency } from '../stripe/currencies.js';
import type { BuiltCustomer, Metadata } from '../types.js';
import { emptyInvoiceSettings } from '../stripe/customer-object.js';
import { pickCurrency } from './currencies.js';
import type { FixtureContext } from './fixture-context.js';
import { customerId } from './ids.js';
import { customerMetadata } from './metadata.js';
import type { DeepPartial } from './overrides.js';
import type { RandomSource } from './random-source.js';
import type { TimeWindow } from './timestamps.js';

/**
 * Fields to force on a generated customer: a deep partial of {@link BuiltCustomer}. Each given
 * field wins over the generated one; `metadata`, `address`, `shipping` and the other nested
 * structures are replaced whole, except `invoice_settings`, whose given members are merged over
 * the generated ones. A non-zero `balance` needs a currency: without a `currency` override the
 * customer gets a drawn one (never null), and `currency: null` with a non-zero balance throws a
 * `FixtureOptionsError`.
 */
export type CustomerOverrides = {
  [K in keyof BuiltCustomer]?: K extends 'metadata' ? Metadata : DeepPartial<BuiltCustomer[K]>;
};

const DAY = 86_400;
/** How far back a standalone customer's `created` may fall. */
const CUSTOMER_WINDOW = 3 * 365 * DAY;
/** A ledger's customer signed up at most this long before its first transaction. */
const SIGNUP_LEAD = 90 * DAY;

/** Where a customer billed in a currency most likely lives (else the US). */
const COUNTRIES: Readonly<Record<string, string>> = {
  usd: 'US',
  eur: 'DE',
  gbp: 'GB',
  cad: 'CA',
  aud: 'AU',
  jpy: 'JP',
  chf: 'CH',
  sek: 'SE',
  inr: 'IN',
  brl: 'BR',
  mxn: 'MX',
  sgd: 'SG',
  nzd: 'NZ',
};
// The en locale's states are US ones: elsewhere the field stays null.
const WITH_STATE = new Set(['US']);
const LOCALES = ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'ja-JP', 'pt-BR'] as const;
const CHANNELS = ['the pricing page', 'a partner referral', 'the sales team', 'a webinar'] as const;
const HEX = '0123456789ABCDEF';

/** What a ledger fixes about its customer; a standalone customer draws all of it. */
export interface CustomerFacts {
  /** The window `created` is drawn from. */
  readonly created: TimeWindow;
  /** At least this many invoices exist (a ledger's distinct invoices). */
  readonly invoices?: number;
}

/** The window of a standalone customer's `created`. */
export function standaloneCustomerWindow(now: number): TimeWindow {
  return { start: Math.max(0, now - CUSTOMER_WINDOW), end: now };
}

/** The window of the `created` of a customer whose first transaction is no earlier than `start`. */
export function signupWindow(start: number): TimeWindow {
  return { start: Math.max(0, start - SIGNUP_LEAD), end: start };
}

/**
 * A customer from `random`, with `overrides` winning. Every field is drawn whatever the
 * overrides say, so overriding one field never changes another.
 */
export function buildCustomer(
  context: FixtureContext,
  random: RandomSource,
  facts: CustomerFacts,
  overrides: CustomerOverrides = {},
): BuiltCustomer {
  const id = customerId(random);
  const created = random.int(facts.created.start, facts.created.end);
  const billed = random.chance(0.7);
  const drawnCurrency = pickCurrency(random).code;
  const business = random.chance(0.2);
  const firstName = random.faker.person.firstName();
  const lastName = random.faker.person.lastName();
  const company = random.faker.company.name();
  const name = random.chance(0.9) ? (business ? company : `${firstName} ${lastName}`) : null;
  const email = random.chance(0.95)
    ? business
      ? `billing@${slug(company)}.example.com`
      : random.faker.internet.email({ firstName, lastName, provider: 'example.com' }).toLowerCase()
    : null;
  const description = describeCustomer(random, created);
  const phone = random.chance(0.35) ? random.faker.phone.number({ style: 'international' }) : null;
  const hasAddress = random.chance(0.6);
  const line1 = random.faker.location.streetAddress();
  const line2 = random.chance(0.25) ? random.faker.location.secondaryAddress() : null;
  const city = random.faker.location.city();
  const postalCode = random.faker.location.zipCode();
  const state = random.faker.location.state({ abbreviated: true });
  const shipped = random.chance(0.2);
  const delinquent = random.chance(0.05);
  const prefix = hex(random, 8);
  const sequence = random.chance(0.4) ? 1 : random.int(2, 60);
  const locales = random.chance(0.25) ? [random.pick(LOCALES)] : [];
  const taxExempt = random.weighted<'none' | 'exempt' | 'reverse'>([
    ['none', 0.94],
    ['exempt', 0.03],
    ['reverse', 0.03],
  ]);
  const metadata = customerMetadata(random);

  const balance = overrides.balance ?? 0;
  if (!Number.isSafeInteger(balance)) {
    throw invalid(
      'balance',
      `balance must be an integer in the currency's minor unit; got ${String(balance)}`,
    );
  }
  const currency = customerCurrency(overrides, balance, billed ? drawnCurrency : null, drawnCurrency);
  const country = COUNTRIES[currency ?? 'usd'] ?? 'US';
  const address = hasAddress
    ? {
        city,
        country,
        line1,
        line2,
        postal_code: postalCode,
        state: WITH_STATE.has(country) ? state : null,
      }
    : null;

  const customer: BuiltCustomer = {
    id,
    object: 'customer',
    address,
    balance,
    created,
    currency,
    customer_account: null,
    default_source: null,
    delinquent,
    description,
    discount: null,
    email,
    invoice_prefix: prefix,
    invoice_settings: emptyInvoiceSettings(),
    livemode: context.livemode,
    metadata,
    name,
    next_invoice_sequence: Math.max(sequence, (facts.invoices ?? 0) + 1),
    phone,
    preferred_locales: locales,
    // Stripe requires a name with shipping details.
    shipping: address && shipped && name !== null ? { address: { ...address }, name, phone } : null,
    tax_exempt: taxExempt,
    test_clock: null,
  };
  return withOverrides(customer, overrides);
}

/** The currency the customer ends up with, or a `FixtureOptionsError` for an impossible pair. */
function customerCurrency(
  overrides: CustomerOverrides,
  balance: number,
  drawn: string | null,
  fallback: string,
): string | null {
  const given = overrides.currency;
  if (given === undefined) return balance !== 0 ? (drawn ?? fallback) : drawn;
  if (given === null) {
    if (balance !== 0) {
      throw invalid(
        'currency',
        `a customer with balance ${balance} needs a currency (a balance is in the customer's currency); give a currency such as 'usd', or leave currency out to have one drawn`,
      );
    }
    return null;
  }
  if (typeof given !== 'string' || !isSupportedCurrency(given)) {
    throw invalid(
      'currency',
      `currency ${JSON.stringify(given)} is not a lowercase currency Stripe supports, such as 'usd', 'eur' or 'jpy'`,
    );
  }
  return given;
}

function describeCustomer(random: RandomSource, created: number): string | null {
  if (!random.chance(0.25)) return null;
  const year = new Date(created * 1000).getUTCFullYear();
  switch (random.int(0, 3)) {
    case 0:
      return `Customer since ${year}`;
    case 1:
      return `Signed up via ${random.pick(CHANNELS)}`;
    case 2:
      return `Account manager: ${random.faker.person.firstName()} ${random.faker.person.lastName()}`;
    default:
      return `${random.faker.company.buzzPhrase()}`;
  }
}

function hex(random: RandomSource, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += HEX[random.int(0, 15)];
  return out;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'customer'
  );
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, copy(inner)]));
  }
  return value;
}

// Overrides win, in the generated field order; fields the customer lacks are appended.
function withOverrides(customer: BuiltCustomer, overrides: CustomerOverrides): BuiltCustomer {
  const out = customer as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined || key === 'balance' || key === 'currency') continue;
    const current = out[key];
    out[key] =
      key === 'invoice_settings' && isPlainObject(value) && isPlainObject(current)
        ? { ...current, ...(copy(value) as object) }
        : copy(value);
  }
  return customer;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function invalid(option: string, message: string): FixtureOptionsError {
  return new FixtureOptionsError('invalid_fixture_option', option, message);
}
