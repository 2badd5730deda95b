/** Why the server could not bind, as one line naming the address and the flag that fixes it. */
import { errorCode } from '../../file-errors.js';

export function listenFailure(error: unknown, host: string, port: number): Error {
  const where = `${host}:${port}`;
  switch (errorCode(error)) {
    case 'EADDRINUSE':
      return new Error(
        `port ${port} is already in use on ${host}; pick another with --port, or --port 0 for any free port`,
      );
    case 'EACCES':
      return new Error(`no permission to listen on ${where}; use a port above 1023`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new Error(`cannot bind ${where}: --host must be an address of this machine, such as 127.0.0.1`);
    default:
      return new Error(
        `cannot listen on ${where}: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
}
