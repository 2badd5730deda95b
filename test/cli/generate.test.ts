import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATE_HELP } from '../../src/cli/commands/generate/help.js';
import { runCli } from '../../src/cli/main.js';
import { createFixtures, listPage, validators } from '../../src/index.js';
import { ledgerErrors } from '../factory/rules.js';

class Capture extends Writable {
  text = '';
  maxBuffered = 0;
  isTTY?: boolean;

  constructor(options: { tty?: boolean; slow?: boolean; highWaterMark?: number } = {}) {
    super({
      decodeStrings: false,
      ...(options.highWaterMark ? { highWaterMark: options.highWaterMark } : {}),
    });
    if (options.tty) this.isTTY = true;
    this.slow = options.slow ?? false;
  }

  private readonly slow: boolean;

  override _write(chunk: unknown, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += String(chunk);
    this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
    if (this.slow) setImmediate(done);
    else done();
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sbk-generate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function generate(args: string[], streams: { stdout?: Capture; stderr?: Capture } = {}) {
  const stdout = streams.stdout ?? new Capture();
  const stderr = streams.stderr ?? new Capture();
  const code = await runCli(['generate', ...args], { stdout, stderr, cwd: dir });
  return { code, stdout: stdout.text, stderr: stderr.text, streams: { stdout, stderr } };
}

const expected = (count: number, options: { seed?: number; currency?: string; customer?: string } = {}) =>
  createFixtures({ seed: options.seed ?? 42 }).ledger({
    count,
    ...(options.currency ? { currency: options.currency } : {}),
    ...(options.customer ? { customer: options.customer } : {}),
  });

describe('stripe-balance-kit generate', () => {
  it('--format json writes a JSON array of the seeded ledger (the default format)', async () => {
    const { code, stdout, stderr } = await generate(['--count', '25', '--seed', '42', '--currency', 'eur']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rows = JSON.parse(stdout);
    expect(rows).toEqual(expected(25, { currency: 'eur' }));
    expect(rows.every((row: unknown) => validators.customer_balance_transaction(row))).toBe(true);
    expect(ledgerErrors(rows, { now: 1793145600, livemode: false, currency: 'eur' })).toEqual([]);
    expect(JSON.parse((await generate(['--count', '0'])).stdout)).toEqual([]);
  });

  it('--format ndjson writes one transaction per line', async () => {
    const { code, stdout } = await generate([
      '-n',
      '40',
      '-s',
      '42',
      '--format',
      'ndjson',
      '--customer',
      'cus_NcjdgdwZyI9Rj7',
    ]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(expected(40, { customer: 'cus_NcjdgdwZyI9Rj7' }));
  });

  it("--format list writes the first page Stripe's list endpoint returns", async () => {
    const { stdout } = await generate([
      '--count',
      '250',
      '--seed',
      '42',
      '--format',
      'list',
      '--limit',
      '100',
    ]);
    const page = JSON.parse(stdout);
    const ledger = expected(250);
    expect(validators.customer_balance_transaction_list(page)).toBe(true);
    expect(page).toEqual(listPage(ledger, { customer: ledger[0]?.customer as string, limit: 100 }));
    expect(page.has_more).toBe(true);
    const small = JSON.parse((await generate(['--count', '3', '--seed', '42', '--format', 'list'])).stdout);
    expect(small).toMatchObject({ has_more: false });
    expect(small.data).toHaveLength(3);
  });

  it('--out writes the file (relative to cwd) instead of stdout', async () => {
    const { code, stdout, stderr } = await generate([
      '--count',
      '30',
      '--seed',
      '42',
      '--format',
      'ndjson',
      '--out',
      'out.ndjson',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/wrote 30 transactions \(ndjson\) to .*out\.ndjson/);
    const lines = (await readFile(join(dir, 'out.ndjson'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(expected(30));
    const failed = await generate(['--count', '1', '--out', join(dir, 'missing', 'x.json')]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toBe(
      `stripe-balance-kit generate: --out ${join(dir, 'missing', 'x.json')}: cannot write the file: no such file or directory; create its directory first\n`,
    );
  });

  it('--livemode, --types and --starting-balance shape the ledger', async () => {
    const { stdout } = await generate([
      '--count',
      '200',
      '--format',
      'ndjson',
      '--livemode',
      '--types',
      'applied_to_invoice,unapplied_from_invoice',
      '--starting-balance=-50000',
    ]);
    const rows = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(200);
    expect(
      ledgerErrors(rows, {
        now: 1793145600,
        livemode: true,
        startingBalance: -50000,
        types: ['applied_to_invoice', 'unapplied_from_invoice'],
      }),
    ).toEqual([]);
  });

  it('--help documents every flag', async () => {
    const { code, stdout } = await generate(['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(GENERATE_HELP);
    for (const flag of [
      '--count',
      '--seed',
      '--customer',
      '--currency',
      '--format',
      '--out',
      '--limit',
      '--types',
      '--starting-balance',
      '--livemode',
      '--help',
    ]) {
      expect(stdout).toContain(flag);
    }
    for (const format of ['json', 'ndjson', 'list']) expect(stdout).toContain(format);
  });

  it.each([
    [
      ['--bogus'],
      /^stripe-balance-kit generate: unknown option '--bogus'\. Run 'stripe-balance-kit generate --help'\.\n$/,
    ],
    [[], /--count is required/],
    [['--count', 'ten'], /--count must be a whole number/],
    [['--count', '-3'], /argument is ambiguous|whole number/],
    [['--count', '5', 'extra'], /unexpected argument 'extra'\. Run 'stripe-balance-kit generate --help'/],
    [['--count', '5', '--format', 'xml'], /--format must be one of json, ndjson, list/],
    [['--count', '5', '--format', 'list', '--limit', '0'], /--limit must be 1 to 100/],
    [['--count', '5', '--limit', '5'], /--limit only applies to --format list/],
    [['--count', '5', '--currency', 'USD'], /lowercase.*use usd/],
    [['--count', '5', '--currency', 'zzz'], /not a currency Stripe supports/],
    [['--count', '5', '--customer', 'acct_123'], /--customer must be a customer id/],
    [['--count', '5', '--types', 'refund'], /'refund' is not a transaction type/],
    [
      ['--count', '5', '--types', 'unapplied_from_invoice'],
      /only reverses an earlier applied_to_invoice.*--types/,
    ],
    [['--count', '5', '--starting-balance=1.5'], /--starting-balance must be an integer/],
  ])('bad flags %j exit 2 with a message', async (args, message) => {
    const { code, stdout, stderr } = await generate(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('waits for drain: a slow consumer never has more than a chunk buffered, and gets every row', async () => {
    const stdout = new Capture({ slow: true, highWaterMark: 1024 });
    const { code } = await generate(['--count', '5000', '--seed', '42', '--format', 'ndjson'], { stdout });
    expect(code).toBe(0);
    expect(stdout.text.trimEnd().split('\n')).toHaveLength(5000);
    // One 64K-character chunk in flight at most: the producer stopped while the consumer caught up.
    expect(stdout.maxBuffered).toBeLessThanOrEqual(70 * 1024);
  });

  it('shows progress on stderr only on a terminal and only for large counts', async () => {
    const tty = await generate(['--count', '100000', '--format', 'ndjson'], {
      stderr: new Capture({ tty: true }),
    });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/\rgenerate: +1% \(1,000 \/ 100,000 transactions\)/);
    expect(tty.stderr).toMatch(/100% \(100,000 \/ 100,000 transactions\)\n$/);
    expect(tty.stdout).not.toMatch(/generate:/);
    const piped = await generate(['--count', '100000', '--format', 'ndjson']);
    expect(piped.stderr).toBe('');
    const small = await generate(['--count', '10'], { stderr: new Capture({ tty: true }) });
    expect(small.stderr).toBe('');
  });

  it('is listed in the CLI usage', async () => {
    const stdout = new Capture();
    await runCli(['--help'], { stdout, stderr: new Capture(), cwd: dir });
    expect(stdout.text).toMatch(/generate +Write seeded/);
  });
});
