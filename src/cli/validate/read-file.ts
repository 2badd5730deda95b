/**
 * Reads one input file into record outcomes: a JSON document (one record, or a HAR recording),
 * NDJSON streamed line by line (one record per non-blank line, with its line number), or HAR.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ContractKind, ValidateOptions } from '../../contract/types.js';
import { checkRecord, unreadable } from './check-record.js';
import { harOutcomes, isHar } from './har.js';
import { describeFsError, type InputFile } from './inputs.js';
import type { RecordOutcome } from './outcome.js';

/** How records are checked: an explicit kind (JSON/NDJSON only) and the `validate` options. */
export interface ReadContext {
  kind: ContractKind | undefined;
  options: ValidateOptions;
}

const NDJSON = new Set(['.ndjson', '.jsonl']);

/** Every record outcome of one file, streamed. */
export async function* readInputFile(file: InputFile, ctx: ReadContext): AsyncGenerator<RecordOutcome> {
  const extension = path.extname(file.absolute).toLowerCase();
  if (NDJSON.has(extension)) {
    yield* readNdjson(file, ctx);
    return;
  }
  let text: string;
  try {
    text = await readFile(file.absolute, 'utf8');
  } catch (error) {
    yield unreadable(origin(file, 'file'), `cannot read file: ${describeFsError(error)}`);
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
  yield checkRecord(origin(file, 'document'), value, ctx.kind, ctx.options);
}

async function* readNdjson(file: InputFile, ctx: ReadContext): AsyncGenerator<RecordOutcome> {
  const lines = createInterface({
    input: createReadStream(file.absolute, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber += 1;
      const line = lineNumber === 1 ? stripBom(raw) : raw;
      if (line.trim() === '') continue;
      const at = { file: file.display, name: `line ${lineNumber}`, line: lineNumber };
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        yield unreadable(at, `line ${lineNumber} is not valid JSON: ${message(error)}`);
        continue;
      }
      yield checkRecord(at, value, ctx.kind, ctx.options);
    }
  } catch (error) {
    yield unreadable(origin(file, 'file'), `cannot read file: ${describeFsError(error)}`);
  } finally {
    lines.close();
  }
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
