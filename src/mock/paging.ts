// TEMPORARY until src/factory's list paging lands: newest-first pages over an oldest-first ledger.
import { invalidRequest, resourceMissing } from '../errors.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../types.js';

export function pageOfLedger(
  ledger: readonly CustomerBalanceTransaction[],
  opts: { customer: string; limit?: number; starting_after?: string; ending_before?: string },
): CustomerBalanceTransactionList {
  const limit = opts.limit ?? 10;
  if (opts.starting_after !== undefined && opts.ending_before !== undefined) {
    throw invalidRequest(
      'Received both starting_after and ending_before parameters. Please pass in only one.',
    );
  }
  const newest = [...ledger].reverse();
  let data: CustomerBalanceTransaction[];
  let hasMore: boolean;
  if (opts.starting_after !== undefined) {
    const at = newest.findIndex((t) => t.id === opts.starting_after);
    if (at === -1)
      throw resourceMissing(
        `No such customer balance transaction: '${opts.starting_after}'`,
        'starting_after',
      );
    data = newest.slice(at + 1, at + 1 + limit);
    hasMore = at + 1 + limit < newest.length;
  } else if (opts.ending_before !== undefined) {
    const at = newest.findIndex((t) => t.id === opts.ending_before);
    if (at === -1)
      throw resourceMissing(`No such customer balance transaction: '${opts.ending_before}'`, 'ending_before');
    const start = Math.max(0, at - limit);
    data = newest.slice(start, at);
    hasMore = start > 0;
  } else {
    data = newest.slice(0, limit);
    hasMore = limit < newest.length;
  }
  return {
    object: 'list',
    data,
    has_more: hasMore,
    url: `/v1/customers/${opts.customer}/balance_transactions`,
  };
}
