/** `assertContract`: `validate`, but a failure throws a `ContractError` and success narrows the type. */
import { ContractError } from '../errors.js';
import { formatReport } from './format-issues.js';
import type { ContractKind, ContractTypes, ValidateOptions } from './types.js';
import { isContractKind, validate } from './validate.js';

/**
 * Throws a {@link ContractError} (`code: 'contract_violation'`) when `value` breaks the contract of
 * `kind`; its message lists each failing path with what was expected and what was received, and
 * `errors` / `warnings` carry the findings. An unknown `kind` throws `code: 'unknown_kind'`.
 * After the call TypeScript knows `value` is `ContractTypes[K]`. Options are those of `validate`.
 *
 * @example
 * assertContract('customer_balance_transaction', body);
 * body.ending_balance; // typed
 */
export function assertContract<K extends ContractKind>(
  kind: K,
  value: unknown,
  opts?: ValidateOptions,
): asserts value is ContractTypes[K] {
  const result = validate(kind, value, opts);
  if (result.valid) return;
  const code = isContractKind(kind) ? 'contract_violation' : 'unknown_kind';
  const label = isContractKind(kind) ? kind : 'value';
  throw new ContractError(
    code,
    String(label),
    result.errors,
    result.warnings,
    formatReport(label, result.errors, result.warnings),
  );
}
