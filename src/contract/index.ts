/** Contract checks: `validate` (data), `assertContract` (throws), and their types. */
export { assertContract } from './assert-contract.js';
export { ContractError } from '../errors.js';
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
