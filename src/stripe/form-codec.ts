/**
 * Stripe's `application/x-www-form-urlencoded` dialect, the one the official client writes:
 * brackets for nesting (`metadata[order]=6735`, `created[gte]=1`), indices or empty brackets
 * for arrays (`expand[0]=customer`, `expand[]=customer`), `key=` for an empty string.
 * Decoding is untyped: every leaf stays a string, and numeric indices stay object keys until a
 * schema says the field is an array (see `params.ts`), because `metadata[0]=x` is a key "0".
 *
 * Repeated keys follow Rack, whose parser Stripe's API inherited: the last value wins
 * (`amount=1&amount=2` is `amount=2`, `metadata=x&…&metadata=` ends unset), a pair with an empty
 * name (`=x`) is ignored, and a key used both as a value and as a hash (`metadata=x&metadata[k]=1`)
 * is an error. Keys are plain data on null-prototype objects: `__proto__` is just a name here.
 * A body that cannot be decoded throws the `StripeApiError` Stripe answers with.
 */
import { invalidRequest, type StripeApiError } from './api-errors.js';

/** A decoded form: strings, nested forms, and string arrays from `key[]=` pairs. */
export interface FormTree {
  [key: string]: FormValue;
}
/** One decoded form value: a string, a `key[]=` array, or a nested form. */
export type FormValue = string | string[] | FormTree;

/** Stripe refuses deeper nesting; so do we, instead of building unbounded structures. */
const MAX_DEPTH = 8;

/** A body Stripe cannot read as a form: its `400 invalid_request_error`, naming the parameter. */
function undecodable(message: string, param: string): StripeApiError {
  return invalidRequest(message, { param });
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // A lone `%` is kept literally, as lenient servers (and Stripe) do.
    return text.replace(/\+/g, ' ');
  }
}

/** Splits `a[b][c]` into ['a', 'b', 'c'] and `a[]` into ['a', '']. */
function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  pattern.lastIndex = open;
  let match: RegExpExecArray | null = pattern.exec(key);
  let end = open;
  while (match !== null && match.index === end) {
    parts.push(match[1] ?? '');
    end = match.index + match[0].length;
    match = pattern.exec(key);
  }
  // Trailing garbage after the brackets (`a[b]c`) makes the whole thing one literal key.
  return end === key.length ? parts : [key];
}

function newTree(): FormTree {
  // A null prototype: `__proto__` and `constructor` are just keys here, never pollution.
  return Object.create(null) as FormTree;
}

export function decodeForm(body: string): FormTree {
  const root = newTree();
  if (!body) return root;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    if (rawKey === '') continue;
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    const path = splitKey(decodeComponent(rawKey));
    if (path.length > MAX_DEPTH) {
      throw undecodable(`Parameter nesting is too deep: ${path[0]}`, path[0] ?? '');
    }
    assign(root, path, value);
  }
  return root;
}

function assign(root: FormTree, path: string[], value: string): void {
  let cursor: FormTree = root;
  const top = path[0] ?? '';
  for (let i = 0; i < path.length; i++) {
    const part = path[i] ?? '';
    const last = i === path.length - 1;
    const next = path[i + 1];
    if (last) {
      if (part === '' && i > 0) throw undecodable(`Invalid array: ${top}`, top);
      cursor[part] = value;
      return;
    }
    if (next === '' && i + 1 === path.length - 1) {
      // `key[]=v`: append to a string array.
      const existing = cursor[part];
      if (existing === undefined) cursor[part] = [value];
      else if (Array.isArray(existing)) existing.push(value);
      else throw undecodable(`Invalid array: ${top} mixes [] with other forms`, top);
      return;
    }
    const existing = cursor[part];
    if (existing === undefined) {
      const child = newTree();
      cursor[part] = child;
      cursor = child;
    } else if (typeof existing === 'object' && !Array.isArray(existing)) {
      cursor = existing;
    } else {
      throw undecodable(`Invalid hash: ${top} is both a value and a hash`, top);
    }
  }
}

/** Encodes like the official client (`stripe` npm), so recordings and tests speak the same wire format. */
export function encodeForm(data: Record<string, unknown>): string {
  const pairs: string[] = [];
  const encode = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (value === null || typeof value !== 'object') {
      pairs.push(`${escapeFormText(key)}=${escapeFormText(value === null ? '' : String(value))}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        encode(`${key}[${index}]`, item);
      });
    } else {
      for (const [k, v] of Object.entries(value)) encode(`${key}[${k}]`, v);
    }
  };
  for (const [key, value] of Object.entries(data)) encode(key, value);
  return pairs.join('&');
}

function escapeFormText(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%5B/g, '[')
    .replace(/%5D/g, ']');
}

/**
 * Whether a POST's Content-Type is one Stripe refuses. Stripe reads form bodies only and answers
 * other types with a 400 `Invalid request: unsupported Content-Type …` (seen in the wild for
 * `text/plain; charset=utf-8` and for an empty header), JSON included; a request with no
 * Content-Type at all is read as a form. A JSON body sent *as* a form is parsed as one, and its
 * text becomes an unknown parameter, as on Stripe.
 */
function unsupportedContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const media = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return media !== 'application/x-www-form-urlencoded';
}

/** Throws Stripe's 400 for a POST body of a type it does not read as a form. */
export function checkContentType(contentType: string | undefined): void {
  if (unsupportedContentType(contentType)) {
    throw invalidRequest(
      `Invalid request: unsupported Content-Type ${contentType ?? ''}. If error persists and you need assistance, please contact support@stripe.com.`,
    );
  }
}
