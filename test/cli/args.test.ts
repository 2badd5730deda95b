/**
 * The one argument parser every command uses: both value forms, booleans, integers with
 * one-line errors, `--`, and unknown flags refused the same short way by every command.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgv } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/command.js';
import { commands, runCli } from '../../src/cli/main.js';
import { packageVersion, versionAbove } from '../../src/cli/version.js';
import { captureIo } from '../support/capture-io.js';

const FLAGS = {
  count: { type: 'integer', short: 'n', min: 0 },
  balance: { type: 'integer' },
  port: { type: 'integer', min: 0, max: 65535, expected: 'a port number from 0 to 65535' },
  out: { type: 'string', short: 'o' },
  live: { type: 'boolean' },
} as const;

const parse = (argv: string[], positionals = false) =>
  parseArgv(argv, FLAGS, { command: 'demo', positionals });

function refusal(argv: string[], positionals = false): string {
  try {
    parse(argv, positionals);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`);
}

describe('parseArgv', () => {
  it('reads --flag value, --flag=value, short aliases and booleans', () => {
    expect(parse(['--count', '3', '--out=a.json', '--live'])).toEqual({
      flags: { count: 3, out: 'a.json', live: true },
      positionals: [],
    });
    expect(parse(['-n', '7', '-o', 'b.json']).flags).toEqual({ count: 7, out: 'b.json' });
    // The last of a repeated flag wins.
    expect(parse(['--count', '1', '--count=2']).flags.count).toBe(2);
  });

  it('takes a negative number as a value in either form, and `=` inside a value', () => {
    expect(parse(['--balance', '-5000']).flags.balance).toBe(-5000);
    expect(parse(['--balance=-5000']).flags.balance).toBe(-5000);
    expect(parse(['--out=a=b']).flags.out).toBe('a=b');
  });

  it('keeps positionals where the command takes them, and everything after --', () => {
    expect(parse(['a.json', '--live', '--', '--count', '-'], true)).toEqual({
      flags: { live: true },
      positionals: ['a.json', '--count', '-'],
    });
  });

  it.each([
    [['--frobnicate'], "unknown option '--frobnicate'. Run 'stripe-balance-kit demo --help'."],
    [['-x'], "unknown option '-x'. Run 'stripe-balance-kit demo --help'."],
    [['--constructor'], "unknown option '--constructor'. Run 'stripe-balance-kit demo --help'."],
    [['--out'], "option '--out' needs a value. Run 'stripe-balance-kit demo --help'."],
    [['--out', '--live'], "option '--out' needs a value. Run 'stripe-balance-kit demo --help'."],
    [['--live=yes'], "option '--live' takes no value. Run 'stripe-balance-kit demo --help'."],
    [['extra'], "unexpected argument 'extra'. Run 'stripe-balance-kit demo --help'."],
    [['--count', 'ten'], "--count must be a whole number; got 'ten'"],
    [['--count', '-3'], "--count must be a whole number; got '-3'"],
    [['--count', '1.5'], "--count must be a whole number; got '1.5'"],
    [['--count', '99999999999999999999'], "--count must be a whole number; got '99999999999999999999'"],
    [['--balance', '1e3'], "--balance must be an integer; got '1e3'"],
    [['--port', '70000'], "--port must be a port number from 0 to 65535; got '70000'"],
  ])('refuses %j in one line', (argv, message) => {
    expect(refusal(argv)).toBe(message);
  });
});

describe('every command refuses an unknown flag the same way', () => {
  it.each(commands.map((command) => command.name))('%s', async (name) => {
    const io = captureIo(process.cwd());
    const code = await runCli([name, '--frobnicate'], io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      `stripe-balance-kit ${name}: unknown option '--frobnicate'. Run 'stripe-balance-kit ${name} --help'.\n`,
    );
  });

  it.each(commands.map((command) => command.name))('%s answers -h like --help', async (name) => {
    const long = captureIo(process.cwd());
    const short = captureIo(process.cwd());
    expect(await runCli([name, '--help'], long)).toBe(0);
    expect(await runCli([name, '-h'], short)).toBe(0);
    expect(short.out()).toBe(long.out());
    expect(long.out()).toMatch(new RegExp(`^Usage: stripe-balance-kit ${name}`));
  });
});

describe('--version', () => {
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  };

  it.each([['--version'], ['-v'], ...commands.map((c) => [c.name, '--version']), ['generate', '-v']])(
    '%s %s prints the version of package.json',
    async (...argv) => {
      const io = captureIo(process.cwd());
      expect(await runCli(argv, io)).toBe(0);
      expect(io.out()).toBe(`${version}\n`);
      expect(io.err()).toBe('');
    },
  );

  it('the top-level help lists it', async () => {
    const io = captureIo(process.cwd());
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out()).toContain('  -v, --version  Print the version\n');
  });

  it("finds the package's own package.json from the sources, dist/esm or dist/cjs alike", () => {
    const root = mkdtempSync(join(tmpdir(), 'sbk-version-'));
    try {
      writeFileSync(
        join(root, 'package.json'),
        JSON.stringify({ name: 'stripe-balance-kit', version: '9.8.7' }),
      );
      // dist/cjs/package.json only sets the module type: it is passed over.
      mkdirSync(join(root, 'dist/cjs/cli'), { recursive: true });
      writeFileSync(join(root, 'dist/cjs/package.json'), '{"type":"commonjs"}');
      expect(versionAbove(join(root, 'dist/cjs/cli'))).toBe('9.8.7');
      expect(packageVersion([join(root, 'dist/esm/cli'), root])).toBe('9.8.7');
      // A project that depends on the kit is not the kit.
      const consumer = join(root, 'consumer');
      mkdirSync(consumer);
      writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0' }));
      expect(versionAbove(consumer)).toBe('9.8.7');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect(() => packageVersion([])).toThrow('cannot find the package.json of stripe-balance-kit');
  });
});

describe('the top level refuses what it does not know in one line', () => {
  it.each([
    [
      ['--frobnicate'],
      "stripe-balance-kit: unknown option '--frobnicate'. Run 'stripe-balance-kit --help'.\n",
    ],
    [
      ['frobnicate'],
      "stripe-balance-kit: unknown command 'frobnicate' (commands: demo, validate, generate, serve). Run 'stripe-balance-kit --help'.\n",
    ],
  ])('%j', async (argv, message) => {
    const io = captureIo(process.cwd());
    expect(await runCli(argv, io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(message);
  });
});

describe('a negative count reads the same in both spellings', () => {
  it.each([['generate'], ['serve']])('%s', async (name) => {
    const extra = name === 'serve' ? ['--seed', '1'] : [];
    const spaced = captureIo(process.cwd());
    const joined = captureIo(process.cwd());
    expect(await runCli([name, ...extra, '--count', '-5'], spaced)).toBe(2);
    expect(await runCli([name, ...extra, '--count=-5'], joined)).toBe(2);
    expect(spaced.err()).toBe(`stripe-balance-kit ${name}: --count must be a whole number; got '-5'\n`);
    expect(joined.err()).toBe(spaced.err());
  });
});
