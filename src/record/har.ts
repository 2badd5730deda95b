/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): the subset recordings use, how an
 * exchange becomes a redacted entry, and how a recording is read back for replay. HAR because
 * every HTTP tool reads it (browsers' dev tools, Charles, `stripe-balance-kit validate`).
 */
import type { StripeOutcome, StripeRequest } from '../mock/exchange.js';
import { RecordingError } from '../errors.js';
import { STRIPE_API_VERSION } from '../stripe/response.js';
import { redactHeader, redactText } from './redact.js';

/** A header or query parameter as HAR writes it. */
export interface HarPair {
  name: string;
  value: string;
}

/** One request/response pair of a recording (HAR 1.2 `entries[]`). */
export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarPair[];
    headers: HarPair[];
    queryString: HarPair[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    /** `0` when the exchange ended in a network error (HAR's convention for "no response"). */
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarPair[];
    headers: HarPair[];
    content: { size: number; mimeType: string; text?: string; encoding?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    /** Why there is no response (a custom field: HAR allows `_`-prefixed ones). */
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
}

/** A HAR document (`{ log: { version, creator, entries } }`). */
export interface HarDocument {
  log: {
    version: string;
    creator: { name: string; version: string; comment?: string };
    comment?: string;
    entries: HarEntry[];
  };
}

/**
 * A request as the recorder sees it: the mock's exchange shape, except that `url` is absolute, as
 * the client sent it (its origin, not the upstream's).
 */
export type ExchangeRequest = StripeRequest;

/** How an exchange ended: a response, or a dropped connection. */
export type ExchangeOutcome = StripeOutcome;

/** The headers of a response that describe its transfer, not its content: never recorded or replayed. */
export const TRANSFER_HEADERS = new Set([
  'connection',
  'content-encoding',
  'content-length',
  'keep-alive',
  'transfer-encoding',
]);

function pairs(headers: Record<string, string | undefined>): HarPair[] {
  return Object.entries(headers).flatMap(([name, value]) =>
    value === undefined || TRANSFER_HEADERS.has(name.toLowerCase())
      ? []
      : [{ name, value: redactHeader(name, value) }],
  );
}

function mimeTypeOf(headers: Record<string, string | undefined>, fallback: string): string {
  return headers['content-type'] ?? fallback;
}

/** The redacted HAR entry of one exchange. */
export function harEntry(
  request: ExchangeRequest,
  outcome: ExchangeOutcome,
  started: Date,
  elapsedMs: number,
): HarEntry {
  const url = redactText(request.url);
  const body = redactText(request.body);
  const queryString = [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  const time = Math.max(0, Math.round(elapsedMs));
  const entry: HarEntry = {
    startedDateTime: started.toISOString(),
    time,
    request: {
      method: request.method,
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(request.headers),
      queryString,
      ...(request.body === ''
        ? {}
        : {
            postData: {
              mimeType: mimeTypeOf(request.headers, 'application/x-www-form-urlencoded'),
              text: body,
            },
          }),
      headersSize: -1,
      bodySize: Buffer.byteLength(body),
    },
    response:
      outcome.kind === 'response'
        ? responsePart(outcome.status, outcome.headers, redactText(outcome.body))
        : {
            status: 0,
            statusText: '',
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: [],
            content: { size: 0, mimeType: 'x-unknown' },
            redirectURL: '',
            headersSize: -1,
            bodySize: -1,
            _error: redactText(outcome.error.message),
          },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
  };
  return entry;
}

function responsePart(status: number, headers: Record<string, string>, text: string): HarEntry['response'] {
  const size = Buffer.byteLength(text);
  return {
    status,
    statusText: process.getBuiltinModule('node:http').STATUS_CODES[status] ?? '',
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: pairs(headers),
    content: { size, mimeType: mimeTypeOf(headers, 'application/json'), text },
    redirectURL: headers.location ?? '',
    headersSize: -1,
    bodySize: size,
  };
}

/** A recording ready to write. */
export function harDocument(entries: HarEntry[]): HarDocument {
  return {
    log: {
      version: '1.2',
      // The creator version is the version of this recording format, not of the package.
      creator: { name: 'stripe-balance-kit recordStripe', version: '1' },
      comment: `Recorded for Stripe API ${STRIPE_API_VERSION}. API keys, credential headers and email-like values are redacted.`,
      entries,
    },
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Reads a recording for replay, checking every entry has what replay needs. */
export function readHar(file: string): HarEntry[] {
  let text: string;
  try {
    text = nodeFs().readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') {
      throw new RecordingError(
        'recording_not_found',
        `recordStripe: no recording at ${file} to replay. Record it first with mode: 'record' (against an upstream you trust), or use mode: 'auto', which records when the file is missing.`,
        file,
      );
    }
    throw new RecordingError(
      'recording_invalid',
      `recordStripe: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      file,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new RecordingError(
      'recording_invalid',
      `recordStripe: ${file} is not JSON (${error instanceof Error ? error.message : String(error)}); a recording is a HAR 1.2 document.`,
      file,
    );
  }
  const entries = asRecord(asRecord(document)?.log)?.entries;
  if (!Array.isArray(entries)) {
    throw new RecordingError(
      'recording_invalid',
      `recordStripe: ${file} is not a HAR document (no log.entries array).`,
      file,
    );
  }
  entries.forEach((entry: unknown, index) => {
    const request = asRecord(asRecord(entry)?.request);
    const response = asRecord(asRecord(entry)?.response);
    const problem =
      typeof request?.method !== 'string'
        ? 'no request.method'
        : typeof request.url !== 'string' || !URL.canParse(request.url)
          ? 'no absolute request.url'
          : typeof response?.status !== 'number'
            ? 'no response.status'
            : undefined;
    if (problem) {
      throw new RecordingError(
        'recording_invalid',
        `recordStripe: ${file} entries[${index}] has ${problem}; re-record the file.`,
        file,
      );
    }
  });
  return entries as HarEntry[];
}

/** The response body text of an entry, decoding HAR's optional base64. */
export function responseText(entry: HarEntry): string {
  const { text, encoding } = entry.response.content ?? {};
  if (typeof text !== 'string') return '';
  return encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
}

/**
 * node:fs, fetched when a recording is read. A static `import … from 'node:fs'` makes Node build
 * the module's whole ESM namespace at import time, which reads its lazy getters and loads the
 * stream machinery: a cost every importer of the package would pay for a feature few use.
 */
export function nodeFs(): typeof import('node:fs') {
  return process.getBuiltinModule('node:fs');
}
