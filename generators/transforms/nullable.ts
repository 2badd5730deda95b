import type { Node } from '../load-spec.js';

/**
 * OpenAPI 3.0 `nullable: true` → JSON Schema null. With a `type`, the type becomes a union; without one
 * (on `anyOf`/`allOf`/`$ref` wrappers) AJV refuses `nullable`, so the schema becomes `anyOf [it, null]`.
 */
export function nullable(node: Node): Node {
  if (!('nullable' in node)) return node;
  const { nullable: isNullable, ...rest } = node;
  if (isNullable !== true) return rest;
  if (typeof rest.type === 'string') {
    const { enum: values, ...typed } = rest;
    const withNull: Node = { ...typed, type: [rest.type, 'null'] };
    if (Array.isArray(values)) withNull.enum = [...values, null];
    return withNull;
  }
  // `null` goes first: anyOf stops at the first branch that passes, and a null that had to fail
  // the other branches first would allocate their errors on every valid check.
  const { description, ...schema } = rest;
  if (Array.isArray(schema.anyOf) && Object.keys(schema).length === 1) {
    return { ...(description ? { description } : {}), anyOf: [{ type: 'null' }, ...schema.anyOf] };
  }
  return { ...(description ? { description } : {}), anyOf: [{ type: 'null' }, schema] };
}
