/**
 * The CLI's version check: imported first by src/cli/bin.ts, it prints the one-line message of
 * {@link unsupportedNodeMessage} and exits with status 2 on an unsupported Node.js, before the
 * rest of the CLI runs.
 */
import { unsupportedNodeMessage } from './runtime-check.js';

const message = unsupportedNodeMessage();
if (message !== undefined) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
