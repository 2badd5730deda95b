// Typed only (tsc, ESM): the matcher on @jest/globals' expect with no jest entry in `types`,
// the matcher entry imported before @jest/globals.
import 'stripe-balance-kit/jest';
import { expect, test } from '@jest/globals';

test('toMatchContract on @jest/globals', () => {
  expect({}).not.toMatchContract('customer_balance_transaction');
  expect({ a: {} }).toEqual({ a: expect.not.toMatchContract('customer_balance_transaction') });
});
