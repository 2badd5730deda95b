/**
 * The official `stripe` client doing a create and a 10-item list against each way of answering
 * it: our mock over nock, over its in-process fetch and as a loopback server; the floors that
 * reply our exact answers on each transport; and Prism. Rounds interleaved.
 */
import nock from 'nock';
import Stripe from 'stripe';
import { createFixtures, mockStripe, startStripeServer } from '../../src/index.js';
import { compareInRounds, consume, type Results } from '../harness.js';
import { CUSTOMER } from '../inputs.js';
import { ROUND_TRIP, TRANSPORTS as NAMES } from '../names.js';
import {
  type CannedAnswers,
  type Canned,
  floorTransports,
  loopbackClient,
  startPrism,
  type Transport,
} from '../peers.js';

const roundTrip = (stripe: Stripe) => async () => {
  consume(await stripe.customers.createBalanceTransaction(CUSTOMER, { amount: -1, currency: 'usd' }));
  consume(await stripe.customers.listBalanceTransactions(CUSTOMER, { limit: 10 }));
};

/**
 * An active nock routes every loopback request in the process through its interceptor too, which
 * would tax the socket transports: interception is on only for the nock-based contenders.
 */
const useInterception = (on: boolean) => {
  if (on && !nock.isActive()) nock.activate();
  if (!on && nock.isActive()) nock.restore();
};

export async function run(results: Results): Promise<void> {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  const seedLedger = createFixtures({ seed: 1 }).ledger({ customer: CUSTOMER, currency: 'usd', count: 1000 });
  const transports: Transport[] = [
    ...ourTransports(seedLedger),
    ...(await floorTransports(await captureAnswers(seedLedger))),
  ];
  const prism = await startPrism();
  if (prism.port !== undefined) {
    const port = prism.port;
    transports.push({ name: NAMES.prism, intercepts: false, open: () => loopbackClient(port), close() {} });
  } else {
    console.log(`  Prism could not start: ${prism.log.trim().slice(-500)}`);
    results.rows.push({
      section: ROUND_TRIP,
      name: NAMES.prism,
      opsPerSec: Number.NaN,
      note: 'did not start',
    });
  }
  try {
    await compareInRounds(
      results,
      ROUND_TRIP,
      transports.map((t) => ({
        name: t.name,
        async open() {
          useInterception(t.intercepts);
          return roundTrip(await t.open());
        },
        close: () => t.close(),
      })),
      { rounds: 3, time: 1000, warmupTime: 300 },
    );
  } finally {
    useInterception(true);
    prism.stop();
  }
}

type Ledger = Parameters<ReturnType<typeof mockStripe>['seed']>[0];

function ourTransports(seedLedger: Ledger): Transport[] {
  let nockMock: ReturnType<typeof mockStripe> | undefined;
  let fetchMock: ReturnType<typeof mockStripe> | undefined;
  let server: Awaited<ReturnType<typeof startStripeServer>> | undefined;
  return [
    {
      name: NAMES.nock,
      intercepts: true,
      open() {
        nockMock = mockStripe();
        nockMock.seed(seedLedger);
        return new Stripe('sk_test_bench', { maxNetworkRetries: 0 });
      },
      close: () => nockMock?.restore(),
    },
    {
      name: NAMES.fetch,
      intercepts: true,
      open() {
        fetchMock = mockStripe();
        fetchMock.seed(seedLedger);
        return new Stripe('sk_test_bench', {
          maxNetworkRetries: 0,
          httpClient: Stripe.createFetchHttpClient(fetchMock.fetch),
        });
      },
      close: () => fetchMock?.restore(),
    },
    {
      name: NAMES.serve,
      intercepts: false,
      async open() {
        server = await startStripeServer();
        server.seed(seedLedger);
        return loopbackClient(server.port);
      },
      close: () => server?.close(),
    },
  ];
}

/** Our mock's own answers (bodies and headers) to the two calls, for the floors to replay. */
async function captureAnswers(seedLedger: Ledger): Promise<CannedAnswers> {
  const mock = mockStripe();
  try {
    mock.seed(seedLedger);
    const auth = { authorization: 'Bearer sk_test_bench' };
    const capture = async (response: Response): Promise<Canned> => ({
      body: await response.text(),
      headers: Object.fromEntries(response.headers),
    });
    const url = `${mock.origin}/v1/customers/${CUSTOMER}/balance_transactions`;
    return {
      create: await capture(
        await mock.fetch(url, {
          method: 'POST',
          headers: {
            ...auth,
            'content-type': 'application/x-www-form-urlencoded',
            'idempotency-key': 'canned',
          },
          body: 'amount=-1&currency=usd',
        }),
      ),
      list: await capture(await mock.fetch(`${url}?limit=10`, { headers: auth })),
    };
  } finally {
    mock.restore();
  }
}
