/**
 * A one-line progress indicator on stderr for long runs. Shown only on a terminal, so logs and
 * pipes never collect carriage returns, and only for runs big enough to take a while.
 */
import type { CliIo } from '../../command.js';

/** Runs below this many items finish too fast to need a progress line. */
export const PROGRESS_THRESHOLD = 100_000;

export interface Progress {
  tick(done: number): void;
  finish(): void;
}

const SILENT: Progress = { tick() {}, finish() {} };

export function createProgress(io: CliIo, total: number, noun: string): Progress {
  if (!io.stderr.isTTY || total < PROGRESS_THRESHOLD) return SILENT;
  const step = Math.max(1, Math.floor(total / 100));
  const format = new Intl.NumberFormat('en-US');
  const show = (done: number) =>
    io.stderr.write(
      `\rgenerate: ${String(Math.floor((done / total) * 100)).padStart(3)}% (${format.format(done)} / ${format.format(total)} ${noun})`,
    );
  let next = step;
  return {
    tick(done) {
      if (done < next) return;
      next = done + step;
      show(done);
    },
    finish() {
      show(total);
      io.stderr.write('\n');
    },
  };
}
