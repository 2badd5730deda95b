/**
 * `import 'stripe-balance-kit/jest'` registers `expect(value).toMatchContract(kind, opts?)` (and
 * the asymmetric `expect.toMatchContract(kind)`) with jest, typed for both `@jest/globals` and
 * the `@types/jest` globals. Import it from a test file or a `setupFilesAfterEach` module.
 */
import { expect } from '@jest/globals';
// Type-only, kept in the emitted declarations: the augmentation below merges into jest's own
// `expect` declarations (and names their `AsymmetricMatcher`) without the test file importing
// `@jest/globals` first or listing `jest` in `types`.
import type { AsymmetricMatcher } from 'expect';
import { matchContract } from './matcher.js';
import type { ContractKind, ValidateOptions } from './types.js';

/** The matcher's signature, merged into jest's `Matchers` and asymmetric matchers. */
export interface ContractMatchers<R = unknown> {
  /**
   * Passes when the value satisfies the contract of `kind` (see `validate`); the failure message
   * lists each failing path with what was expected and received.
   */
  toMatchContract(kind: ContractKind, opts?: ValidateOptions): R;
}

declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T> extends ContractMatchers<R> {}
  interface AsymmetricMatchers {
    /** Asymmetric form: `expect.toMatchContract('customer_balance_transaction')` inside `toEqual`. */
    toMatchContract(kind: ContractKind, opts?: ValidateOptions): AsymmetricMatcher<unknown>;
  }
}

declare global {
  namespace jest {
    interface Matchers<R, T> extends ContractMatchers<R> {}
    interface Expect extends ContractMatchers<unknown> {}
    interface InverseAsymmetricMatchers extends ContractMatchers<unknown> {}
  }
}

// `@jest/globals`' `expect` and the injected global are one instance: registering once covers both.
expect.extend({
  toMatchContract(received: unknown, kind: unknown, opts?: ValidateOptions) {
    return matchContract(received, kind, opts, this.isNot === true);
  },
});
