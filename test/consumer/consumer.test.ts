/**
 * The package as another repository gets it: `npm pack`, a fresh project in a temp dir, the
 * tarball installed with `stripe`, `vitest`, `jest` and `nock`, then a vitest suite, a jest
 * suite, an ESM import, a CJS require and the CLI. publint and arethetypeswrong check the packed
 * package first.
 *
 * The install pins the versions this repo uses and prefers the npm cache (`--prefer-offline`):
 * after `npm ci` it reaches the registry only for metadata the cache lacks. That is package
 * installation, like `npm ci` itself; the suites it then runs touch nothing but loopback.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TEMPLATE = resolve(import.meta.dirname, 'project');
const work = mkdtempSync(join(tmpdir(), 'sbk-consumer-'));
const project = join(work, 'project');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 170_000,
      // The consumer must not inherit this repo's test environment (vitest workers set these).
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        VITEST: '',
        VITEST_POOL_ID: '',
        VITEST_WORKER_ID: '',
        VITEST_JSON_REPORT: '',
      },
    });
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} exited ${e.status}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

const installed = (name: string): string =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

let tarball = '';

beforeAll(() => {
  // `npm pack` runs `prepare`, which builds dist/ (ESM, CJS, declarations).
  const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', work], ROOT)) as {
    filename: string;
  }[];
  tarball = join(work, packed[0]?.filename ?? '');
  rmSync(project, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), readFileSync(join(TEMPLATE, 'package.json.template')));
  for (const file of [
    'vitest.config.mjs',
    'balance.vitest.test.ts',
    'balance.jest.test.mjs',
    'matcher.jest.test.cjs',
    'esm-import.mjs',
    'cjs-require.cjs',
  ]) {
    copyFileSync(join(TEMPLATE, file), join(project, file));
  }
  run(
    npm,
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      tarball,
      `stripe@${installed('stripe')}`,
      `vitest@${installed('vitest')}`,
      `jest@${installed('jest')}`,
      `nock@${installed('nock')}`,
      // jest and vitest accept any @types/node; pinning ours keeps the tree the one we test.
      `@types/node@${installed('@types/node')}`,
    ],
    project,
  );
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package in a fresh consumer project', () => {
  it('passes publint and arethetypeswrong (node16 ESM and CJS, bundler)', () => {
    expect(
      run('node', [join(ROOT, 'node_modules/publint/src/cli.js'), '--pack', 'false', '--strict'], ROOT),
    ).toMatch(/All good|No issues/i);
    run(
      'node',
      [join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'node16'],
      ROOT,
    );
  });

  it('ships only what users need', () => {
    const listing = run('tar', ['-tzf', tarball], work).split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/esm/index.js');
    expect(listing).toContain('package/dist/cjs/index.js');
    expect(listing).toContain('package/dist/esm/index.d.ts');
    expect(listing.some((f) => /\/(test|generators|bench)\//.test(f) || f.endsWith('.map'))).toBe(false);
  });

  it('bundles each class once across the ESM entries, so instanceof holds between them', () => {
    // The ESM build is bundled with shared chunks: an error class copied into two entries would
    // make `instanceof ContractError` fail for errors thrown through `/vitest`, `/jest` or `/msw`.
    const esm = join(project, 'node_modules/stripe-balance-kit/dist/esm');
    const files = run('find', [esm, '-name', '*.js'], project).split('\n').filter(Boolean);
    const classes = files.flatMap((file) =>
      // esbuild writes `var Name = class extends …` (names kept) or a plain declaration.
      [...readFileSync(file, 'utf8').matchAll(/\b(?:var|let|const) (\w+) = class\b|^\s*class (\w+)/gm)].map(
        (m) => m[1] ?? m[2],
      ),
    );
    expect(classes).toEqual(expect.arrayContaining(['StripeBalanceKitError', 'ContractError', 'StripeCore']));
    expect(classes.filter((name, i) => classes.indexOf(name) !== i)).toEqual([]);
  });

  it('runs a vitest suite with mockStripe, createFixtures and toMatchContract', () => {
    const out = run(process.execPath, [join(project, 'node_modules/vitest/vitest.mjs'), 'run'], project);
    expect(out).toMatch(/4 passed/);
  });

  it('runs jest suites: ESM with fixtures and mock, CommonJS require of the matcher entry', () => {
    // A failing suite makes jest exit 1, which run() turns into a throw with jest's output.
    run(
      process.execPath,
      [
        '--experimental-vm-modules',
        join(project, 'node_modules/jest/bin/jest.js'),
        '--ci',
        '--json',
        '--outputFile=jest.json',
      ],
      project,
    );
    const report = JSON.parse(readFileSync(join(project, 'jest.json'), 'utf8'));
    expect(report).toMatchObject({
      success: true,
      numPassedTests: 2,
      numFailedTests: 0,
      numTotalTestSuites: 2,
    });
  });

  it('imports from ESM and requires from CJS', () => {
    expect(run('node', ['esm-import.mjs'], project)).toMatch(/^esm ok 2026-10-28\.endive/);
    expect(run('node', ['cjs-require.cjs'], project)).toMatch(/^cjs ok 2026-10-28\.endive/);
  });

  it('runs the CLI through npx: --help, generate, validate', () => {
    expect(run(npm, ['exec', '--no', '--', 'stripe-balance-kit', '--help'], project)).toMatch(
      /Usage: stripe-balance-kit/,
    );
    run(
      npm,
      [
        'exec',
        '--no',
        '--',
        'stripe-balance-kit',
        'generate',
        '--count',
        '50',
        '--seed',
        '5',
        '--format',
        'ndjson',
        '--out',
        'ledger.ndjson',
      ],
      project,
    );
    expect(readFileSync(join(project, 'ledger.ndjson'), 'utf8').trim().split('\n')).toHaveLength(50);
    const report = run(
      npm,
      ['exec', '--no', '--', 'stripe-balance-kit', 'validate', 'ledger.ndjson', '--reporter', 'json'],
      project,
    );
    expect(JSON.parse(report)).toMatchObject({ summary: expect.objectContaining({ failed: 0 }) });
  });
});
