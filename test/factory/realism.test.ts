/**
 * One test (or table) per realism rule of issue 4, each against many generated objects.
 */
import { createHash } from 'node:crypto';
import { faker } from '@faker-js/faker';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildBalanceTransaction,
  type StrictCustomerBalanceTransaction,
  type CustomerBalanceTransactionType,
  createFixtures,
  FixtureOptionsError,
  isStripeBalanceKitError,
  StripeBalanceKitError,
} from '../../src/index.js';
import { currencyInfo } from '../../src/factory/currencies.js';
import { supportedCurrencies, ZERO_DECIMAL_CURRENCIES } from '../../src/stripe/currencies.js';
import { TRANSACTION_TYPES } from '../../src/stripe/transaction-types.js';
import { CREDIT_TYPES, DEBIT_TYPES, ID, ledgerErrors, linkErrors, signErrors } from './rules.js';

const NOW_2026 = 1793145600; // 2026-10-28T00:00:00Z

function many(count: number, seed: number | string = 1, overrides = {}): StrictCustomerBalanceTransaction[] {
  const fx = createFixtures({ seed });
  return Array.from({ length: count }, () => fx.balanceTransaction(overrides));
}

const share = (items: readonly unknown[], test: (item: never) => boolean) =>
  items.filter((item) => test(item as never)).length / items.length;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

describe('ids (shapes from Stripe reference pages and fixtures3)', () => {
  it('cbtxn_ + 24, cus_ + 14, in_ + 24, cn_ + 24, cs_test_/cs_live_ + 58 alphanumerics', () => {
    const objects = [
      ...many(300, 'ids'),
      ...many(50, 'ids-cn', { type: 'credit_note' }),
      ...many(50, 'ids-cs', { type: 'checkout_session_subscription_payment' }),
      ...many(50, 'ids-live', { type: 'checkout_session_subscription_payment_canceled', livemode: true }),
    ];
    for (const t of objects) {
      expect(t.id).toMatch(ID.transaction);
      expect(t.customer).toMatch(ID.customer);
      if (t.invoice !== null) expect(t.invoice).toMatch(ID.invoice);
      if (t.credit_note !== null) expect(t.credit_note).toMatch(ID.creditNote);
      if (t.checkout_session !== null)
        expect(t.checkout_session).toMatch(t.livemode ? ID.checkoutLive : ID.checkoutTest);
    }
    expect(objects.some((t) => t.checkout_session?.toString().startsWith('cs_live_'))).toBe(true);
    expect(objects.some((t) => t.checkout_session?.toString().startsWith('cs_test_'))).toBe(true);
  });

  it("ids of one set share an account segment, like one Stripe account's ids", () => {
    const [a, b] = many(2, 'account', { type: 'credit_note' }) as [
      StrictCustomerBalanceTransaction,
      StrictCustomerBalanceTransaction,
    ];
    const segment = (id: string) => id.slice(id.indexOf('_') + 7, id.indexOf('_') + 17);
    expect(segment(a.id)).toBe(segment(b.id));
    expect(segment(a.credit_note as string)).toBe(segment(a.id));
    expect(segment(many(1, 'another account')[0]?.id ?? '')).not.toBe(segment(a.id));
  });

  it('ledger ids are unique and sort in time order, as Stripe ids do', () => {
    const ledger = createFixtures({ seed: 'sorted' }).ledger({ count: 2000 });
    const ids = ledger.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('livemode', () => {
  it('is false unless asked, per set or per object', () => {
    expect(many(100).every((t) => t.livemode === false)).toBe(true);
    expect(createFixtures({ livemode: true }).balanceTransaction().livemode).toBe(true);
    expect(createFixtures().balanceTransaction({ livemode: true }).livemode).toBe(true);
    expect(
      createFixtures({ livemode: true })
        .ledger({ count: 50 })
        .every((t) => t.livemode),
    ).toBe(true);
  });
});

describe('created (Unix seconds, never after now)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('defaults now to 2026-10-28T00:00:00Z, not the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-05-05T00:00:00Z'));
    const fx = createFixtures({ seed: 5 });
    expect(fx.now).toBe(NOW_2026);
    const late = JSON.stringify([fx.balanceTransaction(), fx.ledger({ count: 20 })]);
    vi.setSystemTime(new Date('2019-01-01T00:00:00Z'));
    const fy = createFixtures({ seed: 5 });
    expect(JSON.stringify([fy.balanceTransaction(), fy.ledger({ count: 20 })])).toBe(late);
  });

  it('standalone objects fall within the year before now', () => {
    const now = 1700000000;
    const fx = createFixtures({ seed: 'created', now });
    for (let i = 0; i < 300; i++) {
      const { created } = fx.balanceTransaction();
      expect(Number.isInteger(created)).toBe(true);
      expect(created).toBeLessThanOrEqual(now);
      expect(created).toBeGreaterThan(now - 366 * 86400);
    }
  });

  it('accepts now as a Date, Unix seconds or milliseconds', () => {
    expect(createFixtures({ now: new Date('2024-01-01T00:00:00Z') }).now).toBe(1704067200);
    expect(createFixtures({ now: 1704067200 }).now).toBe(1704067200);
    expect(createFixtures({ now: 1704067200123 }).now).toBe(1704067200);
  });

  it('strictly increase in a ledger, within start and end', () => {
    const fx = createFixtures({ seed: 'window', now: NOW_2026 });
    const start = NOW_2026 - 30 * 86400;
    const end = NOW_2026 - 86400;
    const ledger = fx.ledger({ count: 500, start, end });
    expect(ledgerErrors(ledger, { now: fx.now, livemode: false, start, end })).toEqual([]);
    // As tight as it gets: one transaction per second.
    const tight = fx.ledger({ count: 100, start: 1000, end: 1099 });
    expect(tight.map((t) => t.created)).toEqual(Array.from({ length: 100 }, (_, i) => 1000 + i));
  });

  it('refuses windows that cannot hold count distinct seconds, or that end after now', () => {
    const fx = createFixtures({ now: NOW_2026 });
    expect(() => fx.ledger({ count: 11, start: 0, end: 9 })).toThrow(/count 11 needs 11 distinct seconds/);
    expect(() => fx.ledger({ count: 1, end: NOW_2026 + 1 })).toThrow(/after the fixture set's now/);
    expect(() => fx.ledger({ count: 1, start: NOW_2026, end: NOW_2026 - 5 })).toThrow(FixtureOptionsError);
  });
});

describe('currency and amounts', () => {
  const sample = many(3000, 'currencies');

  it("are lowercase codes from Stripe's supported list, weighted toward common ones", () => {
    const counts = new Map<string, number>();
    for (const t of sample) {
      expect(t.currency).toMatch(/^[a-z]{3}$/);
      expect(supportedCurrencies()).toContain(t.currency);
      counts.set(t.currency, (counts.get(t.currency) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(ranked[0]).toBe('usd');
    expect(ranked.slice(0, 4)).toEqual(expect.arrayContaining(['eur', 'gbp']));
    expect(counts.size).toBeGreaterThan(20); // rare currencies do appear
  });

  it('are integers in the minor unit, sized by value: zero-decimal currencies get whole units', () => {
    const worth = (t: StrictCustomerBalanceTransaction) =>
      Math.abs(t.amount) / 10 ** currencyInfo(t.currency).decimals / currencyInfo(t.currency).unitsPerUsd;
    const medians: Record<string, number> = {};
    for (const currency of ['usd', 'eur', 'gbp', 'jpy', 'krw', 'vnd', 'clp', 'xof', 'bif']) {
      const rows = many(400, `amount-${currency}`, { type: 'adjustment', currency });
      for (const t of rows) expect(Number.isSafeInteger(t.amount)).toBe(true);
      medians[currency] = median(rows.map(worth));
    }
    // ¥ amounts like ¥3,000 for a $20 credit, not ¥2,000 (a cents-style 100× mismatch).
    for (const [currency, value] of Object.entries(medians)) {
      expect(value, currency).toBeGreaterThan((medians.usd as number) / 2);
      expect(value, currency).toBeLessThan((medians.usd as number) * 2);
    }
    const yen = many(400, 'yen', { type: 'adjustment', currency: 'jpy' }).map((t) => Math.abs(t.amount));
    expect(median(yen)).toBeGreaterThan(300);
    expect(median(yen)).toBeLessThan(60_000);
    expect(ZERO_DECIMAL_CURRENCIES.has('jpy')).toBe(true);
  });

  it('keep isk, huf and twd amounts in whole units (multiples of 100)', () => {
    for (const currency of ['isk', 'huf', 'twd']) {
      const ledger = createFixtures({ seed: currency }).ledger({ count: 300, currency });
      for (const t of ledger) expect(Math.abs(t.amount) % 100, `${currency} ${t.amount}`).toBe(0);
    }
  });

  it('refuses currencies Stripe does not support, naming the fix', () => {
    const fx = createFixtures();
    expect(() => fx.ledger({ count: 1, currency: 'USD' })).toThrow(/use 'usd'/);
    expect(() => fx.ledger({ count: 1, currency: 'xyz' })).toThrow(FixtureOptionsError);
  });
});

describe('links by type', () => {
  it.each(TRANSACTION_TYPES)('%s links exactly what its type implies', (type) => {
    for (const t of [
      ...many(30, `links-${type}`, { type }),
      ...many(10, `live-${type}`, { type, livemode: true }),
    ]) {
      expect(linkErrors(t)).toEqual([]);
    }
  });

  it('credit_note links its credit note and that note’s invoice', () => {
    const t = createFixtures().balanceTransaction({ type: 'credit_note' });
    expect(t.credit_note).toMatch(ID.creditNote);
    expect(t.invoice).toMatch(ID.invoice);
    expect(t.checkout_session).toBeNull();
  });

  it('every object carries checkout_session and customer_account, null unless linked', () => {
    for (const t of many(200, 'keys')) {
      expect(Object.keys(t)).toEqual([
        'id',
        'object',
        'amount',
        'checkout_session',
        'created',
        'credit_note',
        'currency',
        'customer',
        'customer_account',
        'description',
        'ending_balance',
        'invoice',
        'livemode',
        'metadata',
        'type',
      ]);
      expect(t.customer_account).toBeNull();
    }
  });
});

describe('signs by type (negative = credit, positive = debit)', () => {
  it.each(TRANSACTION_TYPES)('%s has the sign and size its type implies', (type) => {
    for (const t of many(60, `sign-${type}`, { type })) expect(signErrors(t)).toEqual([]);
  });

  it.each([...CREDIT_TYPES])('%s is always a credit', (type) => {
    expect(many(100, `credit-${type}`, { type }).every((t) => t.amount < 0)).toBe(true);
  });

  it.each([...DEBIT_TYPES])('%s is always a debit', (type) => {
    expect(many(100, `debit-${type}`, { type }).every((t) => t.amount > 0)).toBe(true);
  });

  it('invoice_too_small stays under the minimum charge; invoice_too_large above eight digits', () => {
    for (const t of many(200, 'small', { type: 'invoice_too_small' })) {
      expect(t.amount).toBeLessThan(currencyInfo(t.currency).minimumCharge);
    }
    expect(
      many(50, 'small-usd', { type: 'invoice_too_small', currency: 'usd' }).every((t) => t.amount < 50),
    ).toBe(true);
    for (const t of many(50, 'large', { type: 'invoice_too_large' }))
      expect(t.amount).toBeGreaterThan(99_999_999);
  });

  it.each([
    ['adjustment', 0.65],
    ['migration', 0.75],
    ['initial', 0.7],
  ] as const)('%s takes either sign, mostly credits (documented share %s)', (type, credits) => {
    const rows = many(1500, `either-${type}`, { type });
    const creditShare = share(rows, (t: StrictCustomerBalanceTransaction) => t.amount < 0);
    expect(creditShare).toBeGreaterThan(credits - 0.07);
    expect(creditShare).toBeLessThan(credits + 0.07);
  });

  it('applied_to_invoice moves the balance toward zero and never past it, credit or debit', () => {
    const fx = createFixtures({ seed: 'toward zero' });
    const ledger = fx.ledger({ count: 3000, currency: 'usd' });
    expect(ledger.filter((t) => t.type === 'applied_to_invoice').length).toBeGreaterThan(300);
    expect(ledgerErrors(ledger, { now: fx.now, livemode: false })).toEqual([]);
    // A debit balance moves onto the next invoice whole.
    const debit = fx.ledger({
      count: 2,
      startingBalance: 5000,
      types: ['applied_to_invoice', 'unapplied_from_invoice'],
    });
    expect(debit[0]).toMatchObject({ type: 'applied_to_invoice', amount: -5000, ending_balance: 0 });
    expect(debit[1]).toMatchObject({
      type: 'unapplied_from_invoice',
      amount: 5000,
      invoice: debit[0]?.invoice,
    });
    // A zero balance has nothing to apply.
    for (const t of fx.ledger({ count: 500, types: ['applied_to_invoice', 'adjustment'] })) {
      if (t.type === 'applied_to_invoice') expect(t.ending_balance - t.amount).not.toBe(0);
    }
  });

  it('unapplied_from_invoice is the exact negation of an earlier applied_to_invoice on the same invoice', () => {
    const fx = createFixtures({ seed: 'pairs' });
    const ledger = fx.ledger({ count: 4000, startingBalance: -100_000 });
    const unapplied = ledger.filter((t) => t.type === 'unapplied_from_invoice');
    expect(unapplied.length).toBeGreaterThan(20);
    for (const t of unapplied) {
      const at = ledger.indexOf(t);
      const original = ledger
        .slice(0, at)
        .find((a) => a.type === 'applied_to_invoice' && a.invoice === t.invoice && a.amount === -t.amount);
      expect(original, t.id).toBeDefined();
    }
    expect(ledgerErrors(ledger, { now: fx.now, livemode: false, startingBalance: -100_000 })).toEqual([]);
  });

  it('checkout_session_subscription_payment_canceled reverses an earlier payment on the same session', () => {
    const fx = createFixtures({ seed: 'sessions' });
    const types: CustomerBalanceTransactionType[] = [
      'checkout_session_subscription_payment',
      'checkout_session_subscription_payment_canceled',
    ];
    const ledger = fx.ledger({ count: 300, startingBalance: -50_000, types });
    expect(ledger.some((t) => t.type === types[1])).toBe(true);
    expect(ledgerErrors(ledger, { now: fx.now, livemode: false, startingBalance: -50_000, types })).toEqual(
      [],
    );
  });

  it('initial comes only first, and only from a zero balance', () => {
    let firsts = 0;
    for (let seed = 0; seed < 60; seed++) {
      const ledger = createFixtures({ seed }).ledger({ count: 40 });
      expect(ledger.slice(1).some((t) => t.type === 'initial')).toBe(false);
      if (ledger[0]?.type === 'initial') firsts++;
      const started = createFixtures({ seed }).ledger({ count: 5, startingBalance: -700 });
      expect(started.some((t) => t.type === 'initial')).toBe(false);
    }
    expect(firsts).toBeGreaterThan(5);
  });
});

describe('the ledger invariant', () => {
  it('ending_balance[i] = ending_balance[i-1] + amount[i], from startingBalance', () => {
    for (const startingBalance of [0, -12_345, 9_999]) {
      const ledger = createFixtures({ seed: startingBalance }).ledger({ count: 1000, startingBalance });
      let balance = startingBalance;
      for (const t of ledger) {
        balance += t.amount;
        expect(t.ending_balance).toBe(balance);
      }
    }
  });
});

describe('types restriction', () => {
  it('uses only the listed types', () => {
    const types: CustomerBalanceTransactionType[] = ['adjustment', 'credit_note', 'applied_to_invoice'];
    const ledger = createFixtures({ seed: 'only' }).ledger({ count: 500, types });
    expect(new Set(ledger.map((t) => t.type))).toEqual(new Set(types));
  });

  it('refuses restrictions no ledger can satisfy, with a stable code and a message naming option and fix', () => {
    const fx = createFixtures();
    const attempt = (types: CustomerBalanceTransactionType[], count = 5, startingBalance = 0) => {
      try {
        fx.ledger({ count, types, startingBalance });
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const error = attempt(['unapplied_from_invoice']);
    expect(error).toBeInstanceOf(FixtureOptionsError);
    expect(error).toBeInstanceOf(StripeBalanceKitError);
    expect(isStripeBalanceKitError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'unsatisfiable_ledger_types',
      option: 'types',
      name: 'FixtureOptionsError',
    });
    expect((error as Error).message).toMatch(/types \[unapplied_from_invoice\]/);
    expect((error as Error).message).toMatch(/only reverses an earlier applied_to_invoice/);
    expect((error as Error).message).toMatch(/Add a type .*'adjustment'/);
    expect(attempt(['checkout_session_subscription_payment_canceled'])).toBeInstanceOf(FixtureOptionsError);
    expect(attempt(['initial'], 2)).toBeInstanceOf(FixtureOptionsError);
    expect(attempt(['applied_to_invoice', 'unapplied_from_invoice'])).toBeInstanceOf(FixtureOptionsError);
    expect(attempt(['applied_to_invoice'], 3, -5000)).toBeInstanceOf(FixtureOptionsError);
    // ...and accepts the fixes the message names.
    expect(attempt(['applied_to_invoice', 'unapplied_from_invoice'], 200, -5000)).toBeUndefined();
    expect(attempt(['initial', 'applied_to_invoice', 'unapplied_from_invoice'], 200)).toBeUndefined();
    expect(attempt(['unapplied_from_invoice', 'adjustment'], 200)).toBeUndefined();
    expect(attempt(['initial'], 1)).toBeUndefined();
    expect(attempt(['unapplied_from_invoice'], 0)).toBeUndefined();
  });

  it('pairs-only ledgers keep going for thousands of rows', () => {
    const fx = createFixtures({ seed: 'pairs only' });
    const types: CustomerBalanceTransactionType[] = [
      'initial',
      'checkout_session_subscription_payment',
      'checkout_session_subscription_payment_canceled',
    ];
    const ledger = fx.ledger({ count: 3000, types });
    expect(ledger[0]).toMatchObject({ type: 'initial' });
    expect(ledger[0]?.amount).toBeLessThan(0); // the only pair left consumes credit
    expect(ledgerErrors(ledger, { now: fx.now, livemode: false, types })).toEqual([]);
  });

  it('refuses malformed options with invalid_fixture_option naming the option', () => {
    const fx = createFixtures();
    for (const [options, option] of [
      [{ count: -1 }, 'count'],
      [{ count: 1.5 }, 'count'],
      [{ count: 1, startingBalance: 0.5 }, 'startingBalance'],
      [{ count: 1, types: [] }, 'types'],
      [{ count: 1, types: ['refund'] }, 'types'],
      [{ count: 1, customer: '' }, 'customer'],
    ] as const) {
      expect(() => fx.ledger(options as never)).toThrow(
        expect.objectContaining({ code: 'invalid_fixture_option', option }),
      );
    }
  });
});

describe('description and metadata', () => {
  const rows = createFixtures({ seed: 'text' }).ledger({ count: 3000 });

  it('description is null or a short, realistic sentence', () => {
    const described = rows.filter((t) => t.description !== null);
    expect(described.length).toBeGreaterThan(100);
    expect(described.length).toBeLessThan(rows.length / 2);
    for (const { description } of described) {
      expect(description).toMatch(/^[A-Z][^\n]{8,120}$/);
    }
    // Stripe-made transactions are rarely annotated; people's adjustments often are.
    expect(
      share(
        rows.filter((t) => t.type === 'applied_to_invoice'),
        (t: StrictCustomerBalanceTransaction) => t.description !== null,
      ),
    ).toBeLessThan(0.1);
    expect(
      share(
        rows.filter((t) => t.type === 'adjustment'),
        (t: StrictCustomerBalanceTransaction) => t.description !== null,
      ),
    ).toBeGreaterThan(0.5);
  });

  it("metadata is {} or a few realistic string pairs within Stripe's limits", () => {
    const annotated = rows.filter((t) => Object.keys(t.metadata ?? {}).length > 0);
    expect(annotated.length).toBeGreaterThan(50);
    expect(rows.filter((t) => JSON.stringify(t.metadata) === '{}').length).toBeGreaterThan(rows.length / 2);
    for (const t of rows) {
      expect(t.metadata).not.toBeNull();
      const entries = Object.entries(t.metadata ?? {});
      expect(entries.length).toBeLessThanOrEqual(3);
      for (const [key, value] of entries) {
        expect(key).toMatch(/^[a-z_]{1,40}$/);
        expect(typeof value).toBe('string');
        expect(value.length).toBeGreaterThan(0);
        expect(value.length).toBeLessThanOrEqual(500);
      }
    }
  });
});

describe('determinism', () => {
  it('byte-identical output for a seed on any machine (golden hash; changes only with Faker upgrades)', () => {
    const fx = createFixtures({ seed: 42 });
    const json = JSON.stringify({
      objects: [fx.balanceTransaction(), fx.balanceTransaction({ type: 'credit_note', currency: 'jpy' })],
      ledger: fx.ledger({ count: 200 }),
    });
    expect(createHash('sha256').update(json).digest('hex')).toBe(GOLDEN_SHA256);
  });

  it("uses its own Faker: the global faker's state neither changes output nor is changed", () => {
    faker.seed(1);
    const a = JSON.stringify([
      createFixtures({ seed: 9 }).balanceTransaction(),
      createFixtures({ seed: 9 }).ledger({ count: 30 }),
    ]);
    const next = faker.number.int();
    faker.seed(1);
    faker.number.int();
    faker.number.int();
    const b = JSON.stringify([
      createFixtures({ seed: 9 }).balanceTransaction(),
      createFixtures({ seed: 9 }).ledger({ count: 30 }),
    ]);
    expect(b).toBe(a);
    faker.seed(1);
    expect(faker.number.int()).toBe(next);
  });

  it('different seeds give different fixtures; numeric and string seeds are distinct', () => {
    const of = (seed: number | string) => JSON.stringify(createFixtures({ seed }).ledger({ count: 5 }));
    expect(of(1)).not.toBe(of(2));
    expect(of(1)).not.toBe(of('1'));
  });
});

describe('buildBalanceTransaction', () => {
  it('builds valid transactions from a default set, each call the next one', () => {
    const a = buildBalanceTransaction();
    const b = buildBalanceTransaction({ type: 'invoice_overpaid' });
    expect(a.id).not.toBe(b.id);
    expect(b.type).toBe('invoice_overpaid');
    expect([...linkErrors(a), ...signErrors(a), ...linkErrors(b), ...signErrors(b)]).toEqual([]);
  });
});

// Recompute (and say why in the commit) only when the generator or the pinned Faker version changes.
const GOLDEN_SHA256 = '7209a593447be7f25f1d2188d96714522cc680ecf3af7d45a0bd08bb9c581333';
