import type { Node } from '../load-spec.js';

/** Keywords that mean something to OpenAPI tooling but are unknown to draft-07 (AJV strict mode rejects them). */
const OPENAPI_ONLY = new Set(['discriminator', 'xml', 'externalDocs', 'example', 'deprecated']);

/**
 * Extensions the contract checks read, kept in the JSON Schemas (and declared to AJV as
 * annotations): `x-stripeBypassValidation` marks an enum Stripe extends without a new API
 * version, which tolerant mode reports as a warning. Every other `x-` key is dropped.
 */
export const KEPT_EXTENSIONS: readonly string[] = ['x-stripeBypassValidation'];

export function stripOpenApiOnly(node: Node): Node {
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (OPENAPI_ONLY.has(key) || (key.startsWith('x-') && !KEPT_EXTENSIONS.includes(key))) continue;
    out[key] = value;
  }
  return out;
}
