/**
 * A pre-check that keeps hostile values from turning validation into a hang. AJV walks every
 * index of an array the schema describes, holes included, so `data` (or `expand`) with
 * `length = 1e9` would take minutes and gigabytes before `maxItems` could matter. The schemas are
 * not recursive, so nothing else grows with the value's depth: only array lengths need a bound.
 */
import { appendToken } from './json-pointer.js';
import { deref, type SchemaNode } from './schema-lookup.js';
import type { ContractIssue } from './types.js';
import { get, isArray, isRecord } from './value-access.js';

/** Arrays without a `maxItems` longer than this are refused before AJV sees them. */
export const MAX_ARRAY_LENGTH = 10_000;

/**
 * How far past its `maxItems` an array may go and still be checked item by item. AJV's standalone
 * code gathers the errors of `$ref`'d items with `Array#concat`, so a page of n failing items
 * costs O(n²): 100 000 of them take minutes. Ten times Stripe's limit still gives every item its
 * own findings for any page a mock could plausibly produce.
 */
const MAX_ITEMS_FACTOR = 10;
const MIN_LIMIT = 1_000;

const MAX_SCHEMA_DEPTH = 32;

/** An issue for the first oversized array the schema would walk, or `undefined`. */
export function oversizedArray(root: SchemaNode, value: unknown): ContractIssue | undefined {
  return walk(root, root, value, '', 0);
}

function walk(
  root: SchemaNode,
  node: SchemaNode,
  value: unknown,
  path: string,
  depth: number,
): ContractIssue | undefined {
  if (depth > MAX_SCHEMA_DEPTH) return undefined;
  const n = deref(root, node);
  for (const key of ['anyOf', 'allOf', 'oneOf']) {
    const branches = n[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const found = walk(root, branch as SchemaNode, value, path, depth + 1);
      if (found) return found;
    }
  }
  const items = n.items;
  if (isArray(value) && typeof items === 'object' && items !== null) {
    const length = value.length;
    const maxItems = typeof n.maxItems === 'number' ? n.maxItems : undefined;
    const limit =
      maxItems === undefined ? MAX_ARRAY_LENGTH : Math.max(MIN_LIMIT, maxItems * MAX_ITEMS_FACTOR);
    if (length > limit) {
      const allowed = maxItems ?? limit;
      return {
        path,
        code: 'too_many_items',
        keyword: 'maxItems',
        message: `array of ${length} items is far beyond the limit of ${allowed}; its items were not checked`,
        expected: `at most ${allowed} items`,
        received: `array of ${length} items`,
      };
    }
    for (let i = 0; i < length; i += 1) {
      const found = walk(root, items as SchemaNode, get(value, i), appendToken(path, i), depth + 1);
      if (found) return found;
    }
  }
  const properties = n.properties;
  if (isRecord(value) && typeof properties === 'object' && properties !== null) {
    for (const [name, child] of Object.entries(properties)) {
      const member = get(value, name);
      if (member === undefined || member === null || typeof member !== 'object') continue;
      const found = walk(root, child as SchemaNode, member, appendToken(path, name), depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
