/**
 * Reduces an OpenAPI schema to the facts the drift check compares: JSON types, nullability,
 * enum values and object properties. `$ref`s to objects outside our trim (Stripe's full
 * `customer`, `invoice`, ...) count as "object".
 */
import { isNode, type Node } from '../load-spec.js';

export interface Shape {
  types: string[];
  nullable: boolean;
  enum?: string[];
  properties?: Record<string, Shape>;
  required?: string[];
  /** Upstream properties our spec leaves out on purpose (its `x-trimmedUpstream`). */
  trimmed?: string[];
}

export type RefResolver = (ref: string) => Node | undefined;

export function shapeOf(schema: Node, resolve: RefResolver, depth = 0): Shape {
  const types = new Set<string>();
  let nullable = schema.nullable === true;
  let values: string[] | undefined;
  let properties: Record<string, Shape> | undefined;
  let required: string[] | undefined;

  const visit = (node: Node): void => {
    if (typeof node.$ref === 'string') {
      const target = resolve(node.$ref);
      // Outside the trimmed document (or too deep to matter): an object all the same.
      if (!target || depth > 4) types.add('object');
      else merge(shapeOf(target, resolve, depth + 1), false);
      return;
    }
    merge(shapeOf(node, resolve, depth + 1), true);
  };
  const merge = (shape: Shape, withProperties: boolean): void => {
    for (const t of shape.types) types.add(t);
    nullable ||= shape.nullable;
    if (shape.enum) values = [...(values ?? []), ...shape.enum];
    if (withProperties && shape.properties) properties = { ...properties, ...shape.properties };
  };

  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const item of list) if (isNode(item)) visit(item);
  }
  if (typeof schema.$ref === 'string') visit({ $ref: schema.$ref });
  if (typeof schema.type === 'string') types.add(schema.type === 'number' ? 'integer|number' : schema.type);
  if (Array.isArray(schema.enum)) {
    const own = schema.enum.filter((v): v is string => typeof v === 'string');
    if (own.length > 0) values = [...(values ?? []), ...own];
    if (schema.enum.includes(null)) nullable = true;
  }
  if (isNode(schema.properties)) {
    properties = {};
    for (const [name, sub] of Object.entries(schema.properties)) {
      if (isNode(sub)) properties[name] = shapeOf(sub, resolve, depth + 1);
    }
    if (Array.isArray(schema.required))
      required = schema.required.filter((r): r is string => typeof r === 'string');
  }
  const shape: Shape = { types: [...types].sort(), nullable };
  if (values) shape.enum = [...new Set(values)].sort();
  if (properties) shape.properties = properties;
  if (required) shape.required = [...required].sort();
  const trimmed = schema['x-trimmedUpstream'];
  if (Array.isArray(trimmed)) shape.trimmed = trimmed.filter((t): t is string => typeof t === 'string');
  return shape;
}
