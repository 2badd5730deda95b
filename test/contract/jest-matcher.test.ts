/**
 * `src/contract/jest.ts` under a real jest: runs the tiny project in test/fixtures/jest-project
 * (jest 30, CommonJS via TypeScript's transpileModule, no extra dependency), once expecting every
 * test to pass and once with a deliberately failing test whose report must name the paths.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from './support/fixtures.js';

interface Run {
  code: number;
  output: string;
}

let cacheDirectory = '';

function runJest(env: Record<string, string>): Promise<Run> {
  const args = [
    path.join(repoRoot, 'node_modules/jest/bin/jest.js'),
    '--config',
    path.join(repoRoot, 'test/fixtures/jest-project/jest.config.cjs'),
    '--ci',
    '--colors=false',
    '--cacheDirectory',
    cacheDirectory,
  ];
  const { NODE_OPTIONS: _drop, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: repoRoot,
        env: { ...inherited, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

beforeAll(async () => {
  cacheDirectory = await mkdtemp(path.join(os.tmpdir(), 'sbk-jest-cache-'));
});

afterAll(async () => {
  await rm(cacheDirectory, { recursive: true, force: true });
});

describe('toMatchContract under jest', () => {
  test('every matcher form passes in a real jest run', async () => {
    const run = await runJest({ SBK_JEST_EXPECT_FAILURE: '0' });
    expect(run.output).toMatch(/Tests:\s+6 passed, 6 total/);
    expect(run.code).toBe(0);
  });

  test("a failing contract check fails the jest run, and jest's report names each path", async () => {
    const run = await runJest({ SBK_JEST_EXPECT_FAILURE: '1' });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/Tests:\s+1 failed, 6 passed, 7 total/);
    expect(run.output).toContain('deliberately failing contract check');
    expect(run.output).toContain('/amount [wrong_type] expected integer; received string "x"');
    expect(run.output).toContain('/metadata/order_id [wrong_type] expected string; received number 6735');
  });
});
