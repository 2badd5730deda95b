export {
  MockContractViolationError,
  type Operation,
  type RecordedRequest,
  StripeCore,
  type StripeCoreOptions,
} from './core.js';
export type { Fault } from './faults.js';
export type { FetchFunction } from './fetch-transport.js';
export { type MockStripe, type MockStripeOptions, mockStripe } from './mock-stripe.js';
export type { StripeOutcome, StripeRequest, StripeResponse } from './request.js';
export { type AddCustomerInput, InvalidSeedError, type MockCustomer } from './store.js';
