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
// The bundle must keep every exported function's and class's own name (error `name`s come from them).
const renamed = Object.entries(kit).filter(
  ([key, value]) => typeof value === 'function' && value.name !== key,
);
if (renamed.length > 0)
  throw new Error(`renamed in the bundle: ${renamed.map(([k, v]) => `${k} → ${v.name}`).join(', ')}`);
const error = new kit.ContractError('contract_violation', 'customer_balance_transaction', [], [], 'probe');
if (error.name !== 'ContractError' || !(error instanceof kit.StripeBalanceKitError))
  throw new Error(`error name ${error.name}`);
const fx = kit.createFixtures({ seed: 1 });
const result = kit.validate('customer_balance_transaction', fx.balanceTransaction());
if (!result.valid) throw new Error(JSON.stringify(result.errors));
console.log(`esm ok ${kit.STRIPE_API_VERSION}`);
