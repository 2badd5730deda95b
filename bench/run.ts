/**
 * Side-by-side benchmarks against the tools users would pick instead (issue 9), all measured in
 * one process run with tinybench. Prints a table of ops/s and the ratios the issue targets, and
 * writes the same to bench/results/latest.json. Run: npm run bench (no network beyond loopback).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { generateSync } from 'json-schema-faker';
import nock from 'nock';
import { OpenAPIBackend } from 'openapi-backend';
import openapiResponseValidator from 'openapi-response-validator';
import { sample } from 'openapi-sampler';
import Stripe from 'stripe';
import { Bench } from 'tinybench';
import { parse as parseYaml } from 'yaml';
import {
  createFixtures,
  listPage,
  mockStripe,
  schemas,
  startStripeServer,
  validate,
  validators,
} from '../src/index.js';
import { isCustomerBalanceTransaction, isCustomerBalanceTransactionList } from './hand-guard.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = join(ROOT, 'spec/customer-balance-transactions.openapi.yaml');
const CUSTOMER = 'cus_BenchPeers0001';
const started = performance.now();

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

let sink = 0;
const consume = (v: unknown) => {
  if (v) sink++;
};

interface Row {
  section: string;
  name: string;
  opsPerSec: number;
  note?: string;
}
const rows: Row[] = [];
const opsOf = (section: string, name: string): number =>
  rows.find((r) => r.section === section && r.name === name)?.opsPerSec ?? Number.NaN;

/** Calls/s of fn under tinybench, or NaN (with the reason printed) when it threw. */
async function timeOnly(
  fn: () => unknown,
  { time = 500, warmupTime = Math.min(200, time / 2) }: { time?: number; warmupTime?: number } = {},
): Promise<number> {
  const bench = new Bench({ time, warmupTime });
  bench.add('task', fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result && 'period' in result) return 1000 / result.period;
  console.log(`  failed: ${result && 'error' in result ? String(result.error) : 'no result'}`);
  return Number.NaN;
}

/** Runs fn (which performs `batch` operations per call) under tinybench; records operations/s. */
async function measure(
  section: string,
  name: string,
  fn: () => unknown,
  { batch = 1, time = 500, note }: { batch?: number; time?: number; note?: string } = {},
): Promise<number> {
  const ops = batch * (await timeOnly(fn, { time }));
  rows.push({ section, name, opsPerSec: ops, ...(note ? { note } : {}) });
  return ops;
}

/** Each compared candidate's ops/s, round by round (index = round), for paired ratios. */
const roundSamples = new Map<string, number[]>();

/**
 * ops(a) / ops(b) in one section: the median of the per-round ratios when both were compared in
 * rounds (each pair measured seconds apart, so drift cancels), else the ratio of the figures.
 */
function opsRatio(section: string, a: string, b: string): number {
  const as = roundSamples.get(`${section}\u0000${a}`);
  const bs = roundSamples.get(`${section}\u0000${b}`);
  if (!as || !bs || as.length !== bs.length || as.length === 0) return opsOf(section, a) / opsOf(section, b);
  const ratios = as.map((x, i) => x / (bs[i] as number)).sort((x, y) => x - y);
  return ratios[Math.floor(ratios.length / 2)] as number;
}

/** One contender in a side-by-side comparison. */
interface Candidate {
  name: string;
  /** Operations per call of the timed function. */
  batch?: number;
  note?: string;
  /** Sets up and returns the function to time; called once per round. */
  open(): Promise<() => unknown> | (() => unknown);
  close?(): Promise<void> | void;
}

/**
 * Times every candidate once per round, rounds interleaved, and records each one's median. On a
 * shared 2-core machine throughput drifts by 10–40% within a minute, and the first thing timed in
 * a fresh process runs up to 2× slower than it does later (its code is still being compiled), so
 * timing contenders one after the other would rank them partly by their position in the list.
 */
async function compareInRounds(
  section: string,
  candidates: Candidate[],
  { rounds, time, warmupTime }: { rounds: number; time: number; warmupTime: number },
): Promise<void> {
  const samples = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const c of candidates) {
      const fn = await c.open();
      const ops = (c.batch ?? 1) * (await timeOnly(fn, { time, warmupTime }));
      await c.close?.();
      samples.set(c.name, [...(samples.get(c.name) ?? []), ops]);
    }
  }
  for (const c of candidates) {
    roundSamples.set(`${section}\u0000${c.name}`, samples.get(c.name) ?? []);
    const all = [...(samples.get(c.name) ?? [])].sort((a, b) => a - b);
    const median = all[Math.floor(all.length / 2)] ?? Number.NaN;
    const spread = all.length > 1 ? ` ±${(((all.at(-1)! - all[0]!) / 2 / median) * 100).toFixed(0)}%` : '';
    rows.push({
      section,
      name: c.name,
      opsPerSec: median,
      note: `median of ${rounds}${spread}${c.note ? `; ${c.note}` : ''}`,
    });
  }
}

// --- a. validate ------------------------------------------------------------------------------
const fx = createFixtures({ seed: 'bench' });
const ledger100 = fx.ledger({ customer: CUSTOMER, currency: 'usd', count: 100 });
const one = ledger100[0]!;
const page = listPage(ledger100, { customer: CUSTOMER, limit: 100 });

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
ajv.addFormat('unix-time', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) && n >= 0 });
const ajvOne = ajv.compile(schemas.customer_balance_transaction);
const ajvPage = ajv.compile(schemas.customer_balance_transaction_list);

type OpenApiDoc = {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: Record<string, unknown>;
};
const spec = parseYaml(readFileSync(SPEC, 'utf8')) as OpenApiDoc;
const listPath = spec.paths['/v1/customers/{customer}/balance_transactions']!;
// A CommonJS module whose class is its `default` export.
const OpenAPIResponseValidator = openapiResponseValidator.default;
const unixTime = { 'unix-time': (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 };
const oarvOne = new OpenAPIResponseValidator({
  responses: { 200: listPath.post!.responses['200'] },
  components: spec.components,
  customFormats: unixTime,
} as never);
const oarvPage = new OpenAPIResponseValidator({
  responses: { 200: listPath.get!.responses['200'] },
  components: spec.components,
  customFormats: unixTime,
} as never);
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
// openapi-backend validates a response against an operation of the whole document.
const backend = new OpenAPIBackend({
  definition: nullableWithoutType(spec) as never,
  validate: true,
  customizeAjv: (original) => {
    original.addFormat('unix-time', { type: 'number', validate: unixTime['unix-time'] });
    return original;
  },
});
await backend.init();
const backendOne = (v: unknown) => backend.validateResponse(v, 'createCustomerBalanceTransaction', 200).valid;
const backendPage = (v: unknown) => backend.validateResponse(v, 'listCustomerBalanceTransactions', 200).valid;
// Sanity: every validator must accept the valid inputs, or the comparison is meaningless.
const sanity: [string, unknown][] = [
  ['ours one', validators.customer_balance_transaction(one)],
  ['ours page', validators.customer_balance_transaction_list(page)],
  ['hand one', isCustomerBalanceTransaction(one)],
  ['hand page', isCustomerBalanceTransactionList(page)],
  ['ajv one', ajvOne(one)],
  ['ajv page', ajvPage(page)],
  ['oarv one', oarvOne.validateResponse(200, one) === undefined],
  ['oarv page', oarvPage.validateResponse(200, page) === undefined],
  ['openapi-backend one', backendOne(one)],
  ['openapi-backend page', backendPage(page)],
];
for (const [name, ok] of sanity) if (!ok) console.log(`  WARNING: ${name} rejected valid input`);

/**
 * How much slower `b` is than `a` (b's time / a's time − 1), from 60 back-to-back pairs of 20 ms
 * windows: the two sides of each pair run within 40 ms of each other, so drift that swamps a 10%
 * difference across separate 200 ms measurements cancels out. The median pair counts.
 */
function pairedOverhead(a: () => unknown, b: () => unknown): number {
  const rate = (f: () => unknown) => {
    let n = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < 20) {
      for (let i = 0; i < 500; i++) consume(f());
      n += 500;
      elapsed = performance.now() - t0;
    }
    return n / elapsed;
  };
  for (let i = 0; i < 10; i++) {
    rate(a);
    rate(b);
  }
  const ratios: number[] = [];
  for (let i = 0; i < 60; i++) ratios.push(rate(a) / rate(b));
  ratios.sort((x, y) => x - y);
  return (ratios[30] as number) - 1;
}
const wrapperOverhead = new Map<string, number>();

console.log('a. validate…');
for (const [label, value, batch, kind, bare, hand, ajvFn, oarv, backendFn] of [
  [
    'one transaction',
    one,
    1000,
    'customer_balance_transaction',
    validators.customer_balance_transaction,
    isCustomerBalanceTransaction,
    ajvOne,
    oarvOne,
    backendOne,
  ],
  [
    '100-item page',
    page,
    20,
    'customer_balance_transaction_list',
    validators.customer_balance_transaction_list,
    isCustomerBalanceTransactionList,
    ajvPage,
    oarvPage,
    backendPage,
  ],
] as const) {
  const loop = (f: () => unknown) => () => () => {
    for (let i = 0; i < batch; i++) consume(f());
  };
  await compareInRounds(
    `validate ${label}`,
    [
      { name: 'ours: precompiled validator', batch, open: loop(() => bare(value)) },
      {
        name: 'ours: validate() schema only',
        batch,
        open: loop(() => validate(kind, value, { semantic: false })),
      },
      { name: 'ours: validate() with semantics', batch, open: loop(() => validate(kind, value)) },
      { name: 'hand-written type guard', batch, open: loop(() => hand(value)) },
      { name: 'ajv compiled at run time', batch, open: loop(() => ajvFn(value)) },
      {
        name: 'openapi-response-validator',
        batch,
        open: loop(() => oarv.validateResponse(200, value) === undefined),
      },
      { name: 'openapi-backend', batch, open: loop(() => backendFn(value)) },
    ],
    { rounds: 7, time: 200, warmupTime: 100 },
  );
  wrapperOverhead.set(
    label,
    pairedOverhead(
      () => bare(value),
      () => validate(kind, value, { semantic: false }),
    ),
  );
}

// --- b. generate ------------------------------------------------------------------------------
console.log('b. generate…');
{
  const gen = createFixtures({ seed: 'gen' });
  const schema = schemas.customer_balance_transaction;
  await measure(
    'generate one object',
    'ours: createFixtures().balanceTransaction()',
    () => {
      for (let i = 0; i < 100; i++) consume(gen.balanceTransaction());
    },
    { batch: 100 },
  );
  await measure('generate one object', 'json-schema-faker', () => consume(generateSync(schema as never)), {
    note: 'random strings, negative timestamps',
  });
  await measure(
    'generate one object',
    'openapi-sampler',
    () => {
      for (let i = 0; i < 100; i++) consume(sample(schema as never, {}, schema as never));
    },
    { batch: 100, note: 'placeholders ("id": "string")' },
  );
}

// --- c. mock round trip -----------------------------------------------------------------------
console.log('c. mock round trip…');
const roundTrip = (stripe: Stripe) => async () => {
  consume(await stripe.customers.createBalanceTransaction(CUSTOMER, { amount: -1, currency: 'usd' }));
  consume(await stripe.customers.listBalanceTransactions(CUSTOMER, { limit: 10 }));
};
const seedLedger = createFixtures({ seed: 1 }).ledger({ customer: CUSTOMER, currency: 'usd', count: 1000 });
const RT = 'mock round trip (create + list)';
const loopbackClient = (port: number) =>
  new Stripe('sk_test_bench', { maxNetworkRetries: 0, host: '127.0.0.1', port, protocol: 'http' });
const listen = (server: Server) =>
  new Promise<number>((ok) =>
    server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port)),
  );

/**
 * Canned answers for the floors: our own bodies and headers, captured once. A floor that sent
 * fewer headers would also measure the client parsing ours, not only the work a mock does.
 */
interface Canned {
  body: string;
  headers: Record<string, string>;
}
let cannedCreate: Canned = { body: '', headers: {} };
let cannedList: Canned = { body: '', headers: {} };
{
  const mock = mockStripe();
  mock.seed(seedLedger);
  const auth = { authorization: 'Bearer sk_test_bench' };
  const capture = async (response: Response): Promise<Canned> => ({
    body: await response.text(),
    headers: Object.fromEntries(response.headers),
  });
  cannedCreate = await capture(
    await mock.fetch(`${mock.origin}/v1/customers/${CUSTOMER}/balance_transactions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'canned' },
      body: 'amount=-1&currency=usd',
    }),
  );
  cannedList = await capture(
    await mock.fetch(`${mock.origin}/v1/customers/${CUSTOMER}/balance_transactions?limit=10`, {
      headers: auth,
    }),
  );
  mock.restore();
}
const cannedFor = (method: string | undefined) => (method === 'POST' ? cannedCreate : cannedList);

/**
 * One way of answering the client: `open` sets it up and returns the client to drive, `close`
 * tears it down. Interception is switched on only for the nock-based ones: an active nock routes
 * every loopback request through its interceptor too, which would tax the socket transports.
 */
interface Transport {
  name: string;
  intercepts: boolean;
  open(): Promise<Stripe> | Stripe;
  close(): Promise<void> | void;
}
const useInterception = (on: boolean) => {
  if (on && !nock.isActive()) nock.activate();
  if (!on && nock.isActive()) nock.restore();
};
const transports: Transport[] = [];
{
  let mock: ReturnType<typeof mockStripe> | undefined;
  transports.push({
    name: 'ours: nock mock',
    intercepts: true,
    open() {
      mock = mockStripe();
      mock.seed(seedLedger);
      return new Stripe('sk_test_bench', { maxNetworkRetries: 0 });
    },
    close: () => mock?.restore(),
  });
}
{
  let mock: ReturnType<typeof mockStripe> | undefined;
  transports.push({
    name: 'ours: createFetchHttpClient(mock.fetch)',
    intercepts: true,
    open() {
      mock = mockStripe();
      mock.seed(seedLedger);
      return new Stripe('sk_test_bench', {
        maxNetworkRetries: 0,
        httpClient: Stripe.createFetchHttpClient(mock.fetch),
      });
    },
    close: () => mock?.restore(),
  });
}
{
  let server: Awaited<ReturnType<typeof startStripeServer>> | undefined;
  transports.push({
    name: 'ours: startStripeServer() loopback',
    intercepts: false,
    async open() {
      server = await startStripeServer();
      server.seed(seedLedger);
      return loopbackClient(server.port);
    },
    close: () => server?.close(),
  });
}
transports.push({
  name: 'bare nock, canned answer',
  intercepts: true,
  open() {
    nock('https://api.stripe.com')
      .persist()
      .post(/\/balance_transactions$/)
      .reply(200, cannedCreate.body, cannedCreate.headers)
      .get(/\/balance_transactions/)
      .reply(200, cannedList.body, cannedList.headers);
    return new Stripe('sk_test_bench', { maxNetworkRetries: 0 });
  },
  close: () => nock.cleanAll(),
});
transports.push({
  name: 'bare fetch function, canned answer',
  intercepts: false,
  open() {
    // The floor of any in-process fetch transport: a fetch function that replies the canned answers.
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
});
{
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const { body, headers } = cannedFor(req.method);
      res.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    });
  });
  transports.push({
    name: 'bare loopback http server, canned answer',
    intercepts: false,
    open: async () => loopbackClient(await listen(server)),
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  });
}
const prism = await startPrism();
if (prism.port !== undefined) {
  const port = prism.port;
  transports.push({
    name: 'Stoplight Prism mock (loopback)',
    intercepts: false,
    open: () => loopbackClient(port),
    close() {},
  });
} else {
  console.log(`  Prism could not start: ${prism.log.trim().slice(-500)}`);
  rows.push({
    section: RT,
    name: 'Stoplight Prism mock (loopback)',
    opsPerSec: Number.NaN,
    note: 'did not start',
  });
}

await compareInRounds(
  RT,
  transports.map((t) => ({
    name: t.name,
    async open() {
      useInterception(t.intercepts);
      return roundTrip(await t.open());
    },
    close: () => t.close(),
  })),
  { rounds: 3, time: 1000, warmupTime: 300 },
);
useInterception(true);
prism.stop();

/** Starts `prism mock` on a free loopback port and waits until it answers. */
async function startPrism(): Promise<{ port?: number; log: string; stop(): void }> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((ok) => probe.close(ok));
  let log = '';
  const child = spawn(
    join(ROOT, 'node_modules/.bin/prism'),
    ['mock', SPEC, '-p', String(port), '-h', '127.0.0.1'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
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

// --- d. paging --------------------------------------------------------------------------------
console.log('d. paging…');
{
  const big = createFixtures({ seed: 'bench' }).ledger({ customer: CUSTOMER, count: 100_000 });
  const newestFirst = [...big].reverse();
  const deepCursor = newestFirst[1000 * 10 - 1]!.id;
  listPage(big, { customer: CUSTOMER, limit: 10 }); // builds the index once
  const S = 'listPage on a 100k ledger (limit 10)';
  await measure(
    S,
    'page 1',
    () => {
      for (let i = 0; i < 1000; i++) consume(listPage(big, { customer: CUSTOMER, limit: 10 }).data.length);
    },
    { batch: 1000 },
  );
  await measure(
    S,
    'page 1,001 (starting_after)',
    () => {
      for (let i = 0; i < 1000; i++)
        consume(listPage(big, { customer: CUSTOMER, limit: 10, starting_after: deepCursor }).data.length);
    },
    { batch: 1000 },
  );
}

// --- e. streaming -----------------------------------------------------------------------------
console.log('e. streaming 1M rows…');
const work = mkdtempSync(join(tmpdir(), 'sbk-bench-'));
let streaming: { rowsPerSec: number; peakRssMb: number; wallMs: number; bytes: number } | undefined;
{
  const out = join(work, 'ledger.ndjson');
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/cli/bin.ts'),
      'generate',
      '--count',
      '1000000',
      '--format',
      'ndjson',
      '--out',
      out,
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // process gone
    }
  }, 25);
  const code = await new Promise<number | null>((ok) => child.on('exit', ok));
  clearInterval(poll);
  const wallMs = performance.now() - t0;
  if (code === 0) {
    streaming = {
      rowsPerSec: 1_000_000 / (wallMs / 1000),
      peakRssMb: peakKb / 1024,
      wallMs,
      bytes: statSync(out).size,
    };
  } else console.log(`  generate exited with ${code}`);
}

// --- f. cold start ----------------------------------------------------------------------------
console.log('f. cold start…');
let cold:
  | { oursMs: number; contractMs: number; ajvMs: number; bareNodeMs: number; caBundleMs?: number }
  | undefined;
{
  const distEntry = join(ROOT, 'dist/esm/index.js');
  // The built package is what users import; rebuild it when the sources are newer.
  if (!existsSync(distEntry) || newestSource(join(ROOT, 'src')) > statSync(distEntry).mtimeMs)
    spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const objFile = join(work, 'one.json');
  const schemaFile = join(work, 'schema.json');
  writeFileSync(objFile, JSON.stringify(one));
  writeFileSync(schemaFile, JSON.stringify(schemas.customer_balance_transaction));
  const ours = `import { readFileSync } from 'node:fs'; import { validate } from ${JSON.stringify(distEntry)};
if (!validate('customer_balance_transaction', JSON.parse(readFileSync(${JSON.stringify(objFile)}, 'utf8'))).valid) process.exit(1);`;
  // The same through `stripe-balance-kit/contract`, the entry without nock and Faker.
  const contract = ours.replace(
    JSON.stringify(distEntry),
    JSON.stringify(join(ROOT, 'dist/esm/contract/index.js')),
  );
  const runtime = `import { readFileSync } from 'node:fs'; import { Ajv } from 'ajv';
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
ajv.addFormat('unix-time', { type: 'number', validate: (n) => Number.isSafeInteger(n) && n >= 0 });
const v = ajv.compile(JSON.parse(readFileSync(${JSON.stringify(schemaFile)}, 'utf8')));
if (!v(JSON.parse(readFileSync(${JSON.stringify(objFile)}, 'utf8')))) process.exit(1);`;
  // NODE_EXTRA_CA_CERTS makes every node process parse a CA bundle before running any code
  // (+60 ms on the machine these figures come from); it says nothing about the code under test,
  // so the children run without it and its cost is reported on its own line.
  const { NODE_EXTRA_CA_CERTS: caBundle, ...cleanEnv } = process.env;
  const runs = {
    bare: [] as number[],
    ours: [] as number[],
    contract: [] as number[],
    ajv: [] as number[],
    withCa: [] as number[],
  };
  const scripts = { bare: '', ours, contract, ajv: runtime, withCa: '' };
  // Interleaved, so drift on a shared machine hits every variant alike; the median counts.
  for (let i = 0; i < 9; i++) {
    for (const key of Object.keys(runs) as (keyof typeof runs)[]) {
      if (key === 'withCa' && !caBundle) continue;
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', scripts[key]], {
        cwd: ROOT,
        env: key === 'withCa' ? process.env : cleanEnv,
      });
      runs[key].push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`cold start script (${key}) failed: ${r.stderr}`);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const bareNodeMs = median(runs.bare);
  cold = {
    oursMs: median(runs.ours),
    contractMs: median(runs.contract),
    ajvMs: median(runs.ajv),
    bareNodeMs,
    ...(caBundle ? { caBundleMs: median(runs.withCa) - bareNodeMs } : {}),
  };
}

/** The newest modification time of any file under dir. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}
rmSync(work, { recursive: true, force: true });

// --- ratios and targets -------------------------------------------------------------------------
interface Ratio {
  name: string;
  value: number;
  target: string;
  met: boolean;
}
const ratios: Ratio[] = [];
const ratio = (name: string, value: number, target: string, met: (v: number) => boolean) =>
  ratios.push({ name, value, target, met: Number.isFinite(value) && met(value) });
for (const label of ['one transaction', '100-item page']) {
  const s = `validate ${label}`;
  const ours = 'ours: precompiled validator';
  ratio(
    `validate ${label}: ours / openapi-response-validator`,
    opsRatio(s, ours, 'openapi-response-validator'),
    '≥ 2',
    (v) => v >= 2,
  );
  ratio(
    `validate ${label}: ours / openapi-backend`,
    opsRatio(s, ours, 'openapi-backend'),
    '(info)',
    () => true,
  );
  ratio(
    `validate ${label}: ours / hand-written guard`,
    opsRatio(s, ours, 'hand-written type guard'),
    '≥ 0.25',
    (v) => v >= 0.25,
  );
  ratio(
    `validate ${label}: ours / ajv compiled at run time`,
    opsRatio(s, ours, 'ajv compiled at run time'),
    '(info)',
    () => true,
  );
  ratio(
    `validate ${label}: validate() schema-only overhead (paired)`,
    wrapperOverhead.get(label) ?? Number.NaN,
    '≤ 10%',
    (v) => v <= 0.1,
  );
  ratio(
    `validate ${label}: validate() with semantics overhead`,
    opsRatio(s, ours, 'ours: validate() with semantics') - 1,
    '(info)',
    () => true,
  );
}
const G = 'generate one object';
const ourGen = opsOf(G, 'ours: createFixtures().balanceTransaction()');
ratio('generate: ours / json-schema-faker', ourGen / opsOf(G, 'json-schema-faker'), '≥ 100', (v) => v >= 100);
ratio('generate: ours / openapi-sampler', ourGen / opsOf(G, 'openapi-sampler'), '≥ 1', (v) => v >= 1);
const PRISM = 'Stoplight Prism mock (loopback)';
ratio(
  'mock: bare nock / ours nock (time ratio)',
  opsRatio(RT, 'bare nock, canned answer', 'ours: nock mock'),
  '≤ 1.3',
  (v) => v <= 1.3,
);
ratio(
  'mock: mock.fetch / Prism',
  opsRatio(RT, 'ours: createFetchHttpClient(mock.fetch)', PRISM),
  '≥ 20',
  (v) => v >= 20,
);
ratio('mock: serve / Prism', opsRatio(RT, 'ours: startStripeServer() loopback', PRISM), '≥ 4', (v) => v >= 4);
ratio(
  'mock: bare loopback / serve (time ratio)',
  opsRatio(RT, 'bare loopback http server, canned answer', 'ours: startStripeServer() loopback'),
  '≤ 1.5',
  (v) => v <= 1.5,
);
ratio(
  'mock: bare fetch / mock.fetch (time ratio)',
  opsRatio(RT, 'bare fetch function, canned answer', 'ours: createFetchHttpClient(mock.fetch)'),
  '(info)',
  () => true,
);
ratio(
  'mock: bare fetch / Prism',
  opsRatio(RT, 'bare fetch function, canned answer', PRISM),
  '(info)',
  () => true,
);
ratio('mock: ours nock / Prism', opsRatio(RT, 'ours: nock mock', PRISM), '(info)', () => true);
const P = 'listPage on a 100k ledger (limit 10)';
ratio(
  'paging: deep page / first page (time ratio)',
  opsOf(P, 'page 1') / opsOf(P, 'page 1,001 (starting_after)'),
  '≤ 2',
  (v) => v <= 2,
);
ratio('streaming: 1M-row NDJSON peak RSS (MB)', streaming?.peakRssMb ?? Number.NaN, '< 150', (v) => v < 150);
for (const [entry, ms] of [
  ['stripe-balance-kit', cold?.oursMs],
  ['stripe-balance-kit/contract', cold?.contractMs],
] as const) {
  const own = ms ?? Number.NaN;
  ratio(`cold start, ${entry}: import + first validation (ms)`, own, '≤ 60', (v) => v <= 60);
  ratio(
    `cold start, ${entry}: runtime ajv / ours (time ratio)`,
    cold ? cold.ajvMs / own : Number.NaN,
    '≥ 3',
    (v) => v >= 3,
  );
  ratio(
    `cold start, ${entry}: ours minus node doing nothing (ms)`,
    cold ? own - cold.bareNodeMs : Number.NaN,
    '(info)',
    () => true,
  );
  ratio(
    `cold start, ${entry}: runtime ajv / ours, node start-up taken out`,
    cold ? (cold.ajvMs - cold.bareNodeMs) / (own - cold.bareNodeMs) : Number.NaN,
    '(info)',
    () => true,
  );
}

// --- print ------------------------------------------------------------------------------------
const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${process.platform}`;
console.log(`\nstripe-balance-kit benchmarks — ${machine}\n`);
let section = '';
for (const r of rows) {
  if (r.section !== section) {
    section = r.section;
    console.log(`${section}`);
  }
  console.log(
    `  ${r.name.padEnd(48)} ${fmt(r.opsPerSec).padStart(14)} ops/s${r.note ? `  (${r.note})` : ''}`,
  );
}
if (streaming)
  console.log(
    `streaming: generate --count 1000000 --format ndjson\n  ${fmt(streaming.rowsPerSec)} rows/s (${(streaming.wallMs / 1000).toFixed(1)} s wall incl. tsx start, ${(streaming.bytes / 1e6).toFixed(0)} MB written), peak RSS ${streaming.peakRssMb.toFixed(0)} MB`,
  );
if (cold)
  console.log(
    [
      'cold start (fresh node process, wall, median of 9, interleaved)',
      `  ours: import the package + validate() one    ${cold.oursMs.toFixed(0)} ms`,
      `  ours: the same from stripe-balance-kit/contract ${cold.contractMs.toFixed(0)} ms`,
      `  ajv: compile the schema at run time + validate ${cold.ajvMs.toFixed(0)} ms`,
      `  node doing nothing                            ${cold.bareNodeMs.toFixed(0)} ms`,
      ...(cold.caBundleMs === undefined
        ? []
        : [
            `  (NODE_EXTRA_CA_CERTS is set here: +${cold.caBundleMs.toFixed(0)} ms per process; left out above)`,
          ]),
    ].join('\n'),
  );
console.log('\nratios (target) — within a section, the median of the per-round ratios');
for (const r of ratios) {
  const v = !Number.isFinite(r.value)
    ? 'n/a'
    : r.name.includes('overhead')
      ? `${(r.value * 100).toFixed(1)}%`
      : r.value.toFixed(2);
  const verdict = r.target === '(info)' ? '' : r.met ? 'met' : 'MISSED';
  console.log(`  ${r.name.padEnd(58)} ${v.padStart(9)}  ${r.target.padEnd(8)} ${verdict}`);
}
const totalS = (performance.now() - started) / 1000;
console.log(`\ntotal ${totalS.toFixed(0)} s${sink === 0 ? ' (nothing consumed?)' : ''}`);

mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench/results/latest.json'),
  `${JSON.stringify(
    {
      commit:
        spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ||
        undefined,
      date: new Date().toISOString(),
      machine,
      totalSeconds: Math.round(totalS),
      results: rows,
      streaming,
      coldStart: cold,
      ratios,
    },
    null,
    2,
  )}\n`,
);
console.log('wrote bench/results/latest.json');
