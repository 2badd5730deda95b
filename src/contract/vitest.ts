/**
 * `import 'stripe-balance-kit/vitest'` registers `expect(value).toMatchContract(kind, opts?)`
 * (and the asymmetric `expect.toMatchContract(kind)`) with vitest, typed.
 */
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

declare module 'vitest' {
  interface Assertion<T> extends ContractMatchers<T> {}
  interface AsymmetricMatchersContaining extends ContractMatchers {}
}

expect.extend({
  toMatchContract(received: unknown, kind: unknown, opts?: ValidateOptions) {
    return matchContract(received, kind, opts, this.isNot === true);
  },
});
