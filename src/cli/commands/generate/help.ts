/** The `generate` docs; the help's limits, types and progress threshold come from their sources. */
import type { CommandDocs } from '../../define-command.js';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from '../../../stripe/paging.js';
import { TRANSACTION_TYPES } from '../../../stripe/transaction-types.js';
import { PROGRESS_THRESHOLD } from './progress.js';

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
                             negative values too: --starting-balance -5000
      --livemode             Live-mode objects (livemode: true, cs_live_ sessions)
  -h, --help                 Show this help

Every format streams: rows are generated and written one chunk at a time, waiting for the
output to drain, so memory stays flat for any --count. On a terminal, runs of
${PROGRESS_THRESHOLD.toLocaleString('en-US')} rows or more show a progress line on stderr.

Examples:
  stripe-balance-kit generate --count 20 --seed 42 --currency usd
  stripe-balance-kit generate --count 1000000 --format ndjson --out ledger.ndjson
  stripe-balance-kit generate --count 250 --format list --limit 100 --customer cus_NcjdgdwZyI9Rj7

Exit codes: 0 written, 2 bad flags, options no ledger can satisfy, or an unwritable --out.
`;

export const GENERATE_DOCS: CommandDocs = {
  name: 'generate',
  summary: 'Write seeded, Stripe-realistic balance transactions (json, ndjson or a list page)',
  help: GENERATE_HELP,
};
