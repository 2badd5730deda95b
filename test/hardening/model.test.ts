/**
 * Model-based property test: random sequences of create / update / list / retrieve, valid and
 * invalid, sent as raw requests through `mock.fetch`, checked step by step against a plain model
 * (an array per customer). The invariants:
 *
 * - every customer's balance in each currency is the sum of its amounts, and every answered
 *   `ending_balance` is the model's running sum;
 * - every list page is the model's page: newest first (created, then arrival), cursors and
 *   `has_more` right, the ending-balance chain intact (the contract's semantic check);
 * - retrieve returns exactly the object list returned (and create/update answered);
 * - every invalid call answers a Stripe error envelope (never 500) and changes nothing.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { validate } from '../../src/contract/index.js';
import type { ContractKind } from '../../src/contract/types.js';
import { encodeForm } from '../../src/stripe/form-codec.js';
import { type MockStripe, mockStripe } from '../../src/mock/index.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../../src/types.js';
import { pollution, prototypeSnapshot } from './support/pollution.js';

const KEY = 'sk_test_ModelKey0123456789abcdef';
const CUSTOMERS = ['cus_ModelAlpha00001', 'cus_ModelBravo00002', 'cus_ModelCharlie003'] as const;
const CURRENCIES = ['usd', 'eur', 'jpy'] as const;
const RUNS = 100;
const MAX_STEPS = 30;

// ---------------------------------------------------------------------------------------------
// Operations

type Metadata = Record<string, string>;
type Op =
  | {
      kind: 'create';
      customer: number;
      amount: number;
      currency: string;
      description?: string;
      metadata?: Metadata;
      advance: number;
    }
  | {
      kind: 'update';
      customer: number;
      pick: number;
      description?: string;
      metadata?: Metadata | '';
      advance: number;
    }
  | {
      kind: 'list';
      customer: number;
      limit: number;
      cursor: 'none' | 'after' | 'before';
      pick: number;
      createdFrom: boolean;
      advance: number;
    }
  | { kind: 'retrieve'; customer: number; pick: number; advance: number }
  | { kind: 'invalid'; customer: number; pick: number; variant: number; advance: number };

const metadataKey = fc.constantFrom('order', 'note', '__proto__', 'constructor', 'ключ', 'a b');
const metadataArb = fc.dictionary(metadataKey, fc.oneof(fc.string({ maxLength: 8 }), fc.constant('')), {
  maxKeys: 3,
});
const common = { customer: fc.nat({ max: CUSTOMERS.length - 1 }), advance: fc.nat({ max: 1 }) };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constant('create' as const),
        ...common,
        amount: fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.constant(0)),
        currency: fc.constantFrom(...CURRENCIES),
        description: fc.string({ maxLength: 12 }),
        metadata: metadataArb,
      },
      { requiredKeys: ['kind', 'customer', 'advance', 'amount', 'currency'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant('update' as const),
        ...common,
        pick: fc.nat(),
        description: fc.string({ maxLength: 12 }),
        metadata: fc.oneof(metadataArb, fc.constant('' as const)),
      },
      { requiredKeys: ['kind', 'customer', 'advance', 'pick'] },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('list' as const),
      ...common,
      limit: fc.integer({ min: 1, max: 5 }),
      cursor: fc.constantFrom('none' as const, 'after' as const, 'before' as const),
      pick: fc.nat(),
      createdFrom: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retrieve' as const), ...common, pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('invalid' as const),
      ...common,
      pick: fc.nat(),
      variant: fc.nat(),
    }),
  },
);

// ---------------------------------------------------------------------------------------------
// The model

interface Entry {
  seq: number;
  tx: CustomerBalanceTransaction;
}

class Model {
  readonly customers = CUSTOMERS.map(() => [] as Entry[]);
  private seq = 0;

  add(customer: number, tx: CustomerBalanceTransaction): void {
    this.customers[customer]?.push({ seq: this.seq++, tx });
  }

  replace(tx: CustomerBalanceTransaction): void {
    for (const entries of this.customers) {
      const entry = entries.find((e) => e.tx.id === tx.id);
      if (entry) entry.tx = tx;
    }
  }

  balance(customer: number, currency: string): number {
    return (this.customers[customer] ?? [])
      .filter((e) => e.tx.currency === currency)
      .reduce((sum, e) => sum + e.tx.amount, 0);
  }

  /** Newest first: later `created`, then later arrival. */
  newestFirst(customer: number): CustomerBalanceTransaction[] {
    return [...(this.customers[customer] ?? [])]
      .sort((a, b) => b.tx.created - a.tx.created || b.seq - a.seq)
      .map((e) => e.tx);
  }

  /** The transaction `pick` selects among the customer's (oldest first), if any. */
  pick(customer: number, pick: number): CustomerBalanceTransaction | undefined {
    const entries = this.customers[customer] ?? [];
    return entries.length === 0 ? undefined : entries[pick % entries.length]?.tx;
  }

  all(): CustomerBalanceTransaction[] {
    return this.customers.flatMap((entries) => entries.map((e) => e.tx));
  }
}

// ---------------------------------------------------------------------------------------------
// Raw requests

interface Answer {
  status: number;
  body: unknown;
}

async function call(
  mock: MockStripe,
  method: 'GET' | 'POST',
  path: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const form = encodeForm(params);
  const url = `${mock.origin}${path}${method === 'GET' && form ? `?${form}` : ''}`;
  const response = await mock.fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${KEY}`,
      ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...headers,
    },
    ...(method === 'POST' ? { body: form } : {}),
  });
  return { status: response.status, body: JSON.parse(await response.text()) as unknown };
}

const collection = (customer: string) => `/v1/customers/${customer}/balance_transactions`;

function expectContract(kind: ContractKind, body: unknown): void {
  const result = validate(kind, body);
  expect(result.errors, `${kind} contract`).toEqual([]);
}

/** What the mock holds, for "nothing changed" checks. */
function mockState(mock: MockStripe): unknown {
  return CUSTOMERS.map((c) => ({
    balances: mock.customers.get(c)?.invoice_credit_balance,
    txs: mock.transactions(c),
  }));
}

/** The invalid call for `variant`, as (method, path, params, headers) against the model's state. */
function invalidCall(
  model: Model,
  op: Extract<Op, { kind: 'invalid' }>,
): {
  method: 'GET' | 'POST';
  path: string;
  params: Record<string, unknown>;
  headers?: Record<string, string>;
  status: number;
} {
  const customer = CUSTOMERS[op.customer] as string;
  const other = CUSTOMERS[(op.customer + 1) % CUSTOMERS.length] as string;
  const own = model.pick(op.customer, op.pick)?.id ?? 'cbtxn_none';
  const foreign = model.pick((op.customer + 1) % CUSTOMERS.length, op.pick)?.id ?? 'cbtxn_none';
  const variants = [
    { method: 'POST', path: collection(customer), params: { amount: 'abc', currency: 'usd' }, status: 400 },
    { method: 'POST', path: collection(customer), params: { amount: 1.5, currency: 'usd' }, status: 400 },
    { method: 'POST', path: collection(customer), params: { amount: 5 }, status: 400 },
    { method: 'POST', path: collection(customer), params: { amount: 5, currency: 'xyz' }, status: 400 },
    {
      method: 'POST',
      path: collection(customer),
      params: { amount: '9007199254740993', currency: 'usd' },
      status: 400,
    },
    {
      method: 'POST',
      path: collection(customer),
      params: { amount: 5, currency: 'usd', bogus: 1 },
      status: 400,
    },
    {
      method: 'POST',
      path: collection(customer),
      params: { amount: 5, currency: 'usd', description: 'd'.repeat(351) },
      status: 400,
    },
    {
      method: 'POST',
      path: collection(customer),
      params: { amount: 5, currency: 'usd', metadata: { __proto__x: { deep: '1' } } },
      status: 400,
    },
    { method: 'POST', path: collection('cus_Unknown'), params: { amount: 5, currency: 'usd' }, status: 404 },
    {
      method: 'POST',
      path: collection(customer),
      params: { amount: 5, currency: 'usd' },
      headers: { 'content-type': 'application/json' },
      status: 400,
    },
    // Parameters are checked before the id is looked up: 400 even when the id is unknown.
    { method: 'POST', path: `${collection(customer)}/${own}`, params: { amount: 5 }, status: 400 },
    {
      method: 'POST',
      path: `${collection(customer)}/${foreign}`,
      params: { description: 'hijack' },
      status: 404,
    },
    { method: 'GET', path: `${collection(customer)}/${foreign}`, params: {}, status: 404 },
    { method: 'GET', path: collection(customer), params: { limit: 0 }, status: 400 },
    { method: 'GET', path: collection(customer), params: { limit: 101 }, status: 400 },
    {
      method: 'GET',
      path: collection(customer),
      params: { starting_after: own, ending_before: own },
      status: 400,
    },
    { method: 'GET', path: collection(customer), params: { starting_after: foreign }, status: 404 },
    {
      method: 'GET',
      path: collection(other),
      params: { starting_after: 'ch_3MmlLrLkdIwHu7ix0snN0B15' },
      status: 404,
    },
    {
      method: 'POST',
      path: collection(customer),
      params: { amount: 5, currency: 'usd' },
      headers: { authorization: 'Bearer sk_live_NopeNopeNope1234' },
      status: 401,
    },
  ] as const;
  const chosen = variants[op.variant % variants.length] as (typeof variants)[number];
  return {
    ...chosen,
    params: { ...chosen.params },
    ...('headers' in chosen ? { headers: { ...chosen.headers } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The property

let mock: MockStripe | undefined;
afterEach(() => {
  mock?.restore();
  mock = undefined;
});

async function runSequence(ops: Op[]): Promise<void> {
  let clock = Date.UTC(2024, 0, 1);
  mock?.restore();
  mock = mockStripe({ now: () => clock });
  const m = mock;
  for (const id of CUSTOMERS) m.customers.add({ id });
  const model = new Model();

  for (const op of ops) {
    clock += op.advance * 1000;
    const customer = CUSTOMERS[op.customer] as string;
    switch (op.kind) {
      case 'create': {
        const params: Record<string, unknown> = { amount: op.amount, currency: op.currency };
        if (op.description !== undefined) params.description = op.description;
        if (op.metadata !== undefined) params.metadata = op.metadata;
        const answer = await call(m, 'POST', collection(customer), params);
        expect(answer.status).toBe(200);
        const tx = answer.body as CustomerBalanceTransaction;
        expectContract('customer_balance_transaction', tx);
        expect(tx.amount).toBe(op.amount);
        expect(tx.currency).toBe(op.currency);
        expect(tx.customer).toBe(customer);
        expect(tx.description).toBe(op.description ? op.description : null);
        expect(tx.metadata).toEqual(
          Object.fromEntries(Object.entries(op.metadata ?? {}).filter(([, v]) => v !== '')),
        );
        expect(tx.ending_balance).toBe(model.balance(op.customer, op.currency) + op.amount);
        model.add(op.customer, tx);
        break;
      }
      case 'update': {
        const current = model.pick(op.customer, op.pick);
        if (!current) break;
        const params: Record<string, unknown> = {};
        if (op.description !== undefined) params.description = op.description;
        if (op.metadata !== undefined) params.metadata = op.metadata;
        const answer = await call(m, 'POST', `${collection(customer)}/${current.id}`, params);
        expect(answer.status).toBe(200);
        const tx = answer.body as CustomerBalanceTransaction;
        expectContract('customer_balance_transaction', tx);
        const metadata: Metadata = op.metadata === '' ? {} : { ...(current.metadata ?? {}) };
        if (op.metadata) {
          for (const [k, v] of Object.entries(op.metadata)) {
            if (v === '') delete metadata[k];
            else
              Object.defineProperty(metadata, k, {
                value: v,
                enumerable: true,
                writable: true,
                configurable: true,
              });
          }
        }
        const description = op.description === undefined ? current.description : op.description || null;
        // Only description and metadata may change; everything else is the stored transaction.
        expect(tx).toEqual({ ...current, description, metadata });
        model.replace(tx);
        break;
      }
      case 'list': {
        const all = model.newestFirst(op.customer);
        const from =
          op.createdFrom && all.length > 0
            ? (all[op.pick % all.length] as CustomerBalanceTransaction).created
            : undefined;
        const filtered = from === undefined ? all : all.filter((t) => t.created >= from);
        const params: Record<string, unknown> = { limit: op.limit };
        if (from !== undefined) params.created = { gte: from };
        let expected: CustomerBalanceTransaction[];
        let hasMore: boolean;
        const at = filtered.length === 0 ? -1 : op.pick % filtered.length;
        if (op.cursor === 'after' && at >= 0) {
          params.starting_after = (filtered[at] as CustomerBalanceTransaction).id;
          expected = filtered.slice(at + 1, at + 1 + op.limit);
          hasMore = at + 1 + op.limit < filtered.length;
        } else if (op.cursor === 'before' && at >= 0) {
          params.ending_before = (filtered[at] as CustomerBalanceTransaction).id;
          expected = filtered.slice(Math.max(0, at - op.limit), at);
          hasMore = at - op.limit > 0;
        } else {
          expected = filtered.slice(0, op.limit);
          hasMore = op.limit < filtered.length;
        }
        const answer = await call(m, 'GET', collection(customer), params);
        expect(answer.status).toBe(200);
        const page = answer.body as CustomerBalanceTransactionList;
        expectContract('customer_balance_transaction_list', page);
        // Retrieve-equals-list: the page holds exactly the objects create/update answered.
        expect(page.data).toEqual(expected);
        expect(page.has_more).toBe(hasMore);
        break;
      }
      case 'retrieve': {
        const current = model.pick(op.customer, op.pick);
        if (!current) break;
        const answer = await call(m, 'GET', `${collection(customer)}/${current.id}`);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual(current);
        break;
      }
      case 'invalid': {
        const before = mockState(m);
        const bad = invalidCall(model, op);
        const answer = await call(m, bad.method, bad.path, bad.params, bad.headers);
        expect(answer.status, `${bad.method} ${bad.path} ${JSON.stringify(bad.params)}`).toBe(bad.status);
        expectContract('error', answer.body);
        expect(mockState(m)).toEqual(before);
        break;
      }
    }
    expect(m.violations).toEqual([]);
  }

  // The whole state, once more: balances are sums, and paging with a cursor sees every
  // transaction once, newest first, exactly as the model holds it.
  for (const [index, customer] of CUSTOMERS.entries()) {
    const balances = m.customers.get(customer)?.invoice_credit_balance ?? {};
    for (const currency of CURRENCIES) {
      expect(balances[currency] ?? 0).toBe(model.balance(index, currency));
    }
    const seen: CustomerBalanceTransaction[] = [];
    let cursor: string | undefined;
    for (;;) {
      const answer = await call(m, 'GET', collection(customer), {
        limit: 3,
        ...(cursor ? { starting_after: cursor } : {}),
      });
      const page = answer.body as CustomerBalanceTransactionList;
      expectContract('customer_balance_transaction_list', page);
      seen.push(...page.data);
      if (!page.has_more) break;
      cursor = page.data.at(-1)?.id;
    }
    expect(seen).toEqual(model.newestFirst(index));
  }
  expect(
    m.transactions(CUSTOMERS[0]).length +
      m.transactions(CUSTOMERS[1]).length +
      m.transactions(CUSTOMERS[2]).length,
  ).toBe(model.all().length);
}

describe('random operation sequences keep the model invariants', () => {
  test(`${RUNS} runs of up to ${MAX_STEPS} operations (create, update, list, retrieve, invalid calls)`, async () => {
    const protos = prototypeSnapshot();
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: MAX_STEPS, size: 'max' }), async (ops) => {
        await runSequence(ops);
        requests += mock?.requests.length ?? 0;
      }),
      { numRuns: RUNS },
    );
    expect(pollution(protos)).toEqual([]);
    console.log(`model property: ${RUNS} runs, ${requests} requests checked against the model`);
  });
});
