/**
 * `stripe-balance-kit serve`: the mock on a loopback port, for clients that nock and msw cannot
 * reach (other languages, other processes, a browser app's dev server). The server is the same
 * core the in-process mock uses (`startStripeServer`); this command only parses flags, preloads
 * the state, prints where it listens, and shuts down cleanly on SIGINT / SIGTERM.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FixtureOptionsError } from '../errors.js';
import { createFixtures } from '../factory/fixtures.js';
import { STRIPE_API_VERSION } from '../generated/spec-version.js';
import { DEFAULT_SERVER_PORT, type StripeServer, startStripeServer } from '../mock/server-transport.js';
import type { CustomerBalanceTransaction } from '../types.js';
import { type CliIo, type Command, UsageError } from './command.js';
import { parseSeed } from './generate-command.js';
import { readLedgerFile } from './serve-ledger.js';

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  seed: { type: 'string', short: 's' },
  count: { type: 'string', short: 'n' },
  ledger: { type: 'string' },
  'unknown-customers': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SEEDED_COUNT = 50;
/** Customers named on start; a ledger file with thousands of them gets a count for the rest. */
const LISTED_CUSTOMERS = 20;

export const SERVE_HELP = `Usage: stripe-balance-kit serve [options]

Runs the Stripe-faithful mock as an HTTP server on a loopback address, so any Stripe client
(any language, any process) can use it: point the client at http://127.0.0.1:${DEFAULT_SERVER_PORT} with a
test key (sk_test_...). It answers the four Customer Balance Transactions endpoints exactly as
the in-process mock does (same code): validation, idempotency keys, paging, Stripe's error
envelope; any other route gets Stripe's 404.

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

interface ServeArgs {
  port: number;
  host: string;
  seed: number | string | undefined;
  count: number;
  ledger: string | undefined;
  unknownCustomers: 'create' | 'reject';
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the mock as a loopback HTTP server for any Stripe client (Ctrl+C to stop)',
  async run(argv, io) {
    const args = parseServeArgs(argv);
    if (args === 'help') {
      io.stdout.write(SERVE_HELP);
      return 0;
    }
    // Everything that can fail on input is read before the port is bound.
    const transactions = [
      ...seededLedger(args),
      ...(args.ledger === undefined ? [] : await readLedgerFile(resolve(io.cwd, args.ledger))),
    ];
    let server: StripeServer;
    try {
      server = await startStripeServer({
        port: args.port,
        host: args.host,
        unknownCustomers: args.unknownCustomers,
      });
    } catch (error) {
      throw new Error(bindFailure(error, args));
    }
    try {
      server.seed(transactions);
    } catch (error) {
      await server.close();
      throw error;
    }
    announce(io, server, transactions);
    await untilSignal(io, server);
    return 0;
  },
};

function seededLedger(args: ServeArgs): CustomerBalanceTransaction[] {
  if (args.seed === undefined) return [];
  try {
    return createFixtures({ seed: args.seed }).ledger({ count: args.count, currency: 'usd' });
  } catch (error) {
    if (error instanceof FixtureOptionsError) throw new UsageError(`${error.message} (flag --count)`);
    throw error;
  }
}

function bindFailure(error: unknown, args: ServeArgs): string {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${args.host}:${args.port}`;
  if (code === 'EADDRINUSE')
    return `port ${args.port} is already in use on ${args.host}; pick another with --port, or --port 0 for any free port`;
  if (code === 'EACCES') return `no permission to listen on ${where}; use a port above 1023`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `cannot bind ${where}: --host must be an address of this machine, such as 127.0.0.1`;
  return `cannot listen on ${where}: ${error instanceof Error ? error.message : String(error)}`;
}

function announce(
  io: CliIo,
  server: StripeServer,
  transactions: readonly CustomerBalanceTransaction[],
): void {
  const say = (line = '') => io.stdout.write(`${line}\n`);
  say(`stripe-balance-kit mock server — Stripe API ${STRIPE_API_VERSION}`);
  say(`listening on ${server.url}`);
  const perCustomer = new Map<string, number>();
  for (const transaction of transactions) {
    const customer = transaction.customer as string;
    perCustomer.set(customer, (perCustomer.get(customer) ?? 0) + 1);
  }
  if (perCustomer.size === 0) {
    say('no customers preloaded (use --seed or --ledger; or --unknown-customers create)');
  } else {
    say(`serving ${perCustomer.size} customer${perCustomer.size === 1 ? '' : 's'}:`);
    for (const [customer, count] of [...perCustomer].slice(0, LISTED_CUSTOMERS)) {
      const state = server.customers.get(customer);
      const balance = state?.currency ? ` (balance ${state.balance} ${state.currency})` : '';
      say(`  ${customer}  ${count} transaction${count === 1 ? '' : 's'}${balance}`);
    }
    if (perCustomer.size > LISTED_CUSTOMERS) say(`  … and ${perCustomer.size - LISTED_CUSTOMERS} more`);
  }
  say('Use a test key (sk_test_...). Press Ctrl+C to stop.');
}

/**
 * Resolves once the server has closed after SIGINT or SIGTERM. The first signal closes
 * gracefully; a second one, for a request that will not finish, drops every connection.
 */
function untilSignal(io: CliIo, server: StripeServer): Promise<void> {
  return new Promise<void>((done, fail) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        io.stderr.write(`${signal} again: dropping open connections\n`);
        server.closeNow();
        return;
      }
      stopping = true;
      io.stderr.write(`${signal}: stopping (requests in flight finish first)\n`);
      server.close().then(
        () => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          io.stdout.write('stopped\n');
          done();
        },
        (error: unknown) => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          fail(error);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

function parseServeArgs(argv: string[]): ServeArgs | 'help' {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${SERVE_HELP}`);
  }
  if (values.help) return 'help';
  const port = values.port === undefined ? DEFAULT_SERVER_PORT : portNumber(values.port);
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host needs an address, such as 127.0.0.1');
  if (values.count !== undefined && values.seed === undefined) {
    throw new UsageError('--count sizes the seeded ledger; pass --seed S with it');
  }
  const count = values.count === undefined ? SEEDED_COUNT : wholeNumber(values.count, '--count');
  const unknownCustomers = values['unknown-customers'] ?? 'reject';
  if (unknownCustomers !== 'create' && unknownCustomers !== 'reject') {
    throw new UsageError(`--unknown-customers must be create or reject; got '${unknownCustomers}'`);
  }
  if (values.ledger !== undefined && values.ledger.trim() === '') {
    throw new UsageError('--ledger needs a file name');
  }
  return {
    port,
    host,
    seed: values.seed === undefined ? undefined : parseSeed(values.seed),
    count,
    ledger: values.ledger,
    unknownCustomers,
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

function portNumber(text: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value > 65535) {
    throw new UsageError(`--port must be a port number from 0 to 65535 (0 picks a free port); got '${text}'`);
  }
  return value;
}
