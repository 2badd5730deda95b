/** How the demo describes a ledger in its report: the mix of transaction types. */
import type { CustomerBalanceTransaction } from '../../../types.js';

/** `adjustment 120, applied_to_invoice 80, …`, the most frequent type first. */
export function typeCounts(ledger: readonly CustomerBalanceTransaction[]): string {
  const counts = new Map<string, number>();
  for (const row of ledger) counts.set(row.type, (counts.get(row.type) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
}

/** `list 3, create 4, update 1`: requests by operation, in the order first seen. */
export function operationCounts(operations: readonly (string | undefined)[]): string {
  const counts = new Map<string, number>();
  for (const operation of operations) {
    const name = operation ?? 'other';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => `${name} ${n}`).join(', ');
}

/** A path as one shell word: as it is when it is safe, else single-quoted. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
