/**
 * A pre-check that keeps hostile values from turning validation into a hang. AJV walks every
 * index of an array the schema describes, holes included, so `data` (or `expand`) with
 * `length = 1e9` would take minutes and gigabytes before `maxItems` could matter. The schemas are
 * not recursive, so nothing else grows with the value's depth: only array lengths need a bound.
 */
import { appendToken } from './json-pointer.js';
import { deref, rootSchema, type SchemaNode } from './schema-lookup.js';
import type { ContractIssue, ContractKind } from './types.js';
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

/** Where the schema has an array, as property names with `*` for "every item", and its limit. */
export interface ArraySite {
  path: readonly string[];
  limit: number;
  allowed: number;
}

/**
 * The array sites of a kind's schema, a schema walk: callers keep the answer (validate holds it
 * per kind), so the guard then follows only those paths in the value and checking a valid
 * transaction costs a few property reads.
 */
export function arraySites(kind: ContractKind): readonly ArraySite[] {
  const root = rootSchema(kind);
  const found: ArraySite[] = [];
  collect(root, root, [], 0, found);
  return found;
}

function collect(root: SchemaNode, node: SchemaNode, path: string[], depth: number, out: ArraySite[]): void {
  if (depth > MAX_SCHEMA_DEPTH) return;
  const n = deref(root, node);
  for (const key of ['anyOf', 'allOf', 'oneOf']) {
    const branches = n[key];
    if (Array.isArray(branches))
      for (const branch of branches) collect(root, branch as SchemaNode, path, depth + 1, out);
  }
  const items = n.items;
  if (typeof items === 'object' && items !== null) {
    const maxItems = typeof n.maxItems === 'number' ? n.maxItems : undefined;
    const limit =
      maxItems === undefined ? MAX_ARRAY_LENGTH : Math.max(MIN_LIMIT, maxItems * MAX_ITEMS_FACTOR);
    out.push({ path, limit, allowed: maxItems ?? limit });
    collect(root, items as SchemaNode, [...path, '*'], depth + 1, out);
  }
  const properties = n.properties;
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, child] of Object.entries(properties))
      collect(root, child as SchemaNode, [...path, name], depth + 1, out);
  }
}

/** An issue for the first oversized array the schema would walk, or `undefined`. */
export function oversizedArray(sites: readonly ArraySite[], value: unknown): ContractIssue | undefined {
  for (let i = 0; i < sites.length; i += 1) {
    const found = visit(sites[i] as ArraySite, value, 0);
    if (found) return found;
  }
  return undefined;
}

/** The issue for `site` below `value` (its path relative to `value`), or `undefined`. */
function visit(site: ArraySite, value: unknown, at: number): ContractIssue | undefined {
  if (at === site.path.length) {
    if (!isArray(value) || value.length <= site.limit) return undefined;
    const length = value.length;
    return {
      path: '',
      code: 'too_many_items',
      keyword: 'maxItems',
      message: `array of ${length} items is far beyond the limit of ${site.allowed}; its items were not checked`,
      expected: `at most ${site.allowed} items`,
      received: `array of ${length} items`,
    };
  }
  const step = site.path[at] as string;
  if (step === '*') {
    // Only reached through an array already within its limit.
    if (!isArray(value)) return undefined;
    for (let i = 0; i < value.length; i += 1) {
      const found = visit(site, get(value, i), at + 1);
      if (found) return below(i, found);
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const member = get(value, step);
  if (member === undefined || member === null || typeof member !== 'object') return undefined;
  const found = visit(site, member, at + 1);
  return found && below(step, found);
}

/** Prefixes an issue's path with `token` on the way back up: paths cost nothing until one is found. */
function below(token: string | number, issue: ContractIssue): ContractIssue {
  issue.path = appendToken('', token) + issue.path;
  return issue;
}
