/**
 * `stripe-balance-kit serve` as users run it: a child process that prints where it listens,
 * serves the preloaded customers, and exits 0 once a signal has closed it. Flag and input
 * errors are checked in process (they return before the server would wait for a signal).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { announce } from '../../src/cli/commands/serve/announce.js';
import { runCli } from '../../src/cli/main.js';
import { createFixtures } from '../../src/factory/index.js';
import { StripeCore } from '../../src/mock/core.js';
import { serveCore } from '../../src/mock/server-transport.js';
import { captureIo } from '../support/capture-io.js';

const ROOT = resolve(import.meta.dirname, '../..');
const KEY = 'sk_test_51CliKeyForStripeBalanceKit';
const work = mkdtempSync(join(tmpdir(), 'sbk-serve-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Spawns `serve`, resolving once it has printed its URL. */
function startServe(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), 'serve', ...args], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise<Running>((ready, fail) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /^listening on (http:\/\/\S+)$/m.exec(out)?.[1];
      if (url) ready({ child, url, stdout: () => out, stderr: () => err, exit });
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    void exit.then((code) => fail(new Error(`serve exited ${code} before listening:\n${out}\n${err}`)));
  });
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const code = await runCli(args, { stdout, stderr, cwd: work });
  return { code, stdout: out, stderr: err };
}

describe('stripe-balance-kit serve (child process)', () => {
  it('serves a seeded ledger on a free port and exits 0 on SIGTERM, no longer listening', async () => {
    const serve = await startServe(['--port', '0', '--seed', '1']);
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const expected = createFixtures({ seed: 1 }).ledger({ count: 50, currency: 'usd' });
    const customer = expected[0]?.customer as string;
    await expect.poll(() => serve.stdout()).toContain(customer);

    const response = await fetch(`${serve.url}/v1/customers/${customer}/balance_transactions?limit=100`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { data: { id: string }[]; has_more: boolean };
    expect(page.data.map((t) => t.id)).toEqual([...expected].reverse().map((t) => t.id));
    expect(page.has_more).toBe(false);

    serve.child.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
    expect(serve.stdout()).toContain('stopped');
    await expect(fetch(`${serve.url}/v1/customers/${customer}/balance_transactions`)).rejects.toThrow();
  });

  it('preloads --ledger NDJSON and stops on SIGINT with exit 0', async () => {
    const ledger = createFixtures({ seed: 5 }).ledger({
      customer: 'cus_LedgerFile0001',
      currency: 'eur',
      count: 3,
    });
    const file = join(work, 'ledger.ndjson');
    writeFileSync(file, `${ledger.map((t) => JSON.stringify(t)).join('\n')}\n`);
    const serve = await startServe(['--port', '0', '--ledger', file, '--unknown-customers', 'create']);
    await expect.poll(() => serve.stdout()).toContain('cus_LedgerFile0001  3 transactions');

    const known = await fetch(`${serve.url}/v1/customers/cus_LedgerFile0001/balance_transactions`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(((await known.json()) as { data: unknown[] }).data).toHaveLength(3);
    const created = await fetch(`${serve.url}/v1/customers/cus_NewOnFirstUse1/balance_transactions`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(created.status).toBe(200);

    serve.child.kill('SIGINT');
    expect(await serve.exit).toBe(0);
  });
});

describe('stripe-balance-kit serve --default-currency', () => {
  it('puts a balance set on a customer without currency in the account currency it names', async () => {
    const serve = await startServe(['--port', '0', '--default-currency', 'eur']);
    try {
      const response = await fetch(`${serve.url}/v1/customers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'balance=-700',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ balance: -700, currency: 'eur' });
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exit;
    }
  });
});

describe('stripe-balance-kit serve and live keys', () => {
  const LIVE = 'sk_live_51CliLiveKeyForStripeBalanceKit';

  it('refuses a live key with a 401 that names the serve flag, not mockStripe()', async () => {
    const serve = await startServe(['--port', '0', '--unknown-customers', 'create']);
    try {
      const response = await fetch(`${serve.url}/v1/customers/cus_LiveKeyCheck001/balance_transactions`, {
        headers: { authorization: `Bearer ${LIVE}` },
      });
      expect(response.status).toBe(401);
      const { error } = (await response.json()) as { error: { message: string } };
      expect(error.message).toContain('start serve with --allow-live-keys');
      expect(error.message).not.toContain('mockStripe');
      expect(error.message).not.toContain(LIVE);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exit;
    }
  });

  it('--allow-live-keys lets live keys through, and says so on start', async () => {
    const serve = await startServe(['--port', '0', '--unknown-customers', 'create', '--allow-live-keys']);
    try {
      const response = await fetch(`${serve.url}/v1/customers/cus_LiveKeyCheck001/balance_transactions`, {
        headers: { authorization: `Bearer ${LIVE}` },
      });
      expect(response.status).toBe(200);
      await expect
        .poll(() => serve.stdout())
        .toContain('Test and live keys are accepted (--allow-live-keys)');
    } finally {
      serve.child.kill('SIGTERM');
      expect(await serve.exit).toBe(0);
    }
  });
});

describe('stripe-balance-kit serve (in process)', () => {
  it('--help lists every flag and exits 0', async () => {
    const { code, stdout } = await cli(['serve', '--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--port',
      '--host',
      '--seed',
      '--count',
      '--ledger',
      '--unknown-customers',
      '--allow-live-keys',
      '--help',
    ]) {
      expect(stdout).toContain(flag);
    }
    expect((await cli(['--help'])).stdout).toMatch(/^\s+serve\s+/m);
  });

  it.each([
    [['--port', 'abc'], '--port must be a port number'],
    [['--port', '70000'], '--port must be a port number'],
    [['--unknown-customers', 'maybe'], '--unknown-customers must be create or reject'],
    [
      ['--default-currency', 'EUR'],
      "--default-currency must be a lowercase currency Stripe supports, such as usd or eur; got 'EUR'",
    ],
    [['--count', '5'], 'pass --seed S with it'],
    [
      ['--bogus'],
      "stripe-balance-kit serve: unknown option '--bogus'. Run 'stripe-balance-kit serve --help'.",
    ],
  ])('refuses %j with exit 2', async (args, message) => {
    const { code, stderr } = await cli(['serve', ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it.each([
    ['missing.json', undefined, 'cannot read the file: no such file or directory'],
    ['empty.json', '', 'the file is empty'],
    ['object.json', '{"hello":"world"}', 'expected a JSON array of customer_balance_transaction objects'],
    ['broken.ndjson', '{"id":1}\n{not json', 'line 2 is not valid JSON'],
    [
      'invalid.json',
      JSON.stringify([{ id: 'cbtxn_1', object: 'customer_balance_transaction' }]),
      'transactions[0]',
    ],
  ])('refuses a bad --ledger file (%s) with exit 2 and a clear message', async (name, content, message) => {
    const file = join(work, name);
    if (content !== undefined) writeFileSync(file, content);
    const { code, stderr } = await cli(['serve', '--port', '0', '--ledger', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`stripe-balance-kit serve: --ledger ${file}`);
    expect(stderr).toContain(message);
  });

  it('refuses a ledger whose transaction ids repeat, before listening', async () => {
    const ledger = createFixtures({ seed: 8 }).ledger({
      customer: 'cus_Duplicates0001',
      currency: 'usd',
      count: 2,
    });
    const file = join(work, 'duplicates.json');
    writeFileSync(file, JSON.stringify({ object: 'list', data: [...ledger, ...ledger] }));
    const { code, stderr } = await cli(['serve', '--port', '0', '--ledger', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/already in the mock|has id/);
  });

  it('says which port is taken, exit 2', async () => {
    const blocker = createServer();
    await new Promise<void>((ready) => blocker.listen(0, '127.0.0.1', ready));
    const { port } = blocker.address() as AddressInfo;
    try {
      const { code, stderr } = await cli(['serve', '--port', String(port)]);
      expect(code).toBe(2);
      expect(stderr).toContain(`port ${port} is already in use`);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });

  it('shows each balance as money in its currency: two decimals for usd, none for jpy', async () => {
    const fx = createFixtures({ seed: 11 });
    const usd = fx.ledger({
      customer: 'cus_MoneyUsd000001',
      currency: 'usd',
      count: 3,
      startingBalance: -6236,
    });
    const jpy = fx.ledger({
      customer: 'cus_MoneyJpy000001',
      currency: 'jpy',
      count: 2,
      startingBalance: -500,
    });
    const server = await serveCore(new StripeCore(), { port: 0 });
    try {
      server.seed([...usd, ...jpy]);
      const io = captureIo(work);
      announce(io, server, [...usd, ...jpy], false);
      const usdEnd = usd.at(-1)?.ending_balance as number;
      const jpyEnd = jpy.at(-1)?.ending_balance as number;
      const sign = (n: number) => (n < 0 ? '-' : '');
      const dollars = `${sign(usdEnd)}${Math.floor(Math.abs(usdEnd) / 100)}.${String(Math.abs(usdEnd) % 100).padStart(2, '0')}`;
      expect(io.out()).toContain(`  cus_MoneyUsd000001  3 transactions (balance ${dollars} usd)\n`);
      expect(io.out()).toContain(`  cus_MoneyJpy000001  2 transactions (balance ${jpyEnd} jpy)\n`);
    } finally {
      await server.close();
    }
  });
});
