/** What a CLI command sees of the world: injected so commands are testable without spawning. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Returns the process exit code: 0 ok, 1 contract/job failure, 2 usage or unreadable input. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Bad flags or arguments: the CLI prints the message and exits 2, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
