// ESM consumers: the entry's public API.
import * as kit from 'stripe-balance-kit';

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
if (missing.length > 0) throw new Error(`ESM entry lacks ${missing.join(', ')}`);
const fx = kit.createFixtures({ seed: 1 });
const result = kit.validate('customer_balance_transaction', fx.balanceTransaction());
if (!result.valid) throw new Error(JSON.stringify(result.errors));
console.log(`esm ok ${kit.STRIPE_API_VERSION}`);
