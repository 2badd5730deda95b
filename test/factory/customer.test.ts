import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CustomerOverrides,
  createFixtures,
  FixtureOptionsError,
  listPage,
  validate,
} from '../../src/index.js';
import { isSupportedCurrency } from '../../src/stripe/currencies.js';
import { ID, ledgerErrors } from './rules.js';

const seedArb = fc.oneof(fc.integer(), fc.string({ maxLength: 12 }));
const nowArb = fc.integer({ min: 1420070400, max: 1893456000 });
const currencyArb = fc.constantFrom('usd', 'eur', 'gbp', 'jpy', 'krw', 'huf', 'inr');

// Every field Stripe sends on an unexpanded customer of our API version.
const SENT_UNEXPANDED = [
  'id',
  'object',
  'address',
  'balance',
  'created',
  'currency',
  'customer_account',
  'default_source',
  'delinquent',
  'description',
  'discount',
  'email',
  'invoice_prefix',
  'invoice_settings',
  'livemode',
  'metadata',
  'name',
  'next_invoice_sequence',
  'phone',
  'preferred_locales',
  'shipping',
  'tax_exempt',
  'test_clock',
];
const EXPANSION_ONLY = [
  'invoice_credit_balance',
  'cash_balance',
  'sources',
  'subscriptions',
  'tax',
  'tax_ids',
];

const strictErrors = (kind: 'customer', value: unknown) =>
  validate(kind, value, { mode: 'strict', semantic: true }).errors;

const overridesArb: fc.Arbitrary<CustomerOverrides> = fc.record(
  {
    email: fc.option(fc.emailAddress(), { nil: null }),
    name: fc.option(fc.string({ maxLength: 100 }), { nil: null }),
    description: fc.option(fc.string({ maxLength: 200 }), { nil: null }),
    currency: currencyArb,
    balance: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    delinquent: fc.boolean(),
    livemode: fc.boolean(),
    tax_exempt: fc.constantFrom('none', 'exempt', 'reverse'),
    preferred_locales: fc.array(fc.constantFrom('en-US', 'fr-FR'), { maxLength: 2 }),
    invoice_settings: fc.record({ footer: fc.string({ maxLength: 40 }) }),
  },
  { requiredKeys: [] },
);

describe('fx.customer()', () => {
  it('is a realistic customer with every unexpanded field, valid under the strict contract', () => {
    fc.assert(
      fc.property(seedArb, nowArb, fc.boolean(), (seed, now, livemode) => {
        const fx = createFixtures({ seed, now, livemode });
        for (let i = 0; i < 3; i++) {
          const c = fx.customer();
          expect(strictErrors('customer', c)).toEqual([]);
          expect(Object.keys(c)).toEqual(SENT_UNEXPANDED);
          for (const key of EXPANSION_ONLY) expect(c).not.toHaveProperty(key);
          expect(c.id).toMatch(ID.customer);
          expect(c.object).toBe('customer');
          expect(c.livemode).toBe(livemode);
          expect(c.balance).toBe(0);
          expect(c.created).toBeLessThanOrEqual(fx.now);
          expect(c.created).toBeGreaterThanOrEqual(fx.now - 3 * 365 * 86_400);
          expect(c.currency === null || isSupportedCurrency(c.currency)).toBe(true);
          expect(c.invoice_prefix).toMatch(/^[0-9A-Z]{3,12}$/);
          expect(c.next_invoice_sequence).toBeGreaterThanOrEqual(1);
          expect(['none', 'exempt', 'reverse']).toContain(c.tax_exempt);
          if (c.email !== null) expect(c.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic: the same seed replays the same customers; the sequence moves on', () => {
    const run = () => {
      const fx = createFixtures({ seed: 'customers' });
      return [fx.customer(), fx.customer(), fx.customer({ email: 'jenny@example.com' })];
    };
    const [a, b] = run();
    expect(run()).toEqual(run());
    expect(a?.id).not.toBe(b?.id);
  });

  it('leaves the transaction sequence and ledgers of a seed untouched', () => {
    const plain = createFixtures({ seed: 7 });
    const mixed = createFixtures({ seed: 7 });
    mixed.customer();
    expect(mixed.balanceTransaction()).toEqual(plain.balanceTransaction());
    mixed.customer();
    expect(mixed.ledger({ count: 30 })).toEqual(plain.ledger({ count: 30 }));
  });

  it('overrides win and stay valid; a non-zero balance always comes with a currency', () => {
    fc.assert(
      fc.property(seedArb, overridesArb, (seed, overrides) => {
        const fx = createFixtures({ seed });
        const c = fx.customer(overrides);
        expect(strictErrors('customer', c)).toEqual([]);
        const { invoice_settings, ...rest } = overrides;
        for (const [key, value] of Object.entries(rest)) expect(c[key as keyof typeof c]).toEqual(value);
        if (invoice_settings) expect(c.invoice_settings).toMatchObject(invoice_settings);
        if (c.balance !== 0) expect(c.currency).not.toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('overriding one field changes no other', () => {
    const base = createFixtures({ seed: 3 }).customer();
    const named = createFixtures({ seed: 3 }).customer({ name: 'Jenny Rosen', metadata: {} });
    expect({ ...named, name: base.name, metadata: base.metadata }).toEqual(base);
  });

  it('merges invoice_settings, replaces metadata, and copies what it is given', () => {
    const locales = ['de-DE'];
    const c = createFixtures().customer({
      invoice_settings: { footer: 'Thanks!' },
      metadata: { plan: 'pro' },
      preferred_locales: locales,
    });
    expect(c.invoice_settings).toEqual({
      custom_fields: null,
      default_payment_method: null,
      footer: 'Thanks!',
      rendering_options: null,
    });
    expect(c.metadata).toEqual({ plan: 'pro' });
    locales.push('fr-FR');
    expect(c.preferred_locales).toEqual(['de-DE']);
  });

  it('refuses a balance without a currency, and a currency Stripe does not support', () => {
    const fx = createFixtures();
    expect(() => fx.customer({ balance: -500, currency: null })).toThrow(FixtureOptionsError);
    expect(() => fx.customer({ currency: 'USD' })).toThrow(/lowercase/);
    expect(() => fx.customer({ balance: 1.5 })).toThrow(FixtureOptionsError);
    expect(fx.customer({ balance: 0, currency: null }).currency).toBeNull();
    expect(fx.customer({ balance: -500 }).currency).not.toBeNull();
  });
});

describe('fx.ledger({ withCustomer: true })', () => {
  it("returns the ledger's customer: same id and currency, balance = last ending_balance", () => {
    fc.assert(
      fc.property(
        seedArb,
        nowArb,
        fc.boolean(),
        fc.integer({ min: 0, max: 80 }),
        fc.option(currencyArb, { nil: undefined }),
        fc.option(fc.constant('cus_NcjdgdwZyI9Rj7'), { nil: undefined }),
        fc.integer({ min: -50_000, max: 50_000 }),
        (seed, now, livemode, count, currency, customer, startingBalance) => {
          const fx = createFixtures({ seed, now, livemode });
          const options = {
            count,
            startingBalance,
            ...(currency === undefined ? {} : { currency }),
            ...(customer === undefined ? {} : { customer }),
          };
          const result = fx.ledger({ ...options, withCustomer: true });
          const { customer: c, transactions } = result;
          expect(transactions).toEqual(fx.ledger(options));
          expect(strictErrors('customer', c)).toEqual([]);
          expect(c.livemode).toBe(livemode);
          expect(c.balance).toBe(transactions.at(-1)?.ending_balance ?? startingBalance);
          if (customer !== undefined) expect(c.id).toBe(customer);
          else expect(c.id).toMatch(ID.customer);
          if (currency !== undefined) expect(c.currency).toBe(currency);
          else expect(isSupportedCurrency(c.currency ?? '')).toBe(true);
          for (const t of transactions) {
            expect(t.customer).toBe(c.id);
            expect(t.currency).toBe(c.currency);
            expect(t.created).toBeGreaterThanOrEqual(c.created);
          }
          const invoices = new Set(transactions.map((t) => t.invoice).filter((i) => i !== null));
          expect(c.next_invoice_sequence).toBeGreaterThan(invoices.size);
          expect(
            ledgerErrors(transactions, {
              now: fx.now,
              livemode,
              customer: c.id,
              currency: c.currency ?? '',
              startingBalance,
            }),
          ).toEqual([]);
          const page = listPage(transactions, { customer: c.id, limit: 100 });
          expect(validate('customer_balance_transaction_list', page).errors).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('an empty ledger has a zero-balance customer (with the ledger currency)', () => {
    const { customer, transactions } = createFixtures({ seed: 1 }).ledger({
      count: 0,
      currency: 'jpy',
      withCustomer: true,
    });
    expect(transactions).toEqual([]);
    expect(customer.balance).toBe(0);
    expect(customer.currency).toBe('jpy');
  });

  it('is deterministic, and takes customer overrides except the ledger-bound fields', () => {
    const options = {
      count: 12,
      withCustomer: true,
      customerOverrides: { email: 'jenny@example.com' },
    } as const;
    const a = createFixtures({ seed: 9 }).ledger(options);
    expect(createFixtures({ seed: 9 }).ledger(options)).toEqual(a);
    expect(a.customer.email).toBe('jenny@example.com');
    expect(a.customer.balance).toBe(a.transactions.at(-1)?.ending_balance);
  });

  it('refuses what ledger() refuses', () => {
    expect(() => createFixtures().ledger({ count: -1, withCustomer: true })).toThrow(FixtureOptionsError);
  });
});
