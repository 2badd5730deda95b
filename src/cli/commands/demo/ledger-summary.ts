/** How the demo describes a ledger in its report: money in major units, and the mix of types. */
import { currencyDecimals } from '../../../stripe/currencies.js';
import type { CustomerBalanceTransaction } from '../../../types.js';

/** Formats minor units of `currency` as money, e.g. -2500 usd → -$25.00. */
export function moneyFormat(currency: string): (minor: number) => string {
  const decimals = currencyDecimals(currency);
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  return (minor) => format.format(minor / 10 ** decimals);
}

/** `adjustment 120, applied_to_invoice 80, …`, the most frequent type first. */
export function typeCounts(ledger: readonly CustomerBalanceTransaction[]): string {
  const counts = new Map<string, number>();
  for (const row of ledger) counts.set(row.type, (counts.get(row.type) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
}
