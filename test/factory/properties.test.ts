import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BalanceTransactionOverrides,
  type CustomerBalanceTransactionType,
  createFixtures,
  FixtureOptionsError,
  type LedgerOptions,
  listPage,
} from '../../src/index.js';
import { TRANSACTION_TYPES } from '../../src/stripe/transaction-types.js';
import {
  contractErrors,
  ledgerErrors,
  linkErrors,
  listContractErrors,
  listOrder,
  signErrors,
} from './rules.js';

const ALWAYS_POSSIBLE = new Set<CustomerBalanceTransactionType>([
  'adjustment',
  'credit_note',
  'invoice_overpaid',
  'invoice_too_large',
  'invoice_too_small',
  'migration',
  'unspent_receiver_credit',
]);

const seedArb = fc.oneof(fc.integer(), fc.string({ maxLength: 12 }));
// Between 2015 and 2030, as Date or Unix seconds.
const nowArb = fc.integer({ min: 1420070400, max: 1893456000 });
const currencyArb = fc.constantFrom(
  'usd',
  'eur',
  'gbp',
  'jpy',
  'krw',
  'clp',
  'vnd',
  'xof',
  'huf',
  'isk',
  'inr',
  'bif',
);
const typeArb = fc.constantFrom(...TRANSACTION_TYPES);

const ledgerOptionsArb: fc.Arbitrary<LedgerOptions> = fc.record(
  {
    count: fc.integer({ min: 0, max: 150 }),
    currency: currencyArb,
    customer: fc.constant('cus_NcjdgdwZyI9Rj7'),
    startingBalance: fc.oneof(fc.constant(0), fc.integer({ min: -500_000, max: 500_000 })),
    types: fc.uniqueArray(typeArb, { minLength: 1, maxLength: 5 }),
  },
  { requiredKeys: ['count'] },
);

const metadataArb = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 40 }).filter((k) => !/[[\]]/.test(k) && k !== '__proto__'),
  fc.string({ maxLength: 500 }),
  { maxKeys: 5 },
);

const overridesArb: fc.Arbitrary<BalanceTransactionOverrides> = fc.record(
  {
    type: typeArb,
    currency: currencyArb,
    livemode: fc.boolean(),
    amount: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    ending_balance: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    created: fc.integer({ min: 1262304000, max: 1893456000 }),
    customer: fc.constantFrom('cus_NcjdgdwZyI9Rj7', 'cus_QXg1o8vcGmoR32'),
    description: fc.option(fc.string({ maxLength: 350 })),
    metadata: metadataArb,
  },
  { requiredKeys: [] },
);

describe('fixture properties (fast-check)', () => {
  it('every generated object passes the strict contract; overrides win; links and signs follow the type', () => {
    fc.assert(
      fc.property(
        seedArb,
        nowArb,
        fc.boolean(),
        fc.array(overridesArb, { maxLength: 6 }),
        (seed, now, live, list) => {
          const fx = createFixtures({ seed, now, livemode: live });
          for (const overrides of list) {
            const t = fx.balanceTransaction(overrides);
            expect(contractErrors(t)).toEqual([]);
            for (const [key, value] of Object.entries(overrides)) {
              expect(t[key as keyof typeof t]).toEqual(value);
            }
            expect(t.livemode).toBe(overrides.livemode ?? live);
            expect(linkErrors(t)).toEqual([]);
            if (overrides.created === undefined) expect(t.created).toBeLessThanOrEqual(fx.now);
            // Signs are the factory's to choose only while the amount isn't forced.
            if (overrides.amount === undefined && overrides.ending_balance === undefined) {
              expect(signErrors(t)).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every ledger follows the invariant and the type rules, or refuses types no ledger can satisfy', () => {
    fc.assert(
      fc.property(seedArb, nowArb, fc.boolean(), ledgerOptionsArb, (seed, now, live, options) => {
        const fx = createFixtures({ seed, now, livemode: live });
        let ledger: ReturnType<typeof fx.ledger>;
        try {
          ledger = fx.ledger(options);
        } catch (error) {
          // Only a restriction with no always-possible type may be refused.
          expect(error).toBeInstanceOf(FixtureOptionsError);
          expect((error as FixtureOptionsError).code).toBe('unsatisfiable_ledger_types');
          expect(options.types?.some((t) => ALWAYS_POSSIBLE.has(t))).toBe(false);
          return;
        }
        expect(ledger).toHaveLength(options.count);
        expect(
          ledgerErrors(ledger, {
            now: fx.now,
            livemode: live,
            ...(options.customer === undefined ? {} : { customer: options.customer }),
            ...(options.currency === undefined ? {} : { currency: options.currency }),
            ...(options.startingBalance === undefined ? {} : { startingBalance: options.startingBalance }),
            ...(options.types === undefined ? {} : { types: options.types }),
          }),
        ).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the same seed gives identical JSON, for objects and ledgers alike', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.array(overridesArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 60 }),
        (seed, list, count) => {
          const run = () => {
            const fx = createFixtures({ seed });
            return JSON.stringify({
              objects: list.map((o) => fx.balanceTransaction(o)),
              ledger: fx.ledger({ count }),
              more: fx.balanceTransaction(),
            });
          };
          expect(run()).toBe(run());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ledgerStream yields exactly what ledger returns, on the same set and on a fresh one', () => {
    fc.assert(
      fc.property(seedArb, ledgerOptionsArb, (seed, options) => {
        const fx = createFixtures({ seed });
        let ledger: ReturnType<typeof fx.ledger>;
        try {
          ledger = fx.ledger(options);
        } catch {
          expect(() => fx.ledgerStream(options)).toThrow(FixtureOptionsError);
          return;
        }
        fx.balanceTransaction(); // the object sequence moving on changes nothing for ledgers
        expect([...fx.ledgerStream(options)]).toEqual(ledger);
        expect([...createFixtures({ seed }).ledgerStream(options)]).toEqual(ledger);
      }),
      { numRuns: 100 },
    );
  });

  it('every list page passes the contract and is the slice Stripe would return', () => {
    const pageArb = fc.record({
      seed: seedArb,
      count: fc.integer({ min: 0, max: 120 }),
      limit: fc.integer({ min: 1, max: 100 }),
      cursor: fc.option(fc.tuple(fc.constantFrom('starting_after', 'ending_before'), fc.nat()), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(pageArb, ({ seed, count, limit, cursor }) => {
        const fx = createFixtures({ seed });
        const customer = 'cus_NcjdgdwZyI9Rj7';
        // Another customer's rows interleaved: they must never show up.
        const rows = [
          ...fx.ledger({ customer, count }),
          ...fx.ledger({ customer: 'cus_QXg1o8vcGmoR32', count: 5 }),
        ];
        const order = listOrder(rows, customer);
        const anchor = cursor && order.length > 0 ? order[cursor[1] % order.length] : undefined;
        const query = anchor && cursor ? { [cursor[0]]: anchor.id } : {};
        const page = listPage(rows, { customer, limit, ...query });
        expect(listContractErrors(page)).toEqual([]);
        let expected: typeof order;
        let more: boolean;
        if (anchor && cursor?.[0] === 'ending_before') {
          const at = order.indexOf(anchor);
          expected = order.slice(Math.max(0, at - limit), at);
          more = at - limit > 0;
        } else {
          const from = anchor ? order.indexOf(anchor) + 1 : 0;
          expected = order.slice(from, from + limit);
          more = from + limit < order.length;
        }
        expect(page.data.map((t) => t.id)).toEqual(expected.map((t) => t.id));
        expect(page.has_more).toBe(more);
        expect(page.url).toBe(`/v1/customers/${customer}/balance_transactions`);
      }),
      { numRuns: 150 },
    );
  });
});
