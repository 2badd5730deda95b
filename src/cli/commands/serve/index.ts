/**
 * `stripe-balance-kit serve`: the mock on a loopback port, for clients that nock and msw cannot
 * reach (other languages, other processes, a browser app's dev server). The server is the same
 * core the in-process mock uses; this command only parses flags, preloads the state, prints
 * where it listens, and shuts down cleanly on SIGINT / SIGTERM.
 */
import { resolve } from 'node:path';
import { createFixtures } from '../../../factory/fixtures.js';
import { StripeCore } from '../../../mock/core.js';
import { type StripeServer, serveCore } from '../../../mock/server-transport.js';
import type { CustomerBalanceTransaction } from '../../../types.js';
import { defineCommand } from '../../define-command.js';
import { withFixtureFlags } from '../../fixture-flags.js';
import { announce } from './announce.js';
import { SERVE_DOCS } from './help.js';
import { readLedgerFile } from './ledger-file.js';
import { listenFailure } from './listen-errors.js';
import { ALLOW_LIVE_KEYS_FLAG, SERVE_FLAGS, type ServeOptions, serveOptions } from './options.js';
import { untilSignal } from './until-signal.js';

export const serveCommand = defineCommand({
  ...SERVE_DOCS,
  flags: SERVE_FLAGS,
  options: serveOptions,
  async run(options, io) {
    // Everything that can fail on input is read before the port is bound.
    const transactions = [
      ...seededLedger(options),
      ...(options.ledger === undefined ? [] : await readLedgerFile(resolve(io.cwd, options.ledger))),
    ];
    const core = new StripeCore({
      unknownCustomers: options.unknownCustomers,
      defaultCurrency: options.defaultCurrency,
      allowLiveKeys: options.allowLiveKeys,
    });
    // The 401 for a live key tells a server's user the flag, not mockStripe()'s option.
    core.liveKeyHint = `start serve with --${ALLOW_LIVE_KEYS_FLAG}`;
    let server: StripeServer;
    try {
      server = await serveCore(core, { port: options.port, host: options.host });
    } catch (error) {
      throw listenFailure(error, options.host, options.port);
    }
    try {
      server.seed(transactions);
    } catch (error) {
      await server.close();
      throw error;
    }
    announce(io, server, transactions, options.allowLiveKeys);
    await untilSignal(io, server);
    return 0;
  },
});

function seededLedger(options: ServeOptions): CustomerBalanceTransaction[] {
  if (options.seed === undefined) return [];
  const { seed, count } = options;
  // The seeded ledger's only option a user sets is its size.
  return withFixtureFlags(() => createFixtures({ seed }).ledger({ count, currency: 'usd' }), {}, 'count');
}
