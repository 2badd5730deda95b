/**
 * `recordStripe()`: record a test's Stripe traffic once against a real upstream, replay it
 * offline ever after.
 *
 * How requests reach it. The client under test is not changed between record and replay, so the
 * recorder must sit where the client already sends its requests:
 * - nock interception of the API origin (default `https://api.stripe.com`, plus the upstream and,
 *   in replay, every origin the recording holds) catches the official client's default Node http
 *   transport and `Stripe.createFetchHttpClient()` (global fetch), the same way `mockStripe()`
 *   does. nock is already how this package intercepts, and already in every suite that follows
 *   our setup (`nock.disableNetConnect()`), so no second interception library fights it.
 * - `recording.fetch` is a plain WHATWG fetch over the same session, for
 *   `Stripe.createFetchHttpClient(recording.fetch)`: no interception at all, and it works where
 *   nock has been turned off.
 *
 * Forwarding uses global `fetch` with a marker header, which the interceptor lets through to the
 * network (`allowUnmocked` with `badheaders`), so the default setup, where the client and the
 * upstream are both api.stripe.com, does not loop. Recording against real Stripe needs the
 * network, as it must; replay needs none.
 */
import { join, resolve } from 'node:path';
import type { ValidateOptions } from '../contract/types.js';
import { RecordingError } from '../errors.js';
import type { FetchFunction } from '../mock/fetch-transport.js';
import { normalizeOrigin } from '../stripe/origin.js';
import { normalizeHeaders } from '../mock/exchange.js';
import { interceptWithNock } from '../mock/nock-adapter.js';
import type { RecordingViolation } from './contract-check.js';
import { harDocument, nodeFs, readHar } from './har.js';
import { type Answer, FORWARDED_HEADER, Recorder, Replayer, type SessionSummary } from './sessions.js';

/** Options of {@link recordStripe}. */
export interface RecordStripeOptions {
  /** The directory recordings live in (created when recording). */
  dir: string;
  /**
   * `'record'`: pass every request through to `upstream` and save the exchanges.
   * `'replay'`: answer from the saved recording; requests it does not hold fail.
   * `'auto'`: replay when the recording file exists, else record.
   */
  mode: 'record' | 'replay' | 'auto';
  /** Where record mode sends requests: `https://api.stripe.com` by default (your `serve` in tests). */
  upstream?: string;
  /** The recording's name: the file is `<dir>/<name>.har`. Default `stripe`. */
  name?: string;
  /** The API origin the client under test calls, intercepted with nock. Default `https://api.stripe.com`. */
  host?: string;
  /** Intercept with nock (default `true`); `false` leaves only {@link StripeRecording.fetch}. */
  intercept?: boolean;
  /** How recorded responses are checked against the contract (default: strict, with semantic rules). */
  contract?: ValidateOptions;
}

/** What {@link StripeRecording.stop} reports. */
export interface RecordingResult {
  /** The recording file (written in record mode, read in replay mode). */
  file: string;
  /** The mode that ran (`'auto'` resolved). */
  mode: 'record' | 'replay';
  /** How many exchanges the recording holds. */
  entries: number;
  /** Recorded responses that break the contract (in replay mode: those of the file being replayed). */
  violations: RecordingViolation[];
  /** Replay mode: each request the recording did not hold (it was answered with an error). */
  unmatched: string[];
}

/** A recording in progress (record mode) or being served (replay mode). */
export interface StripeRecording {
  /** The mode in effect (`'auto'` resolved to `'record'` or `'replay'`). */
  readonly mode: 'record' | 'replay';
  /** `<dir>/<name>.har`, absolute. */
  readonly file: string;
  /** A WHATWG fetch over this recording, for `Stripe.createFetchHttpClient(recording.fetch)`. */
  readonly fetch: FetchFunction;
  /**
   * Removes the interception; in record mode waits for exchanges in flight and writes the file.
   * Resolves with what was recorded or replayed. Calling it again returns the same promise.
   */
  stop(): Promise<RecordingResult>;
}

const MODES = ['record', 'replay', 'auto'] as const;

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

/**
 * An origin, plus its other loopback name when it is a loopback one: a client configured with
 * `localhost` must be caught when the upstream was given as `127.0.0.1`, and the other way round.
 */
function withLoopbackAliases(origin: string): string[] {
  const url = new URL(origin);
  if (!LOOPBACK_NAMES.includes(url.hostname)) return [origin];
  return LOOPBACK_NAMES.map((name) => `${url.protocol}//${name}${url.port === '' ? '' : `:${url.port}`}`);
}

/** A recording name as a file name: anything outside `[A-Za-z0-9._-]` becomes `-`. */
function fileName(name: string): string {
  const base = name.replace(/\.har$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${base === '' || /^\.+$/.test(base) ? 'stripe' : base}.har`;
}

function checkOptions(options: RecordStripeOptions): void {
  if (typeof options?.dir !== 'string' || options.dir.trim() === '') {
    throw new RecordingError(
      'invalid_recording_options',
      "recordStripe: pass the directory recordings live in, e.g. recordStripe({ dir: 'test/recordings', mode: 'auto' })",
    );
  }
  if (!(MODES as readonly unknown[]).includes(options.mode)) {
    throw new RecordingError(
      'invalid_recording_options',
      `recordStripe: mode must be 'record', 'replay' or 'auto'; got ${JSON.stringify(options.mode)}`,
    );
  }
  for (const key of ['upstream', 'host'] as const) {
    const value = options[key];
    if (value === undefined) continue;
    try {
      normalizeOrigin(value);
    } catch {
      throw new RecordingError(
        'invalid_recording_options',
        `recordStripe: ${key} must be an origin such as https://api.stripe.com or http://127.0.0.1:12111; got ${JSON.stringify(value)}`,
      );
    }
  }
}

/**
 * Records a test's Stripe traffic to a HAR file, or replays it. In record mode every request is
 * passed through to `upstream` and saved, with API keys, credential headers and email-like values
 * redacted, and each response is checked against the contract; in replay mode the recording
 * answers and a request it does not hold fails with an error naming it.
 *
 * @example
 * const recording = recordStripe({ dir: 'test/recordings', name: 'credits', mode: 'auto' });
 * const stripe = new Stripe(process.env.STRIPE_TEST_KEY ?? 'sk_test_replay');
 * await stripe.customers.createBalanceTransaction('cus_NcjdgdwZyI9Rj7', { amount: -500, currency: 'usd' });
 * const { violations } = await recording.stop();
 */
export function recordStripe(options: RecordStripeOptions): StripeRecording {
  checkOptions(options);
  const file = join(resolve(options.dir), fileName(options.name ?? 'stripe'));
  const mode = options.mode === 'auto' ? (nodeFs().existsSync(file) ? 'replay' : 'record') : options.mode;
  const host = normalizeOrigin(options.host);
  const upstream = normalizeOrigin(options.upstream);
  const contract = options.contract ?? {};

  let answer: Answer;
  let finish: () => Promise<SessionSummary>;
  let origins: string[];
  if (mode === 'record') {
    const recorder = new Recorder(upstream, contract);
    answer = recorder.answer;
    origins = [host, upstream];
    finish = async () => {
      await recorder.settle();
      // node:fs/promises loads only for a recording that is written (it pulls in streams).
      const { mkdir, writeFile } = await import('node:fs/promises');
      await mkdir(resolve(options.dir), { recursive: true });
      await writeFile(file, `${JSON.stringify(harDocument(recorder.entries), null, 2)}\n`);
      return recorder.summary();
    };
  } else {
    const entries = readHar(file);
    const replayer = new Replayer(file, entries, contract);
    answer = replayer.answer;
    origins = [
      host,
      ...(options.upstream === undefined ? [] : [upstream]),
      ...entries.map((entry) => new URL(entry.request.url).origin),
    ];
    finish = async () => replayer.summary();
  }

  const interception =
    options.intercept === false
      ? undefined
      : interceptWithNock({
          origins: [...new Set(origins.flatMap(withLoopbackAliases))],
          // A recording takes all the client's traffic to the API, not only the route table's
          // (balance transactions and customers), so a test that also calls another Stripe
          // endpoint is recorded (and replayed) whole; only the contract check is by route.
          claims: () => true,
          answer: (request, origin) => answer({ ...request, url: `${origin}${request.url}` }),
          // The recorder's own forwarded requests go to the network (see FORWARDED_HEADER).
          ...(mode === 'record' ? { letThroughHeader: FORWARDED_HEADER } : {}),
        });
  let stopped: Promise<RecordingResult> | undefined;
  return {
    mode,
    file,
    fetch: recordingFetch(answer),
    stop() {
      stopped ??= (async () => {
        interception?.remove();
        return { file, mode, ...(await finish()) };
      })();
      return stopped;
    },
  };
}

/** Statuses whose response has no body (the Response constructor refuses one). */
const NULL_BODY = new Set([204, 205, 304]);

function recordingFetch(answer: Answer): FetchFunction {
  return async (input, init) => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    const method = request.method.toUpperCase();
    const outcome = await answer(
      {
        method,
        url: request.url,
        headers: normalizeHeaders(request.headers),
        body: method === 'GET' || method === 'HEAD' ? '' : await request.text(),
      },
      request.signal,
    );
    if (outcome.kind === 'network-error') throw new TypeError('fetch failed', { cause: outcome.error });
    return new Response(NULL_BODY.has(outcome.status) ? null : outcome.body, {
      status: outcome.status,
      headers: outcome.headers,
    });
  };
}
