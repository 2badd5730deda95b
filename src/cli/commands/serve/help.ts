/** The `serve` docs. */
import type { CommandDocs } from '../../define-command.js';
import { DEFAULT_SERVER_PORT } from '../../../mock/server-transport.js';
import { SEEDED_COUNT } from './options.js';

export const SERVE_HELP = `Usage: stripe-balance-kit serve [options]

Runs the Stripe-faithful mock as an HTTP server on a loopback address, so any Stripe client
(any language, any process) can use it: point the client at http://127.0.0.1:${DEFAULT_SERVER_PORT} with a
test key (sk_test_...). It answers the four Customer Balance Transactions endpoints and the five
customer endpoints exactly as the in-process mock does (same code): validation, idempotency
keys, paging, Stripe-Account scoping, Stripe's error envelope; any other route gets Stripe's 404.
Stripe's own balance flows (an invoice finalized, a credit note, ...) and fault injection are
on POST /_balance_kit/simulate/<name> and POST /_balance_kit/fail_next (docs/simulations.md).

Options:
  -p, --port N                   Port to listen on (default ${DEFAULT_SERVER_PORT}; 0 picks a free port)
      --host ADDR                Address to bind (default 127.0.0.1; keep it on loopback)
  -s, --seed S                   Preload a seeded ledger: one customer with --count usd
                                 transactions from createFixtures({ seed: S })
  -n, --count N                  Transactions in the seeded ledger (default ${SEEDED_COUNT}; needs --seed)
      --ledger FILE              Preload the transactions in FILE: a JSON array, a list page
                                 ({ "object": "list", "data": [...] }) or NDJSON, e.g. the output
                                 of \`stripe-balance-kit generate\`; each is checked against the
                                 contract first
      --unknown-customers MODE   reject (default): 404 resource_missing for a customer the server
                                 does not know, as Stripe; create: create it on first use
      --default-currency CUR     The account's default currency (default usd): a balance set on
                                 a customer with no currency yet is in it
      --allow-live-keys          Accept live-mode keys (sk_live_..., rk_live_...) too; by default
                                 they get a 401, so a live key is never used by mistake
  -h, --help                     Show this help

On start it prints \`listening on http://HOST:PORT\` and the customers it serves. SIGINT
(Ctrl+C) or SIGTERM stops it gracefully: no new connections, requests in flight finish, exit 0.
A second signal drops the remaining connections at once.

Examples:
  stripe-balance-kit serve --seed 42
  stripe-balance-kit serve --port 0 --ledger ledger.ndjson --unknown-customers create
  curl -u sk_test_123: http://127.0.0.1:${DEFAULT_SERVER_PORT}/v1/customers/cus_.../balance_transactions

Exit codes: 0 stopped by a signal, 2 bad flags, an unreadable or invalid --ledger file, or a
port that cannot be bound.
`;

export const SERVE_DOCS: CommandDocs = {
  name: 'serve',
  summary: 'Run the mock as a loopback HTTP server for any Stripe client (Ctrl+C to stop)',
  help: SERVE_HELP,
};
