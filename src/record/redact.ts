/**
 * What a recording must never hold, and how it is blanked out. Recordings get committed, shared
 * and attached to bug reports, so the rules err towards removing too much:
 *
 * - Credential headers (`Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie`) lose
 *   their whole value: a Basic header is a base64 key, and a scheme alone is worth nothing.
 * - Any Stripe API key anywhere else (a header, the URL, a request or response body): secret,
 *   restricted or publishable, test or live, becomes `sk_test_[REDACTED]`. Nothing of the key
 *   is kept, not even the last four characters the mock's request log shows: a log lives for
 *   one test run, a recording for years. The key's kind and mode stay readable.
 * - Email-like values (`name@domain.tld`, also percent-encoded as `name%40domain.tld` in form
 *   bodies and query strings) become `[REDACTED_EMAIL]`: a customer's email is the personal data
 *   these endpoints carry (an expanded `customer`, metadata, descriptions).
 *
 * The same function redacts incoming requests in replay mode before they are matched, so a
 * recording made with one key replays for a test that sends another.
 */

import { API_KEY_IN_TEXT } from '../secrets.js';

/** What a removed value is replaced with. Not alphanumeric, so no key pattern can match it. */
export const REDACTED = '[REDACTED]';
/** What an email-like value is replaced with. */
export const REDACTED_EMAIL = '[REDACTED_EMAIL]';

/**
 * An email address, with `@` written plainly or percent-encoded. Deliberately loose, but with
 * bounded parts (RFC 5321 lengths), so a long run of letters costs linear time, not quadratic.
 */
const EMAIL = /[A-Za-z0-9._%+-]{1,64}(?:@|%40)(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,63}/gi;

/** Headers whose whole value is a credential. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** `text` with every API key and email-like value replaced. */
export function redactText(text: string): string {
  const keysRedacted = text.replace(
    API_KEY_IN_TEXT,
    (_key, kind: string, mode: string) => `${kind}_${mode}_${REDACTED}`,
  );
  // Most bodies hold no `@` at all: skip the email scan for them.
  return /@|%40/i.test(keysRedacted) ? keysRedacted.replace(EMAIL, REDACTED_EMAIL) : keysRedacted;
}

/** One header's value as it may be recorded. */
export function redactHeader(name: string, value: string): string {
  return CREDENTIAL_HEADERS.has(name.toLowerCase()) ? REDACTED : redactText(value);
}
