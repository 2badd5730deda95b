/**
 * The Node.js versions the package runs on, checked when an entry loads. Faker 10 (behind
 * `createFixtures()`) is ESM-only, and our CommonJS build and our lazy loader `require()` it:
 * that needs `require(esm)`, unflagged from Node 20.19 and 22.12. On 22.0–22.11 (and 21) it
 * would die later with `ERR_REQUIRE_ESM`; we fail at import instead, with one line that names
 * the versions.
 */
import { StripeBalanceKitError } from './errors.js';

/** The range `engines.node` in package.json states. */
export const SUPPORTED_NODE = '^20.19 || >=22.12';

/**
 * The one-line message for an unsupported Node.js `version` (`process.versions.node` by
 * default), or `undefined` when it is supported.
 */
export function unsupportedNodeMessage(version: string = process.versions.node): string | undefined {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  return supported
    ? undefined
    : `stripe-balance-kit needs Node.js ^20.19 or >=22.12 (this is ${version}): upgrade Node.js.`;
}

/** Throws that message (as an `Error` whose stack is the message alone) on an unsupported Node. */
export function assertSupportedNode(version?: string): void {
  const message = unsupportedNodeMessage(version);
  if (message === undefined) return;
  const error = new StripeBalanceKitError('unsupported_node', message);
  // Node prints an uncaught error's stack: keep it to the one line.
  error.stack = `Error: ${message}`;
  throw error;
}
