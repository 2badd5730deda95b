/**
 * Money as people read it, from Stripe's minor units: the amount in major units with exactly the
 * currency's decimals, then Stripe's lowercase code. `-6236 usd` is `-62.36 usd`; jpy has no
 * minor unit, so `-500 jpy` is `-500 jpy` (¥500, not ¥5.00). The code always follows, so no
 * amount can be read in the wrong currency, and there are no symbols or digit grouping to differ
 * between locales.
 */
import { currencyDecimals } from './currencies.js';

/** `formatMoney(-6236, 'usd')` → `-62.36 usd`; `formatMoney(-500, 'jpy')` → `-500 jpy`. */
export function formatMoney(minor: number, currency: string): string {
  const code = currency.toLowerCase();
  // Amounts are integers of minor units; anything else is shown as it is, not rounded away.
  if (!Number.isSafeInteger(minor)) return `${minor} ${code}`;
  const decimals = currencyDecimals(code);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${sign}${whole}${decimals > 0 ? `.${fraction}` : ''} ${code}`;
}
