import type { Node } from '../load-spec.js';

/** Keywords that mean something to OpenAPI tooling but are unknown to draft-07 (AJV strict mode rejects them). */
const OPENAPI_ONLY = new Set(['discriminator', 'xml', 'externalDocs', 'example', 'deprecated']);

export function stripOpenApiOnly(node: Node): Node {
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (OPENAPI_ONLY.has(key) || key.startsWith('x-')) continue;
    out[key] = value;
  }
  return out;
}
