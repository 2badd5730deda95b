/**
 * Interception must not depend on import order or module system: stripe-node keeps its own
 * reference to node:http(s), and interceptor tools have missed its requests before (nock#2461,
 * stripe-node#2211, nock#2785). Each script imports `stripe` first, then the mock, and drives
 * both transports; it runs in a fresh Node process so no earlier import can help it.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../fixtures/module-order');

function run(script: string): { results: Record<string, number>; requests: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', resolve(dir, script)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

describe('interception regardless of module order and system', () => {
  it.each(['esm-stripe-first.mjs', 'cjs-stripe-first.cjs'])(
    '%s: both transports reach the mock',
    (script) => {
      expect(run(script)).toEqual({ results: { node: -100, fetch: -200 }, requests: 2 });
    },
  );

  it('answers clients built before the mock, including createFetchHttpClient() over the global fetch', () => {
    expect(run('esm-clients-before-mock.mjs')).toEqual({ results: { node: -100, fetch: -200 }, requests: 2 });
  });
});
