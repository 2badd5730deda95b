/** The flags of `stripe-balance-kit serve`, checked before anything is read or bound. */
import type { ParsedArgs } from '../../args.js';
import { UsageError } from '../../command.js';
import { parseSeed } from '../../fixture-flags.js';
import { isSupportedCurrency } from '../../../stripe/currencies.js';
import { DEFAULT_SERVER_PORT } from '../../../mock/server-transport.js';

/** Transactions in the seeded ledger when --count is not given. */
export const SEEDED_COUNT = 50;

/** The flag that lets live keys through, named by the 401 the server answers them with. */
export const ALLOW_LIVE_KEYS_FLAG = 'allow-live-keys';

export const SERVE_FLAGS = {
  port: {
    type: 'integer',
    short: 'p',
    min: 0,
    max: 65535,
    expected: 'a port number from 0 to 65535 (0 picks a free port)',
  },
  host: { type: 'string' },
  seed: { type: 'string', short: 's' },
  count: { type: 'integer', short: 'n', min: 0 },
  ledger: { type: 'string' },
  'unknown-customers': { type: 'string' },
  'default-currency': { type: 'string' },
  [ALLOW_LIVE_KEYS_FLAG]: { type: 'boolean' },
} as const;

/** What one `serve` run listens on and preloads. */
export interface ServeOptions {
  port: number;
  host: string;
  seed: number | string | undefined;
  count: number;
  ledger: string | undefined;
  unknownCustomers: 'create' | 'reject';
  defaultCurrency: string;
  allowLiveKeys: boolean;
}

/** Checks the parsed flags; throws `UsageError` for anything the server cannot start with. */
export function serveOptions({ flags }: ParsedArgs<typeof SERVE_FLAGS>): ServeOptions {
  const host = flags.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host needs an address, such as 127.0.0.1');
  if (flags.count !== undefined && flags.seed === undefined) {
    throw new UsageError('--count sizes the seeded ledger; pass --seed S with it');
  }
  const unknownCustomers = flags['unknown-customers'] ?? 'reject';
  if (unknownCustomers !== 'create' && unknownCustomers !== 'reject') {
    throw new UsageError(`--unknown-customers must be create or reject; got '${unknownCustomers}'`);
  }
  const defaultCurrency = flags['default-currency'] ?? 'usd';
  if (!isSupportedCurrency(defaultCurrency)) {
    throw new UsageError(
      `--default-currency must be a lowercase currency Stripe supports, such as usd or eur; got '${defaultCurrency}'`,
    );
  }
  if (flags.ledger !== undefined && flags.ledger.trim() === '') {
    throw new UsageError('--ledger needs a file name');
  }
  return {
    port: flags.port ?? DEFAULT_SERVER_PORT,
    host,
    seed: flags.seed === undefined ? undefined : parseSeed(flags.seed),
    count: flags.count ?? SEEDED_COUNT,
    ledger: flags.ledger,
    unknownCustomers,
    defaultCurrency,
    allowLiveKeys: flags[ALLOW_LIVE_KEYS_FLAG] ?? false,
  };
}
