/**
 * Stripe's behaviour for the kit's endpoints, once, independent of transport: a request in
 * (method, URL, headers, body), an outcome out. nock, `fetch`, a loopback server and msw are thin
 * adapters over this. Checks run in Stripe's order: body size, route, auth, content type,
 * decoding, idempotency, parameters, then the operation (a value from `operations.ts`).
 *
 * One error convention inside: anything Stripe refuses is a thrown `StripeApiError`, caught once
 * in `handle`, which answers it with Stripe's envelope. Every answer is checked against the
 * contract (through `validate`) before it leaves.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { formatIssues } from '../contract/format-issues.js';
import type { ContractKind } from '../contract/types.js';
import { validate } from '../contract/validate.js';
import { validators } from '../contract/validators.js';
import { MockContractViolationError, StripeApiError, StripeBalanceKitError } from '../errors.js';
import { bodyTooLarge, bounded, serverError, unrecognizedRequestUrl } from '../stripe/api-errors.js';
import { authenticate, redactHeaders } from '../stripe/auth.js';
import { checkContentType, decodeForm, type FormTree } from '../stripe/form-codec.js';
import { isSupportedCurrency } from '../stripe/currencies.js';
import { type StripeResponse, stripeResponse } from '../stripe/response.js';
import { matchRoute, type OperationName, responseKindOf } from '../stripe/routes.js';
import type { StripeOutcome, StripeRequest } from './exchange.js';
import { type Fault, FaultQueue, faultShouldRetry } from './faults.js';
import { type IdempotencyDecision, IdempotencyStore } from './idempotency.js';
import { operationFor } from './operation-table.js';
import { randomId } from './random-ids.js';
import { MockStore } from './store.js';

/** How many requests the log keeps by default (the newest; older ones are dropped). */
export const DEFAULT_REQUEST_LOG_SIZE = 1000;

/** Behaviour switches of the mock (shared by every transport). */
export interface StripeCoreOptions {
  /**
   * What the balance-transaction endpoints do with a customer id the mock has never seen: Stripe
   * answers 404 (`'reject'`, default); `'create'` makes the customer on first use.
   */
  unknownCustomers?: 'create' | 'reject';
  /**
   * The account's default currency: a balance set (`customers.create/update({ balance })`) on a
   * customer that has no currency yet is in this currency, which then becomes the customer's.
   * Default `'usd'`.
   */
  defaultCurrency?: string;
  /** Accept `sk_live_`/`rk_live_` keys. Off by default so a test can never run with a live key. */
  allowLiveKeys?: boolean;
  /**
   * The clock, in milliseconds: `created` of new transactions and the 24-hour expiry of
   * idempotency keys. Default `Date.now`; tests pass their own to move time.
   */
  now?: () => number;
  /**
   * How many requests `requests` keeps: the newest, 1000 by default. A long-running `serve`
   * keeps a bounded log; raise it for a test that inspects more.
   */
  requestLogSize?: number;
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
  /** The endpoint the request was routed to; absent for a path or method Stripe has no endpoint for. */
  operation?: OperationName;
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

/** Stable JSON of a decoded form, so `a=1&b=2` and `b=2&a=1` are the same parameters. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** One request in flight: what its answer echoes, and its log entry. */
interface Exchange {
  method: string;
  path: string;
  queryString: string;
  body: string;
  headers: Record<string, string | undefined>;
  requestId: string;
  /** The `Stripe-Version` asked for, if any (answers default to the contract's). */
  apiVersion: string | undefined;
  idempotencyKey: string | undefined;
  record: RecordedRequest;
  /** Headers the answer adds (`Stripe-Should-Retry` of an injected fault). */
  extra: Record<string, string> | undefined;
  /** The connected account the request acts for (`Stripe-Account`), or null. */
  account: string | null;
}

/** Stripe's behaviour for the kit's endpoints, with its state; transports call {@link StripeCore.handle}. */
export class StripeCore {
  readonly store: MockStore;
  readonly faults = new FaultQueue();
  readonly requests: RecordedRequest[] = [];
  readonly violations: MockContractViolationError[] = [];
  readonly idempotency: IdempotencyStore;
  private readonly now: () => number;
  private readonly unknownCustomers: 'create' | 'reject';
  private readonly allowLiveKeys: boolean;
  private readonly requestLogSize: number;
  private readonly defaultCurrency: string;
  /** How a live-key refusal tells the user to allow live keys (a CLI flag, an option). */
  liveKeyHint: string | undefined;

  constructor(options: StripeCoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.store = new MockStore(this.now);
    this.idempotency = new IdempotencyStore(this.now);
    this.unknownCustomers = options.unknownCustomers ?? 'reject';
    this.allowLiveKeys = options.allowLiveKeys ?? false;
    this.requestLogSize = checkLogSize(options.requestLogSize);
    this.defaultCurrency = checkDefaultCurrency(options.defaultCurrency);
  }

  /** The mock's clock in whole seconds (Stripe's `created`), for changes made outside a request (`simulate`). */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
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
    const exchange = this.begin(request);
    try {
      return await this.answer(exchange, options.signal);
    } catch (error) {
      if (error instanceof StripeApiError) return this.respondError(exchange, error);
      throw error;
    }
  }

  private begin(request: StripeRequest): Exchange {
    const method = request.method.toUpperCase();
    // Split at the first `?` only: a query may itself contain `?` (`?limit=2?&x=1` has a parameter x).
    const mark = request.url.indexOf('?');
    const path = (mark === -1 ? request.url : request.url.slice(0, mark)) || '/';
    const requestId = randomId('req_', 14);
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
    this.log(record);
    return {
      method,
      path,
      queryString: mark === -1 ? '' : request.url.slice(mark + 1),
      body: request.body,
      headers: request.headers,
      requestId,
      apiVersion: request.headers['stripe-version'],
      idempotencyKey,
      record,
      extra: undefined,
      account: request.headers['stripe-account'] || null,
    };
  }

  /** Appends to the request log, dropping the oldest entry once it is full. */
  private log(record: RecordedRequest): void {
    this.requests.push(record);
    if (this.requests.length > this.requestLogSize) this.requests.shift();
  }

  private async answer(exchange: Exchange, signal: AbortSignal | undefined): Promise<StripeOutcome> {
    const { method, path, record } = exchange;
    const size = Buffer.byteLength(exchange.body, 'utf8');
    if (size > MAX_BODY_BYTES) throw bodyTooLarge(size, MAX_BODY_BYTES);

    const matched = matchRoute(method, path);
    if (!matched) throw unrecognizedRequestUrl(method, path);
    const operation = operationFor(matched);
    record.operation = matched.route.name;

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
    if (fault && 'delayMs' in fault) await sleep(fault.delayMs, undefined, signal ? { signal } : {});

    const caller = authenticate(exchange.headers.authorization, this.allowLiveKeys, this.liveKeyHint);
    if (method === 'POST') checkContentType(exchange.headers['content-type']);
    record.query = decodeForm(exchange.queryString);
    record.body = decodeForm(method === 'POST' ? exchange.body : '');
    // GET parameters travel in the query string, POST parameters in the body (the client never mixes them).
    const form = matched.route.params.in === 'query' ? record.query : record.body;

    let idempotency: IdempotencyDecision | undefined;
    if (exchange.idempotencyKey !== undefined) {
      idempotency = this.idempotency.begin(
        // Keys are the caller's, per connected account: the same key on behalf of two accounts is two requests.
        exchange.account === null ? caller.key : `${caller.key} ${exchange.account}`,
        exchange.idempotencyKey,
        `${method} ${path} ${canonical(form)}`,
      );
      if (idempotency.kind === 'replay') {
        record.replayed = true;
        record.status = idempotency.response.status;
        return {
          kind: 'response',
          ...idempotency.response,
          headers: {
            ...idempotency.response.headers,
            'request-id': exchange.requestId,
            'idempotent-replayed': 'true',
            'original-request': idempotency.originalRequestId,
          },
        };
      }
    }
    const fresh = idempotency?.kind === 'fresh' ? idempotency : undefined;
    const statusFault = fault && 'status' in fault ? fault : undefined;
    if (statusFault && !statusFault.afterApply) {
      fresh?.abandon();
      exchange.extra = faultHeaders(statusFault);
      throw serverError(statusFault.status);
    }

    let response: StripeResponse;
    try {
      const { params, plan } = operation.parse(form);
      const body = operation.run(
        {
          store: this.store,
          customer: matched.customer,
          transaction: matched.transaction ?? '',
          livemode: caller.livemode,
          account: exchange.account,
          nowSeconds: Math.floor(this.now() / 1000),
          defaultCurrency: this.defaultCurrency,
          unknownCustomers: this.unknownCustomers,
        },
        params,
        plan,
      );
      this.checkContract(responseKindOf(matched.route, body), body, exchange.requestId);
      response = this.respond(exchange, 200, body);
    } catch (error) {
      if (!(error instanceof StripeApiError)) {
        fresh?.abandon();
        throw error;
      }
      response = this.respondError(exchange, error);
    }
    // Stripe saves the result of a request that began executing; a 400 never began.
    if (response.status !== 400) fresh?.commit(response, exchange.requestId);
    else fresh?.abandon();
    if (statusFault?.afterApply) {
      // The answer is lost: the client sees the fault, a retry replays the saved result.
      exchange.extra = faultHeaders(statusFault);
      throw serverError(statusFault.status);
    }
    return { kind: 'response', ...response };
  }

  private respond(exchange: Exchange, status: number, body: unknown): StripeResponse {
    exchange.record.status = status;
    return stripeResponse(status, body, {
      requestId: exchange.requestId,
      apiVersion: exchange.apiVersion,
      idempotencyKey: exchange.idempotencyKey,
      ...(exchange.extra ? { extra: exchange.extra } : {}),
    });
  }

  private respondError(exchange: Exchange, error: StripeApiError): StripeOutcome & StripeResponse {
    // Cut to the error contract once; the body checked is the body sent.
    const body = bounded(error).toJSON();
    this.checkContract('error', body, exchange.requestId);
    return { kind: 'response', ...this.respond(exchange, error.status, body) };
  }

  private checkContract(kind: ContractKind, body: unknown, requestId: string): void {
    // The precompiled schema check first: the semantic rules hold by construction (the store keeps
    // the chain), and a check on every answer must cost little next to the round trip. Only a
    // failure pays for validate()'s findings.
    if (validators[kind](body)) return;
    const result = validate(kind, body, { semantic: false });
    const violation = new MockContractViolationError(
      `stripe-balance-kit mock refused to send a ${kind} response (${requestId}) that breaks the contract:\n${formatIssues(result.errors)}\nThis is a bug in the mock or in data given to seed(); please report it.`,
    );
    this.violations.push(violation);
    throw violation;
  }
}

function faultHeaders(fault: Extract<Fault, { status: number }>): Record<string, string> | undefined {
  const shouldRetry = faultShouldRetry(fault);
  return shouldRetry === undefined ? undefined : { 'stripe-should-retry': String(shouldRetry) };
}

function checkDefaultCurrency(currency: string | undefined): string {
  if (currency === undefined) return 'usd';
  if (!isSupportedCurrency(currency)) {
    throw new StripeBalanceKitError(
      'invalid_mock_option',
      `defaultCurrency must be a lowercase currency Stripe supports, got ${JSON.stringify(currency)}; pass e.g. { defaultCurrency: 'eur' }`,
    );
  }
  return currency;
}

function checkLogSize(size: number | undefined): number {
  if (size === undefined) return DEFAULT_REQUEST_LOG_SIZE;
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new StripeBalanceKitError(
      'invalid_mock_option',
      `requestLogSize must be a non-negative integer, got ${String(size)}; pass e.g. { requestLogSize: 5000 }`,
    );
  }
  return size;
}
