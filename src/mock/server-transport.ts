/**
 * The loopback server transport: a `node:http` server in front of the core, so any Stripe client
 * in any language (pointed at `http://127.0.0.1:12111`) gets exactly the mock's behaviour. Like
 * the nock and fetch transports it only moves bytes; every decision is the core's.
 *
 * Besides Stripe's paths it answers the control paths under `/_balance_kit/` (control-paths.ts),
 * so tests in other languages can run `simulate` and `failNext` over HTTP.
 *
 * What only a real socket has, handled here: a body cap enforced while reading (a runaway upload
 * is discarded, never buffered), a dropped connection for `failNext({ networkError: true })`, a
 * delayed answer aborted when the client hangs up, and a graceful close that lets requests in
 * flight finish.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyTooLarge, internalError } from '../stripe/api-errors.js';
import { errorResponse, type StripeResponse } from '../stripe/response.js';
import { controlResponse, isControlPath } from './control-paths.js';
import { MAX_BODY_BYTES, StripeCore, type StripeCoreOptions } from './core.js';
import { randomId } from './random-ids.js';
import { normalizeHeaders } from './exchange.js';
import { type MockState, withState } from './state-handle.js';

/** The port `stripe-balance-kit serve` listens on by default (the one stripe-mock made familiar). */
export const DEFAULT_SERVER_PORT = 12111;

/** Options of {@link startStripeServer}. */
export interface StripeServerOptions extends StripeCoreOptions {
  /** The port to listen on; `0` (the default here) picks a free one. The CLI defaults to 12111. */
  port?: number;
  /** The address to bind: `127.0.0.1` by default, so the mock is never reachable from the network. */
  host?: string;
}

/** A running loopback server and the state it serves. */
export interface StripeServer extends MockState {
  /** The base URL, e.g. `http://127.0.0.1:12111`. */
  readonly url: string;
  /** The port actually bound (useful with `port: 0`). */
  readonly port: number;
  /** The address bound. */
  readonly host: string;
  /**
   * Stops accepting connections, lets requests in flight finish, closes idle keep-alive
   * connections, and resolves once the server is closed. Calling it again returns the same promise.
   */
  close(): Promise<void>;
  /** Drops every connection at once, in flight or not (a second Ctrl+C). */
  closeNow(): void;
}

/** `::1` → `[::1]`, so the address can sit in a URL. */
function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * Starts a loopback HTTP server that answers the Customer Balance Transactions and customer endpoints
 * exactly like the in-process mock (the same core), and resolves once it listens.
 *
 * @example
 * const server = await startStripeServer({ port: 0 });
 * const stripe = new Stripe('sk_test_123', { host: '127.0.0.1', port: server.port, protocol: 'http' });
 * // ... later
 * await server.close();
 */
export async function startStripeServer(options: StripeServerOptions = {}): Promise<StripeServer> {
  return serveCore(new StripeCore(options), options);
}

/** A loopback server in front of `core` (the CLI's, with its own live-key hint). */
export async function serveCore(
  core: StripeCore,
  options: Pick<StripeServerOptions, 'port' | 'host'> = {},
): Promise<StripeServer> {
  // node:http (and with it net and streams) loads when a server starts, not when the package does.
  const { createServer } = await import('node:http');
  const host = options.host ?? '127.0.0.1';
  let closing: Promise<void> | undefined;
  const server: Server = createServer((req, res) => {
    void serve(core, req, res, () => closing !== undefined).finally(() => {
      // Keep-alive connections that fall idle once closing has begun would hold close() open.
      if (closing) server.closeIdleConnections();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const handle: StripeServer = withState(core, {
    url: `http://${urlHost(host)}:${port}`,
    port,
    host,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      return closing;
    },
    closeNow() {
      server.closeAllConnections();
    },
  });
  return handle;
}

/** Reads the body up to the cap; past it, keeps reading (so the client can finish) but keeps nothing. */
function readBody(req: IncomingMessage): Promise<{ body: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () =>
      resolve({ body: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }),
    );
    req.on('error', reject);
  });
}

async function serve(
  core: StripeCore,
  req: IncomingMessage,
  res: ServerResponse,
  closing: () => boolean,
): Promise<void> {
  // A client that hangs up mid-delay aborts the delay, as the fetch transport's signal does.
  const hangUp = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) hangUp.abort();
  });
  try {
    const headers = normalizeHeaders(req.headers);
    const { body, tooLarge } = await readBody(req);
    if (tooLarge) {
      send(res, tooLargeResponse(headers), closing());
      return;
    }
    if (isControlPath(req.url ?? '/')) {
      send(res, controlResponse(core, req.method ?? 'GET', req.url ?? '/', body), closing());
      return;
    }
    const outcome = await core.handle(
      { method: req.method ?? 'GET', url: req.url ?? '/', headers, body },
      { signal: hangUp.signal },
    );
    if (outcome.kind === 'network-error') {
      // The injected fault: the client sees the connection drop with no response at all.
      req.socket.destroy();
      return;
    }
    send(res, outcome, closing());
  } catch (error) {
    if (hangUp.signal.aborted || res.destroyed) return;
    // A bug or a contract violation the core refused to send: answer, never take the server down.
    send(res, failureResponse(error), closing());
  }
}

function send(res: ServerResponse, answer: StripeResponse, closing: boolean): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(Buffer.byteLength(answer.body)),
    // While shutting down, no connection is kept for another request.
    ...(closing ? { connection: 'close' } : {}),
  });
  res.end(answer.body);
}

/**
 * The socket-level twin of the core's 413: the core can only measure a body it was handed, and
 * this transport refuses to hold more than the cap, so it answers for it (as a proxy in front of
 * an API would) with the same status and error envelope. The request never reaches the core, so
 * it consumes no fault and touches no state.
 */
function tooLargeResponse(headers: Record<string, string | undefined>): StripeResponse {
  return errorResponse(bodyTooLarge(undefined, MAX_BODY_BYTES), {
    requestId: randomId('req_', 14),
    apiVersion: headers['stripe-version'],
  });
}

/** A bug or a refused contract violation: answered, never taking the server down. */
function failureResponse(error: unknown): StripeResponse {
  const reason = error instanceof Error ? error.message : String(error);
  return errorResponse(internalError(reason), {
    requestId: randomId('req_', 14),
    // Retrying cannot help: the same request meets the same failure.
    extra: { 'stripe-should-retry': 'false' },
  });
}
