/** The Stripe-faithful mock: one core, behind nock and behind an in-process fetch. */
export { InvalidSeedError, MockContractViolationError } from '../errors.js';
export type { OperationName } from '../stripe/routes.js';
export {
  DEFAULT_REQUEST_LOG_SIZE,
  type RecordedRequest,
  StripeCore,
  type StripeCoreOptions,
} from './core.js';
export type { Fault } from './faults.js';
export type { FetchFunction } from './fetch-transport.js';
export type { FormTree, FormValue } from '../stripe/form-codec.js';
export { type MockStripe, type MockStripeOptions, mockStripe } from './mock-stripe.js';
export type { StripeOutcome, StripeRequest, StripeResponse } from './exchange.js';
export type {
  AddCustomerInput,
  LedgerWithCustomer,
  MockCustomer,
  MockDeletedCustomer,
  SeedInput,
} from './store.js';
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
} from './simulations.js';
