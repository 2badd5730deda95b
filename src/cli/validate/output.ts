/** Buffered writes to a stream: tens of thousands of small writes become a few large ones. */

const FLUSH_AT = 64 * 1024;

/** Collects text and writes it to `stream` in chunks of about 64 KiB. */
export class Output {
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  /** Queues `text`, flushing when enough has piled up. */
  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  /** Writes everything queued so far. */
  flush(): void {
    if (this.chunks.length === 0) return;
    this.stream.write(this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
}
