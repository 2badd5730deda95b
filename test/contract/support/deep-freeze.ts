/** Deep freezing and a structural snapshot, to prove that validation never writes to its input. */

/** Freezes `value` and everything reachable from it (cycles allowed). */
export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value, seen);
  }
  return Object.freeze(value);
}

/**
 * A structural description (own keys, descriptors, prototypes, primitive values; cycles by
 * reference) bounded to `maxNodes`, so deep or cyclic inputs can be compared before and after.
 */
export function snapshot(value: unknown, maxNodes = 10_000): string {
  const ids = new Map<object, number>();
  const parts: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0 && ids.size < maxNodes) {
    const current = stack.pop();
    if ((typeof current !== 'object' && typeof current !== 'function') || current === null) {
      parts.push(
        typeof current === 'bigint' ? `${current}n` : typeof current === 'symbol' ? 'sym' : String(current),
      );
      continue;
    }
    const known = ids.get(current);
    if (known !== undefined) {
      parts.push(`#${known}`);
      continue;
    }
    ids.set(current, ids.size);
    parts.push(
      `{${Object.isFrozen(current) ? 'F' : ''}${Object.getPrototypeOf(current) === null ? 'N' : ''}`,
    );
    for (const key of Reflect.ownKeys(current)) {
      const descriptor = Object.getOwnPropertyDescriptor(current, key);
      parts.push(`${String(key)}:${descriptor?.enumerable ? 'e' : ''}${descriptor?.writable ? 'w' : ''}`);
      if (descriptor && 'value' in descriptor) stack.push(descriptor.value);
      else parts.push('accessor');
    }
  }
  return parts.join(' ');
}
