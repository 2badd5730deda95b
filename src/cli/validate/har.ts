/**
 * Checks a HAR recording: each entry is matched to one of the four operations by method and URL
 * path; its request parameters (form body, or query string for list) and its response body (the
 * operation's response for 2xx, the error envelope otherwise) are two records. Entries for any
 * other endpoint are skipped and counted.
 */
import { decodeStripeForm } from '../../contract/form-decode.js';
import { matchOperation } from '../../contract/operations.js';
import type { ContractKind, ValidateOptions } from '../../contract/types.js';
import {
  checkRecord,
  failed,
  invalidJsonIssue,
  type RecordOrigin,
  skipped,
  unreadable,
} from './check-record.js';
import type { RecordOutcome } from './outcome.js';

/** True when a parsed JSON document has HAR's `log.entries` array. */
export function isHar(value: unknown): value is { log: { entries: unknown[] } } {
  if (typeof value !== 'object' || value === null) return false;
  const log = (value as { log?: unknown }).log;
  return typeof log === 'object' && log !== null && Array.isArray((log as { entries?: unknown }).entries);
}

interface HarPostData {
  mimeType?: unknown;
  text?: unknown;
  params?: unknown;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The outcomes of every entry of a HAR document, in entry order. */
export function* harOutcomes(
  har: { log: { entries: unknown[] } },
  file: string,
  options: ValidateOptions,
): Generator<RecordOutcome> {
  const entries = har.log.entries;
  for (let index = 0; index < entries.length; index += 1) {
    const label = `entries[${index}]`;
    try {
      yield* entryOutcomes(entries[index], label, file, options);
    } catch (error) {
      // One hostile entry must not end the run: it becomes an unreadable record, the rest is checked.
      const reason = error instanceof Error ? error.message : String(error);
      yield unreadable({ file, name: label, line: undefined }, `HAR entry could not be checked: ${reason}`);
    }
  }
}

function* entryOutcomes(
  entry: unknown,
  label: string,
  file: string,
  options: ValidateOptions,
): Generator<RecordOutcome> {
  const request = asRecord(asRecord(entry)?.request);
  const response = asRecord(asRecord(entry)?.response);
  const origin = (name: string): RecordOrigin => ({ file, name, line: undefined });
  if (!request || typeof request.method !== 'string' || typeof request.url !== 'string') {
    yield unreadable(origin(label), 'HAR entry without request.method and request.url');
    return;
  }
  let url: URL;
  try {
    url = new URL(request.url, 'http://localhost');
  } catch {
    yield unreadable(origin(label), `HAR entry with an unparseable URL '${request.url}'`);
    return;
  }
  const method = request.method.toUpperCase();
  const title = `${label} ${method} ${url.pathname}`;
  const operation = matchOperation(method, url.pathname);
  if (!operation) {
    yield skipped(origin(title), 'not a Customer Balance Transactions endpoint');
    return;
  }

  if (operation.params) {
    const kind = operation.params.kind;
    const name = `${title} request`;
    if (operation.params.in === 'query') {
      yield checkRecord(origin(name), decodeStripeForm(url.searchParams, kind), kind, options);
    } else {
      yield requestBodyOutcome(origin(name), request.postData as HarPostData | undefined, kind, options);
    }
  }

  const name = `${title} response`;
  const status = typeof response?.status === 'number' ? response.status : 0;
  const content = asRecord(response?.content);
  const text = bodyText(content);
  if (status === 0 || text === undefined || text.trim() === '') {
    yield skipped(origin(name), status === 0 ? 'no response recorded' : 'no response body recorded');
    return;
  }
  const kind: ContractKind = status >= 200 && status < 300 ? operation.response : 'error';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    yield failed(origin(`${name} (${status})`), kind, [invalidJsonIssue(text, error)]);
    return;
  }
  yield checkRecord(origin(`${name} (${status})`), body, kind, options);
}

function bodyText(content: Record<string, unknown> | undefined): string | undefined {
  const text = content?.text;
  if (typeof text !== 'string') return undefined;
  return content?.encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
}

function requestBodyOutcome(
  origin: RecordOrigin,
  postData: HarPostData | undefined,
  kind: ContractKind,
  options: ValidateOptions,
): RecordOutcome {
  const mimeType = typeof postData?.mimeType === 'string' ? postData.mimeType : '';
  const text = typeof postData?.text === 'string' ? postData.text : undefined;
  if (mimeType.includes('json') && text !== undefined) {
    try {
      return checkRecord(origin, JSON.parse(text), kind, options);
    } catch (error) {
      return failed(origin, kind, [invalidJsonIssue(text, error)]);
    }
  }
  return checkRecord(origin, decodeStripeForm(formPairs(postData, text), kind), kind, options);
}

/** Form pairs from the body text, else from HAR's pre-split `params`, else none. */
function formPairs(postData: HarPostData | undefined, text: string | undefined): [string, string][] {
  if (text !== undefined) return [...new URLSearchParams(text)];
  if (!Array.isArray(postData?.params)) return [];
  return postData.params.flatMap((p: unknown) => {
    const pair = asRecord(p);
    return typeof pair?.name === 'string'
      ? [[pair.name, typeof pair.value === 'string' ? pair.value : '']]
      : [];
  }) as [string, string][];
}
