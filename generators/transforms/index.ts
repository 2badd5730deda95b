/**
 * OpenAPI 3.0 schema object → JSON Schema (draft-07) for AJV, one transform per construct.
 * The walk knows which keywords hold schemas, so a property that happens to be called
 * `nullable` or `x-foo` is never mistaken for a keyword. Each transform sees a node whose
 * sub-schemas are already converted. Order matters: extensions are read before the stripper runs.
 */
import { isNode, type Node } from '../load-spec.js';
import { nullable } from './nullable.js';
import { propertyNames } from './property-names.js';
import { ref } from './ref.js';
import { stripOpenApiOnly } from './strip-openapi-only.js';

export type Transform = (node: Node) => Node;

export const transforms: readonly Transform[] = [ref, propertyNames, nullable, stripOpenApiOnly];

const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not', 'x-propertyNames']);
const SCHEMA_LIST_KEYWORDS = new Set(['anyOf', 'allOf', 'oneOf']);
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'definitions']);

export function toJsonSchema(schema: Node): Node {
  const converted: Node = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_KEYWORDS.has(key) && isNode(value)) converted[key] = toJsonSchema(value);
    else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value))
      converted[key] = value.map((item: Node) => toJsonSchema(item));
    else if (SCHEMA_MAP_KEYWORDS.has(key) && isNode(value))
      converted[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub as Node)]),
      );
    else converted[key] = value;
  }
  return transforms.reduce((acc, transform) => transform(acc), converted);
}
