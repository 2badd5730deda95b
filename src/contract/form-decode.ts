/**
 * Decodes Stripe's form encoding (`application/x-www-form-urlencoded` bodies and query strings)
 * into the params object the contract describes: bracket keys nest (`metadata[k]=v`,
 * `created[gte]=1`), `expand[0]=a` and `expand[]=a` build arrays, and a value becomes an integer
 * (or boolean) only where the schema says so, exactly as Stripe reads it. Nothing that is not
 * integer-like is coerced, so `amount=abc` still fails as a string.
 */
import { admits, allowedTypes, childSchema, rootSchema, type SchemaNode } from './schema-lookup.js';
import type { ContractKind } from './types.js';

interface Branch {
  leaf: string | undefined;
  children: Map<string, Branch>;
}

/** Marks `[]` segments, which append; they can never collide with a real key. */
const APPEND = '\u0000';

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const SEGMENT = /\[([^[\]]*)\]/g;

/**
 * More segments than any params schema nests (Stripe refuses deeper keys too). Building the tree
 * recurses once per segment, so an unbounded `a[b][c]…` key from a hostile HAR would overflow the
 * stack; beyond this depth the key stays one literal segment and is reported as unknown.
 */
const MAX_SEGMENTS = 32;

/** Splits `a[b][]` into `['a', 'b', '']`; a malformed or absurdly deep key stays one literal segment. */
export function parseFormKey(name: string): string[] {
  const match = KEY.exec(name);
  if (!match?.[1]) return [name];
  const segments = [match[1]];
  for (const m of (match[2] ?? '').matchAll(SEGMENT)) {
    if (segments.length === MAX_SEGMENTS) return [name];
    segments.push(m[1] ?? '');
  }
  return segments;
}

/** Decodes `pairs` (e.g. `new URLSearchParams(body)`) into the params of `kind`. */
export function decodeStripeForm(
  pairs: Iterable<readonly [string, string]>,
  kind: ContractKind,
): Record<string, unknown> {
  const root: Branch = { leaf: undefined, children: new Map() };
  for (const [name, value] of pairs) {
    let node = root;
    for (const segment of parseFormKey(name)) {
      const key = segment === '' ? `${APPEND}${node.children.size}` : segment;
      let child = node.children.get(key);
      if (!child) {
        child = { leaf: undefined, children: new Map() };
        node.children.set(key, child);
      }
      node = child;
    }
    node.leaf = value;
  }
  const schema = rootSchema(kind);
  return buildObject(schema, schema, root);
}

function build(root: SchemaNode, schema: SchemaNode | undefined, branch: Branch): unknown {
  if (branch.children.size === 0) return coerce(root, schema, branch.leaf ?? '');
  const types = schema ? allowedTypes(root, schema) : undefined;
  if (types?.has('array') && !types.has('object')) return buildArray(root, schema, branch);
  return buildObject(root, schema, branch);
}

function buildObject(
  root: SchemaNode,
  schema: SchemaNode | undefined,
  branch: Branch,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of branch.children) {
    const name = key.startsWith(APPEND) ? '' : key;
    // defineProperty, not assignment: a `__proto__` key must become data, not a prototype.
    Object.defineProperty(out, name, {
      value: build(root, schema && childSchema(root, schema, name), child),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function buildArray(root: SchemaNode, schema: SchemaNode | undefined, branch: Branch): unknown[] {
  const items = schema && childSchema(root, schema, '0');
  const entries = [...branch.children].map(([key, child], order) => ({
    index: /^\d+$/.test(key) ? Number(key) : Number.POSITIVE_INFINITY,
    order,
    child,
  }));
  // Stripe orders `expand[1]=b&expand[0]=a` by index; appended `[]` entries keep their order.
  entries.sort((a, b) => (a.index === b.index ? a.order - b.order : a.index < b.index ? -1 : 1));
  return entries.map((e) => build(root, items, e.child));
}

function coerce(root: SchemaNode, schema: SchemaNode | undefined, value: string): unknown {
  const types = schema ? allowedTypes(root, schema) : undefined;
  if (!types || types.has('string')) return value;
  if (admits(types, 'integer') && /^-?\d+$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
  }
  if (types.has('number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
