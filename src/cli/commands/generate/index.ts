/**
 * `stripe-balance-kit generate`: writes a seeded, Stripe-realistic ledger of one customer's
 * balance transactions as JSON, NDJSON or a Stripe list page. Rows stream from
 * `ledgerStream()` through a drain-aware writer, so a million rows take as little memory as ten.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { createFixtures } from '../../../factory/fixtures.js';
import type { CustomerBalanceTransaction } from '../../../types.js';
import { BufferedWriter } from '../../buffered-writer.js';
import { defineCommand } from '../../define-command.js';
import { errorCode, fileError } from '../../file-errors.js';
import { withFixtureFlags } from '../../fixture-flags.js';
import { FORMAT_WRITERS } from './formats.js';
import { GENERATE_DOCS } from './help.js';
import { GENERATE_FLAGS, type GenerateOptions, generateOptions } from './options.js';
import { createProgress } from './progress.js';

export const generateCommand = defineCommand({
  ...GENERATE_DOCS,
  flags: GENERATE_FLAGS,
  options: generateOptions,
  async run(options, io) {
    // Options are checked before any file is created, so a bad flag leaves nothing behind.
    const rows = ledgerRows(options);
    const path = options.out === undefined ? undefined : resolve(io.cwd, options.out);
    const file = path === undefined ? undefined : await openOutput(path);
    const writer = new BufferedWriter(file ?? io.stdout);
    const progress = createProgress(io, options.ledger.count, 'transactions');
    try {
      await FORMAT_WRITERS[options.format](rows, writer, progress.tick, options);
      await writer.flush();
      if (file) {
        file.end();
        await finished(file);
      }
    } catch (error) {
      file?.destroy();
      // A system error here is the disk's (ENOSPC, EIO …); anything else is not about the file.
      throw path !== undefined && errorCode(error) !== undefined
        ? fileError(`--out ${path}`, error, 'write')
        : error;
    }
    progress.finish();
    if (path !== undefined) {
      io.stderr.write(
        `generate: wrote ${options.ledger.count} transactions (${options.format}) to ${path}\n`,
      );
    }
    return 0;
  },
});

/** The --out file, open: an unwritable path fails here, before a single row is generated. */
async function openOutput(path: string): Promise<WriteStream> {
  const file = createWriteStream(path);
  try {
    await once(file, 'open');
  } catch (error) {
    throw fileError(`--out ${path}`, error, 'write');
  }
  return file;
}

/** The ledger stream, with option errors reported as the flags that caused them. */
function ledgerRows(options: GenerateOptions): Iterable<CustomerBalanceTransaction> {
  return withFixtureFlags(
    () =>
      createFixtures({
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        livemode: options.livemode,
      }).ledgerStream(options.ledger),
    { startingBalance: 'starting-balance' },
  );
}
