/**
 * Builds the named, self-contained JSON Schemas (draft-07) the validators are compiled from:
 * one per component schema, plus the query parameters of each list call (`list_params`,
 * `customer_list_params`), which OpenAPI spreads over query parameters.
 */
import { deref, isNode, type Node, type OpenApiDocument } from './load-spec.js';
import { toJsonSchema } from './transforms/index.js';

export const SCHEMA_BASE_URI = 'https://stripe-balance-kit.dev/schemas/';

/** The list calls whose query parameters get a schema of their own, by schema name. */
const LIST_OPERATIONS: Readonly<Record<string, { path: string; description: string }>> = {
  list_params: {
    path: '/v1/customers/{customer}/balance_transactions',
    description: 'Query parameters of the list call.',
  },
  customer_list_params: {
    path: '/v1/customers',
    description: 'Query parameters of the customer list call.',
  },
};

export type SchemaSet = Record<string, Node>;

function listParamsSchema(doc: OpenApiDocument, path: string, description: string): Node {
  const operation = doc.paths[path]?.get;
  if (!operation) throw new Error(`spec has no GET ${path}`);
  const properties: Record<string, unknown> = {};
  for (const raw of (operation.parameters as Node[] | undefined) ?? []) {
    const parameter = deref(doc, raw);
    if (parameter.in !== 'query') continue;
    const schema = { ...(parameter.schema as Node) };
    if (typeof parameter.description === 'string' && !schema.$ref) schema.description = parameter.description;
    properties[parameter.name as string] = schema;
  }
  const schema: Node = {
    description,
    type: 'object',
    additionalProperties: false,
    properties,
  };
  const exclusive = operation['x-mutuallyExclusive'];
  if (Array.isArray(exclusive) && exclusive.length > 0) {
    // `properties` restates the names so AJV's strictRequired sees them defined.
    schema.allOf = (exclusive as string[][]).map((names) => ({
      not: { required: names, properties: Object.fromEntries(names.map((n) => [n, true])) },
    }));
  }
  return schema;
}

function collectRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into);
  } else if (isNode(node)) {
    if (typeof node.$ref === 'string') into.add(node.$ref.replace('#/definitions/', ''));
    for (const value of Object.values(node)) collectRefs(value, into);
  }
}

/** Definitions reachable from `name`, in a stable (sorted) order so output is deterministic. */
function reachable(definitions: SchemaSet, name: string): string[] {
  const seen = new Set<string>();
  const queue = [name];
  while (queue.length > 0) {
    const next = queue.pop()!;
    const refs = new Set<string>();
    collectRefs(definitions[next], refs);
    for (const found of refs) {
      if (!definitions[found]) throw new Error(`schema ${next} refers to unknown schema ${found}`);
      if (!seen.has(found) && found !== name) {
        seen.add(found);
        queue.push(found);
      }
    }
  }
  return [...seen].sort();
}

export function buildSchemas(doc: OpenApiDocument): SchemaSet {
  const definitions: SchemaSet = {};
  for (const [name, schema] of Object.entries(doc.components.schemas))
    definitions[name] = toJsonSchema(schema);
  for (const [name, { path, description }] of Object.entries(LIST_OPERATIONS))
    definitions[name] = toJsonSchema(listParamsSchema(doc, path, description));

  const roots: SchemaSet = {};
  for (const name of Object.keys(definitions).sort()) {
    const deps = reachable(definitions, name);
    const root: Node = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `${SCHEMA_BASE_URI}${name}.json`,
      ...definitions[name],
    };
    if (deps.length > 0) root.definitions = Object.fromEntries(deps.map((dep) => [dep, definitions[dep]]));
    roots[name] = rewriteSelfRefs(root, name) as Node;
  }
  return roots;
}

/** A root refers to itself as `#`, not as a definition it does not carry. */
function rewriteSelfRefs(node: unknown, name: string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteSelfRefs(item, name));
  if (!isNode(node)) return node;
  if (node.$ref === `#/definitions/${name}`) return { ...node, $ref: '#' };
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewriteSelfRefs(value, name)]));
}
