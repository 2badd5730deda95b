// CommonJS consumers: require() of the entry gives the same API, and errors keep their brand.
const kit = require('stripe-balance-kit');

const wanted = [
  'createFixtures',
  'listPage',
  'buildBalanceTransaction',
  'validate',
  'assertContract',
  'ContractError',
  'mockStripe',
  'validators',
  'STRIPE_API_VERSION',
];
const missing = wanted.filter((name) => !(name in kit));
if (missing.length > 0) throw new Error(`CJS entry lacks ${missing.join(', ')}`);
try {
  kit.assertContract('customer_balance_transaction', { object: 'nope' });
  throw new Error('assertContract did not throw');
} catch (error) {
  if (!(error instanceof kit.ContractError) || !kit.isStripeBalanceKitError(error)) throw error;
}
// The validators-only entry hands out the very same objects.
const contract = require('stripe-balance-kit/contract');
for (const name of ['validate', 'assertContract', 'ContractError', 'validators', 'schemas']) {
  if (contract[name] !== kit[name])
    throw new Error(`stripe-balance-kit/contract ${name} is not the main entry's`);
}
console.log(`cjs ok ${kit.STRIPE_API_VERSION}`);
