/**
 * Amount sizes in a currency's minor unit. Amounts are always integers (Stripe: "All API
 * requests expect amount values in the currency's minor unit"), sized by what the amount is
 * worth rather than by its digits: a typical credit is a few dollars to a few hundred, which is
 * 500–40000 in usd but 300–60000 in jpy (zero-decimal, so whole yen) and 4000–550000 in krw.
 * Values are rounded the way people and price lists round them (2500, 1999, ¥1,200), with a
 * share left exact, as prorations are.
 */
import { MAXIMUM_CHARGE } from '../stripe/currencies.js';
import type { CurrencyInfo } from './currencies.js';
import type { RandomSource } from './random-source.js';

/** How big an amount tends to be, in US dollars (a log-uniform range). */
export type AmountSize = 'small' | 'typical' | 'large';

const SIZES: Readonly<Record<AmountSize, readonly [number, number]>> = {
  small: [1, 25],
  typical: [2, 400],
  large: [100, 5000],
};

/** A positive amount in `currency`'s minor unit, worth roughly `size` in dollars. */
export function amountOfSize(random: RandomSource, currency: CurrencyInfo, size: AmountSize): number {
  const [low, high] = SIZES[size];
  const dollars = Math.exp(Math.log(low) + random.unit() * (Math.log(high) - Math.log(low)));
  const minor = dollars * currency.unitsPerUsd * 10 ** currency.decimals;
  const style = random.unit();
  let amount: number;
  if (style < 0.55) {
    amount = roundToSignificant(minor, 2);
  } else if (style < 0.8) {
    // Price-list amounts: 19.99 in two-decimal currencies, three significant digits otherwise.
    amount =
      currency.decimals === 2 && !currency.wholeUnitsOnly && minor < 100_000
        ? Math.max(1, Math.round(minor / 100) * 100 - 1)
        : roundToSignificant(minor, 3);
  } else {
    amount = Math.round(minor);
  }
  return wholeUnitsIfRequired(currency, Math.max(1, amount));
}

/**
 * Below the currency's minimum charge: what `invoice_too_small` moves to the balance (Stripe
 * marks such an invoice paid and debits the balance instead of charging).
 */
export function amountBelowMinimum(random: RandomSource, currency: CurrencyInfo): number {
  const step = currency.wholeUnitsOnly ? 100 : 1;
  const steps = Math.max(1, Math.floor((currency.minimumCharge - 1) / step));
  return random.int(1, steps) * step;
}

/**
 * Above Stripe's eight-digit maximum: what `invoice_too_large` moves to the balance (up to one
 * and a half times the maximum, rounded to whole units).
 */
export function amountAboveMaximum(random: RandomSource, currency: CurrencyInfo): number {
  const unit = 10 ** currency.decimals;
  const wholeUnits = random.int(
    Math.ceil((MAXIMUM_CHARGE + 1) / unit),
    Math.floor((MAXIMUM_CHARGE * 1.5) / unit),
  );
  return wholeUnits * unit;
}

function roundToSignificant(value: number, digits: number): number {
  if (value < 1) return 1;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(value)) - digits + 1);
  return Math.max(step, Math.round(value / step) * step);
}

function wholeUnitsIfRequired(currency: CurrencyInfo, amount: number): number {
  return currency.wholeUnitsOnly ? Math.max(100, Math.round(amount / 100) * 100) : amount;
}
