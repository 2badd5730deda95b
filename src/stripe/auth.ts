/**
 * Stripe's authentication, as the kit's endpoints see it: a secret (`sk_`) or restricted (`rk_`)
 * key, sent as `Authorization: Bearer <key>` or as the Basic user name (`<key>:`). Live keys are
 * refused unless the mock is told otherwise, so a test can never run with one.
 */
import { redactKey, redactKeys } from '../secrets.js';
import { unauthorized } from './api-errors.js';

/** The caller, once authenticated. */
export interface Caller {
  key: string;
  livemode: boolean;
}

const KEY = /^(sk|rk)_(test|live)_[0-9A-Za-z]+$/;

/** `sk_test_abc…wxyz` → `sk_test_********wxyz`, the way Stripe echoes a bad key. */
export function maskKey(key: string): string {
  const match = /^([a-z]{2}_(?:test|live)_)(.*)$/.exec(key);
  if (!match) return key.length > 8 ? `${key.slice(0, 4)}****${key.slice(-4)}` : '****';
  const rest = match[2] ?? '';
  return `${match[1]}${'*'.repeat(Math.max(rest.length - 4, 0))}${rest.slice(-4)}`;
}

function keyFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const credentials = rest.join(' ');
  if (!scheme || !credentials) return undefined;
  if (scheme.toLowerCase() === 'bearer') return credentials;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? decoded : decoded.slice(0, colon);
  }
  return undefined;
}

/**
 * The caller of a request with this `Authorization` header; throws Stripe's 401. `liveKeyHint`
 * says how to allow live keys where the mock is set up (an option, a CLI flag).
 */
export function authenticate(
  authorization: string | undefined,
  allowLiveKeys: boolean,
  liveKeyHint = 'pass { allowLiveKeys: true } to mockStripe()',
): Caller {
  const key = keyFromHeader(authorization);
  if (key === undefined || key === '') {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  if (/^pk_(test|live)_/.test(key)) {
    throw unauthorized(
      'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
      'secret_key_required',
    );
  }
  const match = KEY.exec(key);
  if (!match) throw unauthorized(`Invalid API Key provided: ${maskKey(key)}`);
  const livemode = match[2] === 'live';
  if (livemode && !allowLiveKeys) {
    throw unauthorized(
      `Refusing live-mode key ${maskKey(key)}: stripe-balance-kit's mock only accepts test-mode keys (sk_test_…, rk_test_…) so a test can never run with a live key. Use a test key, or ${liveKeyHint} if you really mean it.`,
    );
  }
  return { key, livemode };
}

/**
 * Headers as they may be logged: the API key in `Authorization` is redacted
 * (`Bearer sk_test_…4242`), so request logs never hold a usable key. The header name is matched
 * in any case, and a key in any other header (`X-Api-Key: sk_test_…`, a proxy's copy of the
 * credentials) is redacted too.
 */
export function redactHeaders(
  headers: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) {
      out[name] = value;
    } else if (name.toLowerCase() === 'authorization') {
      const key = keyFromHeader(value);
      const scheme = value.trim().split(/\s+/)[0] ?? '';
      out[name] = key ? `${scheme} ${redactKey(key)}` : '[redacted]';
    } else {
      out[name] = redactKeys(value);
    }
  }
  return out;
}
