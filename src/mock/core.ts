/**
 * Stripe's behaviour for the four endpoints, once, independent of transport: a request in
 * (method, URL, headers, body), a response out. nock, `fetch` and a loopback server are thin
 * adapters over this. Order of checks follows Stripe: route, auth, decoding, idempotency,
 * parameters, then execution; every response is checked against the contract before it leaves.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { StripeApiError, StripeBalanceKitError, invalidRequest, resourceMissing } from '../errors.js';
import { schemas } from '../generated/schemas.js';
import { STRIPE_API_VERSION } from '../generated/spec-version.js';
import { validators } from '../generated/validators.js';
import { authenticate, redactHeaders } from './auth.js';
import { type ExpandPlan, planExpansion } from './expand.js';
import { type Fault, FaultQueue, faultError, faultShouldRetry } from './faults.js';
import { decodeForm, FormDecodeError, type FormTree } from './form-codec.js';
import { IdempotencyStore } from './idempotency.js';
import {
  createTransaction,
  listTransactions,
  type OperationContext,
  retrieveTransaction,
  updateTransaction,
} from './operations.js';
import { parseCreateParams, parseListParams, parseRetrieveParams, parseUpdateParams } from './params.js';
import { randomId } from './random-ids.js';
import type { StripeOutcome, StripeRequest, StripeResponse } from './request.js';
import { MockStore } from './store.js';

/** Behaviour switches of the mock (shared by every transport). */
export interface StripeCoreOptions {
  /** What to do with a customer id the mock has never seen: Stripe answers 404 (`'reject'`, default). */
  unknownCustomers?: 'create' | 'reject';
  /** Accept `sk_live_`/`rk_live_` keys. Off by default so a test can never run with a live key. */
  allowLiveKeys?: boolean;
  /** The clock, in milliseconds (for `created` and idempotency expiry). Default `Date.now`. */
  now?: () => number;
}

/** One request as the mock received it, with its body and query decoded. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: FormTree;
  body: FormTree;
  headers: Record<string, string | undefined>;
  idempotencyKey: string | undefined;
  requestId: string;
  status: number | 'network-error';
  replayed: boolean;
  fault?: Fault;
  operation?: Operation;
}

/** Which of the four endpoints a request was routed to. */
export type Operation = 'create' | 'list' | 'retrieve' | 'update';

/** A response the mock was about to send that breaks the contract: the mock refuses to send it. */
export class MockContractViolationError extends StripeBalanceKitError {
  constructor(message: string) {
    super('mock_contract_violation', message);
  }
}

/**
 * The largest request body the mock reads, in bytes of UTF-8: 1 MiB. Stripe documents no request
 * size limit, so this is our choice: the largest legitimate body of these endpoints (50 metadata
 * keys of 40 characters with 500-character values, a 350-character description, every expansion)
 * is about 330 KB even with every character a percent-encoded 4-byte one, so 1 MiB refuses
 * nothing real while keeping a runaway body from being decoded.
 * Bigger bodies get a 413 in Stripe's error envelope, checked before anything else (as a proxy in
 * front of an API would), so an oversized request consumes no fault and touches no state.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The error schema caps `message` and `param`; values a request echoes (a parameter name, an id in
 * the path, a bad key) are cut to fit, so a hostile request gets an answer, not a contract violation.
 */
const API_ERROR = schemas.error.definitions.api_error.properties;
const MESSAGE_MAX = API_ERROR.message.maxLength;
const PARAM_MAX = API_ERROR.param.maxLength;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function bounded(error: StripeApiError): StripeApiError {
  const { message, param } = error.error;
  const tooLong = (message !== undefined && message.length > MESSAGE_MAX) || (param?.length ?? 0) > PARAM_MAX;
  if (!tooLong) return error;
  return new StripeApiError(error.status, {
    ...error.error,
    ...(message === undefined ? {} : { message: clip(message, MESSAGE_MAX) }),
    ...(param === undefined ? {} : { param: clip(param, PARAM_MAX) }),
  });
}

/**
 * Whether a POST's Content-Type is one Stripe refuses. Stripe reads form bodies only and answers
 * other types with a 400 `Invalid request: unsupported Content-Type …` (seen in the wild for
 * `text/plain; charset=utf-8` and for an empty header), JSON included; a request with no
 * Content-Type at all is read as a form. A JSON body sent *as* a form is parsed as one, and its
 * text becomes an unknown parameter, as on Stripe.
 */
function unsupportedContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const media = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return media !== 'application/x-www-form-urlencoded';
}

const COLLECTION = /^\/v1\/customers\/([^/]+)\/balance_transactions\/?$/;
const ITEM = /^\/v1\/customers\/([^/]+)\/balance_transactions\/([^/]+)\/?$/;

interface Route {
  operation: Operation;
  customer: string;
  transaction?: string;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Maps a method and path to one of the four operations, or `undefined`. */
export function route(method: string, path: string): Route | undefined {
  const item = ITEM.exec(path);
  if (item) {
    const base = { customer: decodeSegment(item[1] ?? ''), transaction: decodeSegment(item[2] ?? '') };
    if (method === 'GET') return { operation: 'retrieve', ...base };
    if (method === 'POST') return { operation: 'update', ...base };
    return undefined;
  }
  const collection = COLLECTION.exec(path);
  if (collection) {
    const customer = decodeSegment(collection[1] ?? '');
    if (method === 'GET') return { operation: 'list', customer };
    if (method === 'POST') return { operation: 'create', customer };
  }
  return undefined;
}

/** Stable JSON of a decoded form, so `a=1&b=2` and `b=2&a=1` are the same parameters. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

const RESPONSE_VALIDATORS = {
  create: validators.customer_balance_transaction,
  retrieve: validators.customer_balance_transaction,
  update: validators.customer_balance_transaction,
  list: validators.customer_balance_transaction_list,
} as const;

/** Stripe's behaviour for the four endpoints, with its state; transports call {@link StripeCore.handle}. */
export class StripeCore {
  readonly store: MockStore;
  readonly faults = new FaultQueue();
  readonly requests: RecordedRequest[] = [];
  readonly violations: MockContractViolationError[] = [];
  private readonly idempotency: IdempotencyStore;
  private readonly now: () => number;
  private readonly unknownCustomers: 'create' | 'reject';
  private readonly allowLiveKeys: boolean;

  constructor(options: StripeCoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.store = new MockStore(this.now);
    this.idempotency = new IdempotencyStore(this.now);
    this.unknownCustomers = options.unknownCustomers ?? 'reject';
    this.allowLiveKeys = options.allowLiveKeys ?? false;
  }

  /** Forgets every customer, transaction, idempotency key, queued fault and logged request. */
  reset(): void {
    this.store.clear();
    this.idempotency.clear();
    this.faults.clear();
    this.requests.length = 0;
    this.violations.length = 0;
  }

  /** Answers one request. `signal` aborts a delayed answer (the fetch client's timeout). */
  async handle(request: StripeRequest, options: { signal?: AbortSignal } = {}): Promise<StripeOutcome> {
    const method = request.method.toUpperCase();
    // Split at the first `?` only: a query may itself contain `?` (`?limit=2?&x=1` has a parameter x).
    const mark = request.url.indexOf('?');
    const path = (mark === -1 ? request.url : request.url.slice(0, mark)) || '/';
    const queryString = mark === -1 ? '' : request.url.slice(mark + 1);
    const requestId = randomId('req_', 14);
    const apiVersion = request.headers['stripe-version'] || STRIPE_API_VERSION;
    const idempotencyKey = method === 'POST' ? request.headers['idempotency-key'] : undefined;
    const record: RecordedRequest = {
      method,
      path,
      query: Object.create(null) as FormTree,
      body: Object.create(null) as FormTree,
      headers: redactHeaders(request.headers),
      idempotencyKey,
      requestId,
      status: 0,
      replayed: false,
    };
    this.requests.push(record);

    const respond = (status: number, body: unknown, extra: Record<string, string> = {}): StripeOutcome => {
      record.status = status;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'request-id': requestId,
        'stripe-version': apiVersion,
        'cache-control': 'no-cache, no-store',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...extra,
      };
      return { kind: 'response', response: { status, headers, body: `${JSON.stringify(body, null, 2)}\n` } };
    };
    const respondError = (error: StripeApiError, extra: Record<string, string> = {}): StripeOutcome => {
      const sent = bounded(error);
      this.checkContract('error', sent.toJSON(), requestId);
      return respond(sent.status, sent.toJSON(), extra);
    };

    const size = Buffer.byteLength(request.body, 'utf8');
    if (size > MAX_BODY_BYTES) {
      return respondError(
        new StripeApiError(413, {
          type: 'invalid_request_error',
          message: `Request body too large: ${size} bytes. The stripe-balance-kit mock accepts request bodies of at most ${MAX_BODY_BYTES} bytes (1 MiB); no request to these endpoints needs more.`,
        }),
      );
    }

    const matched = route(method, path);
    if (matched) record.operation = matched.operation;
    if (!matched) {
      return respondError(
        new StripeApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        }),
      );
    }

    const fault = this.faults.take();
    if (fault) record.fault = fault;
    if (fault && 'networkError' in fault) {
      record.status = 'network-error';
      const error: NodeJS.ErrnoException = new Error(
        'socket hang up (injected by stripe-balance-kit failNext)',
      );
      error.code = 'ECONNRESET';
      return { kind: 'network-error', error };
    }
    if (fault && 'delayMs' in fault) {
      await sleep(fault.delayMs, undefined, options.signal ? { signal: options.signal } : {});
    }

    const auth = authenticate(request.headers.authorization, this.allowLiveKeys);
    if (!auth.ok) return respondError(auth.error);

    if (method === 'POST' && unsupportedContentType(request.headers['content-type'])) {
      return respondError(
        invalidRequest(
          `Invalid request: unsupported Content-Type ${request.headers['content-type'] ?? ''}. If error persists and you need assistance, please contact support@stripe.com.`,
        ),
      );
    }
    try {
      record.query = decodeForm(queryString);
      record.body = decodeForm(method === 'POST' ? request.body : '');
    } catch (error) {
      if (error instanceof FormDecodeError)
        return respondError(invalidRequest(error.message, { param: error.param }));
      throw error;
    }
    // GET parameters travel in the query string, POST parameters in the body (the client never mixes them).
    const form = method === 'GET' ? record.query : record.body;

    let idempotency: ReturnType<IdempotencyStore['begin']> | undefined;
    if (idempotencyKey !== undefined) {
      idempotency = this.idempotency.begin(auth.key, idempotencyKey, `${method} ${path} ${canonical(form)}`);
      if (idempotency.kind === 'error') return respondError(idempotency.error);
      if (idempotency.kind === 'replay') {
        record.replayed = true;
        const stored = idempotency.response;
        record.status = stored.status;
        return {
          kind: 'response',
          response: {
            status: stored.status,
            body: stored.body,
            headers: {
              ...stored.headers,
              'request-id': requestId,
              'idempotent-replayed': 'true',
              'original-request': idempotency.originalRequestId,
            },
          },
        };
      }
    }
    const fresh = idempotency?.kind === 'fresh' ? idempotency : undefined;

    if (fault && 'status' in fault && !fault.afterApply) {
      fresh?.abandon();
      return this.respondFault(fault, respondError);
    }

    const outcome = this.execute(matched, form, auth.livemode, requestId, respond, respondError);
    if (outcome.kind === 'response' && outcome.response.status !== 400) {
      fresh?.commit(outcome.response, requestId);
    } else {
      fresh?.abandon();
    }
    if (fault && 'status' in fault && fault.afterApply) return this.respondFault(fault, respondError);
    return outcome;
  }

  private respondFault(
    fault: Extract<Fault, { status: number }>,
    respondError: (error: StripeApiError, extra?: Record<string, string>) => StripeOutcome,
  ): StripeOutcome {
    const shouldRetry = faultShouldRetry(fault);
    return respondError(
      faultError(fault.status),
      shouldRetry === undefined ? {} : { 'stripe-should-retry': String(shouldRetry) },
    );
  }

  private execute(
    matched: Route,
    form: FormTree,
    livemode: boolean,
    requestId: string,
    respond: (status: number, body: unknown) => StripeOutcome,
    respondError: (error: StripeApiError) => StripeOutcome,
  ): StripeOutcome {
    const parsed =
      matched.operation === 'create'
        ? parseCreateParams(form)
        : matched.operation === 'update'
          ? parseUpdateParams(form)
          : matched.operation === 'list'
            ? parseListParams(form)
            : parseRetrieveParams(form);
    if (!parsed.ok) return respondError(parsed.error);
    const plan: ExpandPlan | StripeApiError = planExpansion(
      parsed.params.expand,
      matched.operation === 'list' ? 'data.' : '',
    );
    if (plan instanceof StripeApiError) return respondError(plan);

    if (!this.store.hasCustomer(matched.customer)) {
      if (this.unknownCustomers === 'reject') {
        return respondError(resourceMissing(`No such customer: '${matched.customer}'`, 'customer'));
      }
      this.store.addCustomer({ id: matched.customer }, livemode);
    }
    const ctx: OperationContext = {
      store: this.store,
      customer: matched.customer,
      livemode,
      nowSeconds: Math.floor(this.now() / 1000),
    };
    try {
      let body: unknown;
      switch (matched.operation) {
        case 'create':
          body = createTransaction(ctx, parsed.params as Parameters<typeof createTransaction>[1], plan);
          break;
        case 'retrieve':
          body = retrieveTransaction(ctx, matched.transaction ?? '', plan);
          break;
        case 'update':
          body = updateTransaction(
            ctx,
            matched.transaction ?? '',
            parsed.params as Parameters<typeof updateTransaction>[2],
            plan,
          );
          break;
        case 'list':
          body = listTransactions(ctx, parsed.params as Parameters<typeof listTransactions>[1], plan);
          break;
      }
      this.checkContract(matched.operation, body, requestId);
      return respond(200, body);
    } catch (error) {
      if (error instanceof StripeApiError) return respondError(error);
      throw error;
    }
  }

  private checkContract(kind: Operation | 'error', body: unknown, requestId: string): void {
    const validate = kind === 'error' ? validators.error : RESPONSE_VALIDATORS[kind];
    if (validate(body)) return;
    const details = (validate.errors ?? [])
      .map((e) => `  ${e.instancePath || '/'} ${e.message ?? e.keyword}`)
      .join('\n');
    const violation = new MockContractViolationError(
      `stripe-balance-kit mock refused to send a ${kind} response (${requestId}) that breaks the contract:\n${details}\nThis is a bug in the mock or in data given to seed(); please report it.`,
    );
    this.violations.push(violation);
    throw violation;
  }
}

export type { StripeResponse };
