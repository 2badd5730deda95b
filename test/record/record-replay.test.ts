/**
 * Record and replay, fully offline: the upstream is our own loopback server (`startStripeServer`,
 * what `stripe-balance-kit serve` runs). A scenario is recorded with the official client, the
 * server is stopped, and the same scenario replays from the HAR alone. The recording is checked
 * for secrets (no key pattern, no Authorization value, no email) and passes
 * `stripe-balance-kit validate`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { RecordingError, recordStripe, startStripeServer, type StripeServer } from 'stripe-balance-kit';

const KEY = 'sk_test_51RecordKeyForStripeBalanceKitAbCdEf';
const CUSTOMER = 'cus_NcjdgdwZyI9Rj7';
const EMAIL = 'jenny.rosen@example.com';
const KEY_PATTERN = /(sk|rk|pk)_(test|live)_[0-9A-Za-z]{4,}/;

const dir = mkdtempSync(join(tmpdir(), 'sbk-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Transport = 'node http' | 'fetch';

/** What the scenario saw, to compare the recorded run with the replayed one. */
interface Seen {
  created: Stripe.CustomerBalanceTransaction;
  updated: Stripe.CustomerBalanceTransaction;
  listed: string[];
  missing: unknown;
  retried: Stripe.CustomerBalanceTransaction;
}

/**
 * A test's worth of traffic: create (with an email and a key-like value in it), update, retrieve
 * expanded, auto-paginated list, a 404, and a create that meets a 500 and is retried.
 */
async function scenario(stripe: Stripe, beforeRetry: () => void): Promise<Seen> {
  const created = await stripe.customers.createBalanceTransaction(CUSTOMER, {
    amount: -500,
    currency: 'usd',
    description: `Goodwill credit for ${EMAIL}`,
    metadata: { contact: EMAIL, leaked_key: 'pk_test_51LeakedPublishableKey123' },
  });
  const updated = await stripe.customers.updateBalanceTransaction(CUSTOMER, created.id, {
    metadata: { ticket: 'SUP-1042' },
  });
  await stripe.customers.retrieveBalanceTransaction(CUSTOMER, created.id, { expand: ['customer'] });
  await stripe.customers.createBalanceTransaction(CUSTOMER, { amount: 1200, currency: 'usd' });
  await stripe.customers.createBalanceTransaction(CUSTOMER, { amount: 300, currency: 'usd' });
  const listed = (
    await stripe.customers.listBalanceTransactions(CUSTOMER, { limit: 2 }).autoPagingToArray({ limit: 10 })
  ).map((t) => t.id);
  const missing = await stripe.customers.listBalanceTransactions('cus_Unknown0000001').then(
    () => undefined,
    (error: Stripe.errors.StripeError) => ({ status: error.statusCode, code: error.code }),
  );
  beforeRetry();
  const retried = await stripe.customers.createBalanceTransaction(CUSTOMER, { amount: -50, currency: 'usd' });
  return { created, updated, listed, missing, retried };
}

function client(transport: Transport, fetchFunction?: typeof fetch): Stripe {
  if (transport === 'node http') return new Stripe(KEY);
  return new Stripe(KEY, { httpClient: Stripe.createFetchHttpClient(fetchFunction) });
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

async function validateCli(file: string): Promise<{ code: number; output: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let output = '';
  stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const code = await runCli(['validate', file], { stdout, stderr, cwd: dir });
  return { code, output };
}

describe.each<[Transport, 'intercepted' | 'recording.fetch']>([
  ['node http', 'intercepted'],
  ['fetch', 'intercepted'],
  ['fetch', 'recording.fetch'],
])('record from loopback serve, replay offline: %s client, %s', (transport, via) => {
  const name = `credits-${transport.replace(' ', '-')}-${via.replace('.', '-')}`;
  let server: StripeServer;
  let recorded: Seen;
  let file: string;

  beforeAll(async () => {
    server = await startStripeServer({ port: 0 });
    server.customers.add({ id: CUSTOMER });
    const recording = recordStripe({ dir, name, mode: 'record', upstream: server.url });
    expect(recording.mode).toBe('record');
    const stripe = client(transport, via === 'recording.fetch' ? recording.fetch : undefined);
    recorded = await scenario(stripe, () => server.failNext({ status: 500 }));
    const result = await recording.stop();
    file = result.file;
    expect(result).toMatchObject({
      mode: 'record',
      file: join(dir, `${name}.har`),
      violations: [],
      unmatched: [],
    });
    // create, update, retrieve, 2 creates, 2 list pages (3 transactions, 2 a page), 404, 500, retry.
    expect(result.entries).toBe(10);
    expect(server.requests).toHaveLength(10);
    await server.close();
  });

  it('the recording holds no key, no Authorization value and no email', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(KEY_PATTERN);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(KEY.slice(-8));
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(encodeURIComponent(EMAIL));
    expect(text).toContain('[REDACTED_EMAIL]');
    expect(text).toContain('pk_test_[REDACTED]');
    const har = JSON.parse(text) as {
      log: { version: string; entries: { request: { headers: { name: string; value: string }[] } }[] };
    };
    expect(har.log.version).toBe('1.2');
    for (const entry of har.log.entries) {
      const authorization = entry.request.headers.filter((h) => h.name.toLowerCase() === 'authorization');
      expect(authorization.map((h) => h.value)).toEqual(['[REDACTED]']);
    }
  });

  it('the recording passes `stripe-balance-kit validate`', async () => {
    const { code, output } = await validateCli(file);
    expect(output).toContain('0 failed');
    expect(code).toBe(0);
  });

  it('replays the same scenario with the server stopped, answer for answer', async () => {
    const replay = recordStripe({ dir, name, mode: 'replay' });
    expect(replay.mode).toBe('replay');
    const stripe = client(transport, via === 'recording.fetch' ? replay.fetch : undefined);
    const replayed = await scenario(stripe, () => {});
    expect(plain(replayed.created)).toMatchObject({
      id: recorded.created.id,
      amount: -500,
      // What was recorded is what replays: redacted.
      description: 'Goodwill credit for [REDACTED_EMAIL]',
      metadata: { contact: '[REDACTED_EMAIL]', leaked_key: 'pk_test_[REDACTED]' },
    });
    expect(replayed.updated.id).toBe(recorded.updated.id);
    expect(replayed.listed).toEqual(recorded.listed);
    expect(replayed.missing).toEqual({ status: 404, code: 'resource_missing' });
    expect(replayed.retried.id).toBe(recorded.retried.id);
    const result = await replay.stop();
    expect(result).toMatchObject({ mode: 'replay', entries: 10, violations: [], unmatched: [] });
  });

  it('fails a request the recording does not hold, naming it', async () => {
    const replay = recordStripe({ dir, name, mode: 'replay' });
    const stripe = client(transport, via === 'recording.fetch' ? replay.fetch : undefined);
    const error = await stripe.customers
      .createBalanceTransaction(CUSTOMER, { amount: -999, currency: 'usd' })
      .then(
        () => undefined,
        (e: Stripe.errors.StripeError) => e,
      );
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', code: 'replay_unmatched' });
    expect(error?.message).toContain(
      `no recorded response for POST /v1/customers/${CUSTOMER}/balance_transactions (body: amount=-999&currency=usd)`,
    );
    const result = await replay.stop();
    expect(result.unmatched).toEqual([
      `POST /v1/customers/${CUSTOMER}/balance_transactions (body: amount=-999&currency=usd)`,
    ]);
  });
});

describe('recordStripe', () => {
  let server: StripeServer;
  beforeAll(async () => {
    server = await startStripeServer({ port: 0, unknownCustomers: 'create' });
  });
  afterAll(async () => {
    await server.close();
  });

  it("'auto' records when the file is missing and replays once it exists", async () => {
    const first = recordStripe({ dir, name: 'auto', mode: 'auto', upstream: server.url });
    expect(first.mode).toBe('record');
    const stripe = new Stripe(KEY, { httpClient: Stripe.createFetchHttpClient() });
    const page = await stripe.customers.listBalanceTransactions('cus_AutoMode000001');
    await first.stop();
    const second = recordStripe({ dir, name: 'auto', mode: 'auto', upstream: server.url });
    expect(second.mode).toBe('replay');
    const before = server.requests.length;
    expect(plain(await stripe.customers.listBalanceTransactions('cus_AutoMode000001'))).toEqual(plain(page));
    expect(server.requests.length).toBe(before);
    await second.stop();
  });

  it('records a client pointed straight at the upstream, and replays it after the upstream is gone', async () => {
    const upstream = await startStripeServer({ port: 0, unknownCustomers: 'create' });
    // The client says localhost where the upstream was given as 127.0.0.1: the same loopback port.
    const direct = new Stripe(KEY, { host: 'localhost', port: upstream.port, protocol: 'http' });
    const recording = recordStripe({ dir, name: 'direct', mode: 'record', upstream: upstream.url });
    const created = await direct.customers.createBalanceTransaction('cus_Direct00000001', {
      amount: 10,
      currency: 'usd',
    });
    expect((await recording.stop()).entries).toBe(1);
    await upstream.close();
    const replay = recordStripe({ dir, name: 'direct', mode: 'replay' });
    const again = await direct.customers.createBalanceTransaction('cus_Direct00000001', {
      amount: 10,
      currency: 'usd',
    });
    expect(again.id).toBe(created.id);
    await replay.stop();
  });

  it('records a dropped connection and replays it, so the client retries again', async () => {
    const recording = recordStripe({ dir, name: 'network-error', mode: 'record', upstream: server.url });
    const stripe = new Stripe(KEY);
    server.failNext({ networkError: true });
    const created = await stripe.customers.createBalanceTransaction('cus_Dropped0000001', {
      amount: 10,
      currency: 'usd',
    });
    const result = await recording.stop();
    expect(result.entries).toBe(2);
    const har = JSON.parse(readFileSync(result.file, 'utf8')) as {
      log: { entries: { response: { status: number } }[] };
    };
    expect(har.log.entries.map((e) => e.response.status)).toEqual([0, 200]);

    const replay = recordStripe({ dir, name: 'network-error', mode: 'replay' });
    const again = await stripe.customers.createBalanceTransaction('cus_Dropped0000001', {
      amount: 10,
      currency: 'usd',
    });
    expect(again.id).toBe(created.id);
    expect((await replay.stop()).unmatched).toEqual([]);
  });

  it('reports recorded responses that break the contract', async () => {
    // An upstream that sends a transaction with a string amount: what a contract check is for.
    const { createServer } = await import('node:http');
    const broken = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'cbtxn_1MrU9qLkdIwHu7ixhdjxGBgI',
          object: 'customer_balance_transaction',
          amount: '-500',
          created: 1680216086,
          currency: 'usd',
          customer: 'cus_NcjdgdwZyI9Rj7',
          ending_balance: -500,
          livemode: false,
          type: 'adjustment',
        }),
      );
    });
    await new Promise<void>((ready) => broken.listen(0, '127.0.0.1', ready));
    const { port } = broken.address() as { port: number };
    try {
      const recording = recordStripe({
        dir,
        name: 'broken',
        mode: 'record',
        upstream: `http://127.0.0.1:${port}`,
      });
      const stripe = new Stripe(KEY, { httpClient: Stripe.createFetchHttpClient() });
      await stripe.customers.retrieveBalanceTransaction(CUSTOMER, 'cbtxn_1MrU9qLkdIwHu7ixhdjxGBgI');
      const { violations } = await recording.stop();
      expect(violations).toHaveLength(1);
      expect(violations[0]).toMatchObject({
        entry: 0,
        status: 200,
        kind: 'customer_balance_transaction',
        request: `GET https://api.stripe.com/v1/customers/${CUSTOMER}/balance_transactions/cbtxn_1MrU9qLkdIwHu7ixhdjxGBgI`,
      });
      expect(violations[0]?.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['/amount wrong_type']);
      // Replaying the file reports the same violation.
      const replay = recordStripe({ dir, name: 'broken', mode: 'replay' });
      expect((await replay.stop()).violations).toHaveLength(1);
    } finally {
      await new Promise((done) => broken.close(done));
    }
  });

  it('refuses to replay a missing or malformed recording, and bad options', () => {
    expect(() => recordStripe({ dir, name: 'never-recorded', mode: 'replay' })).toThrow(RecordingError);
    expect(() => recordStripe({ dir, name: 'never-recorded', mode: 'replay' })).toThrow(
      expect.objectContaining({ code: 'recording_not_found' }),
    );
    expect(() => recordStripe({ dir: '', mode: 'record' })).toThrow(
      expect.objectContaining({ code: 'invalid_recording_options' }),
    );
    expect(() => recordStripe({ dir, mode: 'rewind' as 'record' })).toThrow(
      /mode must be 'record', 'replay' or 'auto'/,
    );
  });
});
