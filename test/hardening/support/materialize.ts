/**
 * Turns corpus data into test values. JSON cannot hold a 2 MB string legibly, NaN, BigInt or a
 * 10 000-level nesting, so the corpus spells them as small `$` directives expanded here:
 *
 * - `{"$repeat": "ab", "times": 3}` → `"ababab"`
 * - `{"$concat": ["a", {"$repeat": …}]}` → the parts joined
 * - `{"$template": "&k{i}=v", "times": 3}` → `"&k0=v&k1=v&k2=v"`
 * - `{"$nest": 3, "key": "a", "leaf": 1}` → `{"a": {"a": {"a": 1}}}`
 * - `{"$special": "NaN" | "Infinity" | "-Infinity" | "undefined" | "bigint:123" | "sparse:5"}`
 * - `{"$base": "transaction", "set": {"/amount": "1"}, "delete": ["/currency"]}` → a copy of a
 *   named base value with JSON-pointer edits
 *
 * Every other object is rebuilt with `defineProperty`, so a corpus key `__proto__` stays an own
 * data property exactly as `JSON.parse` made it, never a prototype.
 */

export type Bases = Readonly<Record<string, unknown>>;

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function directive(value: Record<string, unknown>): string | undefined {
  const key = Object.keys(value).find((k) => k.startsWith('$'));
  return key;
}

export function materialize(value: unknown, bases: Bases = {}): unknown {
  if (Array.isArray(value)) return value.map((item) => materialize(item, bases));
  if (!isPlainObject(value)) return value;
  switch (directive(value)) {
    case '$repeat':
      return String(value.$repeat).repeat(Number(value.times));
    case '$template': {
      const template = String(value.$template);
      let out = '';
      for (let i = 0; i < Number(value.times); i += 1) out += template.replaceAll('{i}', String(i));
      return out;
    }
    case '$concat':
      return (value.$concat as unknown[]).map((part) => String(materialize(part, bases))).join('');
    case '$nest': {
      let out = materialize(value.leaf, bases);
      for (let i = 0; i < Number(value.$nest); i += 1) {
        const level = {};
        define(level, String(value.key ?? 'a'), out);
        out = level;
      }
      return out;
    }
    case '$special':
      return special(String(value.$special));
    case '$base': {
      const name = String(value.$base);
      if (!Object.hasOwn(bases, name)) throw new Error(`corpus: unknown base '${name}'`);
      const copy = materialize(structuredClone(bases[name]), bases);
      for (const [pointer, replacement] of Object.entries((value.set ?? {}) as Record<string, unknown>)) {
        setAt(copy, pointer, materialize(replacement, bases));
      }
      for (const pointer of (value.delete ?? []) as string[]) deleteAt(copy, pointer);
      return copy;
    }
    default: {
      const out = {};
      for (const key of Object.keys(value)) define(out, key, materialize(value[key], bases));
      return out;
    }
  }
}

function special(name: string): unknown {
  if (name === 'NaN') return Number.NaN;
  if (name === 'Infinity') return Number.POSITIVE_INFINITY;
  if (name === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (name === 'undefined') return undefined;
  if (name.startsWith('bigint:')) return BigInt(name.slice('bigint:'.length));
  if (name.startsWith('sparse:')) {
    const array: unknown[] = [];
    array.length = Number(name.slice('sparse:'.length));
    return array;
  }
  throw new Error(`corpus: unknown $special '${name}'`);
}

function tokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function setAt(root: unknown, pointer: string, value: unknown): void {
  const path = tokens(pointer);
  let cursor = root as Record<string, unknown>;
  for (const token of path.slice(0, -1)) {
    if (!Object.hasOwn(cursor, token) || typeof cursor[token] !== 'object' || cursor[token] === null) {
      define(cursor, token, {});
    }
    cursor = cursor[token] as Record<string, unknown>;
  }
  define(cursor, path.at(-1) ?? '', value);
}

function deleteAt(root: unknown, pointer: string): void {
  const path = tokens(pointer);
  let cursor = root as Record<string, unknown>;
  for (const token of path.slice(0, -1)) cursor = cursor[token] as Record<string, unknown>;
  delete cursor[path.at(-1) ?? ''];
}

/**
 * Differences between `actual` and the partial `expected`: every own key of an expected object
 * must be an own key of the actual one (`__proto__` included), arrays match item by item, and
 * primitives with `Object.is` (so `-0` is not `0`).
 */
export function mismatches(actual: unknown, expected: unknown, path = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${path || '/'}: expected an array of ${expected.length}, got ${brief(actual)}`];
    }
    return expected.flatMap((item, i) => mismatches(actual[i], item, `${path}/${i}`));
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return [`${path || '/'}: expected an object, got ${brief(actual)}`];
    return Object.keys(expected).flatMap((key) =>
      Object.hasOwn(actual, key)
        ? mismatches(actual[key], expected[key], `${path}/${key}`)
        : [`${path}/${key}: missing`],
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path || '/'}: expected ${brief(expected)}, got ${brief(actual)}`];
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
