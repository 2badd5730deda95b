/**
 * Raw HTTP around the mock's core, without any client library: a loopback `http.createServer`
 * adapter (our own, so these tests do not depend on the package's server transport), and a
 * request function over node's http/https (which nock intercepts for the nock transport).
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { StripeCore } from '../../src/mock/core.js';
import { normalizeHeaders } from '../../src/mock/exchange.js';

/** A response as raw as node gives it: status, lower-case headers, body text. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A raw request: method, path with query (sent byte for byte), headers, body. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Where the core currently under test lives; the server reads it per request. */
export interface CoreSlot {
  core: StripeCore | undefined;
  /** Errors the adapter caught from the core: each one is a crash. */
  crashes: string[];
}

/** A loopback server answering every request from `slot.core`. */
export async function startLoopback(slot: CoreSlot): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const core = slot.core;
      if (!core) {
        res.writeHead(503).end();
        return;
      }
      core
        .handle({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: normalizeHeaders(req.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        })
        .then((outcome) => {
          if (outcome.kind === 'network-error') {
            res.destroy();
            return;
          }
          res.writeHead(outcome.status, outcome.headers);
          res.end(outcome.body);
        })
        .catch((error: unknown) => {
          slot.crashes.push(error instanceof Error ? error.message : String(error));
          res.writeHead(500, { 'content-type': 'text/plain' }).end('adapter caught a crash');
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends `request` to `origin` over node's http or https client and reads the whole answer. */
export function rawRequest(origin: string, request: RawRequest): Promise<RawResponse> {
  const url = new URL(origin);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port || undefined,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...(request.body === undefined ? {} : { 'content-length': Buffer.byteLength(request.body) }),
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
