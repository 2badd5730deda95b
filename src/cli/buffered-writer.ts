/**
 * The CLI's one way to write a lot of output: many small strings become 64 KiB chunks, and a
 * chunk the stream cannot take yet waits for 'drain', so a producer of millions of lines (a
 * ledger, a report) never runs ahead of the disk or the pipe and memory stays flat.
 */
import { once } from 'node:events';

/** Strings are batched up to this many characters before each `write()`. */
const CHUNK_CHARACTERS = 64 * 1024;

export class BufferedWriter {
  private buffer: string[] = [];
  private buffered = 0;
  private failure: unknown;

  constructor(private readonly stream: NodeJS.WritableStream) {
    // Recorded here and rethrown by write()/flush(): an 'error' with no listener would crash.
    stream.on('error', (error: unknown) => {
      this.failure ??= error;
    });
  }

  /** Queues `text`; resolves at once unless a chunk had to wait for the stream to drain. */
  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= CHUNK_CHARACTERS) await this.flush();
  }

  /** Hands everything queued to the stream, waiting for 'drain' when it asks to. */
  async flush(): Promise<void> {
    this.throwIfFailed();
    if (this.buffered === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    if (!this.stream.write(chunk)) await this.drained();
    this.throwIfFailed();
  }

  // 'drain', or 'close' for a stream that died (whose 'error' may already have fired).
  private async drained(): Promise<void> {
    const controller = new AbortController();
    try {
      await Promise.race([
        once(this.stream, 'drain', { signal: controller.signal }),
        once(this.stream, 'close', { signal: controller.signal }),
      ]);
    } finally {
      controller.abort();
    }
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
