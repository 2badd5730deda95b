/**
 * The fixture factory. The package entry re-exports the public part (createFixtures,
 * buildBalanceTransaction, listPage and their types); the rest is here for the mock and tests.
 */
export {
  buildBalanceTransaction,
  createFixtures,
  type FixtureSet,
  type FixturesOptions,
} from './fixtures.js';
export type { LedgerOptions } from './ledger.js';
export { listPage, type ListPageOptions } from './list-page.js';
export type { BalanceTransactionOverrides, DeepPartial } from './overrides.js';
export type { Seed } from './random-source.js';
export type { TimeInput } from './timestamps.js';
export {
  balanceTransactionsUrl,
  checkListQuery,
  CustomerTransactions,
  DEFAULT_LIST_LIMIT,
  indexFor,
  type ListPageQuery,
  MAX_LIST_LIMIT,
  TransactionIndex,
} from './list-index.js';
export {
  currencyInfo,
  isSupportedCurrency,
  supportedCurrencies,
  ZERO_DECIMAL_CURRENCIES,
} from './currencies.js';
export { ID_PATTERNS } from './ids.js';
export { DEFAULT_NOW } from './timestamps.js';
export { TRANSACTION_TYPES, TYPE_RULES } from './transaction-types.js';
