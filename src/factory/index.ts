/**
 * The fixture factory. The package entry re-exports the public part (createFixtures,
 * buildBalanceTransaction, listPage and their types); Stripe's own rules the factory follows are in src/stripe.
 */
export {
  buildBalanceTransaction,
  createFixtures,
  type FixtureSet,
  type FixturesOptions,
} from './fixtures.js';
export type { LedgerOptions } from './ledger.js';
export type {
  BuiltCustomer,
  CustomerAddress,
  CustomerFieldSentUnexpanded,
  CustomerShipping,
} from '../types.js';
export type { CustomerOverrides } from './customer.js';
export type { CustomerLedger, LedgerWithCustomerOptions } from './customer-ledger.js';
export { listPage, type ListPageOptions } from './list-page.js';
export type {
  BalanceTransactionOverrides,
  BuiltBalanceTransaction,
  DeepPartial,
  ExpandedBy,
  KnownTypeIn,
} from './overrides.js';
export type { Seed } from './random-source.js';
export type { TimeInput } from './timestamps.js';
