/**
 * `serve --ledger FILE`: reads the transactions to preload. Accepted shapes, told apart by
 * content rather than by extension (a `.json` file written by `generate --format ndjson` is
 * common): a JSON array, a Stripe list page (`{ object: 'list', data }`), one transaction, or
 * NDJSON (one transaction per line). Every transaction is checked against the strict contract
 * before the server starts, and a failure names the record and the path.
 */
import { readFile, stat } from 'node:fs/promises';
import { validate } from '../../../contract/validate.js';
import type { CustomerBalanceTransaction } from '../../../types.js';
import { fileFailure } from '../../file-errors.js';

/** A ledger file the server cannot preload; the CLI prints the message and exits 2. */
export class LedgerFileError extends Error {
  override name = 'LedgerFileError';
}

/** The largest ledger file read: 256 MiB, parsed whole (the seed is held in memory anyway). */
const MAX_LEDGER_BYTES = 256 * 1024 * 1024;

/** The transactions in `file`, each checked against the contract. */
export async function readLedgerFile(file: string): Promise<CustomerBalanceTransaction[]> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_LEDGER_BYTES) {
      throw new LedgerFileError(`--ledger ${file}: the file is ${size} bytes; the limit is 256 MiB`);
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof LedgerFileError) throw error;
    throw new LedgerFileError(`--ledger ${file}: ${fileFailure(error, 'read')}`);
  }
  const records = parseRecords(text.replace(/^\uFEFF/, ''), file);
  records.forEach((record, index) => {
    const where = record.line === undefined ? `transactions[${index}]` : `line ${record.line}`;
    const result = validate('customer_balance_transaction', record.value);
    const first = result.errors[0];
    if (first) {
      throw new LedgerFileError(
        `--ledger ${file}: ${where}${first.path} ${first.message} (expected ${first.expected}, got ${first.received}); every record must be a customer_balance_transaction (write one with \`stripe-balance-kit generate\`)`,
      );
    }
  });
  return records.map((record) => record.value as CustomerBalanceTransaction);
}

interface ParsedRecord {
  value: unknown;
  line: number | undefined;
}

function parseRecords(text: string, file: string): ParsedRecord[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new LedgerFileError(`--ledger ${file}: the file is empty`);
  let document: unknown;
  let parsed = true;
  try {
    document = JSON.parse(trimmed);
  } catch {
    parsed = false;
  }
  if (!parsed) return parseNdjson(text, file);
  if (Array.isArray(document)) return document.map((value) => ({ value, line: undefined }));
  if (typeof document === 'object' && document !== null) {
    const object = (document as { object?: unknown }).object;
    const data = (document as { data?: unknown }).data;
    if (object === 'list' && Array.isArray(data)) return data.map((value) => ({ value, line: undefined }));
    if (object === 'customer_balance_transaction') return [{ value: document, line: undefined }];
  }
  throw new LedgerFileError(
    `--ledger ${file}: expected a JSON array of customer_balance_transaction objects, a list page ({ "object": "list", "data": [...] }), or NDJSON (one transaction per line)`,
  );
}

function parseNdjson(text: string, file: string): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    try {
      records.push({ value: JSON.parse(line), line: index + 1 });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new LedgerFileError(
        `--ledger ${file}: line ${index + 1} is not valid JSON (${reason}); the file is neither a JSON document nor NDJSON`,
      );
    }
  }
  return records;
}
