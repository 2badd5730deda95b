/**
 * One form codec, one parameter reader: every form body of the corpus (and the bodies that once
 * split the two decoders) gets the same verdict from the mock and from `validate` on a HAR entry
 * carrying it — accepted by both, or refused by both with the same `param` (the validate finding
 * sits at the pointer of the mock's `param`). Query strings of the list call are compared the
 * same way.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { paramPointer } from '../../src/contract/json-pointer.js';
import { createFixtures, type MockStripe, mockStripe } from '../../src/index.js';
import type { CustomerBalanceTransaction } from '../../src/types.js';
import { captureIo } from '../support/capture-io.js';
import { type HttpCase, loadCorpus } from '../hardening/support/corpus.js';

const ORIGIN = 'https://api.stripe.com';
const KEY = 'sk_test_51DifferentialKey00001';
const A = 'cus_DifferentialA0001';
const ledger = createFixtures({ seed: 'differential' }).ledger({ customer: A, currency: 'usd', count: 3 });
const TX = (ledger.at(-1) as CustomerBalanceTransaction).id;
const COLLECTION = `/v1/customers/${A}/balance_transactions`;
const ITEM = `${COLLECTION}/${TX}`;
const CUSTOMERS = '/v1/customers';
const CUSTOMER = `/v1/customers/${A}`;

interface FormCase {
  source: string;
  method: 'GET' | 'POST';
  path: string;
  /** The form: a POST body, or the list call's query string. */
  form: string;
}

/** Bodies that split the two decoders before src/stripe held the only one. */
const KNOWN: FormCase[] = [
  ['metadata=x&metadata[k]=v', COLLECTION],
  ['amount=1&currency=usd&metadata=x&metadata[k]=v', COLLECTION],
  ['amount=1&currency=usd&metadata[k]=v&metadata=x', COLLECTION],
  ['amount=1&currency=usd&expand[]=a&expand[0]=b', COLLECTION],
  ['amount=1&currency=usd&expand[]=customer&expand[0]=customer', COLLECTION],
  ['amount=1&currency=usd&expand[0]=customer&expand[1]=invoice', COLLECTION],
  ['amount=1&currency=usd&expand[1]=customer', COLLECTION],
  ['amount=1&currency=usd&metadata[a][b]=c', COLLECTION],
  ['amount=1&currency=usd&metadata[]=x', COLLECTION],
  ['amount=1&currency=usd&amount[x]=1', COLLECTION],
  ['amount=1.0&currency=usd', COLLECTION],
  ['amount=+1&currency=usd', COLLECTION],
  ['amount=%201%20&currency=usd', COLLECTION],
  ['amount=1&currency=USD', COLLECTION],
  ['amount=1&currency=usd&description=', COLLECTION],
  ['amount=1&currency=usd&metadata=', COLLECTION],
  ['amount=1&currency=usd&metadata[k]=', COLLECTION],
  ['amount=9007199254740993&currency=usd', COLLECTION],
  ['amount=1&currency=usd&a[b][c][d][e][f][g][h][i]=1', COLLECTION],
  ['description=x&metadata[k]=v', ITEM],
  ['metadata=x&metadata[k]=v', ITEM],
  ['amount=1', ITEM],
  ['expand[]=customer&expand[]=data.customer', ITEM],
  ['balance=-500&email=a@example.com', CUSTOMERS],
  ['balance=1.5', CUSTOMERS],
  ['balance=', CUSTOMERS],
  ['balance[]=1', CUSTOMERS],
  ['currency=usd', CUSTOMERS],
  ['metadata=x&metadata[k]=v', CUSTOMERS],
  ['expand[]=invoice_credit_balance&expand[0]=email', CUSTOMERS],
  ['expand[0]=a.b.c.d.e', CUSTOMERS],
  [`name=${'x'.repeat(257)}`, CUSTOMERS],
  ['email=&name=&description=', CUSTOMER],
  ['balance=9007199254740993', CUSTOMER],
  ['metadata[k]=&balance=10', CUSTOMER],
  ['expand[]=data.invoice_credit_balance', CUSTOMER],
].map(([form, path]) => ({ source: 'known', method: 'POST', path: path as string, form: form as string }));

const KNOWN_QUERIES: FormCase[] = [
  'limit=0',
  'limit=101',
  'limit=abc',
  'limit=10&limit=',
  'starting_after=x&ending_before=y',
  'created[gt]=1&created=2',
  'created[between]=1',
  'expand[]=data.customer&expand[0]=customer',
  'expand[]=customer',
  'invoice=',
  'limit[]=1',
].map((form) => ({ source: 'known', method: 'GET', path: COLLECTION, form }));

const KNOWN_CUSTOMER_QUERIES: FormCase[] = [
  'limit=0',
  'email=a@example.com&limit=2',
  'email[]=a',
  'email[x]=a',
  'starting_after=x&ending_before=y',
  'created[gte]=1&expand[]=data.invoice_credit_balance',
  'expand[]=invoice_credit_balance',
  'test_clock=clock_1',
].map((form) => ({ source: 'known', method: 'GET', path: CUSTOMERS, form }));

/** Every corpus request whose form the two can read alike: plain POST bodies and list queries. */
function corpusCases(): FormCase[] {
  const out: FormCase[] = [];
  for (const c of loadCorpus<HttpCase>('http').cases) {
    if (typeof c.path !== 'string' || c.headers !== undefined || c.before !== undefined) continue;
    const [base = '', query] = c.path.split(/\?(.*)/s, 2) as [string, string | undefined];
    const method = c.method.toUpperCase();
    const route = {
      '/v1/customers/{A}/balance_transactions': COLLECTION,
      '/v1/customers/{A}/balance_transactions/{tx}': ITEM,
      '/v1/customers': CUSTOMERS,
      '/v1/customers/{A}': CUSTOMER,
    }[base];
    if (route === undefined) continue;
    if (method === 'POST' && typeof c.body === 'string' && query === undefined)
      out.push({ source: c.id, method: 'POST', path: route, form: c.body });
    if (method === 'GET' && (route === COLLECTION || route === CUSTOMERS) && query !== undefined)
      out.push({ source: c.id, method: 'GET', path: route, form: query });
  }
  return out;
}

const CASES = [...KNOWN, ...KNOWN_QUERIES, ...KNOWN_CUSTOMER_QUERIES, ...corpusCases()];

interface Verdict {
  accepted: boolean;
  /** Where the refusal points, as a JSON pointer into the parameters. */
  at: string | undefined;
}

let mock: MockStripe;
let dir: string;
const fromValidate = new Map<number, Verdict>();

async function mockVerdict(c: FormCase): Promise<Verdict> {
  mock.reset();
  mock.seed(ledger);
  const url = c.method === 'GET' ? `${ORIGIN}${c.path}?${c.form}` : `${ORIGIN}${c.path}`;
  const response = await mock.fetch(url, {
    method: c.method,
    headers: {
      authorization: `Bearer ${KEY}`,
      ...(c.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(c.method === 'POST' ? { body: c.form } : {}),
  });
  const body = (await response.json()) as { error?: { code?: string; param?: string; message?: string } };
  if (response.status === 200) return { accepted: true, at: undefined };
  // A well-formed cursor the mock does not hold: the form was read alike; the state refused it.
  const missing = /'(.*)'$/.exec(body.error?.message ?? '')?.[1];
  const prefix = c.path === CUSTOMERS ? 'cus_' : 'cbtxn_';
  if (response.status === 404 && missing?.startsWith(prefix)) return { accepted: true, at: undefined };
  // A cursor naming no transaction of the customer is refused at its parameter (404): validate
  // refuses the ones it can tell from the form alone (an id without `cbtxn_`) at the same place.
  const cursor = body.error?.param === 'starting_after' || body.error?.param === 'ending_before';
  if (!(response.status === 404 && body.error?.code === 'resource_missing' && cursor))
    expect(response.status, JSON.stringify(body)).toBe(400);
  return { accepted: false, at: paramPointer(body.error?.param) };
}

beforeAll(async () => {
  mock = mockStripe();
  dir = await mkdtemp(path.join(os.tmpdir(), 'sbk-differential-'));
  // One HAR holding every request, each with a response that passes, so only the request decides.
  const entries = CASES.map((c) => ({
    startedDateTime: '2026-01-01T00:00:00.000Z',
    time: 1,
    request: {
      method: c.method,
      url: c.method === 'GET' ? `${ORIGIN}${c.path}?${c.form}` : `${ORIGIN}${c.path}`,
      httpVersion: 'HTTP/1.1',
      headers: [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: c.method === 'POST' ? c.form.length : 0,
      ...(c.method === 'POST'
        ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: c.form } }
        : {}),
    },
    response: {
      status: 404,
      statusText: 'Not Found',
      httpVersion: 'HTTP/1.1',
      headers: [],
      cookies: [],
      content: {
        size: 0,
        mimeType: 'application/json',
        text: JSON.stringify({ error: { type: 'invalid_request_error', message: 'stand-in' } }),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  }));
  const file = path.join(dir, 'forms.har');
  await writeFile(
    file,
    JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }),
  );
  const io = captureIo(dir);
  await runCli(['validate', '--reporter', 'json', file], io);
  const report = JSON.parse(io.out()) as {
    files: { records: { name: string; status: string; errors: { path: string; code: string }[] }[] }[];
  };
  for (const record of report.files[0]?.records ?? []) {
    const match = /^entries\[(\d+)\] .* request$/.exec(record.name);
    if (!match) continue;
    fromValidate.set(Number(match[1]), {
      accepted: record.status === 'passed',
      at: record.errors[0]?.path,
    });
  }
});

afterAll(async () => {
  mock.restore();
  await rm(dir, { recursive: true, force: true });
});

describe('the mock and validate read every form alike', () => {
  it('covers the corpus and the known splits', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((c) => c.source)).size).toBeGreaterThan(60);
  });

  it.each(
    CASES.map((c, index) => ({
      ...c,
      index,
      label: `${c.method} ${c.path.replace(A, '{A}').replace(TX, '{tx}')} ${c.form.slice(0, 80)}`,
    })),
  )('$label', async (c) => {
    const mine = await mockVerdict(c);
    // Records that passed are not listed by the JSON reporter.
    const theirs = fromValidate.get(c.index) ?? { accepted: true, at: undefined };
    expect(theirs).toEqual(mine);
  });
});
