/**
 * stripe-balance-kit: types, fixtures, contract checks and Stripe-faithful mocks for Stripe's
 * Customer Balance Transactions API. The main entry; `./contract` is a subset of it, and
 * `./vitest`, `./jest` and `./msw` add the test-runner pieces. Everything else is internal.
 */

// Fails at import, with one line naming the versions, on a Node.js without require(esm)
// (22.0–22.11), where createFixtures() would otherwise die later with ERR_REQUIRE_ESM.
import { assertSupportedNode } from './runtime-check.js';

assertSupportedNode();

// --- types, the generated contract and the contract checks ----------------------------------
export type {
  CreateParams,
  CustomerBalanceTransactionType,
  ExpandableField,
  ExpandedCheckoutSession,
  ExpandedCreditNote,
  ExpandedCustomer,
  ExpandedInvoice,
  ExpandedLinks,
  CustomerListParams,
  ListParams,
  Metadata,
  MetadataParam,
  StrictCreateParams,
  StrictCustomer,
  StrictCustomerCreateParams,
  StrictCustomerList,
  StrictCustomerUpdateParams,
  StrictDeletedCustomer,
  StrictUpdateParams,
  StripeErrorEnvelope,
  StripeErrorObject,
  UpdateParams,
  components,
  operations,
  paths,
} from './types.js';
export {
  type MockErrorCode,
  type PagingErrorCode,
  StripeApiError,
  type StripeBalanceKitErrorCode,
} from './errors.js';
// Everything `stripe-balance-kit/contract` exports (validate, assertContract, ContractError,
// validators, schemas, …), as the same objects.
export * from './contract/index.js';

// --- fixtures (src/factory) -----------------------------------------------------------------
export {
  buildBalanceTransaction,
  createFixtures,
  listPage,
  type BalanceTransactionOverrides,
  type BuiltBalanceTransaction,
  type BuiltCustomer,
  type CustomerAddress,
  type CustomerFieldSentUnexpanded,
  type CustomerShipping,
  type CustomerLedger,
  type CustomerOverrides,
  type DeepPartial,
  type ExpandedBy,
  type KnownTypeIn,
  type FixtureSet,
  type FixturesOptions,
  type LedgerOptions,
  type LedgerWithCustomerOptions,
  type ListPageOptions,
  type Seed,
  type TimeInput,
} from './factory/index.js';
export { FixtureOptionsError, type FixtureOptionsErrorCode } from './errors.js';

// --- mocks (src/mock) -----------------------------------------------------------------------
export {
  type AddCustomerInput,
  DEFAULT_REQUEST_LOG_SIZE,
  type Fault,
  type FetchFunction,
  type FormTree,
  type FormValue,
  InvalidSeedError,
  MockContractViolationError,
  type MockCustomer,
  type MockDeletedCustomer,
  type LedgerWithCustomer,
  type SeedInput,
  type MockStripe,
  type MockStripeOptions,
  mockStripe,
  type OperationName,
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
export type {
  CheckoutSessionCanceledInput,
  CheckoutSessionCanceledResult,
  CheckoutSessionPaidInput,
  CheckoutSessionPaidResult,
  CreditNoteIssuedInput,
  CreditNoteIssuedResult,
  InvoiceFinalizedInput,
  InvoiceFinalizedResult,
  InvoiceOverpaidInput,
  InvoiceOverpaidResult,
  InvoiceTooLargeInput,
  InvoiceTooLargeResult,
  InvoiceTooSmallInput,
  InvoiceTooSmallResult,
  InvoiceVoidedInput,
  InvoiceVoidedResult,
  Simulations,
} from './mock/simulations.js';
