/**
 * Record and replay of the customer endpoints, offline: the upstream is the loopback server
 * (`startStripeServer`). A session of customer create / update / retrieve (expanded) / list
 * (paged, email filter) / delete, balance transactions on the same customer, a retrieve answering
 * the deleted marker, a 404 for a deleted customer, and objects scoped by `Stripe-Account` is
 * recorded with the official client, then replayed with the server gone: every answer comes back
 * the same (emails redacted), the recording passes the contract check and `validate`, and the
 * account is part of what a replayed request must match.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { recordStripe, type StripeRecording, startStripeServer, type StripeServer } from 'stripe-balance-kit';
import { captureIo } from '../support/capture-io.js';

const KEY = 'sk_test_51RecordCustomersKeyForBalanceKit';
const EMAIL = 'jenny.rosen@example.com';
const ACCOUNT = 'acct_1RecordConnected01';

const dir = mkdtempSync(join(tmpdir(), 'sbk-record-customers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Transport = 'node http' | 'fetch';
type Via = 'intercepted' | 'recording.fetch';

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function failure(error: Stripe.errors.StripeError) {
  return { status: error.statusCode, code: error.code, message: error.message };
}

/** Everything the session saw, as plain JSON, to compare the recorded run with the replayed one. */
async function scenario(stripe: Stripe) {
  const created = await stripe.customers.create({
    name: 'Jenny Rosen',
    email: EMAIL,
    balance: -500,
    metadata: { crm: '42' },
  });
  const second = await stripe.customers.create({ email: EMAIL, description: 'Second account' });
  const updated = await stripe.customers.update(created.id, { balance: -800, description: 'Goodwill' });
  const credit = await stripe.customers.createBalanceTransaction(created.id, {
    amount: 300,
    currency: 'usd',
  });
  const retrieved = await stripe.customers.retrieve(created.id, { expand: ['invoice_credit_balance'] });
  const ledger = await stripe.customers
    .listBalanceTransactions(created.id, { limit: 2 })
    .autoPagingToArray({ limit: 10 });
  const listed = await stripe.customers.list({ email: EMAIL, limit: 1 }).autoPagingToArray({ limit: 10 });
  const deleted = await stripe.customers.del(second.id);
  const afterDelete = await stripe.customers.retrieve(second.id);
  const updateDeleted = await stripe.customers
    .update(second.id, { name: 'Too late' })
    .then(() => 'answered', failure);
  const connected = await stripe.customers.create({ name: 'Connected' }, { stripeAccount: ACCOUNT });
  const connectedRetrieved = await stripe.customers.retrieve(connected.id, {}, { stripeAccount: ACCOUNT });
  const connectedUnscoped = await stripe.customers.retrieve(connected.id).then(() => 'answered', failure);
  return plain({
    created,
    second,
    updated,
    credit,
    retrieved,
    ledger,
    listed,
    deleted,
    afterDelete,
    updateDeleted,
    connected,
    connectedRetrieved,
    connectedUnscoped,
  });
}

type Seen = Awaited<ReturnType<typeof scenario>>;

function client(transport: Transport, recording: StripeRecording | undefined): Stripe {
  if (transport === 'node http') return new Stripe(KEY);
  return new Stripe(KEY, { httpClient: Stripe.createFetchHttpClient(recording?.fetch) });
}

describe.each<[Transport, Via]>([
  ['node http', 'intercepted'],
  ['fetch', 'intercepted'],
  ['fetch', 'recording.fetch'],
])('customers: record from loopback serve, replay offline: %s client, %s', (transport, via) => {
  const name = `customers-${transport.replace(' ', '-')}-${via.replace('.', '-')}`;
  // Stopped after each test even when it fails, so no interception outlives its test.
  const opened: StripeRecording[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((recording) => recording.stop()));
  });
  const open = (mode: 'record' | 'replay', upstream?: string) => {
    const recording = recordStripe({ dir, name, mode, ...(upstream ? { upstream } : {}) });
    opened.push(recording);
    return { recording, stripe: client(transport, via === 'recording.fetch' ? recording : undefined) };
  };
  let server: StripeServer;
  let recorded: Seen;
  let file: string;

  beforeAll(async () => {
    server = await startStripeServer({ port: 0 });
    const { recording, stripe } = open('record', server.url);
    recorded = await scenario(stripe);
    const result = await recording.stop();
    file = result.file;
    // Every customer response passed the contract check, the retrieve of the deleted one included.
    expect(result).toMatchObject({ mode: 'record', violations: [], unmatched: [] });
    // 2 creates, update, credit, retrieve, 2 ledger pages, 2 customer pages, delete, retrieve,
    // 404 update, connected create, connected retrieve, unscoped 404.
    expect(result.entries).toBe(15);
    expect(server.requests).toHaveLength(15);
    await server.close();
  });

  it('the session is what the mock answers for customers', () => {
    const id = recorded.created.id;
    expect(recorded.created).toMatchObject({
      object: 'customer',
      balance: -500,
      currency: 'usd',
      email: EMAIL,
    });
    expect(recorded.retrieved).toMatchObject({ id, balance: -500, invoice_credit_balance: { usd: 500 } });
    expect(recorded.ledger.map((t) => [t.type, t.amount, t.ending_balance])).toEqual([
      ['adjustment', 300, -500],
      ['adjustment', -300, -800],
      ['initial', -500, -500],
    ]);
    expect(recorded.listed.map((c) => c.id)).toEqual([recorded.second.id, id]);
    expect(recorded.deleted).toEqual({ id: recorded.second.id, object: 'customer', deleted: true });
    expect(recorded.afterDelete).toEqual(recorded.deleted);
    expect(recorded.updateDeleted).toMatchObject({ status: 404, code: 'resource_missing' });
    expect(recorded.connectedRetrieved).toMatchObject({ id: recorded.connected.id, name: 'Connected' });
    expect(recorded.connectedUnscoped).toMatchObject({ status: 404, code: 'resource_missing' });
  });

  it('the recording holds the DELETE, no email and no key, and passes `stripe-balance-kit validate`', async () => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(encodeURIComponent(EMAIL));
    expect(text).not.toContain(KEY);
    const har = JSON.parse(text) as { log: { entries: { request: { method: string; url: string } }[] } };
    expect(
      har.log.entries
        .filter((e) => e.request.method === 'DELETE')
        .map((e) => new URL(e.request.url).pathname),
    ).toEqual([`/v1/customers/${recorded.second.id}`]);

    const io = captureIo(dir);
    const code = await runCli(['validate', file], io);
    // 15 responses; 10 request bodies or queries with a params contract (retrieves and the delete have none).
    expect(io.out()).toContain('25 records checked in 1 file: 25 passed, 0 failed, 0 skipped, 0 warnings');
    expect(code).toBe(0);
  });

  it('replays the session with the server stopped, answer for answer (emails redacted)', async () => {
    const { recording, stripe } = open('replay');
    const replayed = await scenario(stripe);
    const expected = JSON.parse(JSON.stringify(recorded).replaceAll(EMAIL, '[REDACTED_EMAIL]')) as Seen;
    expect(replayed).toEqual(expected);
    expect(replayed.created.email).toBe('[REDACTED_EMAIL]');
    expect(await recording.stop()).toMatchObject({
      mode: 'replay',
      entries: 15,
      violations: [],
      unmatched: [],
    });
  });

  it('matches the Stripe-Account header: the same path replays per account, whatever the order', async () => {
    const { recording, stripe } = open('replay');
    const id = recorded.connected.id;
    // Recorded first with the header and then without: replayed the other way round.
    const unscoped = await stripe.customers.retrieve(id).then(() => 'answered', failure);
    expect(unscoped).toMatchObject({ status: 404, code: 'resource_missing' });
    expect(plain(await stripe.customers.retrieve(id, {}, { stripeAccount: ACCOUNT }))).toEqual(
      recorded.connectedRetrieved,
    );
    // An account the recording never saw is not answered with another account's exchange.
    const other = await stripe.customers
      .retrieve(id, {}, { stripeAccount: 'acct_1SomeoneElse00001' })
      .then(() => 'answered', failure);
    expect(other).toMatchObject({ status: 404, code: 'replay_unmatched' });
    expect((await recording.stop()).unmatched).toEqual([
      `GET /v1/customers/${id} (Stripe-Account: acct_1SomeoneElse00001)`,
    ]);
  });

  it('fails a customer request the recording does not hold, naming it', async () => {
    const { recording, stripe } = open('replay');
    const error = await stripe.customers.create({ name: 'Someone-else' }).then(() => undefined, failure);
    expect(error).toMatchObject({ status: 404, code: 'replay_unmatched' });
    expect(error?.message).toContain('no recorded response for POST /v1/customers (body: name=Someone-else)');
    expect((await recording.stop()).unmatched).toEqual(['POST /v1/customers (body: name=Someone-else)']);
  });
});
