/**
 * Ids the mock mints at run time. They follow the shapes the fixtures document (`cbtxn_` + 24,
 * `cus_` + 14, `req_` + 14 alphanumerics) but come from crypto randomness: two mocks, or two test
 * files, must never collide.
 */
import { randomInt } from 'node:crypto';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomId(prefix: string, length: number): string {
  let out = prefix;
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}
