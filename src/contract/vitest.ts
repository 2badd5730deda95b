/**
 * `import 'stripe-balance-kit/vitest'` registers `expect(value).toMatchContract(kind, opts?)`
 * (and the asymmetric `expect.toMatchContract(kind)`) with vitest, typed for vitest 4 and 5.
 */
// The type-only import stays in the emitted declarations, so the augmentation below always has
// vitest's own declarations to merge into, whatever order a test file imports the two modules in.
import type {} from 'vitest';
import { expect } from 'vitest';
import { matchContract } from './matcher.js';
import type { ContractKind, ValidateOptions } from './types.js';

/** The matcher's signature, merged into vitest's `Assertion` and asymmetric matchers. */
export interface ContractMatchers<R = unknown> {
  /**
   * Passes when the value satisfies the contract of `kind` (see `validate`); the failure message
   * lists each failing path with what was expected and received.
   */
  toMatchContract(kind: ContractKind, opts?: ValidateOptions): R;
}

/**
 * What a matcher on this assertion returns: `void`, or `Promise<void>` after `.resolves` and
 * `.rejects` (vitest 5's `R`; vitest 4 maps the promise form itself). Read off a built-in matcher,
 * because the two majors declare `Assertion` with different type parameters (`<T>` and `<R, T>`).
 */
type MatcherResult<A> = A extends { toBeTypeOf: (...args: never[]) => infer R } ? R : undefined;

declare module 'vitest' {
  // No type parameters: the one form that merges with both `Assertion<T>` (vitest 4) and
  // `Assertion<R, T>` (vitest 5) without TS2428.
  interface Assertion {
    /**
     * Passes when the value satisfies the contract of `kind` (see `validate`); the failure message
     * lists each failing path with what was expected and received.
     */
    toMatchContract(kind: ContractKind, opts?: ValidateOptions): MatcherResult<this>;
  }
  interface AsymmetricMatchersContaining extends ContractMatchers {}
}

expect.extend({
  toMatchContract(received: unknown, kind: unknown, opts?: ValidateOptions) {
    return matchContract(received, kind, opts, this.isNot === true);
  },
});
