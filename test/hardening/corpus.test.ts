/**
 * The bad-input corpus (test/corpus/*.json), run against every target that reads untrusted input:
 * `validate()` for every contract kind, the `validate` CLI over files written from the cases, and
 * the mock's four endpoints through raw HTTP — `mock.fetch` with hand-built requests, a loopback
 * node http server, and node's http client intercepted by the nock transport. Each case names
 * its exact expected outcome; on top of that every run must not throw, must not answer 500, must
 * answer JSON that passes the contract, must leave the mock's state alone when it refuses, and
 * must leave the built-in prototypes untouched. A summary table is printed at the end.
 */
import { appendFile, mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { setupServer } from 'msw/node';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { validate } from '../../src/contract/index.js';
import type { ContractKind } from '../../src/contract/types.js';
import { createFixtures } from '../../src/factory/index.js';
import { StripeCore } from '../../src/mock/core.js';
import { isOwnPath, matchRoute, ROUTES, responseKindOf } from '../../src/stripe/routes.js';
import { createFetchTransport } from '../../src/mock/fetch-transport.js';
import { mswHandler } from '../../src/mock/msw-adapter.js';
import { interceptWithNock } from '../../src/mock/nock-adapter.js';
import type { CustomerBalanceTransaction } from '../../src/types.js';
import { captureIo } from '../support/capture-io.js';
import { snapshot } from '../contract/support/deep-freeze.js';
import {
  type CliCase,
  type CliFile,
  type CliRecord,
  type HttpCase,
  type HttpExpect,
  type HttpStep,
  loadCorpus,
  type Transport,
  type ValidateCase,
} from './support/corpus.js';
import { materialize, mismatches } from './support/materialize.js';
import { pollution, prototypeSnapshot } from './support/pollution.js';
import { type CoreSlot, type RawResponse, rawRequest, startLoopback } from '../support/raw-http.js';

// ---------------------------------------------------------------------------------------------
// Tally and summary

interface Tally {
  cases: number;
  crashes: number;
  wrong: number;
}
const TARGETS = {
  validate: 'validate() — every contract kind',
  cli: 'validate CLI — JSON, NDJSON, HAR files',
  fetch: 'mock over mock.fetch (raw requests)',
  http: 'mock over node http (loopback server)',
  nock: 'mock over node http via nock transport',
  msw: 'mock over node http via msw handlers',
} as const;
type Target = keyof typeof TARGETS;
const tallies = new Map<Target, Tally>(
  (Object.keys(TARGETS) as Target[]).map((t) => [t, { cases: 0, crashes: 0, wrong: 0 }]),
);

/** Counts one run: `crash` when the target threw (or answered through a crash), else its problems. */
function tally(target: Target, crash: string | undefined, problems: string[]): void {
  const t = tallies.get(target) as Tally;
  t.cases += 1;
  if (crash !== undefined) t.crashes += 1;
  else if (problems.length > 0) t.wrong += 1;
}

function summaryTable(): string {
  const rows = [...tallies].map(
    ([target, t]) =>
      `  ${TARGETS[target].padEnd(42)} ${String(t.cases).padStart(5)} ${String(t.crashes).padStart(8)} ${String(t.wrong).padStart(7)}`,
  );
  const total = [...tallies.values()].reduce(
    (sum, t) => ({
      cases: sum.cases + t.cases,
      crashes: sum.crashes + t.crashes,
      wrong: sum.wrong + t.wrong,
    }),
    { cases: 0, crashes: 0, wrong: 0 },
  );
  return [
    `Hardening corpus (test/corpus): ${validateCorpus.cases.length + cliCorpus.cases.length + httpCorpus.cases.length} cases`,
    `  ${'target'.padEnd(42)} ${'runs'.padStart(5)} ${'crashes'.padStart(8)} ${'wrong'.padStart(7)}`,
    ...rows,
    `  ${'total'.padEnd(42)} ${String(total.cases).padStart(5)} ${String(total.crashes).padStart(8)} ${String(total.wrong).padStart(7)}`,
  ].join('\n');
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error);
}

const validateCorpus = loadCorpus<ValidateCase>('validate');
const cliCorpus = loadCorpus<CliCase>('cli');
const httpCorpus = loadCorpus<HttpCase>('http');

// ---------------------------------------------------------------------------------------------
// validate()

function issueKeys(issues: readonly { code: string; path: string }[]): string[] {
  return issues.map((i) => `${i.code} ${i.path}`.trimEnd()).sort();
}

describe('validate() against the corpus', () => {
  test.each(validateCorpus.cases)('$id', (c) => {
    const protos = prototypeSnapshot();
    const input = materialize(c.input, validateCorpus.bases);
    const options = materialize(c.options, validateCorpus.bases);
    const before = snapshot(input);
    let crash: string | undefined;
    const problems: string[] = [];
    try {
      const result = validate(c.kind as ContractKind, input, options as never);
      if (result.valid !== c.expect.valid)
        problems.push(`valid is ${result.valid}, expected ${c.expect.valid}`);
      if (result.valid !== (result.errors.length === 0)) problems.push('valid disagrees with errors');
      const errors = issueKeys(result.errors);
      if (!isDeepStrictEqual(errors, [...(c.expect.errors ?? [])].sort())) {
        problems.push(`errors ${JSON.stringify(errors)}, expected ${JSON.stringify(c.expect.errors ?? [])}`);
      }
      const warnings = issueKeys(result.warnings);
      if (!isDeepStrictEqual(warnings, [...(c.expect.warnings ?? [])].sort())) {
        problems.push(
          `warnings ${JSON.stringify(warnings)}, expected ${JSON.stringify(c.expect.warnings ?? [])}`,
        );
      }
      for (const issue of [...result.errors, ...result.warnings]) {
        if (issue.received.length > 100) problems.push(`received preview of ${issue.received.length} chars`);
      }
    } catch (error) {
      crash = describeError(error);
    }
    if (snapshot(input) !== before) problems.push('validate mutated its input');
    problems.push(...pollution(protos));
    tally('validate', crash, problems);
    expect(crash).toBeUndefined();
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The validate CLI

let tmp = '';
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sbk-corpus-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function harEntry(spec: Record<string, unknown>): unknown {
  const body = spec.body as string | undefined;
  const response = spec.response;
  return {
    startedDateTime: '2024-01-01T00:00:00.000Z',
    request: {
      method: spec.method,
      url: spec.url,
      headers: spec.headers ?? [],
      ...(body === undefined
        ? {}
        : { postData: { mimeType: spec.mime ?? 'application/x-www-form-urlencoded', text: body } }),
    },
    response: {
      status: spec.status ?? 200,
      headers: [],
      content: {
        mimeType: 'application/json',
        ...(response === undefined
          ? {}
          : { text: typeof response === 'string' ? response : JSON.stringify(response) }),
      },
    },
  };
}

async function writeCaseFile(dir: string, file: CliFile): Promise<void> {
  const target = path.join(dir, file.name);
  await mkdir(path.dirname(target), { recursive: true });
  if (file.sparse !== undefined) {
    await writeFile(target, '');
    await truncate(target, file.sparse);
    if (file.append !== undefined) await appendFile(target, file.append);
    return;
  }
  let text: string;
  if (file.text !== undefined) text = String(materialize(file.text));
  else if (file.json !== undefined) text = JSON.stringify(materialize(file.json, validateCorpus.bases));
  else if (file.lines !== undefined) {
    text = file.lines
      .map((line) => {
        const value = materialize(line, validateCorpus.bases);
        return typeof value === 'string' ? value : JSON.stringify(value);
      })
      .join('\n');
  } else {
    const entries = (file.har ?? []).map((entry) => {
      const value = materialize(entry, validateCorpus.bases) as Record<string, unknown>;
      return typeof value === 'object' && value !== null && '$entry' in value
        ? harEntry(value.$entry as Record<string, unknown>)
        : value;
    });
    text = JSON.stringify({ log: { version: '1.2', creator: { name: 'corpus', version: '1' }, entries } });
  }
  await writeFile(target, text);
}

interface JsonReport {
  summary: Record<string, number>;
  files: {
    records: { name: string; status: string; errors: { code: string; path: string }[]; reason?: string }[];
  }[];
}

describe('the validate CLI against the corpus', () => {
  test.each(cliCorpus.cases)('$id', async (c) => {
    const protos = prototypeSnapshot();
    const dir = path.join(tmp, c.id.replace(/[^\w.-]+/g, '_'));
    await mkdir(dir, { recursive: true });
    for (const file of c.files) await writeCaseFile(dir, file);
    const io = captureIo(dir);
    let crash: string | undefined;
    const problems: string[] = [];
    try {
      const code = await runCli(
        ['validate', '--reporter', 'json', ...(c.args ?? []), ...c.files.map((f) => f.name)],
        io,
      );
      const out = io.out();
      const err = io.err();
      if (code !== c.expect.exit)
        problems.push(`exit ${code}, expected ${c.expect.exit}: ${err.slice(0, 300)}`);
      if (/\n\s+at .+:\d+:\d+/.test(out + err)) problems.push('a stack trace was printed');
      if (out.trim() !== '') {
        const report = JSON.parse(out) as JsonReport;
        for (const [key, want] of Object.entries(c.expect.summary ?? {})) {
          if (report.summary[key] !== want)
            problems.push(`summary.${key} is ${report.summary[key]}, expected ${want}`);
        }
        if (c.expect.records) problems.push(...compareRecords(report, c.expect.records));
      } else if (c.expect.summary || c.expect.records) {
        problems.push(`no report on stdout; stderr: ${err.slice(0, 300)}`);
      }
    } catch (error) {
      crash = describeError(error);
    }
    problems.push(...pollution(protos));
    tally('cli', crash, problems);
    expect(crash).toBeUndefined();
    expect(problems).toEqual([]);
  });
});

/** Equal lists of `"code path"` strings, where an expected one ending in `…` is a prefix. */
function sameIssues(actual: string[], expected: string[]): boolean {
  return (
    actual.length === expected.length &&
    expected.every((want, i) => {
      const got = actual[i] ?? '';
      return want.endsWith('…') ? got.startsWith(want.slice(0, -1)) : got === want;
    })
  );
}

function compareRecords(report: JsonReport, expected: CliRecord[]): string[] {
  const actual = report.files.flatMap((f) => f.records);
  const problems: string[] = [];
  if (actual.length !== expected.length) {
    problems.push(
      `records ${JSON.stringify(actual.map((r) => `${r.name}: ${r.status}`))}, expected ${JSON.stringify(expected.map((r) => `${r.name}: ${r.status}`))}`,
    );
    return problems;
  }
  expected.forEach((want, i) => {
    const got = actual[i];
    if (!got) return;
    if (got.name !== want.name || got.status !== want.status) {
      problems.push(`record ${i} is ${got.name}: ${got.status}, expected ${want.name}: ${want.status}`);
    }
    if (want.errors && !sameIssues(issueKeys(got.errors), [...want.errors].sort())) {
      problems.push(
        `record ${got.name} errors ${JSON.stringify(issueKeys(got.errors))}, expected ${JSON.stringify(want.errors)}`,
      );
    }
    if (want.reason !== undefined && !(got.reason ?? '').includes(want.reason)) {
      problems.push(`record ${got.name} reason '${got.reason}' lacks '${want.reason}'`);
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The mock's endpoints over raw HTTP

const ORIGIN = 'https://api.stripe.com';
const KEY = 'sk_test_CorpusKey0123456789abcdef';
const A = 'cus_CorpusAlpha0001';
const B = 'cus_CorpusBravo0002';
const C = 'cus_CorpusEmpty0003';
/** Deleted, with one usd transaction: every endpoint but retrieve must answer it as missing. */
const D = 'cus_CorpusDeleted004';
/** A connected account's customer: visible only with `Stripe-Account: {acct}`. */
const X = 'cus_CorpusConnect005';
const ACCOUNT = 'acct_CorpusConnect01';
const fixtures = createFixtures({ seed: 'hardening-corpus' });
const LEDGER_A = fixtures.ledger({ customer: A, currency: 'usd', count: 3 });
const LEDGER_B = fixtures.ledger({ customer: B, currency: 'eur', count: 2 });
const ids: Record<string, string> = {
  A,
  B,
  C,
  D,
  X,
  acct: ACCOUNT,
  tx: (LEDGER_A.at(-1) as CustomerBalanceTransaction).id,
  txB: (LEDGER_B.at(-1) as CustomerBalanceTransaction).id,
};

function freshCore(): StripeCore {
  const core = new StripeCore();
  core.store.seed(structuredClone([...LEDGER_A, ...LEDGER_B]));
  core.store.addCustomer({ id: C, email: 'corpus-c@example.com' });
  core.store.addCustomer({ id: D, currency: 'usd', balance: -700 });
  const deleted = core.store.record(D);
  if (deleted) deleted.deleted = true;
  core.store.addCustomer({ id: X, currency: 'eur', balance: 300, account: ACCOUNT });
  ids.txD = [...core.store.transactionsOf(D).values()][0]?.id ?? '';
  ids.txX = [...core.store.transactionsOf(X).values()][0]?.id ?? '';
  return core;
}

function fill(text: string): string {
  return text.replace(/\{(A|B|C|D|X|acct|tx|txB|txD|txX)\}/g, (_, name: string) => ids[name] ?? name);
}

interface Prepared {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function prepare(step: HttpStep): Prepared {
  const method = step.method;
  const headers: Record<string, string> = { authorization: `Bearer ${KEY}` };
  if (method.toUpperCase() === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
  for (const [name, value] of Object.entries(step.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = fill(String(materialize(value)));
  }
  const body = step.body === undefined ? undefined : fill(String(materialize(step.body)));
  return { method, path: fill(String(materialize(step.path))), headers, body };
}

const slot: CoreSlot = { core: undefined, crashes: [] };
let loopback: Awaited<ReturnType<typeof startLoopback>> | undefined;
beforeAll(async () => {
  loopback = await startLoopback(slot);
});
afterAll(async () => {
  await loopback?.close();
});

async function send(transport: Transport, core: StripeCore, request: Prepared): Promise<RawResponse> {
  if (transport === 'fetch') {
    const fetch = createFetchTransport(core, ORIGIN);
    // Without a Content-Type, a string body would make fetch add text/plain; a typeless Blob adds none.
    const body =
      request.body === undefined
        ? undefined
        : 'content-type' in request.headers
          ? request.body
          : new Blob([request.body]);
    const response = await fetch(`${ORIGIN}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
  }
  if (transport === 'http') {
    slot.core = core;
    try {
      return await rawRequest(loopback?.origin ?? '', request);
    } finally {
      slot.core = undefined;
    }
  }
  if (transport === 'msw') return sendThroughMsw(core, request);
  const nockTransport = interceptWithNock({
    origins: [ORIGIN],
    claims: isOwnPath,
    answer: (r) => core.handle(r),
  });
  try {
    return await rawRequest(ORIGIN, request);
  } finally {
    nockTransport.remove();
  }
}

/**
 * Over msw's node server: nock (on for the suite) hooks the same interceptors first, so it is off
 * while msw listens; msw's onUnhandledRequest 'error' keeps the network closed meanwhile.
 */
async function sendThroughMsw(core: StripeCore, request: Prepared): Promise<RawResponse> {
  const server = setupServer(mswHandler(core, ORIGIN));
  nock.restore();
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return await rawRequest(ORIGIN, request);
  } finally {
    server.close();
    if (!nock.isActive()) nock.activate();
  }
}

/**
 * Everything a request could change: the fixtures' customers and transactions, and which
 * customers each account lists (a refused create must not leave a customer behind).
 */
function state(core: StripeCore): unknown {
  return {
    fixtures: [A, B, C, D, X].map((id) => ({
      customer: core.store.getCustomer(id),
      transactions: structuredClone([...core.store.transactionsOf(id).values()]),
    })),
    listed: [null, ACCOUNT].map((account) => [...core.store.customersOf(account)].map((r) => r.id)),
  };
}

function responseKind(request: Prepared, body: unknown): ContractKind {
  // A 2xx answers the path as resolved: fetch resolves dot segments (`%2e%2e`) before sending.
  const path = new URL(request.path.split('?', 1)[0] ?? '', ORIGIN).pathname;
  const matched = matchRoute(request.method, path);
  return matched ? responseKindOf(matched.route, body) : 'customer_balance_transaction';
}

function checkResponse(
  response: RawResponse,
  expected: HttpExpect,
  request: Prepared,
  core: StripeCore,
  before: unknown,
): string[] {
  const problems: string[] = [];
  if (response.status === 500) problems.push('answered 500');
  if (response.status !== expected.status) {
    problems.push(`status ${response.status}, expected ${expected.status}: ${response.body.slice(0, 300)}`);
  }
  if (!(response.headers['content-type'] ?? '').includes('application/json')) {
    problems.push(`content-type ${response.headers['content-type']}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    problems.push(`body is not JSON: ${response.body.slice(0, 200)}`);
    return problems;
  }
  if (response.status >= 400) {
    const check = validate('error', body);
    if (!check.valid) problems.push(`error envelope breaks the contract: ${JSON.stringify(check.errors)}`);
    const error = (body as { error: Record<string, unknown> }).error ?? {};
    const want = expected.error;
    if (!want) problems.push('the case names no expected error');
    else {
      if (error.type !== want.type) problems.push(`error.type ${String(error.type)}, expected ${want.type}`);
      if (error.code !== want.code)
        problems.push(`error.code ${String(error.code)}, expected ${String(want.code)}`);
      if (error.param !== want.param) {
        problems.push(`error.param ${JSON.stringify(error.param)}, expected ${JSON.stringify(want.param)}`);
      }
      if (want.message !== undefined && !String(error.message).includes(fill(want.message))) {
        problems.push(`error.message '${String(error.message).slice(0, 200)}' lacks '${want.message}'`);
      }
    }
    if (!isDeepStrictEqual(state(core), before)) problems.push('a refused request changed the mock state');
  } else {
    const check = validate(responseKind(request, body), body);
    if (!check.valid)
      problems.push(`response breaks the contract: ${JSON.stringify(check.errors.slice(0, 3))}`);
    const created = body as CustomerBalanceTransaction;
    if (request.method.toUpperCase() === 'POST' && created.object === 'customer_balance_transaction') {
      const stored = core.store.find(created.id)?.transaction;
      // The stored object, not only the JSON, must be exact (a stored -0 would print as 0).
      // Expandable fields are left out: the answer may carry them expanded.
      const { customer: _c, invoice: _i, credit_note: _n, checkout_session: _s, ...plain } = created;
      if (!stored) problems.push('the answered transaction is not in the store');
      else problems.push(...mismatches(stored, plain).map((m) => `store vs answer ${m}`));
    }
    const customer = body as { id?: unknown; object?: unknown; deleted?: unknown };
    if (request.method.toUpperCase() === 'POST' && customer.object === 'customer' && !customer.deleted) {
      // A created or updated customer is the one the mock now holds (the handle's view adds
      // invoice_credit_balance, which the answer carries only when expanded).
      const stored = core.store.getCustomer(String(customer.id));
      const { invoice_credit_balance: _held, ...held } = (stored ?? {}) as Record<string, unknown>;
      const { invoice_credit_balance: _sent, ...sent } = body as Record<string, unknown>;
      if (!stored || stored.deleted) problems.push('the answered customer is not live in the store');
      else problems.push(...mismatches(held, sent).map((m) => `store vs answer ${m}`));
    }
  }
  if (expected.body !== undefined) {
    problems.push(
      ...mismatches(body, JSON.parse(fill(JSON.stringify(expected.body)))).map((m) => `body ${m}`),
    );
  }
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    if (response.headers[name] !== value)
      problems.push(`header ${name} is ${response.headers[name]}, expected ${value}`);
  }
  if (core.violations.length > 0)
    problems.push(`contract violations: ${core.violations.map((v) => v.message).join('; ')}`);
  return problems;
}

const ALL: readonly Transport[] = ['fetch', 'http', 'nock', 'msw'];
const httpRuns = httpCorpus.cases.flatMap((c) =>
  (c.transports ?? ALL).map((transport) => ({ ...c, transport, name: `${c.id} [${transport}]` })),
);

describe("the mock's endpoints over raw HTTP against the corpus", () => {
  test.each(httpRuns)('$name', async (c) => {
    const protos = prototypeSnapshot();
    const core = freshCore();
    let crash: string | undefined;
    const problems: string[] = [];
    try {
      for (const step of c.before ?? []) {
        const answer = await send(c.transport, core, prepare(step));
        const want = step.status ?? 200;
        if (answer.status !== want)
          problems.push(`before-step ${step.method} answered ${answer.status}, not ${want}`);
      }
      const before = state(core);
      const request = prepare(c);
      const response = await send(c.transport, core, request);
      const expected = materialize({ ...c.expect, ...(c.expect[c.transport] ?? {}) }) as HttpExpect;
      problems.push(...checkResponse(response, expected, request, core, before));
    } catch (error) {
      crash = describeError(error);
    }
    if (slot.crashes.length > 0) {
      crash = slot.crashes.join('; ');
      slot.crashes.length = 0;
    }
    problems.push(...pollution(protos));
    tally(c.transport, crash, problems);
    expect(crash).toBeUndefined();
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

/** How many http cases address each operation, by the path as sent (`unrouted`: none of ours). */
function casesPerOperation(): Map<string, number> {
  const counts = new Map<string, number>([...ROUTES.map((r) => [r.name, 0] as const), ['unrouted', 0]]);
  for (const c of httpCorpus.cases) {
    const request = prepare(c);
    const name = matchRoute(request.method, request.path.split('?', 1)[0] ?? '')?.route.name ?? 'unrouted';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

test('summary: every target ran its cases with 0 crashes and 0 wrong outcomes', () => {
  console.log(summaryTable());
  const perOperation = casesPerOperation();
  console.log(`http cases per operation: ${[...perOperation].map(([name, n]) => `${name} ${n}`).join(', ')}`);
  const total = validateCorpus.cases.length + cliCorpus.cases.length + httpCorpus.cases.length;
  expect(total).toBeGreaterThanOrEqual(500);
  // Every endpoint, the five customer ones included, meets hostile input, not only the first four.
  for (const route of ROUTES) {
    expect(perOperation.get(route.name), `${route.name} has too few http cases`).toBeGreaterThanOrEqual(8);
  }
  for (const [target, t] of tallies) {
    expect(t.cases, `${target} ran no cases`).toBeGreaterThan(0);
    expect({ target, crashes: t.crashes, wrong: t.wrong }).toEqual({ target, crashes: 0, wrong: 0 });
  }
});
