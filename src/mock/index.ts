/** The Stripe-faithful mock: one core, behind nock and behind an in-process fetch. */
export {
  MockContractViolationError,
  type Operation,
  type RecordedRequest,
  StripeCore,
  type StripeCoreOptions,
} from './core.js';
export type { Fault } from './faults.js';
export type { FetchFunction } from './fetch-transport.js';
export type { FormTree, FormValue } from './form-codec.js';
export { type MockStripe, type MockStripeOptions, mockStripe } from './mock-stripe.js';
export type { StripeOutcome, StripeRequest, StripeResponse } from './request.js';
export { type AddCustomerInput, InvalidSeedError, type MockCustomer } from './store.js';
