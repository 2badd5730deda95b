/**
 * Stripe API keys in text, found and redacted in one place: the mock's request log, error
 * messages, the `validate` CLI's output and recordings all use this, so a key shape the kit
 * recognises anywhere it recognises everywhere.
 */

/**
 * Any Stripe API key inside a text: secret, restricted or publishable, test or live. No `\b`
 * before it: in `Bearer%20sk_test_…` or `x_sk_test_…` there is no word boundary, and a key must
 * be found there too. Global: use with `replace`/`matchAll`, never `test` (lastIndex).
 */
export const API_KEY_IN_TEXT = /(sk|rk|pk)_(test|live)_[0-9A-Za-z]+/g;

/** `sk_test_abc…wxyz` → `sk_test_…wxyz`: how keys appear in logs and reports. */
export function redactKey(key: string): string {
  const match = /^([a-z]{2}_(?:test|live)_)/.exec(key);
  return `${match?.[1] ?? ''}…${key.length > 8 ? key.slice(-4) : ''}`;
}

/** `text` with every API key in it redacted (`sk_test_…4242`). */
export function redactKeys(text: string): string {
  // Every key contains `k_`; most header values do not, and skip the regex.
  if (!text.includes('k_')) return text;
  return text.replace(API_KEY_IN_TEXT, (key) => redactKey(key));
}
