/**
 * What the CLI writes, the CLI accepts: `validate` exits 0 on every file `generate` writes, in
 * each --format, and on the demo's sample fixtures, through the very command the demo prints.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/cli/commands/generate/options.js';
import { runCli } from '../../src/cli/main.js';
import { captureIo } from '../support/capture-io.js';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sbk-round-trip-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  const io = captureIo(dir);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Option sets that change what is written: currencies with and without minor units, sizes, modes. */
const VARIANTS: Record<string, string[]> = {
  default: ['--count', '40', '--seed', '7'],
  jpy: ['--count', '25', '--seed', 'yen', '--currency', 'jpy'],
  empty: ['--count', '0'],
  livemode: ['--count', '12', '--seed', '3', '--livemode', '--starting-balance', '-5000'],
  types: [
    '--count',
    '15',
    '--seed',
    '9',
    '--types',
    'adjustment,credit_note',
    '--customer',
    'cus_RoundTrip0001',
  ],
};

describe('validate exits 0 on what generate writes', () => {
  it('covers every format generate has', () => {
    expect([...FORMATS].sort()).toEqual(['json', 'list', 'ndjson']);
  });

  describe.each(FORMATS)('--format %s', (format) => {
    it.each(Object.keys(VARIANTS))('%s', async (variant) => {
      const file = `${variant}-${format}.${format === 'ndjson' ? 'ndjson' : 'json'}`;
      const generated = await cli([
        'generate',
        ...(VARIANTS[variant] ?? []),
        '--format',
        format,
        '--out',
        file,
      ]);
      expect(generated.err).toContain(`to ${join(dir, file)}`);
      expect(generated.code).toBe(0);

      const validated = await cli(['validate', file]);
      expect(validated.out).toContain(`PASS ${file}`);
      expect(validated.code, validated.out).toBe(0);
    });
  });

  it('all of them at once, as a directory', async () => {
    const validated = await cli(['validate', '.']);
    expect(validated.out).toMatch(/: \d+ passed, 0 failed, 0 skipped, 0 warnings\n$/);
    expect(validated.code, validated.out).toBe(0);
  });
});

describe("the demo's fixtures", () => {
  it('pass the "check them" command the demo prints (with --keep), which it removes without', async () => {
    const demo = await cli(['demo', '--keep']);
    expect(demo.code).toBe(0);
    const command = /^ {3}check them: (stripe-balance-kit validate .+)$/m.exec(demo.out)?.[1];
    expect(command, demo.out).toBeDefined();
    const fixtures = /Sample fixtures written to (\S+)/.exec(demo.out)?.[1] as string;
    try {
      // Run the printed line in a shell, with `stripe-balance-kit` on PATH as the CLI from source.
      const bin = await mkdtemp(join(dir, 'bin-'));
      const shim = join(bin, 'stripe-balance-kit');
      await writeFile(
        shim,
        `#!/bin/sh\nexec "${process.execPath}" --import tsx "${join(ROOT, 'src/cli/bin.ts')}" "$@"\n`,
      );
      await chmod(shim, 0o755);
      const { stdout } = await run('sh', ['-c', command as string], {
        cwd: ROOT,
        env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
      });
      expect(stdout).toContain('PASS');
      expect(stdout).toMatch(
        /^502 records checked in 4 files: 502 passed, 0 failed, 0 skipped, 0 warnings$/m,
      );
    } finally {
      await rm(fixtures, { recursive: true, force: true });
    }

    // Without --keep the folder is gone when the demo returns, and no command points at it.
    const plain = await cli(['demo']);
    expect(plain.code).toBe(0);
    expect(plain.out).not.toContain('check them: stripe-balance-kit validate');
    expect(plain.out).toContain('run `stripe-balance-kit demo --keep` to keep them');
    const removed = /Sample fixtures written to (\S+)/.exec(plain.out)?.[1] as string;
    await expect(readdir(removed)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
