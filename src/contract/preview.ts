/**
 * Short, bounded descriptions of arbitrary values for the `received` side of an issue. Inputs can
 * be hostile (throwing getters and proxies, cycles, 10 MB strings), so every read is guarded and
 * the output never exceeds `max` characters whatever the input. API keys in previewed text are
 * redacted (`sk_test_…4242`) before it is cut, so no report, message or CI log built from a
 * preview ever carries a usable key, nor the first characters of one.
 */

import { redactKeys } from '../secrets.js';

/** Default cap on a preview's length. */
export const PREVIEW_MAX = 100;

const MAX_DEPTH = 2;
const MAX_ENTRIES = 4;

/** The JSON type a value would have, with `integer` split from `number`, and JS-only types named. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') {
    try {
      return Array.isArray(value) ? 'array' : 'object';
    } catch {
      // A revoked proxy throws even on Array.isArray.
      return 'object';
    }
  }
  return typeof value;
}

/** Cuts `text` to at most `max` characters, marking the cut with `…`; API keys are redacted first. */
export function truncate(text: string, max: number = PREVIEW_MAX): string {
  const safe = redactWindow(text, max);
  return safe.length <= max ? safe : `${safe.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * The start of `text` that a preview of `max` characters can show, with keys redacted. Only a
 * window is scanned (a 10 MB string costs nothing), wide enough that a key starting inside the
 * shown part is matched whole and never cut into a prefix the redaction would miss.
 */
function redactWindow(text: string, max: number): string {
  const window = Math.max(0, max) + 256;
  return text.length <= window ? redactKeys(text) : redactKeys(text.slice(0, window));
}

/** The message of anything thrown, without trusting it (a thrown proxy can throw again). */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return truncate(`${thrown.name}: ${String(thrown.message)}`);
    return truncate(String(thrown));
  } catch {
    return 'an unprintable exception';
  }
}

/** A preview such as `number 5`, `string "abc"`, `object {"id": "in_1", …}` or `null`. */
export function preview(value: unknown, max: number = PREVIEW_MAX): string {
  try {
    return truncate(previewUnsafe(value, max), max);
  } catch {
    return 'an unreadable value';
  }
}

function previewUnsafe(value: unknown, max: number): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return `boolean ${value}`;
    case 'number':
      return `number ${Object.is(value, -0) ? '-0' : String(value)}`;
    case 'bigint':
      return `bigint ${truncate(value.toString(), 40)}n`;
    case 'symbol':
      return `symbol ${truncate(String(value.description ?? ''), 40)}`;
    case 'function':
      return 'function';
    case 'string':
      return value.length > max
        ? `string of ${value.length} characters ${quote(value, max - 30)}`
        : `string ${quote(value, max)}`;
    default:
      if (value === null) return 'null';
      return `${jsonTypeOf(value)} ${compact(value, 0, { left: max })}`;
  }
}

function quote(text: string, max: number): string {
  const safe = redactWindow(text, max);
  const cut = text.length > max ? `${safe.slice(0, Math.max(0, max))}…` : safe;
  return JSON.stringify(cut);
}

interface Budget {
  left: number;
}

function compact(value: unknown, depth: number, budget: Budget): string {
  if (budget.left <= 0) return '…';
  let out: string;
  if (value === null || typeof value !== 'object') {
    out = scalar(value);
  } else if (depth >= MAX_DEPTH) {
    out = safeIsArray(value) ? '[…]' : '{…}';
  } else if (safeIsArray(value)) {
    out = compactArray(value, depth, budget);
  } else {
    out = compactObject(value, depth, budget);
  }
  budget.left -= out.length;
  return out;
}

function scalar(value: unknown): string {
  if (value === THROWS) return '<getter throws>';
  if (typeof value === 'string') return quote(value, 40);
  if (typeof value === 'bigint') return `${truncate(value.toString(), 20)}n`;
  if (typeof value === 'symbol') return 'Symbol()';
  if (typeof value === 'function') return 'function';
  if (value === undefined) return 'undefined';
  return String(value);
}

function safeIsArray(value: object): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

function compactArray(items: unknown[], depth: number, budget: Budget): string {
  let length: number;
  try {
    length = items.length;
  } catch {
    return '[unreadable]';
  }
  const parts: string[] = [];
  for (let i = 0; i < Math.min(length, MAX_ENTRIES) && budget.left > 0; i += 1) {
    parts.push(i in items ? compact(read(items, i), depth + 1, budget) : '<empty>');
  }
  if (length > parts.length) parts.push(`… ${length} items`);
  return `[${parts.join(', ')}]`;
}

function compactObject(object: object, depth: number, budget: Budget): string {
  const parts: string[] = [];
  let count = 0;
  let more = false;
  try {
    // for…in with an early break: a million keys must not cost a million-entry array.
    for (const key in object) {
      if (!Object.hasOwn(object, key)) continue;
      if (count >= MAX_ENTRIES || budget.left <= 0) {
        more = true;
        break;
      }
      count += 1;
      const head = `${quote(key, 30)}: `;
      budget.left -= head.length;
      parts.push(head + compact(read(object, key), depth + 1, budget));
    }
  } catch {
    parts.push('<unreadable>');
  }
  if (more) parts.push('…');
  return `{${parts.join(', ')}}`;
}

const THROWS = Symbol('throws');

function read(container: object, key: string | number): unknown {
  try {
    return (container as Record<string | number, unknown>)[key];
  } catch {
    return THROWS;
  }
}
