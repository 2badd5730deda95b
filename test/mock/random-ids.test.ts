/**
 * Ids the mock mints: the documented shape, and every alphanumeric equally likely (the bytes are
 * drawn with rejection, so a bias toward the first characters would show up here).
 */
import { describe, expect, it } from 'vitest';
import { randomId } from '../../src/mock/random-ids.js';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('randomId', () => {
  it('is the prefix and exactly `length` alphanumerics', () => {
    for (const length of [0, 1, 14, 24, 200]) {
      const id = randomId('cbtxn_', length);
      expect(id).toMatch(new RegExp(`^cbtxn_[0-9A-Za-z]{${length}}$`));
    }
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => randomId('req_', 14)));
    expect(ids.size).toBe(10_000);
  });

  it('uses every character about equally often', () => {
    const counts = new Map<string, number>();
    const sample = randomId('', 62 * 2_000);
    for (const ch of sample) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...ALPHANUMERIC].sort().join(''));
    // Chi-square with 61 degrees of freedom: 120 is far beyond p = 0.0001 (≈ 107). Without the
    // rejection step, `byte % 62` would favour the first 8 characters by 25% and score ~1,000.
    const expected = sample.length / 62;
    let chi = 0;
    for (const count of counts.values()) chi += (count - expected) ** 2 / expected;
    expect(chi).toBeLessThan(120);
  });
});
