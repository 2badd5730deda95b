import type { Node } from '../load-spec.js';

/**
 * OpenAPI 3.0 schema objects have no `propertyNames`, so the spec spells it `x-propertyNames`
 * (Stripe's metadata key limits: at most 40 characters, no square brackets).
 */
export function propertyNames(node: Node): Node {
  if (!('x-propertyNames' in node)) return node;
  const { 'x-propertyNames': names, ...rest } = node;
  return { ...rest, propertyNames: names };
}
