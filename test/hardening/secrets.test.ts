/**
 * No API key leaks. One full run — the mock answering several keys (good, bad, live, restricted,
 * publishable, Basic auth, a key in a stray header) over both transports, the `validate` CLI
 * with every reporter over a HAR and an NDJSON file that carry keys in headers, URLs, parameter
 * names, ids and bodies, `generate` to stdout and to a file, and `demo` with the fixtures it
 * writes — then every output is scanned: the mock's request log, every error message and body,
 * the CLI's stdout and stderr, the GitHub step summary and each written file. No
 * `(sk|rk|pk)_(test|live)_` followed by 8+ alphanumerics may appear: keys show up redacted
 * (`sk_test_…4242`) or masked (`sk_test_********4242`), never whole, never as a usable prefix.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { assertContract, validate } from '../../src/contract/index.js';
import { type MockStripe, mockStripe } from '../../src/mock/index.js';
import { captureIo } from '../support/capture-io.js';

const KEY_PATTERN = /(sk|rk|pk)_(test|live)_[0-9A-Za-z]{8,}/g;

/** Keys used in this run; each must never be printed whole. */
const KEYS = {
  secret: 'sk_test_51SecretKeyForLeakTests0001',
  restricted: 'rk_test_51RestrictedKeyForLeaks0002',
  live: 'sk_live_51LiveKeyThatMustNotLeak0003',
  liveRestricted: 'rk_live_51LiveRestrictedNoLeak0004',
  publishable: 'pk_test_51PublishableKeyNoLeak0005',
  malformed: 'sk_test_51Malformed-Key-NoLeak0006',
  stray: 'sk_test_51StrayHeaderKeyNoLeak0007',
  inHar: 'sk_test_51HarAuthorizationKey00008',
  inUrl: 'sk_test_51HarUrlUserInfoKey000009',
  asParam: 'sk_test_51HarParamNameKey00000010',
  inBody: 'rk_live_51HarBodyValueKey00000011',
  inId: 'sk_test_51HarCustomerIdKey0000012',
  inNdjson: 'pk_live_51NdjsonLineKey000000013',
} as const;

/** Everything this run printed, logged or wrote, by where it came from. */
const outputs: { source: string; text: string }[] = [];
const record = (source: string, text: unknown) => {
  outputs.push({ source, text: typeof text === 'string' ? text : JSON.stringify(text) });
};

let tmp = '';
let mock: MockStripe;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sbk-secrets-'));
  mock = mockStripe();
  mock.customers.add({ id: 'cus_SecretsTest00001' });
});
afterAll(async () => {
  mock.restore();
  await rm(tmp, { recursive: true, force: true });
});

async function attempt(promise: Promise<unknown>, source: string): Promise<void> {
  try {
    record(`${source} (answer)`, await promise);
  } catch (error) {
    const e = error as Stripe.errors.StripeError;
    record(`${source} (error message)`, e.message);
    record(`${source} (error raw)`, e.raw);
  }
}

describe('a full run', () => {
  test('the mock, with good and bad keys over both transports', async () => {
    const customer = 'cus_SecretsTest00001';
    for (const [name, key] of Object.entries(KEYS).slice(0, 6)) {
      for (const transport of ['fetch', 'nock'] as const) {
        const stripe = new Stripe(key, {
          maxNetworkRetries: 0,
          ...(transport === 'fetch' ? { httpClient: Stripe.createFetchHttpClient(mock.fetch) } : {}),
        });
        await attempt(
          stripe.customers.createBalanceTransaction(customer, { amount: 10, currency: 'usd' }),
          `${name} over ${transport}`,
        );
        await attempt(
          stripe.customers.listBalanceTransactions(customer, { limit: 2 }),
          `${name} list over ${transport}`,
        );
      }
    }
    // Raw: Basic auth, a key in a stray header, a key in a bad-parameter message.
    const raw = async (headers: Record<string, string>, body?: string) => {
      const response = await mock.fetch(`${mock.origin}/v1/customers/${customer}/balance_transactions`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        ...(body === undefined ? {} : { body }),
      });
      record('raw answer', await response.text());
    };
    await raw({ authorization: `Basic ${Buffer.from(`${KEYS.secret}:`).toString('base64')}` });
    await raw({ authorization: `Basic ${Buffer.from(`${KEYS.malformed}:`).toString('base64')}` });
    await raw({
      authorization: `Bearer ${KEYS.secret}`,
      'x-api-key': KEYS.stray,
      'x-forwarded-authorization': `Bearer ${KEYS.stray}`,
    });
    await raw({ Authorization: `Bearer ${KEYS.live}` });
    await raw({ authorization: `Bearer ${KEYS.secret} ${KEYS.restricted}` });
    record('mock.requests', mock.requests);
    record(
      'mock.violations',
      mock.violations.map((v) => v.message),
    );
    // Redaction keeps what a log needs: the key type and its last four characters.
    const authorizations = mock.requests.map((r) => r.headers.authorization).filter(Boolean);
    expect(authorizations).toContain('Bearer sk_test_…0001');
    expect(authorizations).toContain('Basic sk_test_…0001');
    expect(mock.requests.some((r) => r.headers['x-api-key'] === 'sk_test_…0007')).toBe(true);
  });

  test('the validate CLI, every reporter, over a HAR and NDJSON full of keys', async () => {
    const url = (customer: string) => `https://api.stripe.com/v1/customers/${customer}/balance_transactions`;
    const entry = (request: object, status: number, text: string) => ({
      request: { headers: [], ...request },
      response: { status, content: { mimeType: 'application/json', text } },
    });
    const har = {
      log: {
        version: '1.2',
        entries: [
          entry(
            {
              method: 'POST',
              url: url('cus_SecretsTest00001'),
              headers: [
                { name: 'Authorization', value: `Bearer ${KEYS.inHar}` },
                { name: 'Cookie', value: `key=${KEYS.inHar}` },
              ],
              postData: {
                mimeType: 'application/x-www-form-urlencoded',
                text: `amount=-500&currency=usd&${KEYS.asParam}=1&description=${'x'.repeat(340)}${KEYS.inBody}`,
              },
            },
            401,
            JSON.stringify({
              error: {
                type: 'invalid_request_error',
                message: `Invalid API Key provided: ${KEYS.inHar}`,
                code: 42,
              },
            }),
          ),
          entry({ method: 'GET', url: `http://${KEYS.inUrl}:@[bad-host/v1/customers` }, 200, '{}'),
          entry(
            { method: 'GET', url: url(KEYS.inId) },
            200,
            `not json, but the key ${KEYS.inBody} and Bearer%20${KEYS.inId}`,
          ),
          entry(
            { method: 'GET', url: `${url('cus_SecretsTest00001')}?starting_after=${KEYS.inId}` },
            200,
            '{"object":"list"}',
          ),
        ],
      },
    };
    await writeFile(path.join(tmp, 'keys.har'), JSON.stringify(har));
    await writeFile(
      path.join(tmp, 'keys.ndjson'),
      [
        JSON.stringify({
          object: 'list',
          url: `/v1/customers/${KEYS.inNdjson}/balance_transactions`,
          has_more: false,
          data: [],
        }),
        `{"error": ${KEYS.inNdjson}}`,
        JSON.stringify({ error: { type: 'api_error', message: 1, param: KEYS.inNdjson } }),
      ].join('\n'),
    );
    const summary = path.join(tmp, 'step-summary.md');
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary);
    try {
      for (const reporter of ['pretty', 'json', 'junit', 'github']) {
        const io = captureIo(tmp);
        const code = await runCli(['validate', '--reporter', reporter, 'keys.har', 'keys.ndjson'], io);
        expect(code, reporter).toBe(2);
        record(`validate --reporter ${reporter} stdout`, io.out());
        record(`validate --reporter ${reporter} stderr`, io.err());
        // The findings are still there, only the keys are redacted: Stripe refuses the parameter
        // named after a key, and every reporter names it by its redacted form.
        expect(io.out() + io.err()).toContain('Received unknown parameter: sk_test_…0010');
      }
    } finally {
      vi.unstubAllEnvs();
    }
    record('GitHub step summary', await readFile(summary, 'utf8'));
    // The library: validate's messages and previews, and assertContract's message, are redacted
    // too. (An issue's `path` stays the exact JSON pointer into the caller's own value.)
    const hostile = {
      amount: 'x',
      currency: 'usd',
      description: `${'d'.repeat(360)}${KEYS.inBody}`,
      [KEYS.asParam]: 1,
    };
    const result = validate('create_params', hostile);
    record(
      'validate() messages and previews',
      result.errors.map(({ message, expected, received }) => ({ message, expected, received })),
    );
    expect(result.errors.map((e) => e.path)).toContain(`/${KEYS.asParam}`);
    try {
      assertContract('create_params', hostile);
    } catch (error) {
      record('assertContract message', (error as Error).message);
    }
  });

  test('generate, to stdout and to a file', async () => {
    const io = captureIo(tmp);
    expect(await runCli(['generate', '--count', '25', '--seed', '7', '--format', 'list'], io)).toBe(0);
    record('generate stdout', io.out());
    record('generate stderr', io.err());
    const out = captureIo(tmp);
    expect(
      await runCli(['generate', '--count', '25', '--format', 'ndjson', '--out', 'ledger.ndjson'], out),
    ).toBe(0);
    record('generate --out file', await readFile(path.join(tmp, 'ledger.ndjson'), 'utf8'));
  });

  test('demo, and the fixtures it writes', async () => {
    const io = captureIo(tmp);
    const code = await runCli(['demo', '--keep'], io);
    record('demo stdout', io.out());
    record('demo stderr', io.err());
    expect(code).toBe(0);
    const dir = /Sample fixtures written to (\S+)/.exec(io.out())?.[1];
    expect(dir).toBeDefined();
    for (const name of await readdir(dir as string)) {
      record(`demo fixture ${name}`, await readFile(path.join(dir as string, name), 'utf8'));
    }
    await rm(dir as string, { recursive: true, force: true });
  });
});

test('no output of the run holds an API key', () => {
  const leaks = outputs.flatMap(({ source, text }) =>
    [...text.matchAll(KEY_PATTERN)].map(
      (m) => `${source}: ${text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 60)}`,
    ),
  );
  const scanned = outputs.reduce((n, o) => n + o.text.length, 0);
  console.log(`secrets scan: ${outputs.length} outputs, ${scanned} characters, ${leaks.length} keys found`);
  expect(outputs.length).toBeGreaterThan(30);
  expect(leaks).toEqual([]);
});
