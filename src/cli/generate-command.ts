/**
 * `stripe-balance-kit generate`: writes a seeded, Stripe-realistic ledger of one customer's
 * balance transactions as JSON, NDJSON or a Stripe list page. Rows stream from
 * `ledgerStream()` through a drain-aware writer, so a million rows take as little memory as ten.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { FixtureOptionsError } from '../errors.js';
import { isSupportedCurrency } from '../stripe/currencies.js';
import { createFixtures } from '../factory/fixtures.js';
import type { LedgerOptions } from '../factory/ledger.js';
import { balanceTransactionsUrl, DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from '../stripe/paging.js';
import { isTransactionType, TRANSACTION_TYPES } from '../stripe/transaction-types.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../types.js';
import { type Command, UsageError } from './command.js';
import { LineWriter } from './line-writer.js';
import { createProgress, PROGRESS_THRESHOLD } from './progress.js';

const FORMATS = ['json', 'ndjson', 'list'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  count: { type: 'string', short: 'n' },
  seed: { type: 'string', short: 's' },
  customer: { type: 'string' },
  currency: { type: 'string' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  types: { type: 'string' },
  'starting-balance': { type: 'string' },
  limit: { type: 'string' },
  livemode: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const GENERATE_HELP = `Usage: stripe-balance-kit generate --count N [options]

Writes a seeded ledger: N balance transactions of one customer in one currency, oldest first,
that follow Stripe's rules (ending balances chain, created strictly increases, links and signs
match each type) and pass the customer_balance_transaction contract.

Options:
  -n, --count N              Number of transactions (required; 0 or more)
  -s, --seed S               Seed; the same seed gives byte-identical output (default: fixed)
      --customer cus_...     Customer id (default: generated from the seed)
      --currency CODE        Lowercase Stripe currency, e.g. usd, eur, jpy (default: drawn,
                             weighted toward common currencies)
  -f, --format FORMAT        json    a JSON array, one transaction per line (default)
                             ndjson  one transaction per line, nothing else
                             list    the first page Stripe's list endpoint returns for this
                                     ledger: { object: 'list', data (newest first), has_more, url }
      --limit L              Page size for --format list, 1-${MAX_LIST_LIMIT} (default ${DEFAULT_LIST_LIMIT}, as Stripe)
  -o, --out FILE             Write to FILE instead of stdout
      --types T1,T2,...      Only these transaction types, e.g. adjustment,credit_note
                             (one of: ${TRANSACTION_TYPES.join(', ')})
      --starting-balance B   Balance before the first transaction, in minor units (default 0);
                             write a negative value as --starting-balance=-5000
      --livemode             Live-mode objects (livemode: true, cs_live_ sessions)
  -h, --help                 Show this help

Every format streams: rows are generated and written one chunk at a time, waiting for the
output to drain, so memory stays flat for any --count. On a terminal, runs of
${PROGRESS_THRESHOLD.toLocaleString('en-US')} rows or more show a progress line on stderr.

Examples:
  stripe-balance-kit generate --count 20 --seed 42 --currency usd
  stripe-balance-kit generate --count 1000000 --format ndjson --out ledger.ndjson
  stripe-balance-kit generate --count 250 --format list --limit 100 --customer cus_NcjdgdwZyI9Rj7

Exit codes: 0 written, 2 bad flags or options no ledger can satisfy.
`;

interface GenerateArgs {
  ledger: LedgerOptions;
  seed: number | string | undefined;
  livemode: boolean;
  format: Format;
  limit: number;
  out: string | undefined;
}

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Write seeded, Stripe-realistic balance transactions (json, ndjson or a list page)',
  async run(argv, io) {
    const args = parseGenerateArgs(argv);
    if (args === 'help') {
      io.stdout.write(GENERATE_HELP);
      return 0;
    }
    // Options are checked before any file is created, so a bad flag leaves nothing behind.
    const rows = ledgerRows(args);
    const path = args.out === undefined ? undefined : resolve(io.cwd, args.out);
    const file = path === undefined ? undefined : createWriteStream(path);
    // An unwritable path fails here, before a single row is generated.
    if (file) await once(file, 'open');
    const writer = new LineWriter(file ?? io.stdout);
    const progress = createProgress(io, args.ledger.count, 'transactions');
    try {
      await FORMAT_WRITERS[args.format](rows, writer, progress.tick, args);
      await writer.flush();
    } finally {
      if (file) {
        file.end();
        await finished(file);
      }
    }
    progress.finish();
    if (path !== undefined) {
      io.stderr.write(`generate: wrote ${args.ledger.count} transactions (${args.format}) to ${path}\n`);
    }
    return 0;
  },
};

type RowWriter = (
  rows: Iterable<CustomerBalanceTransaction>,
  writer: LineWriter,
  tick: (done: number) => void,
  args: GenerateArgs,
) => Promise<void>;

const FORMAT_WRITERS: Record<Format, RowWriter> = {
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
  async list(rows, writer, tick, args) {
    // Page one is the newest `limit` rows: keep only those while the ledger streams by.
    const newest: CustomerBalanceTransaction[] = [];
    let done = 0;
    let customer: string | undefined = args.ledger.customer;
    for (const row of rows) {
      if (newest.length === args.limit) newest.shift();
      newest.push(row);
      customer ??= row.customer as string;
      tick(++done);
    }
    const page: CustomerBalanceTransactionList = {
      object: 'list',
      data: newest.reverse(),
      has_more: done > args.limit,
      url: balanceTransactionsUrl(customer ?? 'cus_unknown'),
    };
    await writer.write(`${JSON.stringify(page, null, 2)}\n`);
  },
};

/** The ledger stream, with option errors reported as the flags that caused them. */
function ledgerRows(args: GenerateArgs): Iterable<CustomerBalanceTransaction> {
  try {
    const fixtures = createFixtures({
      ...(args.seed === undefined ? {} : { seed: args.seed }),
      livemode: args.livemode,
    });
    return fixtures.ledgerStream(args.ledger);
  } catch (error) {
    if (error instanceof FixtureOptionsError) {
      throw new UsageError(`${error.message} (flag --${FLAG_OF[error.option] ?? error.option})`);
    }
    throw error;
  }
}

const FLAG_OF: Record<string, string> = { startingBalance: 'starting-balance' };

function parseGenerateArgs(argv: string[]): GenerateArgs | 'help' {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${GENERATE_HELP}`);
  }
  if (values.help) return 'help';
  if (values.count === undefined) throw new UsageError(`--count is required\n\n${GENERATE_HELP}`);
  const count = wholeNumber(values.count, '--count');

  const format = values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got '${format}'`);
  }
  if (values.limit !== undefined && format !== 'list')
    throw new UsageError('--limit only applies to --format list');
  const limit = values.limit === undefined ? DEFAULT_LIST_LIMIT : wholeNumber(values.limit, '--limit');
  if (limit < 1 || limit > MAX_LIST_LIMIT)
    throw new UsageError(`--limit must be 1 to ${MAX_LIST_LIMIT}; got ${limit}`);

  const { customer, currency } = values;
  if (customer !== undefined && !/^cus_[0-9A-Za-z]{1,251}$/.test(customer)) {
    throw new UsageError(`--customer must be a customer id such as cus_NcjdgdwZyI9Rj7; got '${customer}'`);
  }
  if (currency !== undefined && !isSupportedCurrency(currency)) {
    const lower = currency.toLowerCase();
    throw new UsageError(
      isSupportedCurrency(lower)
        ? `--currency must be lowercase, as Stripe writes it: use ${lower}`
        : `--currency '${currency}' is not a currency Stripe supports; try usd, eur, gbp or jpy`,
    );
  }
  const types = values.types === undefined ? undefined : parseTypes(values.types);
  const startingBalance =
    values['starting-balance'] === undefined
      ? undefined
      : integer(values['starting-balance'], '--starting-balance');

  const ledger: LedgerOptions = {
    count,
    ...(customer === undefined ? {} : { customer }),
    ...(currency === undefined ? {} : { currency }),
    ...(types === undefined ? {} : { types }),
    ...(startingBalance === undefined ? {} : { startingBalance }),
  };
  return {
    ledger,
    seed: values.seed === undefined ? undefined : parseSeed(values.seed),
    livemode: values.livemode ?? false,
    format: format as Format,
    limit,
    out: values.out,
  };
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
}

function wholeNumber(text: string, flag: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new UsageError(`${flag} must be a whole number; got '${text}'`);
  return value;
}

function integer(text: string, flag: string): number {
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value))
    throw new UsageError(`${flag} must be an integer (minor units); got '${text}'`);
  return value;
}

/** Digits are a numeric seed (`--seed 42` equals `createFixtures({ seed: 42 })`); anything else a string seed. */
export function parseSeed(text: string): number | string {
  const value = Number(text);
  return /^-?\d+$/.test(text) && Number.isSafeInteger(value) ? value : text;
}

function parseTypes(text: string): LedgerOptions['types'] {
  const types = text
    .split(',')
    .map((type) => type.trim())
    .filter((type) => type.length > 0);
  if (types.length === 0) throw new UsageError('--types needs at least one transaction type');
  for (const type of types) {
    if (!isTransactionType(type)) {
      throw new UsageError(
        `--types: '${type}' is not a transaction type; use any of ${TRANSACTION_TYPES.join(', ')}`,
      );
    }
  }
  return types.filter(isTransactionType);
}
