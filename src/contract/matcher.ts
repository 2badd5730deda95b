/**
 * The `toMatchContract` matcher, independent of the test runner: `vitest.ts` and `jest.ts` only
 * register it. Both runners call matchers with `this.isNot` and expect `{ pass, message }`.
 */
import { ContractError } from '../errors.js';
import { formatReport } from './format-issues.js';
import type { ValidateOptions } from './types.js';
import { isContractKind, validate } from './validate.js';

/** What a matcher returns to vitest or jest. */
export interface MatcherOutcome {
  pass: boolean;
  message: () => string;
}

/**
 * Checks `received` against `kind`. The failure text lists every failing path; under `.not`, it
 * says the value unexpectedly matched. An unknown kind throws, so that `.not` cannot pass on a typo.
 */
export function matchContract(
  received: unknown,
  kind: unknown,
  options: ValidateOptions | undefined,
  isNot: boolean,
): MatcherOutcome {
  if (!isContractKind(kind)) {
    const result = validate(kind as never, received);
    throw new ContractError(
      'unknown_kind',
      String(kind),
      result.errors,
      [],
      formatReport('value', result.errors, []),
    );
  }
  const result = validate(kind, received, options);
  const mode = options?.mode ?? 'strict';
  return {
    pass: result.valid,
    message: () =>
      isNot
        ? `expected value not to match the ${kind} contract (${mode}), but it does` +
          (result.warnings.length > 0 ? `\n${formatReport(kind, result.errors, result.warnings)}` : '')
        : `expected value to match the ${kind} contract (${mode})\n${formatReport(kind, result.errors, result.warnings)}`,
  };
}
