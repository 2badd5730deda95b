/**
 * Guarded reads from values that may be hostile (throwing getters, proxies, revoked proxies).
 * A read that throws counts as absent; nothing here writes to the value.
 */

/** True for a non-null, non-array object (what JSON calls an object). Never throws. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false;
  }
}

/** True for an array. Never throws. */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** `container[key]`, or `undefined` when the container is not an object or the read throws. */
export function get(container: unknown, key: string | number): unknown {
  if ((typeof container !== 'object' && typeof container !== 'function') || container === null) {
    return undefined;
  }
  try {
    return Reflect.get(container, key);
  } catch {
    return undefined;
  }
}

/** The value at the given pointer tokens, or `undefined` when any step is missing or unreadable. */
export function valueAt(value: unknown, tokens: readonly string[]): unknown {
  let current = value;
  for (const token of tokens) {
    current = get(current, token);
    if (current === undefined) return undefined;
  }
  return current;
}

/** An id field's id: the string itself, or the `id` of an expanded object. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const id = isRecord(value) ? get(value, 'id') : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** A safe integer, or `undefined`. */
export function safeInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}
