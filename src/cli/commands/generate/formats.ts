/**
 * How each `--format` writes the ledger stream: row by row through the buffered writer, so no
 * format ever holds more than a chunk (or, for `list`, one page) in memory.
 */
import { balanceTransactionsUrl } from '../../../stripe/paging.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../../../types.js';
import type { BufferedWriter } from '../../buffered-writer.js';
import type { Format, GenerateOptions } from './options.js';

type RowWriter = (
  rows: Iterable<CustomerBalanceTransaction>,
  writer: BufferedWriter,
  tick: (done: number) => void,
  options: GenerateOptions,
) => Promise<void>;

export const FORMAT_WRITERS: Readonly<Record<Format, RowWriter>> = {
  async ndjson(rows, writer, tick) {
    let done = 0;
    for (const row of rows) {
      await writer.write(`${JSON.stringify(row)}\n`);
      tick(++done);
    }
  },
  async json(rows, writer, tick) {
    let done = 0;
    await writer.write('[');
    for (const row of rows) {
      await writer.write(`${done === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`);
      tick(++done);
    }
    await writer.write(done === 0 ? ']\n' : '\n]\n');
  },
  async list(rows, writer, tick, options) {
    // Page one is the newest `limit` rows: keep only those while the ledger streams by.
    const newest: CustomerBalanceTransaction[] = [];
    let done = 0;
    let customer: string | undefined = options.ledger.customer;
    for (const row of rows) {
      if (newest.length === options.limit) newest.shift();
      newest.push(row);
      customer ??= row.customer as string;
      tick(++done);
    }
    const page: CustomerBalanceTransactionList = {
      object: 'list',
      data: newest.reverse(),
      has_more: done > options.limit,
      url: balanceTransactionsUrl(customer ?? 'cus_unknown'),
    };
    await writer.write(`${JSON.stringify(page, null, 2)}\n`);
  },
};
