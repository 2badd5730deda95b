/**
 * The two sides of a recording, each one function from request to outcome that any transport
 * (nock interception, a `fetch`) calls: the recorder forwards to the upstream and keeps a
 * redacted HAR entry of every exchange; the replayer answers from a HAR file and refuses
 * requests the file does not hold.
 */
import type { ValidateOptions } from '../contract/types.js';
import { StripeApiError } from '../errors.js';
import { errorResponse } from '../stripe/response.js';
import { checkEntry, type RecordingViolation } from './contract-check.js';
import {
  type ExchangeOutcome,
  type ExchangeRequest,
  type HarEntry,
  harEntry,
  responseText,
  TRANSFER_HEADERS,
} from './har.js';
import { redactText } from './redact.js';

/**
 * Marks the recorder's own forwarded requests. When the upstream is also an intercepted origin
 * (the default: the client calls api.stripe.com and so does the recorder), the interceptor lets
 * requests carrying this header through to the network instead of catching them again.
 */
export const FORWARDED_HEADER = 'x-stripe-balance-kit-forwarded';

/** Answers one request. */
export type Answer = (request: ExchangeRequest, signal?: AbortSignal) => Promise<ExchangeOutcome>;

/** Request headers that belong to one hop, or that `fetch` sets itself. */
const HOP_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'expect',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
  // fetch negotiates compression itself and hands back the decoded body.
  'accept-encoding',
]);

/** A session's summary when it stops. */
export interface SessionSummary {
  entries: number;
  violations: RecordingViolation[];
  unmatched: string[];
}

/** Record mode: forward, answer with the upstream's response, keep the redacted exchange. */
export class Recorder {
  readonly entries: HarEntry[] = [];
  readonly violations: RecordingViolation[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly upstream: string,
    private readonly contract: ValidateOptions,
  ) {}

  readonly answer: Answer = (request, signal) => {
    const pending = this.exchange(request, signal);
    this.inFlight.add(pending);
    void pending.finally(() => this.inFlight.delete(pending));
    return pending;
  };

  /** Waits for exchanges in flight, so none is missing from the file. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  summary(): SessionSummary {
    return { entries: this.entries.length, violations: [...this.violations], unmatched: [] };
  }

  private async exchange(
    request: ExchangeRequest,
    signal: AbortSignal | undefined,
  ): Promise<ExchangeOutcome> {
    const started = new Date();
    const startedAt = performance.now();
    const outcome = await this.forward(request, signal);
    const entry = harEntry(request, outcome, started, performance.now() - startedAt);
    const index = this.entries.push(entry) - 1;
    const violation = checkEntry(entry, index, this.contract);
    if (violation) this.violations.push(violation);
    return outcome;
  }

  private async forward(request: ExchangeRequest, signal: AbortSignal | undefined): Promise<ExchangeOutcome> {
    const source = new URL(request.url);
    const target = `${this.upstream}${source.pathname}${source.search}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && !HOP_HEADERS.has(name)) headers.set(name, value);
    }
    headers.set(FORWARDED_HEADER, '1');
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    try {
      const response = await fetch(target, {
        method: request.method,
        headers,
        ...(hasBody ? { body: request.body } : {}),
        redirect: 'manual',
        ...(signal ? { signal } : {}),
      });
      const body = await response.text();
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of response.headers) {
        if (!TRANSFER_HEADERS.has(name)) responseHeaders[name] = value;
      }
      return { kind: 'response', status: response.status, headers: responseHeaders, body };
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      const reason =
        cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
      const failure: NodeJS.ErrnoException = new Error(
        `stripe-balance-kit recordStripe: ${request.method} ${target} failed: ${reason}`,
        { cause: error },
      );
      const code = (cause as { code?: unknown } | undefined)?.code;
      failure.code = typeof code === 'string' ? code : 'ECONNRESET';
      return { kind: 'network-error', error: failure };
    }
  }
}

/** `[name, value]` pairs sorted, so parameter order never decides a match. */
function canonicalPairs(params: URLSearchParams): string {
  return JSON.stringify(
    [...params].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0)),
  );
}

function isForm(contentType: string | undefined): boolean {
  const media = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return media === undefined || media === '' || media === 'application/x-www-form-urlencoded';
}

/** The header naming the connected account a request acts for. */
const ACCOUNT_HEADER = 'stripe-account';

/**
 * What makes two requests the same for replay: method, path, the decoded query and form body
 * (order-free), and the connected account (`Stripe-Account`). Other headers are left out on
 * purpose: keys, idempotency keys and user agents differ from run to run while the request means
 * the same; the account does not, since objects are scoped by it (the same customer path is a
 * customer for `acct_A` and a 404 without the header).
 */
export function requestKey(
  method: string,
  url: string,
  body: string,
  contentType: string | undefined,
  account?: string,
): string {
  const parsed = new URL(url);
  const bodyKey = body === '' ? '' : isForm(contentType) ? canonicalPairs(new URLSearchParams(body)) : body;
  // An empty header is no account, as the mock reads it.
  const accountKey = account ? ` ${JSON.stringify(account)}` : '';
  return `${method.toUpperCase()} ${parsed.pathname} ${canonicalPairs(parsed.searchParams)} ${bodyKey}${accountKey}`;
}

/** The `Stripe-Account` of a recorded request (HAR headers keep the case they were sent with). */
function recordedAccount(entry: HarEntry): string | undefined {
  return (entry.request.headers ?? []).find((h) => h.name.toLowerCase() === ACCOUNT_HEADER)?.value;
}

/**
 * `POST /v1/customers/cus_…/balance_transactions (body: amount=-500&currency=usd)`, redacted,
 * with `(Stripe-Account: acct_…)` when the request acts for one.
 */
function describe(method: string, url: string, body: string, account: string | undefined): string {
  const parsed = new URL(url);
  const shown = body.length > 300 ? `${body.slice(0, 299)}…` : body;
  return `${method.toUpperCase()} ${parsed.pathname}${parsed.search}${body === '' ? '' : ` (body: ${shown})`}${account ? ` (Stripe-Account: ${account})` : ''}`;
}

interface Slot {
  key: string;
  entry: HarEntry;
  used: boolean;
}

/** Replay mode: answer each request with the next unused recorded exchange that matches it. */
export class Replayer {
  readonly violations: RecordingViolation[];
  readonly unmatched: string[] = [];
  private readonly slots: Slot[];

  constructor(
    private readonly file: string,
    private readonly entries: HarEntry[],
    contract: ValidateOptions,
  ) {
    this.slots = entries.map((entry) => ({
      key: requestKey(
        entry.request.method,
        entry.request.url,
        entry.request.postData?.text ?? '',
        entry.request.postData?.mimeType,
        recordedAccount(entry),
      ),
      entry,
      used: false,
    }));
    this.violations = entries.flatMap((entry, index) => checkEntry(entry, index, contract) ?? []);
  }

  summary(): SessionSummary {
    return { entries: this.entries.length, violations: [...this.violations], unmatched: [...this.unmatched] };
  }

  readonly answer: Answer = async (request) => {
    // The recording holds redacted requests; redact this one the same way before comparing.
    const url = redactText(request.url);
    const body = redactText(request.body);
    const account = request.headers[ACCOUNT_HEADER];
    const key = requestKey(request.method, url, body, request.headers['content-type'], account);
    const matching = this.slots.filter((slot) => slot.key === key);
    // In recorded order, so a 500 and its retry replay as a 500 and then a 200. A GET asked for
    // more often than recorded gets the last answer again (reads are repeatable); a POST does not.
    const slot =
      matching.find((s) => !s.used) ?? (request.method.toUpperCase() === 'GET' ? matching.at(-1) : undefined);
    if (!slot) return this.refuse(request, describe(request.method, url, body, account), matching.length);
    slot.used = true;
    if (slot.entry.response.status === 0) {
      const error: NodeJS.ErrnoException = new Error(
        slot.entry.response._error ?? 'socket hang up (replayed from the recording)',
      );
      error.code = 'ECONNRESET';
      return { kind: 'network-error', error };
    }
    const headers: Record<string, string> = {};
    for (const { name, value } of slot.entry.response.headers ?? []) {
      if (!TRANSFER_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    // Idempotency keys are random per run: echo this request's, as Stripe would.
    const idempotencyKey = request.headers['idempotency-key'];
    if (headers['idempotency-key'] !== undefined && idempotencyKey !== undefined) {
      headers['idempotency-key'] = idempotencyKey;
    }
    return { kind: 'response', status: slot.entry.response.status, headers, body: responseText(slot.entry) };
  };

  /**
   * An unmatched request gets an error in Stripe's envelope (so the official client raises it
   * with this message, instead of a connection error it would retry), and is listed by `stop()`.
   */
  private refuse(
    request: ExchangeRequest,
    described: string,
    sameRequestCount: number,
  ): Promise<ExchangeOutcome> {
    this.unmatched.push(described);
    const why =
      sameRequestCount > 0
        ? `the recording holds this request ${sameRequestCount} time${sameRequestCount === 1 ? '' : 's'}, and every one has been replayed`
        : 'the recording holds no request with this method, path, query, body and Stripe-Account';
    const error = new StripeApiError(404, {
      type: 'invalid_request_error',
      code: 'replay_unmatched',
      message: `stripe-balance-kit replay: no recorded response for ${described} in ${this.file}: ${why}. Re-record with mode: 'record' (or delete the file when using mode: 'auto').`,
    });
    const response = errorResponse(error, {
      apiVersion: request.headers['stripe-version'],
      // Replaying again gives the same answer: tell the client not to retry.
      extra: { 'stripe-should-retry': 'false' },
    });
    return Promise.resolve({ kind: 'response', ...response });
  }
}
