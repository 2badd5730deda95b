import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
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
    expect(out()).toMatch(/retried with the same Idempotency-Key, created cbtxn_\w+ \(-1.00 usd\) once/);
    expect(out()).toMatch(/0 problems/);
    expect(out()).toContain('All checks passed.');
  });

  it('shows money as money, and its numbers add up: the retried create is shown and counted', async () => {
    const { io, out } = capture();
    expect(await runCli(['demo'], io)).toBe(0);
    const text = out();
    const amount = (pattern: RegExp) => {
      const match = pattern.exec(text);
      expect(match, `${pattern} in\n${text}`).not.toBeNull();
      return Math.round(Number(match?.[1]) * 100);
    };
    // Major units with the currency code, as Stripe writes it; never raw minor units or a locale's $.
    expect(text).toMatch(/final balance -?\d+\.\d\d usd\n/);
    expect(text).not.toMatch(/\$\d/);
    const credit = amount(/created cbtxn_\w+ \((-?\d+\.\d\d) usd\), updated its metadata/);
    const retried = amount(
      /injected a 500 into a second create: retried with the same Idempotency-Key, created cbtxn_\w+ \((-?\d+\.\d\d) usd\) once/,
    );
    const before = amount(/balance (-?\d+\.\d\d) usd → /);
    const after = amount(/balance -?\d+\.\d\d usd → (-?\d+\.\d\d) usd/);
    expect([credit, retried]).toEqual([-2500, -100]);
    expect(after).toBe(before + credit + retried);
    expect(amount(/final balance (-?\d+\.\d\d) usd/)).toBe(before);
    expect(text).toContain('(-25.00 usd credit, -1.00 usd retried create)');
    // 3 list pages, 4 creates (the credit, the 500 and its retry, the refused one), 1 update, 1 retrieve.
    expect(text).toContain(
      '9 requests served (list 3, create 4, update 1, retrieve 1), 0 contract violations',
    );
    // 3 pages + create, update, retrieve, the retried create, the error = 8 responses; 250 + 1 + 1 fixtures.
    expect(text).toContain('4. Contract: 8 responses and 252 fixtures checked, 0 problems');
  });

  it('removes its temp folder unless --keep, and says where it was', async () => {
    const plain = capture();
    expect(await runCli(['demo'], plain.io)).toBe(0);
    const removed = /Sample fixtures written to (\S+)/.exec(plain.out())?.[1] as string;
    expect(existsSync(removed)).toBe(false);
    expect(plain.out()).toContain(
      'removed when the demo ends; run `stripe-balance-kit demo --keep` to keep them and check them',
    );

    const kept = capture();
    expect(await runCli(['demo', '--keep'], kept.io)).toBe(0);
    const dir = /Sample fixtures written to (\S+)/.exec(kept.out())?.[1] as string;
    try {
      expect(readdirSync(dir).sort()).toEqual([
        'credit-note.json',
        'ledger.json',
        'ledger.ndjson',
        'list-page-1.json',
      ]);
      expect(kept.out()).toContain(`   check them: stripe-balance-kit validate ${dir}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names an unwritable temp dir in one line, without an errno', async () => {
    const missing = join(tmpdir(), 'sbk-no-such-dir', 'deeper');
    vi.stubEnv('TMPDIR', missing);
    vi.stubEnv('TMP', missing);
    vi.stubEnv('TEMP', missing);
    try {
      const { io, err } = capture();
      expect(await runCli(['demo'], io)).toBe(2);
      expect(err()).toBe(
        `stripe-balance-kit demo: temp dir ${missing} (set TMPDIR to use another): cannot write the file: no such file or directory; create its directory first\n`,
      );
    } finally {
      vi.unstubAllEnvs();
    }
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
    expect(out()).toContain('Usage: stripe-balance-kit demo [options]');
    expect(out()).toContain('--keep');
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
