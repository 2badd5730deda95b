/** The flags of `stripe-balance-kit generate`, checked against Stripe's own limits and types. */
import type { LedgerOptions } from '../../../factory/ledger.js';
import { isSupportedCurrency } from '../../../stripe/currencies.js';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from '../../../stripe/paging.js';
import { isTransactionType, TRANSACTION_TYPES } from '../../../stripe/transaction-types.js';
import type { ParsedArgs } from '../../args.js';
import { UsageError } from '../../command.js';
import { parseSeed } from '../../fixture-flags.js';

export const FORMATS = ['json', 'ndjson', 'list'] as const;
export type Format = (typeof FORMATS)[number];

export const GENERATE_FLAGS = {
  count: { type: 'integer', short: 'n', min: 0 },
  seed: { type: 'string', short: 's' },
  customer: { type: 'string' },
  currency: { type: 'string' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  types: { type: 'string' },
  'starting-balance': { type: 'integer', expected: 'an integer (minor units)' },
  limit: { type: 'integer', min: 1, max: MAX_LIST_LIMIT },
  livemode: { type: 'boolean' },
} as const;

/** What one `generate` run writes. */
export interface GenerateOptions {
  ledger: LedgerOptions;
  seed: number | string | undefined;
  livemode: boolean;
  format: Format;
  /** The page size of `--format list`. */
  limit: number;
  out: string | undefined;
}

/** Checks the parsed flags; throws `UsageError` for options no ledger can satisfy. */
export function generateOptions({ flags }: ParsedArgs<typeof GENERATE_FLAGS>): GenerateOptions {
  const { count, customer, currency } = flags;
  if (count === undefined) {
    throw new UsageError("--count is required. Run 'stripe-balance-kit generate --help'.");
  }
  const format = flags.format ?? 'json';
  if (!isFormat(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got '${format}'`);
  if (flags.limit !== undefined && format !== 'list') {
    throw new UsageError('--limit only applies to --format list');
  }
  if (customer !== undefined && !/^cus_[0-9A-Za-z]{1,251}$/.test(customer)) {
    throw new UsageError(`--customer must be a customer id such as cus_NcjdgdwZyI9Rj7; got '${customer}'`);
  }
  if (currency !== undefined) checkCurrency(currency);
  const types = flags.types === undefined ? undefined : parseTypes(flags.types);
  const startingBalance = flags['starting-balance'];
  return {
    ledger: {
      count,
      ...(customer === undefined ? {} : { customer }),
      ...(currency === undefined ? {} : { currency }),
      ...(types === undefined ? {} : { types }),
      ...(startingBalance === undefined ? {} : { startingBalance }),
    },
    seed: flags.seed === undefined ? undefined : parseSeed(flags.seed),
    livemode: flags.livemode ?? false,
    format,
    limit: flags.limit ?? DEFAULT_LIST_LIMIT,
    out: flags.out,
  };
}

function isFormat(text: string): text is Format {
  return (FORMATS as readonly string[]).includes(text);
}

function checkCurrency(currency: string): void {
  if (isSupportedCurrency(currency)) return;
  const lower = currency.toLowerCase();
  throw new UsageError(
    isSupportedCurrency(lower)
      ? `--currency must be lowercase, as Stripe writes it: use ${lower}`
      : `--currency '${currency}' is not a currency Stripe supports; try usd, eur, gbp or jpy`,
  );
}

function parseTypes(text: string): NonNullable<LedgerOptions['types']> {
  const types = text
    .split(',')
    .map((type) => type.trim())
    .filter((type) => type.length > 0);
  if (types.length === 0) throw new UsageError('--types needs at least one transaction type');
  const unknown = types.find((type) => !isTransactionType(type));
  if (unknown !== undefined) {
    throw new UsageError(
      `--types: '${unknown}' is not a transaction type; use any of ${TRANSACTION_TYPES.join(', ')}`,
    );
  }
  return types.filter(isTransactionType);
}
