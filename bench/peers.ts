/**
 * The tools users would pick instead of ours, set up the way their docs say, plus the floors (a
 * bare nock interceptor, a bare fetch function, a bare `http` server) that reply our exact answers
 * and so show what any mock on that transport must pay. Suites import what they compare against.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { generateSync } from 'json-schema-faker';
import { OpenAPIBackend } from 'openapi-backend';
import openapiResponseValidator from 'openapi-response-validator';
import { sample } from 'openapi-sampler';
import Stripe from 'stripe';
import { schemas } from '../src/contract/index.js';
import { ROOT } from './harness.js';
import { CUSTOMER, type OpenApiDoc, SPEC } from './inputs.js';
import { TRANSPORTS } from './names.js';

// --- validators -------------------------------------------------------------------------------

export type Check = (value: unknown) => boolean;

/** One peer validator per shape: a transaction (the create response) and a list page. */
export interface PeerValidators {
  ajvRuntime: Check;
  openapiResponseValidator: Check;
  openapiBackend: Check;
}

const unixTime = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * OpenAPI 3.0's `nullable: true` beside `anyOf`/`allOf` (how Stripe's own spec writes nullable
 * expandable fields) makes openapi-backend's AJV throw '"nullable" cannot be used without
 * "type"', so it gets the one rewrite a user would have to make: `anyOf: [..., {enum: [null]}]`.
 */
function nullableWithoutType(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableWithoutType);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = nullableWithoutType(value);
  if (out.nullable !== true || 'type' in out) return out;
  const { nullable: _, anyOf, allOf, ...rest } = out;
  const branches = Array.isArray(anyOf) ? anyOf : [Array.isArray(allOf) ? { allOf } : {}];
  return { ...rest, anyOf: [...branches, { enum: [null] }] };
}

export async function validatorPeers(
  spec: OpenApiDoc,
): Promise<{ one: PeerValidators; page: PeerValidators }> {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
  ajv.addFormat('unix-time', { type: 'number', validate: unixTime });
  const ajvOne = ajv.compile(schemas.customer_balance_transaction);
  const ajvPage = ajv.compile(schemas.customer_balance_transaction_list);

  const listPath = spec.paths['/v1/customers/{customer}/balance_transactions'];
  if (!listPath?.post || !listPath.get) throw new Error('spec: the list path lost an operation');
  // A CommonJS module whose class is its `default` export.
  const OpenAPIResponseValidator = openapiResponseValidator.default;
  const oarv = (responses: Record<string, unknown>) =>
    new OpenAPIResponseValidator({
      responses: { 200: responses['200'] },
      components: spec.components,
      customFormats: { 'unix-time': unixTime },
    } as never);
  const oarvOne = oarv(listPath.post.responses);
  const oarvPage = oarv(listPath.get.responses);

  // openapi-backend validates a response against an operation of the whole document.
  const backend = new OpenAPIBackend({
    definition: nullableWithoutType(spec) as never,
    validate: true,
    customizeAjv: (original) => {
      original.addFormat('unix-time', { type: 'number', validate: unixTime });
      return original;
    },
  });
  await backend.init();
  return {
    one: {
      ajvRuntime: (v) => ajvOne(v),
      openapiResponseValidator: (v) => oarvOne.validateResponse(200, v) === undefined,
      openapiBackend: (v) => backend.validateResponse(v, 'createCustomerBalanceTransaction', 200).valid,
    },
    page: {
      ajvRuntime: (v) => ajvPage(v),
      openapiResponseValidator: (v) => oarvPage.validateResponse(200, v) === undefined,
      openapiBackend: (v) => backend.validateResponse(v, 'listCustomerBalanceTransactions', 200).valid,
    },
  };
}

// --- generators -------------------------------------------------------------------------------

/** Schema-driven generators: one object per call from the transaction's JSON Schema. */
export const generatorPeers = {
  jsonSchemaFaker: (schema: object): unknown => generateSync(schema as never),
  openapiSampler: (schema: object): unknown => sample(schema as never, {}, schema as never),
};

// --- transports -------------------------------------------------------------------------------

/**
 * One way of answering the client: `open` sets it up and returns the client to drive, `close`
 * tears it down. `intercepts` says whether nock must be active for it.
 */
export interface Transport {
  name: string;
  intercepts: boolean;
  open(): Promise<Stripe> | Stripe;
  close(): Promise<void> | void;
}

/** A body and headers as our mock sends them, captured once, for the floors to replay. */
export interface Canned {
  body: string;
  headers: Record<string, string>;
}
export interface CannedAnswers {
  create: Canned;
  list: Canned;
}

export const loopbackClient = (port: number): Stripe =>
  new Stripe('sk_test_bench', { maxNetworkRetries: 0, host: '127.0.0.1', port, protocol: 'http' });

export const listen = (server: Server): Promise<number> =>
  new Promise<number>((ok) =>
    server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port)),
  );

/**
 * The floors: each replies the canned answers and does nothing else. A floor that sent fewer
 * headers would also measure the client parsing ours, not only the work a mock does.
 */
export async function floorTransports(canned: CannedAnswers): Promise<Transport[]> {
  const { default: nock } = await import('nock');
  const cannedFor = (method: string | undefined) => (method === 'POST' ? canned.create : canned.list);
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const { body, headers } = cannedFor(req.method);
      res.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    });
  });
  return [
    {
      name: TRANSPORTS.bareNock,
      intercepts: true,
      open() {
        nock('https://api.stripe.com')
          .persist()
          .post(/\/balance_transactions$/)
          .reply(200, canned.create.body, canned.create.headers)
          .get(/\/balance_transactions/)
          .reply(200, canned.list.body, canned.list.headers);
        return new Stripe('sk_test_bench', { maxNetworkRetries: 0 });
      },
      close: () => {
        nock.cleanAll();
      },
    },
    {
      name: TRANSPORTS.bareFetch,
      intercepts: false,
      open() {
        // The floor of any in-process fetch transport.
        const cannedFetch = async (_url: string | URL | Request, init?: RequestInit) => {
          const { body, headers } = cannedFor(init?.method);
          return new Response(body, { status: 200, headers });
        };
        return new Stripe('sk_test_bench', {
          maxNetworkRetries: 0,
          httpClient: Stripe.createFetchHttpClient(cannedFetch as typeof fetch),
        });
      },
      close() {},
    },
    {
      name: TRANSPORTS.bareServer,
      intercepts: false,
      open: async () => loopbackClient(await listen(server)),
      async close() {
        server.closeAllConnections();
        await new Promise((ok) => server.close(ok));
      },
    },
  ];
}

/** Starts `prism mock` on a free loopback port and waits until it answers; stopped by its pid. */
export async function startPrism(): Promise<{ port?: number; log: string; stop(): void }> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((ok) => probe.close(ok));
  let log = '';
  const child = spawn(
    join(ROOT, 'node_modules/.bin/prism'),
    ['mock', SPEC, '-p', String(port), '-h', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (d: unknown) => {
    log = (log + String(d)).slice(-2000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  child.on('error', (e) => {
    keep(e);
    exited = true;
  });
  const stop = () => {
    if (child.pid !== undefined && !exited) process.kill(child.pid);
  };
  const deadline = Date.now() + 30_000;
  while (!exited && Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/v1/customers/${CUSTOMER}/balance_transactions`, {
        headers: { authorization: 'Bearer sk_test_bench' },
      });
      await r.text();
      return { port, log, stop };
    } catch {
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
  stop();
  return { log: `${exited ? 'exited' : 'timed out'}: ${log}`, stop };
}
