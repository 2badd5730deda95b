/**
 * Another language's official Stripe client against `serve`: stripe-python (Debian's
 * python3-stripe 5, which `.ci/run` installs with apt-get) creates, replays an idempotent create,
 * retrieves with `expand[]=customer`, updates, lists with auto-paging, and meets Stripe's errors as
 * its own typed exceptions (`InvalidRequestError` with `param`, `resource_missing`,
 * `AuthenticationError`). Where no Python with `stripe` exists the test is skipped, saying why.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SCRIPT = join(import.meta.dirname, 'python/balance_transactions.py');

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
