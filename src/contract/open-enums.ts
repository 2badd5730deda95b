/**
 * Enums Stripe extends without a new API version. Stripe's OpenAPI spec marks them
 * `x-stripeBypassValidation` (in `customer_balance_transaction`, only `type`, which gained the two
 * `checkout_session_…` values after spec v1039), and stripe-node types them as open. Our spec
 * carries the same marker and the generators keep it in the JSON Schemas, so the schema says
 * which enums are open. A response from a newer API version may carry a value this contract has
 * never seen: tolerant mode reports such a value as a warning instead of an error.
 */
import type { SchemaNode } from './schema-lookup.js';

const MARKER = 'x-stripeBypassValidation';

/** True when `node` (an enum schema) is one Stripe marks open. */
export function isOpenEnum(node: SchemaNode | undefined): boolean {
  return node !== undefined && node[MARKER] === true;
}
