/**
 * Concurrency with faults: many official `stripe` clients (over the fetch transport and over
 * nock) create balance transactions in parallel, on one shared customer and on their own, while
 * 500s, dropped connections and lost answers (a 500 after the request ran) are injected, up
 * front and mid-run. The clients retry with their automatic idempotency keys. Afterwards nothing
 * may be lost or doubled: every answered create is stored exactly once, no amount is stored
 * twice, every balance is the sum of its amounts and the ending balances chain. Idempotent
 * replays are then checked byte for byte over raw requests, sequentially and in parallel, and
 * across transports.
 */
import Stripe from 'stripe';
import { afterEach, describe, expect, test } from 'vitest';
import { validate } from '../../src/contract/index.js';
import { type MockStripe, mockStripe } from '../../src/mock/index.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../../src/types.js';
import { rawRequest } from '../support/raw-http.js';
import { liveCustomer } from '../support/live-customer.js';

const KEY = 'sk_test_ConcurrencyKey0123456789';
const SHARED = 'cus_ConcurrencyShared1';

let mock: MockStripe;
afterEach(() => {
  mock.restore();
});

type Transport = 'fetch' | 'nock';

function client(transport: Transport): Stripe {
  return new Stripe(KEY, {
    // Enough retries that every call outlives the faults; the invariants below hold either way.
    maxNetworkRetries: 5,
    ...(transport === 'fetch' ? { httpClient: Stripe.createFetchHttpClient(mock.fetch) } : {}),
  });
}

interface Call {
  customer: string;
  amount: number;
  result: CustomerBalanceTransaction | Error;
}

/** Pages through a customer's list with the contract check on every page. */
async function listAll(stripe: Stripe, customer: string): Promise<CustomerBalanceTransaction[]> {
  const all: CustomerBalanceTransaction[] = [];
  let startingAfter: string | undefined;
  for (;;) {
    const page = (await stripe.customers.listBalanceTransactions(customer, {
      limit: 100,
      ...(startingAfter ? { starting_after: startingAfter } : {}),
    })) as unknown as CustomerBalanceTransactionList;
    const plain = JSON.parse(JSON.stringify(page)) as CustomerBalanceTransactionList;
    expect(validate('customer_balance_transaction_list', plain).errors).toEqual([]);
    all.push(...plain.data);
    if (!page.has_more) return all;
    startingAfter = page.data.at(-1)?.id;
  }
}

const SCALE = {
  fetch: { clients: 16, createsEach: 12 },
  nock: { clients: 8, createsEach: 8 },
} as const;

describe.each<Transport>(['fetch', 'nock'])('parallel clients over %s with injected faults', (transport) => {
  const { clients, createsEach } = SCALE[transport];

  test(`${clients} clients × ${createsEach} creates, same and different customers: nothing lost or doubled`, async () => {
    mock = mockStripe();
    mock.customers.add({ id: SHARED });
    const own = Array.from({ length: clients }, (_, i) => `cus_ConcurrencyOwn${String(i).padStart(4, '0')}`);
    for (const id of own) mock.customers.add({ id });

    // Faults for the first wave of requests, whichever client sends them.
    mock.failNext({ status: 500, times: 5 });
    mock.failNext({ networkError: true, times: 4 });
    mock.failNext({ status: 500, afterApply: true, times: 4 });
    mock.failNext({ status: 503, times: 2 });

    const calls: Call[] = [];
    await Promise.all(
      own.map(async (ownCustomer, c) => {
        const stripe = client(transport);
        for (let j = 0; j < createsEach; j += 1) {
          // Every amount is unique, so each stored transaction names the call that made it.
          const amount = (j % 2 === 0 ? 1 : -1) * ((c + 1) * 1000 + j + 1);
          const customer = j % 2 === 0 ? SHARED : ownCustomer;
          // Mid-run faults: a lost answer or a dropped connection lands on whoever is next.
          if (j === Math.floor(createsEach / 2)) {
            mock.failNext(c % 2 === 0 ? { status: 500, afterApply: true } : { networkError: true });
          }
          const call: Call = { customer, amount, result: new Error('not run') };
          calls.push(call);
          try {
            const created = await stripe.customers.createBalanceTransaction(customer, {
              amount,
              currency: 'usd',
            });
            call.result = JSON.parse(JSON.stringify(created)) as CustomerBalanceTransaction;
          } catch (error) {
            call.result = error as Error;
          }
        }
      }),
    );

    const faulted = mock.requests.filter((r) => r.fault !== undefined).length;
    const replayed = mock.requests.filter((r) => r.replayed).length;
    expect(faulted).toBeGreaterThan(0);
    expect(replayed).toBeGreaterThan(0);

    const reader = client(transport);
    for (const customer of [SHARED, ...own]) {
      const stored = mock.transactions(customer);
      const mine = calls.filter((c) => c.customer === customer);
      const amounts = stored.map((t) => t.amount);
      // No amount twice: a retried create was never applied a second time.
      expect(new Set(amounts).size, `${customer}: an amount was applied twice`).toBe(amounts.length);
      // Nothing lost: every answered create is stored, under the id the client was given.
      for (const call of mine) {
        if (call.result instanceof Error) continue;
        const match = stored.filter((t) => t.id === (call.result as CustomerBalanceTransaction).id);
        expect(match.map((t) => t.amount)).toEqual([call.amount]);
      }
      // Nothing invented: every stored amount belongs to one of this customer's calls.
      for (const amount of amounts) expect(mine.some((c) => c.amount === amount)).toBe(true);
      // The balance is the sum of the amounts, and the ending balances chain (oldest first).
      let running = 0;
      for (const t of stored) {
        running += t.amount;
        expect(t.ending_balance).toBe(running);
      }
      expect(liveCustomer(mock, customer)?.balance).toBe(running);
      // The list endpoint agrees with the store: every transaction once, newest first.
      const listed = await listAll(reader, customer);
      expect(listed.map((t) => t.id)).toEqual(stored.map((t) => t.id).reverse());
    }
    // With five retries every call outlived the faults.
    expect(calls.filter((c) => c.result instanceof Error).map((c) => (c.result as Error).message)).toEqual(
      [],
    );
    expect(calls).toHaveLength(clients * createsEach);
    console.log(
      `concurrency over ${transport}: ${clients} clients, ${calls.length} creates, ${mock.requests.length} requests, ${faulted} faulted, ${replayed} idempotent replays; nothing lost or doubled`,
    );
    expect(mock.violations).toEqual([]);
  });
});

describe.each<Transport>(['fetch', 'nock'])(
  'parallel balance updates, transactions and customer creates over %s',
  (transport) => {
    test('customers.update({ balance }) racing createBalanceTransaction on one customer: the ledger explains every answer', async () => {
      mock = mockStripe();
      const seeded = mock.customers.add({ id: SHARED, currency: 'usd', balance: -5000 });
      expect(seeded.balance).toBe(-5000);
      mock.failNext({ status: 500, afterApply: true, times: 3 });
      mock.failNext({ networkError: true, times: 2 });

      const updates: { target: number; answered: number | Error }[] = [];
      const creates: { amount: number; id: string | Error }[] = [];
      await Promise.all(
        Array.from({ length: 10 }, async (_, c) => {
          const stripe = client(transport);
          for (let j = 0; j < 6; j += 1) {
            if (j === 3)
              mock.failNext(c % 2 === 0 ? { status: 500, afterApply: true } : { networkError: true });
            if ((c + j) % 3 === 0) {
              // Targets far from anything the deltas reach, each unique: each names its update.
              const target = 1_000_000 * (c + 1) + j;
              const entry: (typeof updates)[number] = { target, answered: new Error('not run') };
              updates.push(entry);
              try {
                entry.answered = (await stripe.customers.update(SHARED, { balance: target })).balance;
              } catch (error) {
                entry.answered = error as Error;
              }
            } else {
              const amount = (j % 2 === 0 ? 1 : -1) * (c * 10 + j + 1);
              const entry: (typeof creates)[number] = { amount, id: new Error('not run') };
              creates.push(entry);
              try {
                entry.id = (
                  await stripe.customers.createBalanceTransaction(SHARED, {
                    amount,
                    currency: 'usd',
                    description: `create ${c}/${j}`,
                  })
                ).id;
              } catch (error) {
                entry.id = error as Error;
              }
            }
          }
        }),
      );
      expect(mock.requests.filter((r) => r.replayed).length).toBeGreaterThan(0);
      expect(updates.filter((u) => u.answered instanceof Error)).toEqual([]);
      expect(creates.filter((c) => c.id instanceof Error)).toEqual([]);

      const stored = mock.transactions(SHARED);
      // The chain: each ending balance is the previous one plus the amount, from the initial one.
      let running = 0;
      for (const t of stored) {
        running += t.amount;
        expect(t.ending_balance).toBe(running);
      }
      expect(stored[0]).toMatchObject({ type: 'initial', amount: -5000 });
      // Every update answered its target, and exactly one adjustment took the balance there.
      for (const { target, answered } of updates) {
        expect(answered).toBe(target);
        const made = stored.filter(
          (t) => t.description === null && t.type === 'adjustment' && t.ending_balance === target,
        );
        expect(made, `update to ${target}`).toHaveLength(1);
      }
      // Every create is stored exactly once, under the id its client was given.
      for (const { amount, id } of creates) {
        expect(stored.filter((t) => t.id === id).map((t) => t.amount)).toEqual([amount]);
      }
      expect(stored).toHaveLength(1 + updates.length + creates.length);
      // The customer's balance, through the API, is the newest ending balance.
      const retrieved = (await client(transport).customers.retrieve(SHARED)) as Stripe.Customer;
      expect(retrieved.balance).toBe(running);
      expect(mock.violations).toEqual([]);
    });

    test('parallel customers.create({ balance }) with lost answers: each customer made once, with one initial transaction', async () => {
      mock = mockStripe();
      mock.failNext({ status: 500, afterApply: true, times: 4 });
      const answered = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          const stripe = client(transport);
          if (i === 6) mock.failNext({ networkError: true });
          return stripe.customers.create({ balance: -(i + 1) * 100, email: `c${i}@example.com` });
        }),
      );
      const reader = client(transport);
      const listed: Stripe.Customer[] = [];
      for await (const c of reader.customers.list({ limit: 5 })) listed.push(c);
      expect(listed.map((c) => c.id).sort()).toEqual(answered.map((c) => c.id).sort());
      for (const customer of answered) {
        expect(mock.transactions(customer.id).map((t) => [t.type, t.amount, t.ending_balance])).toEqual([
          ['initial', customer.balance, customer.balance],
        ]);
      }
      expect(mock.requests.filter((r) => r.replayed).length).toBeGreaterThan(0);
    });
  },
);

// ---------------------------------------------------------------------------------------------
// Idempotent replays, byte for byte, over raw requests

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function post(key: string, body: string, customer = SHARED): Promise<RawAnswer> {
  const response = await mock.fetch(`${mock.origin}/v1/customers/${customer}/balance_transactions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${KEY}`,
      'content-type': 'application/x-www-form-urlencoded',
      'idempotency-key': key,
    },
    body,
  });
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}

describe('idempotent replays are byte-identical', () => {
  test('the same key twice answers the same bytes, with Idempotent-Replayed and the original request id', async () => {
    mock = mockStripe();
    mock.customers.add({ id: SHARED });
    const first = await post('replay-1', 'amount=700&currency=usd&metadata[k]=v');
    const second = await post('replay-1', 'amount=700&currency=usd&metadata[k]=v');
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['original-request']).toBe(first.headers['request-id']);
    expect(second.headers['request-id']).not.toBe(first.headers['request-id']);
    expect(mock.transactions(SHARED)).toHaveLength(1);
  });

  test('a lost answer (500 after the request ran) is replayed byte-identically, and applied once', async () => {
    mock = mockStripe();
    mock.customers.add({ id: SHARED });
    mock.failNext({ status: 500, afterApply: true });
    const lost = await post('lost-1', 'amount=-250&currency=usd');
    expect(lost.status).toBe(500);
    const retry = await post('lost-1', 'amount=-250&currency=usd');
    const again = await post('lost-1', 'amount=-250&currency=usd');
    expect(retry.status).toBe(200);
    expect(again.body).toBe(retry.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const stored = mock.transactions(SHARED);
    expect(stored).toHaveLength(1);
    expect(JSON.parse(retry.body)).toEqual(stored[0]);
  });

  test('a fault before the request ran leaves the key free: the retry executes, once', async () => {
    mock = mockStripe();
    mock.customers.add({ id: SHARED });
    mock.failNext({ status: 500 });
    mock.failNext({ networkError: true });
    expect((await post('early-1', 'amount=5&currency=usd')).status).toBe(500);
    await expect(post('early-1', 'amount=5&currency=usd')).rejects.toThrow(TypeError);
    const ran = await post('early-1', 'amount=5&currency=usd');
    expect(ran.status).toBe(200);
    expect(ran.headers['idempotent-replayed']).toBeUndefined();
    expect((await post('early-1', 'amount=5&currency=usd')).body).toBe(ran.body);
    expect(mock.transactions(SHARED)).toHaveLength(1);
  });

  test('50 parallel requests with one key: one transaction, 50 identical bodies', async () => {
    mock = mockStripe();
    mock.customers.add({ id: SHARED });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post('parallel-1', 'amount=42&currency=usd&description=once')),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(49);
    expect(mock.transactions(SHARED)).toHaveLength(1);
  });

  test('parallel requests with one key and different parameters: one wins, the rest are idempotency errors', async () => {
    mock = mockStripe();
    mock.customers.add({ id: SHARED });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post('conflict-1', `amount=${i + 1}&currency=usd`)),
    );
    const ok = answers.filter((a) => a.status === 200);
    const conflicts = answers.filter((a) => a.status === 400);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    for (const c of conflicts)
      expect(JSON.parse(c.body)).toMatchObject({ error: { type: 'idempotency_error' } });
    expect(mock.transactions(SHARED).map((t) => t.amount)).toEqual([JSON.parse(ok[0]?.body ?? '{}').amount]);
  });

  test('a replay over the other transport (node http via nock) answers the same bytes', async () => {
    mock = mockStripe();
    mock.customers.add({ id: SHARED });
    const viaFetch = await post('cross-1', 'amount=9&currency=usd');
    const viaNock = await rawRequest(mock.origin, {
      method: 'POST',
      path: `/v1/customers/${SHARED}/balance_transactions`,
      headers: {
        authorization: `Bearer ${KEY}`,
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': 'cross-1',
      },
      body: 'amount=9&currency=usd',
    });
    expect(viaNock.status).toBe(200);
    expect(viaNock.body).toBe(viaFetch.body);
    expect(viaNock.headers['idempotent-replayed']).toBe('true');
    expect(mock.transactions(SHARED)).toHaveLength(1);
  });
});
