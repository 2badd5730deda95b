/**
 * Cost of one official-client request through each mock transport, side by side in one run:
 * nock (the client's default Node http transport, intercepted) vs the in-process `mock.fetch`.
 * Run: npx tsx bench/mock-transports.bench.ts
 */
import { performance } from 'node:perf_hooks';
import Stripe from 'stripe';
import { createFixtures, mockStripe } from '../src/index.js';

const ROUNDS = Number(process.env.ROUNDS ?? 400);
const mock = mockStripe();
const customer = 'cus_BenchTransport01';
mock.seed(createFixtures({ seed: 1 }).ledger({ customer, currency: 'usd', count: 1000 }));

const clients = {
  nock: new Stripe('sk_test_bench', { maxNetworkRetries: 0 }),
  fetch: new Stripe('sk_test_bench', {
    maxNetworkRetries: 0,
    httpClient: Stripe.createFetchHttpClient(mock.fetch),
  }),
};

const someId = mock.transactions(customer)[0]!.id;

async function measure(stripe: Stripe): Promise<{ wallMs: number; cpuMs: number }> {
  // Warm-up, then a fixed mix of list, retrieve and create calls.
  for (let i = 0; i < 50; i++) await stripe.customers.listBalanceTransactions(customer, { limit: 10 });
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 3 === 0) await stripe.customers.listBalanceTransactions(customer, { limit: 10 });
    else if (i % 3 === 1)
      await stripe.customers.createBalanceTransaction(customer, { amount: -1, currency: 'usd' });
    else await stripe.customers.retrieveBalanceTransaction(customer, someId);
  }
  const used = process.cpuUsage(cpu);
  return { wallMs: (performance.now() - start) / ROUNDS, cpuMs: (used.user + used.system) / 1000 / ROUNDS };
}

const results: Record<string, { wallMs: number; cpuMs: number }> = {};
for (const [name, stripe] of Object.entries(clients)) results[name] = await measure(stripe);
mock.restore();

console.log(`official stripe client → mock, ${ROUNDS} requests per transport (list/create/retrieve mix)`);
for (const [name, r] of Object.entries(results)) {
  console.log(
    `  ${name.padEnd(6)} ${r.wallMs.toFixed(3)} ms/request wall, ${r.cpuMs.toFixed(3)} ms/request CPU`,
  );
}
const nock = results.nock!;
const fetch = results.fetch!;
console.log(`  ratio  fetch is ${(nock.wallMs / fetch.wallMs).toFixed(1)}x faster than nock (wall)`);
