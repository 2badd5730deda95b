/**
 * stripe-balance-kit: types, fixtures, contract checks and Stripe-faithful mocks for Stripe's
 * Customer Balance Transactions API. This is the one public entry; everything else is internal.
 */

// --- types and the generated contract -------------------------------------------------------
export type {
  CreateParams,
  CustomerBalanceTransaction,
  CustomerBalanceTransactionList,
  CustomerBalanceTransactionType,
  ListParams,
  Metadata,
  StripeErrorEnvelope,
  StripeErrorObject,
  UpdateParams,
  components,
  operations,
  paths,
} from './types.js';
export { schemas, type SchemaName } from './generated/schemas.js';
export { STRIPE_API_VERSION } from './generated/spec-version.js';
export {
  validators,
  type GeneratedValidationError,
  type GeneratedValidator,
  type ValidatedKind,
} from './generated/validators.js';
export {
  StripeApiError,
  StripeBalanceKitError,
  invalidRequest,
  isStripeBalanceKitError,
  resourceMissing,
} from './errors.js';

// --- fixtures (src/factory) -----------------------------------------------------------------
export {
  buildBalanceTransaction,
  createFixtures,
  listPage,
  type BalanceTransactionOverrides,
  type DeepPartial,
  type FixtureSet,
  type FixturesOptions,
  type LedgerOptions,
  type ListPageOptions,
  type Seed,
  type TimeInput,
} from './factory/index.js';
export { FixtureOptionsError, type FixtureOptionsErrorCode } from './errors.js';

// --- contract checks (src/contract) ---------------------------------------------------------
export {
  assertContract,
  CONTRACT_KINDS,
  isContractKind,
  validate,
  type ContractIssue,
  type ContractIssueCode,
  type ContractKind,
  type ContractTypes,
  type InputIssueCode,
  type SchemaIssueCode,
  type SemanticIssueCode,
  type ValidateOptions,
  type ValidationMode,
  type ValidationResult,
} from './contract/index.js';
export { ContractError } from './errors.js';

// --- mocks (src/mock) -----------------------------------------------------------------------
export {
  type AddCustomerInput,
  type Fault,
  type FetchFunction,
  type FormTree,
  type FormValue,
  InvalidSeedError,
  MockContractViolationError,
  type MockCustomer,
  type MockStripe,
  type MockStripeOptions,
  mockStripe,
  type Operation,
  type RecordedRequest,
} from './mock/index.js';
export {
  DEFAULT_SERVER_PORT,
  startStripeServer,
  type StripeServer,
  type StripeServerOptions,
} from './mock/server-transport.js';
export type { MockState } from './mock/state-handle.js';

// --- record and replay (src/record) ---------------------------------------------------------
export {
  type RecordingResult,
  type RecordingViolation,
  type RecordStripeOptions,
  recordStripe,
  type StripeRecording,
} from './record/index.js';
export { RecordingError, type RecordingErrorCode } from './errors.js';
