/**
 * Reads one input file into record outcomes: a JSON document (one record; a top-level array, one
 * record per item; or a HAR recording), NDJSON streamed line by line (one record per non-blank
 * line, with its line number; a line holding an array, one per item), or HAR.
 *
 * Size limits, so a huge input costs neither gigabytes of memory nor minutes: a JSON or HAR
 * document must be parsed whole (there is no streaming JSON parser among our dependencies), so
 * files above {@link MAX_DOCUMENT_BYTES} are refused up front, from their size alone, as
 * unreadable (exit 2) with a message saying how to split them. NDJSON is streamed in chunks of
 * bounded size whatever the file's size; only a single line above {@link MAX_LINE_BYTES} is
 * refused (skipped without being buffered), and the lines after it are still checked.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContractKind, ValidateOptions } from '../../../contract/types.js';
import { fileFailure } from '../../file-errors.js';
import { checkDocument, unreadable } from './check-record.js';
import { harOutcomes, isHar } from './har.js';
import type { InputFile } from './inputs.js';
import type { RecordOutcome } from './outcome.js';

/** How records are checked: an explicit kind (JSON/NDJSON only) and the `validate` options. */
export interface ReadContext {
  kind: ContractKind | undefined;
  options: ValidateOptions;
}

const NDJSON = new Set(['.ndjson', '.jsonl']);

/** The largest .json / .har file read (whole): 256 MiB, about what JSON.parse handles in a default heap. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
/** The longest NDJSON line read: 64 MiB, hundreds of times a full list page. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Every record outcome of one file, streamed. */
export async function* readInputFile(file: InputFile, ctx: ReadContext): AsyncGenerator<RecordOutcome> {
  const extension = path.extname(file.absolute).toLowerCase();
  if (NDJSON.has(extension)) {
    yield* readNdjson(file, ctx);
    return;
  }
  let text: string;
  try {
    const { size } = await stat(file.absolute);
    if (size > MAX_DOCUMENT_BYTES) {
      yield unreadable(
        origin(file, 'file'),
        `file is ${megabytes(size)} (${size} bytes); .json and .har files are parsed whole, so validate refuses them above ${megabytes(MAX_DOCUMENT_BYTES)}. Split the recording into smaller files, or write one response per line as .ndjson, which is streamed at any size.`,
      );
      return;
    }
    text = await readFile(file.absolute, 'utf8');
  } catch (error) {
    yield unreadable(origin(file, 'file'), fileFailure(error, 'read'));
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (error) {
    yield unreadable(origin(file, 'file'), `not valid JSON: ${message(error)}`);
    return;
  }
  if (isHar(value)) {
    yield* harOutcomes(value, file.display, ctx.options);
    return;
  }
  if (extension === '.har') {
    yield unreadable(origin(file, 'file'), 'not a HAR file: no log.entries array');
    return;
  }
  yield* checkDocument(origin(file, 'document'), value, ctx.kind, ctx.options);
}

async function* readNdjson(file: InputFile, ctx: ReadContext): AsyncGenerator<RecordOutcome> {
  let lineNumber = 0;
  try {
    for await (const line of ndjsonLines(file.absolute)) {
      lineNumber += 1;
      const at = { file: file.display, name: `line ${lineNumber}`, line: lineNumber };
      if (line.text === undefined) {
        yield unreadable(
          at,
          `line ${lineNumber} is ${megabytes(line.bytes)} long, above the ${megabytes(MAX_LINE_BYTES)} a line may have; skipped`,
        );
        continue;
      }
      const text = lineNumber === 1 ? stripBom(line.text) : line.text;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        yield unreadable(at, `line ${lineNumber} is not valid JSON: ${message(error)}`);
        continue;
      }
      yield* checkDocument(at, value, ctx.kind, ctx.options);
    }
  } catch (error) {
    yield unreadable(origin(file, 'file'), fileFailure(error, 'read'));
  }
}

/** One NDJSON line: its text, or `undefined` when it was longer than {@link MAX_LINE_BYTES}. */
interface Line {
  text: string | undefined;
  bytes: number;
}

/**
 * The lines of a file, split on `\n` (a `\r` before it is dropped), read in 1 MiB chunks. A line
 * longer than {@link MAX_LINE_BYTES} is counted but not kept, so memory stays bounded by the
 * limit whatever the file holds (a 1 GB file without a newline included). Splitting bytes, not
 * text, is safe: 0x0A never occurs inside a multi-byte UTF-8 sequence.
 */
async function* ndjsonLines(file: string): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let bytes = 0;
  let tooLong = false;
  const finish = (): Line => {
    if (tooLong) return { text: undefined, bytes };
    const text = Buffer.concat(parts).toString('utf8');
    return { text: text.endsWith('\r') ? text.slice(0, -1) : text, bytes };
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const buffer = chunk as Buffer;
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(0x0a, start);
      const end = newline === -1 ? buffer.length : newline;
      if (!tooLong && bytes + (end - start) > MAX_LINE_BYTES) {
        tooLong = true;
        parts = [];
      }
      if (!tooLong && end > start) parts.push(buffer.subarray(start, end));
      bytes += end - start;
      if (newline === -1) break;
      yield finish();
      parts = [];
      bytes = 0;
      tooLong = false;
      start = newline + 1;
    }
  }
  if (bytes > 0) yield finish();
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 * 10 ? 1 : 0)} MB`;
}

function origin(file: InputFile, name: string) {
  return { file: file.display, name, line: undefined };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
