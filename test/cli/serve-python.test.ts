/**
 * Another language's official Stripe client against `serve`: stripe-python (Debian's
 * python3-stripe 5, which `.ci/run` installs with apt-get) creates, replays an idempotent create,
 * retrieves with `expand[]=customer`, updates, lists with auto-paging, and meets Stripe's errors as
 * its own typed exceptions (`InvalidRequestError` with `param`, `resource_missing`,
 * `AuthenticationError`). A second script drives the customer endpoints, a simulation over the
 * control paths and `max_network_retries` against an in-process server, whose request log the
 * test then reads. Where no Python with `stripe` exists the tests are skipped, saying why.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeServer, startStripeServer } from '../../src/index.js';
import { liveCustomer } from '../support/live-customer.js';

const ROOT = join(import.meta.dirname, '../..');
const SCRIPT = join(import.meta.dirname, 'python/balance_transactions.py');
const CUSTOMERS_SCRIPT = join(import.meta.dirname, 'python/customers.py');
const run = promisify(execFile);

/** The script's JSON lines, by step (the script prints one per step, in order). */
function stepsOf(out: string): Map<string, unknown> {
  const lines = out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { step: string; value: unknown });
  return new Map(lines.map((line) => [line.step, line.value]));
}

/** The first Python that can `import stripe`, with why none could. */
function findPython(): { python: string | undefined; why: string } {
  const tried: string[] = [];
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      const version = execFileSync(candidate, ['-c', 'import stripe.version as v; print(v.VERSION)'], {
        encoding: 'utf8',
        stdio: 'pipe',
      }).trim();
      return { python: candidate, why: `stripe-python ${version}` };
    } catch (error) {
      tried.push(
        `${candidate}: ${String((error as { stderr?: string }).stderr ?? error)
          .trim()
          .split('\n')
          .at(-1)}`,
      );
    }
  }
  return {
    python: undefined,
    why: `no Python with the stripe package (install Debian's python3-stripe; .ci/run does): ${tried.join('; ')}`,
  };
}

const { python, why } = findPython();
if (!python) console.warn(`serve-python: skipped — ${why}`);

describe.skipIf(!python)(`stripe-python against serve (${why})`, () => {
  let server: ChildProcess;
  let base = '';
  beforeAll(async () => {
    server = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/bin.ts'),
        'serve',
        '--port',
        '0',
        '--unknown-customers',
        'create',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    base = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
        if (url) resolve(url);
      });
      server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
    });
  });
  afterAll(() => {
    server.kill('SIGTERM');
  });

  it('drives the four endpoints, idempotency, expansion, paging and typed errors', () => {
    const out = execFileSync(python ?? 'python3', [SCRIPT, base, 'cus_PythonCustomer01'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const steps = out
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { step: string }).step);
    expect(steps).toEqual([
      'create',
      'idempotent replay',
      'retrieve with expand',
      'update',
      'list and auto-paging',
      'InvalidRequestError',
      'resource_missing',
      'AuthenticationError',
    ]);
  });
});

describe.skipIf(!python)(
  `stripe-python against startStripeServer: customers, simulations, retries (${why})`,
  () => {
    let server: StripeServer;
    beforeAll(async () => {
      server = await startStripeServer({ port: 0 });
    });
    afterAll(() => server.close());

    it('drives the customer endpoints, a simulation over HTTP, typed errors and retries', async () => {
      // Asynchronous: the server answering the script runs in this process.
      const { stdout } = await run(python ?? 'python3', [CUSTOMERS_SCRIPT, server.url], { timeout: 60_000 });
      const steps = stepsOf(stdout);
      expect([...steps.keys()]).toEqual([
        'create',
        'retrieve',
        'modify',
        'list and auto-paging',
        'simulate invoiceFinalized',
        'InvalidRequestError name',
        'InvalidRequestError unknown',
        'AuthenticationError',
        'other account',
        'delete',
        'resource_missing after delete',
        'max_network_retries',
      ]);
      // The balance invariant after each step, with the ledger's types newest first.
      expect(steps.get('create')).toEqual({ balance: -1500, types: ['initial'] });
      expect(steps.get('retrieve')).toEqual({ balance: -1500, invoice_credit_balance: { usd: 1500 } });
      expect(steps.get('modify')).toEqual({ balance: -400, types: ['adjustment', 'initial'] });
      expect(steps.get('list and auto-paging')).toBe(3);
      expect(steps.get('simulate invoiceFinalized')).toEqual({
        balance: 0,
        types: ['applied_to_invoice', 'adjustment', 'initial'],
      });
      expect(steps.get('InvalidRequestError name')).toBe('name');
      expect(steps.get('InvalidRequestError unknown')).toEqual({
        param: 'nickname',
        code: 'parameter_unknown',
      });
      expect(steps.get('AuthenticationError')).toBe(401);
      expect(steps.get('other account')).toEqual({ status: 404, code: 'resource_missing' });
      const deleted = steps.get('delete') as { id: string; deleted: boolean; fields: string[] };
      expect(deleted).toEqual({
        id: expect.stringMatching(/^cus_/),
        deleted: true,
        fields: ['deleted', 'id', 'object'],
      });
      expect(steps.get('resource_missing after delete')).toEqual({
        modify: { code: 'resource_missing', param: 'id' },
        delete: { code: 'resource_missing', param: 'id' },
        list_balance_transactions: { code: 'resource_missing', param: 'customer' },
        create_balance_transaction: { code: 'resource_missing', param: 'customer' },
      });
      // What Python did is the server's state, seen from the JavaScript side.
      expect(server.customers.get(deleted.id)).toEqual({ id: deleted.id, object: 'customer', deleted: true });
      expect(server.transactions(deleted.id).map((t) => t.type)).toEqual([
        'initial',
        'adjustment',
        'applied_to_invoice',
      ]);

      const retried = steps.get('max_network_retries') as Record<
        'before' | 'afterApply',
        { id: string; email: string }
      >;
      const attempts = (email: string) =>
        server.requests
          .filter((r) => r.operation === 'createCustomer' && r.body.email === email)
          .map((r) => ({ key: r.idempotencyKey, status: r.status, replayed: r.replayed, fault: r.fault }));
      // A 500 before running: the retry, under the same key, is the one that creates.
      const before = attempts(retried.before.email);
      expect(before).toEqual([
        { key: expect.any(String), status: 500, replayed: false, fault: { status: 500 } },
        { key: before[0]?.key, status: 200, replayed: false, fault: undefined },
      ]);
      // A 500 after running: the retry, under the same key, replays the customer the first attempt made.
      const afterApply = attempts(retried.afterApply.email);
      expect(afterApply).toEqual([
        { key: expect.any(String), status: 500, replayed: false, fault: { status: 500, afterApply: true } },
        { key: afterApply[0]?.key, status: 200, replayed: true, fault: undefined },
      ]);
      for (const { id, email } of Object.values(retried)) {
        expect(liveCustomer(server, id)?.balance).toBe(250);
        const response = await fetch(`${server.url}/v1/customers?email=${encodeURIComponent(email)}`, {
          headers: { Authorization: 'Bearer sk_test_51PythonCustomersKey' },
        });
        const list = (await response.json()) as { data: { id: string }[] };
        expect(list.data.map((c) => c.id)).toEqual([id]);
      }
    });
  },
);
