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

// --- contract checks (src/contract) ---------------------------------------------------------

// --- mocks (src/mock) -----------------------------------------------------------------------
