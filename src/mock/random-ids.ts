/**
 * Ids the mock mints at run time. They follow the shapes the fixtures document (`cbtxn_` + 24,
 * `cus_` + 14, `req_` + 14 alphanumerics) but come from crypto randomness: two mocks, or two test
 * files, must never collide.
 */
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Bytes at or above this are redrawn: 248 = 4 × 62, so every character stays equally likely. */
const UNBIASED_LIMIT = 248;

export function randomId(prefix: string, length: number): string {
  let out = prefix;
  const end = prefix.length + length;
  // Web Crypto (a global, loaded on first use) rather than node:crypto, which a static import
  // would load whole for every importer of the package.
  const bytes = new Uint8Array(Math.min(length + 8, 4096));
  while (out.length < end) {
    crypto.getRandomValues(bytes);
    for (let i = 0; i < bytes.length && out.length < end; i++) {
      const byte = bytes[i] as number;
      if (byte < UNBIASED_LIMIT) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
    }
  }
  return out;
}
