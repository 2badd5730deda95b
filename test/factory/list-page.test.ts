import { describe, expect, it } from 'vitest';
import {
  type StrictCustomerBalanceTransaction,
  createFixtures,
  listPage,
  StripeApiError,
  validators,
} from '../../src/index.js';
import { indexFor, TransactionIndex } from '../../src/stripe/paging.js';
import { listOrder } from './rules.js';

const CUSTOMER = 'cus_NcjdgdwZyI9Rj7';
const OTHER = 'cus_QXg1o8vcGmoR32';
const fx = createFixtures({ seed: 'paging' });
// 250 of ours with another customer's rows mixed in, plus ties on `created`.
const ours = fx.ledger({ customer: CUSTOMER, count: 250 });
const theirs = fx.ledger({ customer: OTHER, count: 40 });
const rows: StrictCustomerBalanceTransaction[] = [...ours.slice(0, 100), ...theirs, ...ours.slice(100)];
const order = listOrder(rows, CUSTOMER);

function caught(run: () => unknown): StripeApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof StripeApiError) return error;
    throw error;
  }
  throw new Error('expected a StripeApiError');
}

describe('listPage', () => {
  it("returns Stripe's list object: newest first, that customer only, default limit 10", () => {
    const page = listPage(rows, { customer: CUSTOMER });
    expect(Object.keys(page)).toEqual(['object', 'data', 'has_more', 'url']);
    expect(page).toMatchObject({
      object: 'list',
      has_more: true,
      url: `/v1/customers/${CUSTOMER}/balance_transactions`,
    });
    expect(page.data.map((t) => t.id)).toEqual(order.slice(0, 10).map((t) => t.id));
    expect(page.data.every((t) => t.customer === CUSTOMER)).toBe(true);
    expect(validators.customer_balance_transaction_list(page)).toBe(true);
  });

  it('orders equal created by position: later in the input is newer', () => {
    const [a, b, c] = createFixtures({ seed: 'ties' }).ledger({ customer: CUSTOMER, count: 3 }) as [
      StrictCustomerBalanceTransaction,
      StrictCustomerBalanceTransaction,
      StrictCustomerBalanceTransaction,
    ];
    const tied = [
      { ...a, created: 1700000000 },
      { ...b, created: 1700000000 },
      { ...c, created: 1690000000 },
    ];
    expect(listPage(tied, { customer: CUSTOMER }).data.map((t) => t.id)).toEqual([b.id, a.id, c.id]);
    expect(
      listPage(tied, { customer: CUSTOMER, starting_after: b.id, limit: 1 }).data.map((t) => t.id),
    ).toEqual([a.id]);
    expect(listPage(tied, { customer: CUSTOMER, ending_before: a.id }).data.map((t) => t.id)).toEqual([b.id]);
  });

  it.each([1, 2, 7, 10, 33, 100])(
    'walks forward with starting_after at limit %i, every item exactly once',
    (limit) => {
      const seen: string[] = [];
      let page = listPage(rows, { customer: CUSTOMER, limit });
      for (;;) {
        expect(validators.customer_balance_transaction_list(page)).toBe(true);
        expect(page.data.length).toBeLessThanOrEqual(limit);
        seen.push(...page.data.map((t) => t.id));
        // has_more exactly when items remain after this page.
        expect(page.has_more).toBe(seen.length < order.length);
        if (!page.has_more) break;
        page = listPage(rows, { customer: CUSTOMER, limit, starting_after: seen[seen.length - 1] as string });
      }
      expect(seen).toEqual(order.map((t) => t.id));
    },
  );

  it.each([1, 2, 7, 10, 33, 100])(
    'walks backward with ending_before at limit %i, every item exactly once',
    (limit) => {
      const oldest = order[order.length - 1] as StrictCustomerBalanceTransaction;
      const seen: string[] = [oldest.id];
      let cursor = oldest.id;
      for (;;) {
        const page = listPage(rows, { customer: CUSTOMER, limit, ending_before: cursor });
        expect(validators.customer_balance_transaction_list(page)).toBe(true);
        const ids = page.data.map((t) => t.id);
        // Still newest first within the page, and just before the cursor.
        expect(ids).toEqual(
          order
            .slice(
              order.findIndex((t) => t.id === cursor) - ids.length,
              order.findIndex((t) => t.id === cursor),
            )
            .map((t) => t.id),
        );
        seen.unshift(...ids);
        expect(page.has_more).toBe(seen.length < order.length);
        if (!page.has_more) break;
        cursor = ids[0] as string;
      }
      expect(seen).toEqual(order.map((t) => t.id));
    },
  );

  it('has_more is false on an exact fit and on an empty list', () => {
    const ten = ours.slice(0, 10);
    expect(listPage(ten, { customer: CUSTOMER, limit: 10 }).has_more).toBe(false);
    expect(listPage(ten, { customer: CUSTOMER, limit: 9 }).has_more).toBe(true);
    expect(listPage(ten, { customer: CUSTOMER, starting_after: ten[0]?.id as string }).has_more).toBe(false);
    const none = listPage(rows, { customer: 'cus_nobody0000000' });
    expect(none).toEqual({
      object: 'list',
      data: [],
      has_more: false,
      url: '/v1/customers/cus_nobody0000000/balance_transactions',
    });
    expect(listPage(ten, { customer: CUSTOMER, ending_before: ten[9]?.id as string })).toMatchObject({
      data: [],
      has_more: false,
    });
  });

  it('an unknown cursor is 404 resource_missing, naming the parameter (as the mock answers)', () => {
    for (const param of ['starting_after', 'ending_before'] as const) {
      const error = caught(() => listPage(rows, { customer: CUSTOMER, [param]: 'cbtxn_nope' }));
      expect(error.status).toBe(404);
      expect(error.code).toBe('resource_missing');
      expect(error.toJSON()).toEqual({
        error: {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: "No such customer balance transaction: 'cbtxn_nope'",
          param,
          doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
        },
      });
      expect(validators.error(error.toJSON())).toBe(true);
    }
    // Another customer's transaction is not a cursor into this list.
    expect(
      caught(() => listPage(rows, { customer: CUSTOMER, starting_after: theirs[0]?.id as string })).status,
    ).toBe(404);
  });

  it('both cursors at once is a 400', () => {
    const error = caught(() =>
      listPage(rows, {
        customer: CUSTOMER,
        starting_after: order[1]?.id as string,
        ending_before: order[0]?.id as string,
      }),
    );
    expect(error.status).toBe(400);
    expect(error.error).toEqual({
      type: 'invalid_request_error',
      message: 'Received both starting_after and ending_before parameters. Please pass in only one.',
    });
  });

  it.each([
    [0, 'This value must be greater than or equal to 1.'],
    [-5, 'This value must be greater than or equal to 1.'],
    [101, 'This value must be less than or equal to 100.'],
    [2.5, 'Invalid integer: 2.5'],
  ])('limit %s is a 400 on param limit', (limit, message) => {
    const error = caught(() => listPage(rows, { customer: CUSTOMER, limit }));
    expect(error.status).toBe(400);
    expect(error.error).toMatchObject({ type: 'invalid_request_error', param: 'limit', message });
  });

  it('accepts limits 1 and 100', () => {
    expect(listPage(rows, { customer: CUSTOMER, limit: 1 }).data).toHaveLength(1);
    expect(listPage(rows, { customer: CUSTOMER, limit: 100 }).data).toHaveLength(100);
  });
});

describe('paging cost (structural; timings are in bench/list-page.bench.ts)', () => {
  const big = createFixtures({ seed: 'big' }).ledger({ customer: CUSTOMER, count: 100_000 });

  it('indexes an array once and reuses the index for every page', () => {
    expect(indexFor(big)).toBe(indexFor(big));
    // An appended row is noticed and re-indexed.
    const grown = [...ours];
    const before = indexFor(grown);
    grown.push(
      createFixtures({ seed: 'late' }).balanceTransaction({ customer: CUSTOMER, created: 1793145600 }),
    );
    expect(indexFor(grown)).not.toBe(before);
    expect(listPage(grown, { customer: CUSTOMER, limit: 1 }).data[0]).toBe(grown[grown.length - 1]);
  });

  it('after indexing, page 1 and page 1,000 read nothing from the input array: no scan per page', () => {
    let reads = 0;
    const counted = new Proxy(big, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    listPage(counted, { customer: CUSTOMER }); // builds the index: one pass
    expect(reads).toBe(big.length);
    const listed = listOrder(big, CUSTOMER);
    for (const pageNumber of [1, 2, 1000]) {
      reads = 0;
      const cursor =
        pageNumber === 1 ? {} : { starting_after: listed[(pageNumber - 1) * 10 - 1]?.id as string };
      const page = listPage(counted, { customer: CUSTOMER, limit: 10, ...cursor });
      expect(page.data.map((t) => t.id)).toEqual(
        listed.slice((pageNumber - 1) * 10, pageNumber * 10).map((t) => t.id),
      );
      expect(reads).toBe(0);
    }
  });

  it('TransactionIndex pages a growing store the same way (the primitive the mock uses)', () => {
    const index = new TransactionIndex();
    for (const row of ours) index.add(row);
    expect(index.page(CUSTOMER, { limit: 5 })).toEqual(listPage(ours, { customer: CUSTOMER, limit: 5 }));
    expect(() => index.add(ours[0] as StrictCustomerBalanceTransaction)).toThrow(/already has cbtxn_/);
    // Out-of-order adds land in time order.
    const shuffled = new TransactionIndex();
    for (const row of [...ours].reverse()) shuffled.add(row);
    expect(shuffled.page(CUSTOMER, { limit: 100, starting_after: order[3]?.id as string })).toEqual(
      listPage(ours, { customer: CUSTOMER, limit: 100, starting_after: order[3]?.id as string }),
    );
  });
});
