// CommonJS jest: the matcher entry alone (no fixtures, so no ESM-only dependency) via require().
require('stripe-balance-kit/jest');

test('toMatchContract from require("stripe-balance-kit/jest")', () => {
  const example = {
    id: 'cbtxn_1MrU9qLkdIwHu7ixhdjxGBgI',
    object: 'customer_balance_transaction',
    amount: -500,
    created: 1680216086,
    credit_note: null,
    currency: 'usd',
    customer: 'cus_NcjdgdwZyI9Rj7',
    description: null,
    ending_balance: -500,
    invoice: null,
    livemode: false,
    metadata: {},
    type: 'adjustment',
  };
  expect(example).toMatchContract('customer_balance_transaction');
  expect({ ...example, amount: '-500' }).not.toMatchContract('customer_balance_transaction');
});
