// A consumer's jest suite in ESM (jest's --experimental-vm-modules): @faker-js/faker 10, a
// dependency of the fixtures, is ESM-only, and jest's CommonJS runtime cannot require ESM.
import { afterAll, describe, expect, test } from '@jest/globals';
import nock from 'nock';
import Stripe from 'stripe';
import { createFixtures, mockStripe } from 'stripe-balance-kit';
import 'stripe-balance-kit/jest';

nock.disableNetConnect();

describe('stripe-balance-kit under jest', () => {
  const mock = mockStripe();
  afterAll(() => mock.restore());

  test('mock, fixtures and toMatchContract with the official client', async () => {
    mock.seed(
      createFixtures({ seed: 9 }).ledger({ customer: 'cus_Jest0000000001', currency: 'eur', count: 30 }),
    );
    const stripe = new Stripe('sk_test_jest');
    const page = await stripe.customers.listBalanceTransactions('cus_Jest0000000001', { limit: 10 });
    expect(page).toMatchContract('customer_balance_transaction_list');
    expect(page.data).toHaveLength(10);
    expect(page.has_more).toBe(true);
    const credit = await stripe.customers.createBalanceTransaction('cus_Jest0000000001', {
      amount: -100,
      currency: 'eur',
    });
    expect(credit).toMatchContract('customer_balance_transaction');
    expect({ object: 'list' }).not.toMatchContract('customer_balance_transaction_list');
  });
});
