/** Minor units shown as money, with the decimals of each currency (jpy has none). */
import { describe, expect, it } from 'vitest';
import { ZERO_DECIMAL_CURRENCIES } from '../../src/stripe/currencies.js';
import { formatMoney } from '../../src/stripe/money.js';

describe('formatMoney', () => {
  it.each([
    [-6236, 'usd', '-62.36 usd'],
    [2500, 'usd', '25.00 usd'],
    [-2500, 'eur', '-25.00 eur'],
    [5, 'usd', '0.05 usd'],
    [-5, 'usd', '-0.05 usd'],
    [0, 'usd', '0.00 usd'],
    [-0, 'usd', '0.00 usd'],
    [123456789, 'gbp', '1234567.89 gbp'],
    [-500, 'jpy', '-500 jpy'],
    [500, 'jpy', '500 jpy'],
    [0, 'jpy', '0 jpy'],
    [-1200, 'krw', '-1200 krw'],
    // isk is sent with two decimals (whole units only), so 50000 is 500.00 isk.
    [50000, 'isk', '500.00 isk'],
    // The code is shown as Stripe writes it.
    [-6236, 'USD', '-62.36 usd'],
  ] as const)('%d %s → %s', (minor, currency, text) => {
    expect(formatMoney(minor, currency)).toBe(text);
  });

  it('gives every zero-decimal currency whole units', () => {
    for (const currency of ZERO_DECIMAL_CURRENCIES) {
      expect(formatMoney(-1234, currency)).toBe(`-1234 ${currency}`);
    }
  });

  it('shows a value that is not an integer of minor units as it is', () => {
    expect(formatMoney(1.5, 'usd')).toBe('1.5 usd');
    expect(formatMoney(Number.NaN, 'usd')).toBe('NaN usd');
  });
});
