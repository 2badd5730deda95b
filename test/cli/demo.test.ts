import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { rawClient } from '../../src/cli/commands/demo/client.js';
import { runCli } from '../../src/cli/main.js';
import { mockStripe } from '../../src/mock/index.js';

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += chunk;
  });
  stderr.on('data', (chunk) => {
    err += chunk;
  });
  return { io: { stdout, stderr, cwd: process.cwd() }, out: () => out, err: () => err };
}

describe('demo (npm start)', () => {
  it('runs the main job end to end with the official client and reports every check passing', async () => {
    const { io, out, err } = capture();
    const code = await runCli(['demo'], io);
    expect(err()).toBe('');
    expect(code).toBe(0);
    expect(out()).toContain('official stripe client');
    expect(out()).toMatch(/paged 250 transactions in 3 pages of 100, newest first: ok/);
    expect(out()).toContain('retried with the same Idempotency-Key, applied once');
    expect(out()).toMatch(/0 problems/);
    expect(out()).toContain('All checks passed.');
  });

  it('falls back to raw HTTP over the same mock when `stripe` is not installed', async () => {
    const mock = mockStripe();
    try {
      mock.customers.add({ id: 'cus_RawDemo0000001' });
      const client = rawClient(mock.fetch);
      const created = await client.create('cus_RawDemo0000001', {
        amount: -5,
        currency: 'usd',
        metadata: { a: 'b' },
      });
      expect(created).toMatchObject({ amount: -5, metadata: { a: 'b' }, ending_balance: -5 });
      const page = await client.list('cus_RawDemo0000001', { limit: 1 });
      expect(page.data.map((t) => t.id)).toEqual([created.id]);
      const error = await client.createRaw('cus_RawDemo0000001', 'currency=usd');
      expect(error).toMatchObject({ status: 400, body: { error: { code: 'parameter_missing' } } });
    } finally {
      mock.restore();
    }
  });

  it('documents itself with --help', async () => {
    const { io, out } = capture();
    expect(await runCli(['demo', '--help'], io)).toBe(0);
    expect(out()).toContain('Usage: stripe-balance-kit demo');
  });

  it('refuses a flag it does not take instead of ignoring it', async () => {
    const { io, out, err } = capture();
    expect(await runCli(['demo', '--frobnicate'], io)).toBe(2);
    expect(out()).toBe('');
    expect(err()).toBe(
      "stripe-balance-kit demo: unknown option '--frobnicate'. Run 'stripe-balance-kit demo --help'.\n",
    );
  });
});
