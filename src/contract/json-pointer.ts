/** RFC 6901 JSON pointers, the `path` of every contract issue. */

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string): string {
  // Most tokens are plain property names: skip the regexes for them.
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Appends one token (a property name or an array index) to a pointer. */
export function appendToken(pointer: string, token: string | number): string {
  return `${pointer}/${typeof token === 'number' ? token : escapeToken(token)}`;
}

/** Splits a pointer into its unescaped tokens; `""` is the whole value and has none. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** True when `pointer` is `ancestor` or lies below it. */
export function isAtOrBelow(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/**
 * Stripe's `param` (`metadata[order]`, `expand[0]`) as a pointer (`/metadata/order`), so a
 * refusal points into the parameters the way a contract finding does.
 */
export function paramPointer(param: string | undefined): string {
  if (param === undefined || param === '') return '';
  const open = param.indexOf('[');
  if (open <= 0 || !param.endsWith(']')) return appendToken('', param);
  const tokens = [param.slice(0, open), ...param.slice(open + 1, -1).split('][')];
  return tokens.reduce<string>((pointer, token) => appendToken(pointer, token), '');
}
