/**
 * `stripe-balance-kit/contract`: the contract checks alone — `validate`, `assertContract`, the
 * generated validators and schemas — for processes that only validate (a CI step, a script): it
 * loads neither nock nor Faker, so a fresh process imports it in a fraction of the main entry's
 * time. Everything here is also exported by the main entry, as the same objects.
 */
export { assertContract } from './assert-contract.js';
export {
  ContractError,
  type ContractErrorCode,
  StripeBalanceKitError,
  isStripeBalanceKitError,
} from '../errors.js';
export {
  CONTRACT_KINDS,
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
} from './types.js';
export { isContractKind, validate } from './validate.js';
export { schemas, type SchemaName } from '../generated/schemas.js';
export { STRIPE_API_VERSION } from '../generated/spec-version.js';
export { type ContractValidator, type RawValidationError, validators } from './validators.js';
export type {
  CustomerBalanceTransaction,
  CustomerBalanceTransactionList,
  StrictCustomerBalanceTransaction,
  StrictCustomerBalanceTransactionList,
} from '../types.js';
