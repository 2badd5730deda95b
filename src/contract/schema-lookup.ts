/**
 * Reads the generated JSON Schemas: finds the schema that governs a JSON pointer and describes it
 * in words. AJV's `schemaPath` restarts inside each `$ref`'d definition, so the schema for an issue
 * is found by walking the instance path from the root instead.
 */
import { schemas } from '../generated/schemas.js';
import type { ContractKind } from './types.js';

/** A JSON Schema node as the generator emitted it (plain, JSON-compatible data). */
export type SchemaNode = { readonly [keyword: string]: unknown };

const MAX_HOPS = 16;

/** Names of definitions, as users know them; anything missing is described structurally. */
const NAMED: Readonly<Record<string, string>> = {
  object_id: 'string id',
  currency: 'three-letter lowercase currency code',
  unix_time: 'integer Unix timestamp',
  metadata: 'metadata object of string values',
  expand: 'array of strings',
  created_filter: 'integer Unix timestamp or range object {gt, gte, lt, lte}',
  expanded_customer: 'expanded customer object',
  expanded_invoice: 'expanded invoice object',
  expanded_credit_note: 'expanded credit note object',
  expanded_checkout_session: 'expanded checkout session object',
  expanded_object: 'expanded object',
  customer_balance_transaction: 'customer_balance_transaction object',
  customer_balance_transaction_list: 'list object of customer_balance_transaction',
  error: 'error envelope {error: {type, …}}',
  api_error: 'error object with a type',
  create_params: 'create_params object',
  update_params: 'update_params object',
  list_params: 'list_params object',
  stripe_object: 'object',
  customer: 'customer object',
  deleted_customer: 'deleted customer object {id, object, deleted: true}',
  customer_list: 'list object of customer',
  customer_create_params: 'customer_create_params object',
  customer_update_params: 'customer_update_params object',
  customer_list_params: 'customer_list_params object',
};

/** The root schema of a contract kind. */
export function rootSchema(kind: ContractKind): SchemaNode {
  return schemas[kind] as unknown as SchemaNode;
}

function asNode(value: unknown): SchemaNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as SchemaNode)
    : undefined;
}

function nodes(value: unknown): SchemaNode[] {
  if (!Array.isArray(value)) return [];
  const out: SchemaNode[] = [];
  for (const v of value) {
    const node = asNode(v);
    if (node) out.push(node);
  }
  return out;
}

/** The definition name a node refers to (`#/definitions/object_id` → `object_id`). */
export function refName(node: SchemaNode): string | undefined {
  const ref = node.$ref;
  return typeof ref === 'string' && ref.startsWith('#/definitions/') ? ref.slice(14) : undefined;
}

/** Follows `$ref`s within the root's `definitions`. */
export function deref(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const name = refName(current);
    if (name === undefined) return current;
    const target = asNode(asNode(root.definitions)?.[name]);
    if (!target) return current;
    current = target;
  }
  return current;
}

/** The schema that applies to the member `token` of a value governed by `node`. */
export function childSchema(root: SchemaNode, node: SchemaNode, token: string): SchemaNode | undefined {
  const n = deref(root, node);
  for (const branch of [...nodes(n.anyOf), ...nodes(n.allOf), ...nodes(n.oneOf)]) {
    const found = childSchema(root, branch, token);
    if (found) return found;
  }
  const properties = asNode(n.properties);
  if (properties && Object.hasOwn(properties, token)) return asNode(properties[token]);
  const items = asNode(n.items);
  if (items && /^\d+$/.test(token)) return items;
  return asNode(n.additionalProperties);
}

/** The schema governing the value at `tokens` below the root, if the schema says anything. */
export function schemaAt(root: SchemaNode, tokens: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const token of tokens) {
    if (!node) return undefined;
    node = childSchema(root, node, token);
  }
  return node;
}

/** JSON types a node accepts (`integer` is implied by `number`); `undefined` means any. */
export function allowedTypes(root: SchemaNode, node: SchemaNode): Set<string> | undefined {
  const n = deref(root, node);
  if (typeof n.type === 'string') return new Set([n.type]);
  if (Array.isArray(n.type)) return new Set(n.type.filter((t): t is string => typeof t === 'string'));
  const alternatives = [...nodes(n.anyOf), ...nodes(n.oneOf)];
  if (alternatives.length > 0) {
    const union = new Set<string>();
    for (const branch of alternatives) {
      const types = allowedTypes(root, branch);
      if (!types) return undefined;
      for (const t of types) union.add(t);
    }
    return union;
  }
  for (const branch of nodes(n.allOf)) {
    const types = allowedTypes(root, branch);
    if (types) return types;
  }
  if (Array.isArray(n.enum)) return new Set(n.enum.map((v) => jsonTypeOfLiteral(v)));
  return undefined;
}

function jsonTypeOfLiteral(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a set from {@link allowedTypes} admits a value of JSON type `type`. */
export function admits(types: Set<string> | undefined, type: string): boolean {
  if (!types) return true;
  return types.has(type) || (type === 'integer' && types.has('number'));
}

/** The alternatives of an `anyOf` node (after `$ref`s), or `undefined` when it has none. */
export function alternativesOf(root: SchemaNode, node: SchemaNode): SchemaNode[] | undefined {
  const n = deref(root, node);
  const list = nodes(n.anyOf);
  return list.length > 0 ? list : undefined;
}

/** Words for what a node accepts, e.g. `string id, expanded invoice object, or null`. */
export function describeSchema(root: SchemaNode, node: SchemaNode | undefined, depth = 0): string {
  if (!node || depth > 8) return 'any value';
  const name = refName(node) ?? idName(node);
  if (name !== undefined && NAMED[name] !== undefined) return NAMED[name];
  const n = deref(root, node);
  if (n !== node) return describeSchema(root, n, depth + 1);
  const anyOf = nodes(n.anyOf);
  if (anyOf.length > 0) return listWords(anyOf.map((b) => describeSchema(root, b, depth + 1)));
  const allOf = nodes(n.allOf);
  if (allOf.length === 1) return describeSchema(root, allOf[0], depth + 1);
  if (Array.isArray(n.enum)) return describeEnum(n.enum);
  const types = typeof n.type === 'string' ? [n.type] : Array.isArray(n.type) ? n.type : [];
  if (types.length === 0) return 'any value';
  return listWords(types.map((t) => typeWord(root, n, String(t), depth)));
}

function idName(node: SchemaNode): string | undefined {
  const id = node.$id;
  if (typeof id !== 'string') return undefined;
  return /\/schemas\/(\w+)\.json$/.exec(id)?.[1];
}

function typeWord(root: SchemaNode, node: SchemaNode, type: string, depth: number): string {
  if (type === 'array') {
    const items = asNode(node.items);
    return items ? `array of ${describeSchema(root, items, depth + 1)}` : 'array';
  }
  return type;
}

/** `"a"`, or `one of "a", "b"`; the empty string is spelled out because `""` is easy to miss. */
export function describeEnum(values: readonly unknown[]): string {
  const words = values.map((v) => (v === '' ? '"" (empty string)' : JSON.stringify(v)));
  return words.length === 1 ? (words[0] ?? '') : `one of ${words.join(', ')}`;
}

/** `a`, `a or b`, `a, b, or c`, without repeats; `null` is named last, as people say it. */
export function listWords(words: readonly string[]): string {
  // The generated schemas test `null` first (it is the cheap branch); readers expect it last.
  const unique = [...new Set(words)].sort((a, b) => Number(a === 'null') - Number(b === 'null'));
  if (unique.length <= 1) return unique[0] ?? '';
  if (unique.length === 2) return `${unique[0]} or ${unique[1]}`;
  return `${unique.slice(0, -1).join(', ')}, or ${unique[unique.length - 1]}`;
}

/** The first object-valued `keyword` on a node or, depth first, on its alternatives. */
function findKeyword(root: SchemaNode, node: SchemaNode, keyword: string, depth = 0): SchemaNode | undefined {
  if (depth > 8) return undefined;
  const n = deref(root, node);
  const own = asNode(n[keyword]);
  if (own) return own;
  for (const branch of [...nodes(n.anyOf), ...nodes(n.allOf), ...nodes(n.oneOf)]) {
    const found = findKeyword(root, branch, keyword, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The property names a node declares (for "unknown property" messages). */
export function declaredProperties(root: SchemaNode, node: SchemaNode | undefined): string[] {
  const properties = node ? findKeyword(root, node, 'properties') : undefined;
  return properties ? Object.keys(properties) : [];
}

/** A node's `propertyNames` rules, in words. */
export function describePropertyNames(root: SchemaNode, node: SchemaNode | undefined): string {
  const rules = node ? findKeyword(root, node, 'propertyNames') : undefined;
  if (!rules) return 'a valid property name';
  const parts: string[] = [];
  if (typeof rules.maxLength === 'number') parts.push(`of at most ${rules.maxLength} characters`);
  if (typeof rules.pattern === 'string') {
    parts.push(rules.pattern === '^[^\\[\\]]*$' ? 'without "[" or "]"' : `matching ${rules.pattern}`);
  }
  return `a property name ${parts.join(', ')}`;
}

/** The `required` lists of a node's `not` clauses (how the spec says "not both"). */
export function exclusiveGroups(root: SchemaNode, node: SchemaNode | undefined): string[][] {
  if (!node) return [];
  const n = deref(root, node);
  const nots = [asNode(n.not), ...nodes(n.allOf).map((b) => asNode(b.not))];
  return nots.flatMap((not) =>
    not && Array.isArray(not.required)
      ? [not.required.filter((r): r is string => typeof r === 'string')]
      : [],
  );
}
