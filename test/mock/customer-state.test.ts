/**
 * The customer state behind every transport, through the handle and the official client over
 * `mock.fetch`: what `customers.add` and `seed` refuse so the ledger keeps explaining the
 * balance, and `unknownCustomers: 'create'` leaving nothing behind on a refused request.
 */
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFixtures,
  InvalidSeedError,
  type MockStripe,
  mockStripe,
  StripeBalanceKitError,
} from '../../src/index.js';

let mock: MockStripe;
afterEach(() => mock.restore());

const client = () => new Stripe('sk_test_123', { httpClient: Stripe.createFetchHttpClient(mock.fetch) });
const ledger = (customer: string) =>
  createFixtures({ seed: 'state' }).ledger({ customer, currency: 'usd', count: 5 });

describe('customers.add', () => {
  it.each([
    [{ id: 'not-a-customer' }, 'id "not-a-customer" is not a customer id'],
    [{ id: 'cus_a/b' }, 'is not a customer id'],
    [{ id: `cus_${'x'.repeat(300)}` }, 'is not a customer id'],
    [{ account: 'bogus' }, 'account "bogus" is not a connected account id'],
    [{ currency: 'USD' }, 'is not a lowercase currency'],
    [{ balance: 100 }, 'a starting balance needs a currency'],
    [{ currency: 'usd', balance: 1.5 }, 'balance must be an integer'],
  ])('refuses %j with a clear error', (input, message) => {
    mock = mockStripe();
    expect(() => mock.customers.add(input)).toThrow(StripeBalanceKitError);
    expect(() => mock.customers.add(input)).toThrow(message);
  });
});

describe('seed()', () => {
  it('refuses a ledger older than what the customer already has, which would unchain the balance', () => {
    mock = mockStripe();
    const seeded = ledger('cus_SeedState000001');
    mock.customers.add({ id: 'cus_SeedState000001', currency: 'usd', balance: -500 });
    expect(() => mock.seed(seeded)).toThrow(InvalidSeedError);
    expect(() => mock.seed(seeded)).toThrow(
      /is older than customer cus_SeedState000001's newest transaction/,
    );
    expect(mock.transactions('cus_SeedState000001').map((t) => t.type)).toEqual(['initial']);
  });

  it('refuses a deleted customer and another account’s customer', async () => {
    mock = mockStripe();
    mock.customers.add({ id: 'cus_SeedDeleted0001' });
    await client().customers.del('cus_SeedDeleted0001');
    expect(() => mock.seed(ledger('cus_SeedDeleted0001'))).toThrow(/which is deleted/);
    mock.customers.add({ id: 'cus_SeedAccount0001', account: 'acct_1Other' });
    expect(() => mock.seed(ledger('cus_SeedAccount0001'))).toThrow(/a customer of acct_1Other/);
  });

  it('a transaction made after a seed never lists before it, whatever the mock clock says', async () => {
    const seeded = ledger('cus_SeedClock00001');
    const newest = seeded.at(-1)!;
    mock = mockStripe({ now: () => (newest.created - 86_400) * 1000 }); // a clock a day behind
    mock.seed(seeded);
    const stripe = client();
    const made = await stripe.customers.createBalanceTransaction('cus_SeedClock00001', {
      amount: -1,
      currency: 'usd',
    });
    expect(made.created).toBe(newest.created);
    const page = await stripe.customers.listBalanceTransactions('cus_SeedClock00001', { limit: 1 });
    expect(page.data[0]?.id).toBe(made.id);
    const customer = await stripe.customers.retrieve('cus_SeedClock00001');
    expect(customer.deleted ? undefined : customer.balance).toBe(made.ending_balance);
  });
});

describe('seed({ customer, transactions })', () => {
  it('serves a fixture ledger with its customer exactly as built, over the API', async () => {
    mock = mockStripe();
    for (let i = 0; i < 5; i++) {
      const built = createFixtures({ seed: `ledger-with-customer-${i}` }).ledger({
        count: 8,
        withCustomer: true,
      });
      mock.seed(built);
      const stripe = client();
      const retrieved = JSON.parse(JSON.stringify(await stripe.customers.retrieve(built.customer.id)));
      expect(retrieved).toEqual(built.customer);
      const listed = await stripe.customers.listBalanceTransactions(built.customer.id, { limit: 100 });
      expect(listed.data.map((t) => t.id)).toEqual([...built.transactions].reverse().map((t) => t.id));
      expect(mock.customers.get(built.customer.id)).toMatchObject({ email: built.customer.email });
    }
  });

  it('refuses a customer whose balance the ledger does not explain, and leaves nothing behind', () => {
    mock = mockStripe();
    const built = createFixtures({ seed: 'bad-ledger' }).ledger({ count: 4, withCustomer: true });
    const wrong = { ...built, customer: { ...built.customer, balance: built.customer.balance + 1 } };
    expect(() => mock.seed(wrong)).toThrow(/the balance must be the newest ending_balance/);
    expect(mock.customers.get(built.customer.id)).toBeUndefined();
    mock.seed(built);
    expect(() => mock.seed(built)).toThrow(/is already in the mock/);
    expect(() => mock.seed({ customer: { id: 'cus_x' }, transactions: [] } as never)).toThrow(
      InvalidSeedError,
    );
  });
});

describe("unknownCustomers: 'create'", () => {
  it('makes a customer on a first use that succeeds (a create or a list): refused requests leave nothing', async () => {
    mock = mockStripe({ unknownCustomers: 'create' });
    const stripe = client();
    await expect(
      stripe.customers.retrieveBalanceTransaction('cus_Unknown0000001', 'cbtxn_nope'),
    ).rejects.toMatchObject({
      statusCode: 404,
      message: "No such customer balance transaction: 'cbtxn_nope'",
    });
    await expect(
      stripe.customers.listBalanceTransactions('cus_Unknown0000002', { starting_after: 'cbtxn_nope' }),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      stripe.customers.createBalanceTransaction('cus_Unknown0000003', {
        amount: 1,
      } as Stripe.CustomerCreateBalanceTransactionParams),
    ).rejects.toMatchObject({ statusCode: 400 });
    expect((await stripe.customers.list()).data).toEqual([]);

    await stripe.customers.createBalanceTransaction('cus_Unknown0000004', { amount: -5, currency: 'eur' });
    const listed = await stripe.customers.list();
    expect(listed.data.map((c) => [c.id, c.balance, c.currency])).toEqual([
      ['cus_Unknown0000004', -5, 'eur'],
    ]);
  });
});
