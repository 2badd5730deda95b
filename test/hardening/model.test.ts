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
 *
 * A second property does the same for the customer endpoints and `mock.simulate`: customers
 * created, updated (balance and fields), deleted, listed and retrieved on the platform and on a
 * connected account (`Stripe-Account`), balance transactions, and the eight simulations, against
 * a model of customers, ledgers, invoices and Checkout Sessions. After every step, for every
 * customer, the API's `balance` is the newest `ending_balance` in the customer's currency and
 * `invoice_credit_balance` the negated sum per currency.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { validate } from '../../src/contract/index.js';
import type { ContractKind } from '../../src/contract/types.js';
import { encodeForm } from '../../src/stripe/form-codec.js';
import { type MockStripe, mockStripe } from '../../src/mock/index.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../../src/types.js';
import { pollution, prototypeSnapshot } from './support/pollution.js';
import { liveCustomer } from '../support/live-customer.js';
import { balanceFromInvoiceCredit } from '../../src/stripe/customer-balance.js';
import { StripeApiError } from '../../src/errors.js';
import { appliedToward, CustomerModel, type ModelCustomer, mergeMetadata } from './support/customer-model.js';
import { SIMULATION_NAMES } from '../../src/mock/simulations.js';

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
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const form = encodeForm(params);
  const url = `${mock.origin}${path}${method !== 'POST' && form ? `?${form}` : ''}`;
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
    balances: liveCustomer(mock, c)?.invoice_credit_balance,
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
    const balances = liveCustomer(m, customer)?.invoice_credit_balance ?? {};
    for (const currency of CURRENCIES) {
      // invoice_credit_balance has Stripe's opposite sign: positive is credit.
      expect(balanceFromInvoiceCredit(balances[currency] ?? 0)).toBe(model.balance(index, currency));
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

// ---------------------------------------------------------------------------------------------
// Customers, Stripe-Account and simulations

const ACCOUNT = 'acct_ModelConnected01';
const SIM_CURRENCIES = ['usd', 'eur'] as const;
const CUSTOMER_RUNS = 100;
const CUSTOMER_STEPS = 30;

const FLOWS = SIMULATION_NAMES;
type Flow = (typeof FLOWS)[number];

type CustomerOp =
  | {
      kind: 'createCustomer';
      connected: boolean;
      balance?: number;
      email?: string;
      name?: string;
      metadata?: Metadata;
      advance: number;
    }
  | {
      kind: 'updateCustomer';
      pick: number;
      wrongAccount: boolean;
      balance?: number;
      email?: string;
      name?: string;
      metadata?: Metadata | '';
      advance: number;
    }
  | { kind: 'deleteCustomer'; pick: number; wrongAccount: boolean; advance: number }
  | {
      kind: 'listCustomers';
      connected: boolean;
      limit: number;
      byEmail: boolean;
      pick: number;
      advance: number;
    }
  | {
      kind: 'transaction';
      pick: number;
      wrongAccount: boolean;
      amount: number;
      currency: string;
      advance: number;
    }
  | {
      kind: 'simulate';
      pick: number;
      flow: Flow;
      amount: number;
      currency: string;
      target: number;
      advance: number;
    }
  | { kind: 'refused'; pick: number; variant: number; advance: number };

const emailArb = fc.constantFrom('ada@example.com', 'bob@example.com', '');
const nameArb = fc.constantFrom('Ada', 'Δημήτρης', '');
const balanceArb = fc.oneof(fc.integer({ min: -50_000, max: 50_000 }), fc.constant(0));
const pickArb = fc.nat();
const advanceArb = fc.nat({ max: 1 });

const customerOpArb: fc.Arbitrary<CustomerOp> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant('createCustomer' as const),
        connected: fc.boolean(),
        balance: balanceArb,
        email: emailArb,
        name: nameArb,
        metadata: metadataArb,
        advance: advanceArb,
      },
      { requiredKeys: ['kind', 'connected', 'advance'] },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        kind: fc.constant('updateCustomer' as const),
        pick: pickArb,
        wrongAccount: fc.boolean(),
        balance: balanceArb,
        email: emailArb,
        name: nameArb,
        metadata: fc.oneof(metadataArb, fc.constant('' as const)),
        advance: advanceArb,
      },
      { requiredKeys: ['kind', 'pick', 'wrongAccount', 'advance'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deleteCustomer' as const),
      pick: pickArb,
      wrongAccount: fc.boolean(),
      advance: advanceArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('listCustomers' as const),
      connected: fc.boolean(),
      limit: fc.integer({ min: 1, max: 4 }),
      byEmail: fc.boolean(),
      pick: pickArb,
      advance: advanceArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('transaction' as const),
      pick: pickArb,
      wrongAccount: fc.boolean(),
      amount: fc.integer({ min: -50_000, max: 50_000 }),
      currency: fc.constantFrom(...SIM_CURRENCIES),
      advance: advanceArb,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('simulate' as const),
      pick: pickArb,
      flow: fc.constantFrom(...FLOWS),
      amount: fc.integer({ min: 1, max: 60_000 }),
      currency: fc.constantFrom(...SIM_CURRENCIES),
      target: pickArb,
      advance: advanceArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refused' as const),
      pick: pickArb,
      variant: fc.nat(),
      advance: advanceArb,
    }),
  },
);

/** The `Stripe-Account` header that shows `customer` (or, `wrong`, the one that hides it). */
function accountHeader(customer: ModelCustomer, wrong = false): Record<string, string> {
  const account = wrong ? (customer.account === null ? ACCOUNT : null) : customer.account;
  return account === null ? {} : { 'stripe-account': account };
}

/** Checks an answer against the contract of `kind` (the error envelope for a refusal). */
function expectAnswer(answer: Answer, kind: ContractKind): void {
  expectContract(answer.status >= 400 ? 'error' : kind, answer.body);
}

/** Runs a simulation; a refusal comes back as its status, as the API would answer it. */
function simulate(
  m: MockStripe,
  flow: Flow,
  input: Record<string, unknown>,
): { status: number; result?: unknown } {
  try {
    const run = m.simulate[flow] as (input: unknown) => unknown;
    const result = run(input) as { transaction?: unknown };
    // What a flow made is what the API would list: it passes the same contract.
    if (result.transaction) expectContract('customer_balance_transaction', result.transaction);
    return { status: 200, result };
  } catch (error) {
    expect(error).toBeInstanceOf(StripeApiError);
    const refusal = error as StripeApiError;
    expectContract('error', refusal.toJSON());
    return { status: refusal.status };
  }
}

/** Everything a refused call could touch: each customer and ledger, and each account's list. */
async function customerState(m: MockStripe, model: CustomerModel): Promise<unknown> {
  const lists: unknown[] = [];
  for (const headers of [{}, { 'stripe-account': ACCOUNT }]) {
    const answer = await call(m, 'GET', '/v1/customers', { limit: 100 }, headers);
    lists.push((answer.body as { data: { id: string }[] }).data.map((c) => c.id));
  }
  return {
    lists,
    customers: model.customers.map((c) => ({ customer: m.customers.get(c.id), txs: m.transactions(c.id) })),
  };
}

/** The invariants, for every customer: the API agrees with the model and with the ledger. */
async function checkCustomers(m: MockStripe, model: CustomerModel): Promise<void> {
  for (const c of model.customers) {
    const answer = await call(
      m,
      'GET',
      `/v1/customers/${c.id}`,
      { expand: ['invoice_credit_balance'] },
      accountHeader(c),
    );
    expect(answer.status).toBe(200);
    if (c.deleted) {
      expectContract('deleted_customer', answer.body);
      expect(answer.body).toEqual({ id: c.id, object: 'customer', deleted: true });
      continue;
    }
    expectContract('customer', answer.body);
    const got = answer.body as {
      balance: number;
      currency: string | null;
      email: string | null;
      name: string | null;
      metadata: Metadata;
      invoice_credit_balance: Record<string, number>;
    };
    const txs = m.transactions(c.id);
    expect(txs.map((t) => [t.amount, t.currency, t.type])).toEqual(
      c.ledger.map((e) => [e.amount, e.currency, e.type]),
    );
    // balance is the newest ending_balance in the customer's currency (0 before any).
    const newest = txs.filter((t) => t.currency === got.currency).at(-1);
    expect(got.balance).toBe(newest?.ending_balance ?? 0);
    expect(got.balance).toBe(model.apiBalance(c));
    expect(got.currency).toBe(c.currency);
    expect(got.invoice_credit_balance).toEqual(model.invoiceCredit(c));
    expect({ email: got.email, name: got.name, metadata: got.metadata }).toEqual({
      email: c.email,
      name: c.name,
      metadata: c.metadata,
    });
  }
}

/** `-n` without a `-0` (a reversal of nothing is 0). */
const negate = (n: number): number => (n === 0 ? 0 : -n);

/** A `''` field unsets it: null, as Stripe reads an empty value. */
const orNull = (value: string | undefined, current: string | null): string | null =>
  value === undefined ? current : value === '' ? null : value;

async function createCustomer(
  m: MockStripe,
  model: CustomerModel,
  op: Extract<CustomerOp, { kind: 'createCustomer' }>,
  now: number,
): Promise<void> {
  const params: Record<string, unknown> = {};
  for (const key of ['balance', 'email', 'name', 'metadata'] as const) {
    if (op[key] !== undefined) params[key] = op[key];
  }
  const headers = op.connected ? { 'stripe-account': ACCOUNT } : {};
  const answer = await call(m, 'POST', '/v1/customers', params, headers);
  expect(answer.status).toBe(200);
  expectAnswer(answer, 'customer');
  const customer = model.add({
    id: (answer.body as { id: string }).id,
    account: op.connected ? ACCOUNT : null,
    created: Math.floor(now / 1000),
    email: orNull(op.email, null),
    name: orNull(op.name, null),
    metadata: mergeMetadata({}, op.metadata ?? {}),
  });
  // A starting balance is an `initial` transaction in the account's default currency.
  if (op.balance !== undefined) model.setBalance(customer, op.balance, 'usd', 'initial');
}

async function updateCustomer(
  m: MockStripe,
  model: CustomerModel,
  op: Extract<CustomerOp, { kind: 'updateCustomer' }>,
): Promise<void> {
  const c = model.pick(op.pick);
  if (!c) return;
  const params: Record<string, unknown> = {};
  for (const key of ['balance', 'email', 'name', 'metadata'] as const) {
    if (op[key] !== undefined) params[key] = op[key];
  }
  const before = await customerState(m, model);
  const answer = await call(m, 'POST', `/v1/customers/${c.id}`, params, accountHeader(c, op.wrongAccount));
  expectAnswer(answer, 'customer');
  if (c.deleted || op.wrongAccount) {
    expect(answer.status).toBe(404);
    expect(await customerState(m, model)).toEqual(before);
    return;
  }
  expect(answer.status).toBe(200);
  // A balance set is an `adjustment` by the difference, in the customer's currency.
  if (op.balance !== undefined) model.setBalance(c, op.balance, 'usd', 'adjustment');
  c.email = orNull(op.email, c.email);
  c.name = orNull(op.name, c.name);
  if (op.metadata !== undefined) c.metadata = mergeMetadata(c.metadata, op.metadata);
}

function runFlow(
  m: MockStripe,
  model: CustomerModel,
  op: Extract<CustomerOp, { kind: 'simulate' }>,
): { status: number; expected: number } | undefined {
  const c = model.pick(op.pick);
  if (!c) return undefined;
  const customer = c.id;
  const balance = model.balance(c, op.currency);
  const missing = { status: 404, expected: 404 };
  switch (op.flow) {
    case 'invoiceFinalized': {
      const outcome = simulate(m, op.flow, { customer, amountDue: op.amount, currency: op.currency });
      if (c.deleted) return { ...missing, status: outcome.status };
      const result = outcome.result as {
        invoice: string;
        transaction: { amount: number } | null;
        amountRemaining: number;
      };
      const applied = appliedToward(balance, op.amount, true);
      expect(result.transaction?.amount ?? 0).toBe(applied);
      expect(result.amountRemaining).toBe(op.amount - applied);
      if (applied !== 0)
        model.append(c, { amount: applied, currency: op.currency, type: 'applied_to_invoice' });
      model.invoices.push({ id: result.invoice, customer, currency: op.currency, applied, voided: false });
      return { status: outcome.status, expected: 200 };
    }
    case 'invoiceVoided': {
      const invoices = model.invoicesOf(c);
      const invoice = invoices.length === 0 ? undefined : invoices[op.target % invoices.length];
      const outcome = simulate(m, op.flow, { customer, invoice: invoice?.id ?? 'in_ModelUnknown0000' });
      if (c.deleted || !invoice) return { status: outcome.status, expected: 404 };
      if (invoice.voided) return { status: outcome.status, expected: 400 };
      const result = outcome.result as { transaction: { amount: number } | null };
      expect(result.transaction?.amount ?? 0).toBe(negate(invoice.applied));
      if (invoice.applied !== 0) {
        model.append(c, {
          amount: -invoice.applied,
          currency: invoice.currency,
          type: 'unapplied_from_invoice',
        });
      }
      invoice.applied = 0;
      invoice.voided = true;
      return { status: outcome.status, expected: 200 };
    }
    case 'checkoutSessionPaid': {
      const outcome = simulate(m, op.flow, { customer, amount: op.amount, currency: op.currency });
      if (c.deleted) return { ...missing, status: outcome.status };
      const result = outcome.result as { checkoutSession: string; transaction: { amount: number } | null };
      const applied = appliedToward(balance, op.amount, false);
      expect(result.transaction?.amount ?? 0).toBe(applied);
      if (applied !== 0) {
        model.append(c, {
          amount: applied,
          currency: op.currency,
          type: 'checkout_session_subscription_payment',
        });
      }
      model.sessions.push({
        id: result.checkoutSession,
        customer,
        currency: op.currency,
        applied,
        canceled: false,
      });
      return { status: outcome.status, expected: 200 };
    }
    case 'checkoutSessionCanceled': {
      const sessions = model.sessionsOf(c);
      const session = sessions.length === 0 ? undefined : sessions[op.target % sessions.length];
      const outcome = simulate(m, op.flow, {
        customer,
        checkoutSession: session?.id ?? 'cs_test_ModelUnknown',
      });
      if (c.deleted || !session) return { status: outcome.status, expected: 404 };
      if (session.canceled) return { status: outcome.status, expected: 400 };
      const result = outcome.result as { transaction: { amount: number } | null };
      expect(result.transaction?.amount ?? 0).toBe(negate(session.applied));
      if (session.applied !== 0) {
        model.append(c, {
          amount: -session.applied,
          currency: session.currency,
          type: 'checkout_session_subscription_payment_canceled',
        });
      }
      session.canceled = true;
      return { status: outcome.status, expected: 200 };
    }
    default: {
      // The four flows that move a fixed amount on a new invoice: a credit note and an
      // overpayment credit it; an invoice too small or too large to charge adds what is owed.
      const amounts: Record<typeof op.flow, [number, string]> = {
        creditNoteIssued: [-op.amount, 'credit_note'],
        invoiceOverpaid: [-op.amount, 'invoice_overpaid'],
        // Below the 0.50 minimum charge of usd and eur.
        invoiceTooSmall: [1 + (op.amount % 49), 'invoice_too_small'],
        // Above Stripe's maximum charge of 99,999,999 minor units.
        invoiceTooLarge: [100_000_000 + op.amount, 'invoice_too_large'],
      };
      const [amount, type] = amounts[op.flow];
      const outcome = simulate(m, op.flow, { customer, amount: Math.abs(amount), currency: op.currency });
      if (c.deleted) return { ...missing, status: outcome.status };
      const result = outcome.result as { invoice: string; transaction: { amount: number; type: string } };
      expect([result.transaction.amount, result.transaction.type]).toEqual([amount, type]);
      model.append(c, { amount, currency: op.currency, type });
      model.invoices.push({ id: result.invoice, customer, currency: op.currency, applied: 0, voided: false });
      return { status: outcome.status, expected: 200 };
    }
  }
}

/** A refused call, with the status Stripe answers, for `variant` against the picked customer. */
async function refusedCall(
  m: MockStripe,
  c: ModelCustomer,
  variant: number,
): Promise<{ status: number; expected: number }> {
  const live = !c.deleted;
  const own = accountHeader(c);
  const wrong = accountHeader(c, true);
  const variants: (() => Promise<{ status: number; expected: number }>)[] = [
    async () => ({
      status: (await call(m, 'POST', '/v1/customers', { balance: 'abc' }, own)).status,
      expected: 400,
    }),
    async () => ({
      status: (await call(m, 'POST', '/v1/customers', { balance: 5, currency: 'usd' }, own)).status,
      expected: 400,
    }),
    // Parameters are read before the customer is looked up: 400 even for a deleted one.
    async () => ({
      status: (await call(m, 'POST', `/v1/customers/${c.id}`, { balance: 1.5 }, own)).status,
      expected: 400,
    }),
    async () => ({
      status: (await call(m, 'POST', `/v1/customers/${c.id}`, { name: 'x' }, wrong)).status,
      expected: 404,
    }),
    async () => ({
      status: (await call(m, 'DELETE', `/v1/customers/${c.id}`, {}, wrong)).status,
      expected: 404,
    }),
    async () => ({
      status: (await call(m, 'GET', '/v1/customers', { limit: 0 }, own)).status,
      expected: 400,
    }),
    async () => ({
      status: (
        await call(
          m,
          'POST',
          `/v1/customers/${c.id}/balance_transactions`,
          { amount: 5, currency: 'usd' },
          wrong,
        )
      ).status,
      expected: 404,
    }),
    async () => ({
      status: (await call(m, 'GET', `/v1/customers/${c.id}`, { expand: ['invoice_credit_balance.x'] }, own))
        .status,
      expected: 400,
    }),
    async () => ({
      status: simulate(m, 'invoiceVoided', { customer: c.id, invoice: 'in_ModelUnknown0000' }).status,
      expected: 404,
    }),
    async () => ({
      status: simulate(m, 'invoiceTooSmall', { customer: c.id, amount: 10_000, currency: 'usd' }).status,
      expected: live ? 400 : 404,
    }),
    async () => ({
      status: simulate(m, 'creditNoteIssued', { customer: 'cus_ModelNobody0000', amount: 5, currency: 'usd' })
        .status,
      expected: 404,
    }),
    async () => ({
      status: (
        await call(
          m,
          'POST',
          '/v1/customers',
          { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) },
          own,
        )
      ).status,
      expected: 400,
    }),
  ];
  const run = variants[variant % variants.length] as (typeof variants)[number];
  return run();
}

async function runCustomerSequence(ops: CustomerOp[]): Promise<void> {
  let clock = Date.UTC(2024, 0, 1);
  mock?.restore();
  mock = mockStripe({ now: () => clock });
  const m = mock;
  const model = new CustomerModel();
  await createCustomer(
    m,
    model,
    { kind: 'createCustomer', connected: false, balance: -1_000, advance: 0 },
    clock,
  );
  await createCustomer(m, model, { kind: 'createCustomer', connected: true, advance: 0 }, clock);

  for (const op of ops) {
    clock += op.advance * 1000;
    switch (op.kind) {
      case 'createCustomer':
        await createCustomer(m, model, op, clock);
        break;
      case 'updateCustomer':
        await updateCustomer(m, model, op);
        break;
      case 'deleteCustomer': {
        const c = model.pick(op.pick);
        if (!c) break;
        const before = await customerState(m, model);
        const answer = await call(
          m,
          'DELETE',
          `/v1/customers/${c.id}`,
          {},
          accountHeader(c, op.wrongAccount),
        );
        expectAnswer(answer, 'deleted_customer');
        if (c.deleted || op.wrongAccount) {
          expect(answer.status).toBe(404);
          expect(await customerState(m, model)).toEqual(before);
        } else {
          expect(answer.status).toBe(200);
          expect(answer.body).toEqual({ id: c.id, object: 'customer', deleted: true });
          c.deleted = true;
        }
        break;
      }
      case 'listCustomers': {
        const account = op.connected ? ACCOUNT : null;
        const email = op.byEmail ? model.pick(op.pick)?.email : null;
        const expected = model.listed(account).filter((c) => !email || c.email === email);
        const params: Record<string, unknown> = { limit: op.limit };
        if (email) params.email = email;
        const answer = await call(
          m,
          'GET',
          '/v1/customers',
          params,
          op.connected ? { 'stripe-account': ACCOUNT } : {},
        );
        expect(answer.status).toBe(200);
        expectAnswer(answer, 'customer_list');
        const page = answer.body as { data: { id: string }[]; has_more: boolean };
        expect(page.data.map((c) => c.id)).toEqual(expected.slice(0, op.limit).map((c) => c.id));
        expect(page.has_more).toBe(expected.length > op.limit);
        break;
      }
      case 'transaction': {
        const c = model.pick(op.pick);
        if (!c) break;
        const before = await customerState(m, model);
        const answer = await call(
          m,
          'POST',
          `/v1/customers/${c.id}/balance_transactions`,
          { amount: op.amount, currency: op.currency },
          accountHeader(c, op.wrongAccount),
        );
        expectAnswer(answer, 'customer_balance_transaction');
        if (c.deleted || op.wrongAccount) {
          expect(answer.status).toBe(404);
          expect(await customerState(m, model)).toEqual(before);
        } else {
          expect(answer.status).toBe(200);
          model.append(c, { amount: op.amount, currency: op.currency, type: 'adjustment' });
        }
        break;
      }
      case 'simulate': {
        const before = await customerState(m, model);
        const outcome = runFlow(m, model, op);
        if (!outcome) break;
        expect(outcome.status, op.flow).toBe(outcome.expected);
        if (outcome.status !== 200) expect(await customerState(m, model)).toEqual(before);
        break;
      }
      case 'refused': {
        const c = model.pick(op.pick);
        if (!c) break;
        const before = await customerState(m, model);
        const outcome = await refusedCall(m, c, op.variant);
        expect(outcome.status, `refused variant ${op.variant % 12}`).toBe(outcome.expected);
        expect(await customerState(m, model)).toEqual(before);
        break;
      }
    }
    await checkCustomers(m, model);
    expect(m.violations).toEqual([]);
  }
}

describe('random customer and simulation sequences keep the ledger invariants', () => {
  test(`${CUSTOMER_RUNS} runs of up to ${CUSTOMER_STEPS} customer operations and simulations`, async () => {
    const protos = prototypeSnapshot();
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(customerOpArb, { minLength: 1, maxLength: CUSTOMER_STEPS, size: 'max' }),
        async (ops) => {
          await runCustomerSequence(ops);
          requests += mock?.requests.length ?? 0;
        },
      ),
      { numRuns: CUSTOMER_RUNS },
    );
    expect(pollution(protos)).toEqual([]);
    console.log(
      `customer model property: ${CUSTOMER_RUNS} runs, ${requests} requests checked against the model`,
    );
  });
});
