// ESM consumers: the entry's public API.
import * as kit from 'stripe-balance-kit';
import * as contract from 'stripe-balance-kit/contract';

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
// The validators-only entry hands out the very same objects (shared chunks, not copies).
const same = {
  validate: contract.validate === kit.validate,
  assertContract: contract.assertContract === kit.assertContract,
  ContractError: contract.ContractError === kit.ContractError,
  validators: contract.validators === kit.validators,
  schemas: contract.schemas === kit.schemas,
};
const copies = Object.keys(same).filter((name) => !same[name]);
if (copies.length > 0) throw new Error(`stripe-balance-kit/contract has its own ${copies.join(', ')}`);
const fx = kit.createFixtures({ seed: 1 });
const result = kit.validate('customer_balance_transaction', fx.balanceTransaction());
if (!result.valid) throw new Error(JSON.stringify(result.errors));
console.log(`esm ok ${kit.STRIPE_API_VERSION}`);
