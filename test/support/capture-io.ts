/** An in-memory `CliIo` for running the CLI in-process. */
import { Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/command.js';

/** `CliIo` plus what was written to stdout and stderr. */
export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

function sink(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
}

/** Collects output; `cwd` defaults to the repository root. */
export function captureIo(cwd: string): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout: sink(stdout),
    stderr: sink(stderr),
    cwd,
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}
