/**
 * Ids the mock mints at run time. They follow the shapes the fixtures document (`cbtxn_` + 24,
 * `cus_` + 14, `req_` + 14 alphanumerics) but come from crypto randomness: two mocks, or two test
 * files, must never collide.
 */

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Bytes at or above this are redrawn: 248 = 4 × 62, so every character stays equally likely. */
const UNBIASED_LIMIT = 248;

/**
 * Random bytes drawn 4 KiB at a time (one draw per id cost a tenth of a mock round trip), from
 * node:crypto fetched on the first draw: a static import would load it for every importer of
 * the package, and the global Web Crypto is what test suites stub for determinism.
 */
const pool = new Uint8Array(4096);
let next = pool.length;

function randomByte(): number {
  if (next === pool.length) {
    process.getBuiltinModule('node:crypto').randomFillSync(pool);
    next = 0;
  }
  return pool[next++] as number;
}

export function randomId(prefix: string, length: number): string {
  let out = prefix;
  for (let i = 0; i < length; ) {
    const byte = randomByte();
    if (byte >= UNBIASED_LIMIT) continue;
    out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
    i++;
  }
  return out;
}
