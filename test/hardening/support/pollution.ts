/**
 * Prototype-pollution guard: the own properties (and their descriptors' values) of the built-in
 * prototypes a hostile `__proto__` / `constructor.prototype` key could reach, captured before a
 * run and compared after it.
 */

const WATCHED: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
];

type Snapshot = Map<string, unknown>;

export function prototypeSnapshot(): Snapshot {
  const out: Snapshot = new Map();
  for (const [name, proto] of WATCHED) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      out.set(`${name}.${String(key)}`, descriptor?.value ?? descriptor?.get);
    }
    out.set(`${name} [[Prototype]]`, Object.getPrototypeOf(proto));
  }
  return out;
}

/** What changed since `before`, plus the classic probes (`({}).polluted` and friends). */
export function pollution(before: Snapshot): string[] {
  const problems: string[] = [];
  const after = prototypeSnapshot();
  for (const [key, value] of after) {
    if (!before.has(key)) problems.push(`${key} was added`);
    else if (before.get(key) !== value) problems.push(`${key} was changed`);
  }
  for (const key of before.keys()) if (!after.has(key)) problems.push(`${key} was removed`);
  const probe = {} as Record<string, unknown>;
  for (const name of ['polluted', 'isAdmin', 'yes', 'x']) {
    if (probe[name] !== undefined) problems.push(`({}).${name} is ${String(probe[name])}`);
  }
  return problems;
}
