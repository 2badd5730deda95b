import { describe, expect, it } from 'vitest';
import { type CustomerBalanceTransaction, createFixtures, validators } from '../../src/index.js';
import { ID, linkErrors, signErrors } from './rules.js';

const fx = () => createFixtures({ seed: 'overrides' });

describe('balanceTransaction(overrides)', () => {
  it('given fields win, and derived fields follow them', () => {
    const cases: [
      string,
      Parameters<ReturnType<typeof fx>['balanceTransaction']>[0],
      (t: CustomerBalanceTransaction) => void,
    ][] = [
      [
        "type: 'credit_note' brings a cn_ credit note and its in_ invoice, and a credit",
        { type: 'credit_note' },
        (t) => {
          expect(t.credit_note).toMatch(ID.creditNote);
          expect(t.invoice).toMatch(ID.invoice);
          expect(t.amount).toBeLessThan(0);
        },
      ],
      [
        'livemode: true brings cs_live_ sessions',
        { livemode: true, type: 'checkout_session_subscription_payment' },
        (t) => expect(t.checkout_session).toMatch(ID.checkoutLive),
      ],
      [
        "currency: 'jpy' brings whole-yen amounts of a realistic size",
        { currency: 'jpy', type: 'adjustment' },
        (t) => {
          expect(Number.isInteger(t.amount)).toBe(true);
          expect(Math.abs(t.amount)).toBeGreaterThanOrEqual(100);
          expect(Math.abs(t.amount)).toBeLessThan(1_000_000);
        },
      ],
      [
        'amount brings a consistent ending_balance (applied credit never passes zero)',
        { type: 'applied_to_invoice', amount: 2500 },
        (t) => {
          expect(t.amount).toBe(2500);
          expect(t.ending_balance).toBeLessThanOrEqual(0);
        },
      ],
      [
        "type: 'initial' starts from zero",
        { type: 'initial', amount: -10_000 },
        (t) => expect(t.ending_balance).toBe(-10_000),
      ],
      [
        'a non-null credit_note implies the credit_note type',
        { credit_note: 'cn_1Pgc75B7WZ01zgkWJMPt5riP' },
        (t) => {
          expect(t.type).toBe('credit_note');
          expect(t.invoice).toMatch(ID.invoice);
        },
      ],
      [
        'a checkout_session implies a Checkout type, and a negative amount the cancellation',
        {
          checkout_session: 'cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY',
          amount: -900,
        },
        (t) => expect(t.type).toBe('checkout_session_subscription_payment_canceled'),
      ],
      [
        'invoice: null rules out the invoice types',
        { invoice: null, credit_note: null, checkout_session: null },
        (t) => expect(['adjustment', 'initial', 'migration', 'unspent_receiver_credit']).toContain(t.type),
      ],
      [
        'a positive amount without a type picks a type that can be a debit',
        { amount: 4200, invoice: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I' },
        (t) =>
          expect([
            'applied_to_invoice',
            'unapplied_from_invoice',
            'invoice_too_small',
            'invoice_too_large',
          ]).toContain(t.type),
      ],
      [
        'created brings an id from that time',
        { created: 1680216086 },
        (t) => {
          const later = createFixtures({ seed: 'overrides' }).balanceTransaction({ created: 1780216086 });
          expect(t.id < later.id).toBe(true);
        },
      ],
    ];
    for (const [name, overrides, check] of cases) {
      const t = fx().balanceTransaction(overrides);
      for (const [key, value] of Object.entries(overrides ?? {}))
        expect(t[key as keyof CustomerBalanceTransaction], name).toEqual(value);
      expect(validators.customer_balance_transaction(t), name).toBe(true);
      check(t);
    }
  });

  it('explicit links and nulls win over what the type implies', () => {
    const t = fx().balanceTransaction({
      type: 'credit_note',
      invoice: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I',
      description: null,
    });
    expect(t.invoice).toBe('in_1Pgc6tB7WZ01zgkWu9fdqL6I');
    expect(t.credit_note).toMatch(ID.creditNote);
    expect(t.description).toBeNull();
    expect(fx().balanceTransaction({ type: 'credit_note', credit_note: null }).credit_note).toBeNull();
  });

  it('metadata is replaced, not merged', () => {
    for (let i = 0; i < 30; i++) {
      const f = createFixtures({ seed: i });
      expect(f.balanceTransaction({ type: 'adjustment', metadata: { order_id: '6735' } }).metadata).toEqual({
        order_id: '6735',
      });
      expect(f.balanceTransaction({ type: 'adjustment', metadata: {} }).metadata).toEqual({});
      expect(f.balanceTransaction({ metadata: null }).metadata).toBeNull();
    }
  });

  it('partial expanded objects are completed with the id and object name', () => {
    const t = fx().balanceTransaction({
      customer: { email: 'jenny@example.com' },
      invoice: { status: 'paid' },
    });
    expect(t.customer).toMatchObject({
      object: 'customer',
      email: 'jenny@example.com',
      id: expect.stringMatching(ID.customer),
    });
    expect(t.invoice).toMatchObject({
      object: 'invoice',
      status: 'paid',
      id: expect.stringMatching(ID.invoice),
    });
    expect([
      'applied_to_invoice',
      'unapplied_from_invoice',
      'invoice_overpaid',
      'invoice_too_large',
      'invoice_too_small',
      'credit_note',
    ]).toContain(t.type);
    expect(validators.customer_balance_transaction(t)).toBe(true);
    const given = fx().balanceTransaction({ customer: { id: 'cus_NcjdgdwZyI9Rj7' } });
    expect(given.customer).toEqual({ id: 'cus_NcjdgdwZyI9Rj7', object: 'customer' });
  });

  it("the seed page's example comes back exactly when every field is given", () => {
    const seedObject: CustomerBalanceTransaction = {
      id: 'cbtxn_1MrU9qLkdIwHu7ixhdjxGBgI',
      object: 'customer_balance_transaction',
      amount: -500,
      checkout_session: null,
      created: 1680216086,
      credit_note: null,
      currency: 'usd',
      customer: 'cus_NcjdgdwZyI9Rj7',
      customer_account: null,
      description: null,
      ending_balance: -500,
      invoice: null,
      livemode: false,
      metadata: {},
      type: 'adjustment',
    };
    expect(fx().balanceTransaction(seedObject)).toEqual(seedObject);
  });

  it('does not mutate the overrides it is given', () => {
    const overrides = { metadata: { a: '1' }, type: 'adjustment' as const };
    const t = fx().balanceTransaction(overrides);
    t.metadata = { b: '2' };
    expect(overrides).toEqual({ metadata: { a: '1' }, type: 'adjustment' });
    expect(signErrors(fx().balanceTransaction(overrides))).toEqual([]);
    expect(linkErrors(fx().balanceTransaction(overrides))).toEqual([]);
  });
});
