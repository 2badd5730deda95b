/** Keeps `serve` running until SIGINT / SIGTERM, then closes the server gracefully. */
import type { StripeServer } from '../../../mock/server-transport.js';
import type { CliIo } from '../../command.js';

/**
 * Resolves once the server has closed after SIGINT or SIGTERM. The first signal closes
 * gracefully; a second one, for a request that will not finish, drops every connection.
 */
export function untilSignal(io: CliIo, server: StripeServer): Promise<void> {
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
