/**
 * The consumer suite, one peer set on one Node.js: a fresh project (test/consumer/project) gets the
 * packed tarball and the peers npm resolves for `profile` on that Node, then runs what users run —
 * a vitest suite, an msw suite, jest in ESM mode, CommonJS jest through ts-jest and through
 * babel-jest, plain Node ESM and CJS, the CLI — and type-checks a typed suite with
 * `skipLibCheck: false` under node16 (ESM and CJS), bundler and node10, with TypeScript 5.9, 6
 * and 7.
 *
 * Used two ways: test/consumer/consumer.test.ts runs the checks one `it` each on the machine's
 * Node with the versions this repo pins; `.ci/consumer-matrix.sh` runs this file as a script per
 * (Node, profile) and adds the `N passed, N failed` line it prints to CI's tally:
 *
 *   tsx test/consumer/matrix.ts --tarball x.tgz --node /path/to/node --profile latest|oldest \
 *     [--no-types] [--unsupported-node /path/to/node-22.11] [--keep]
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const TEMPLATE = resolve(import.meta.dirname, 'project');
const REPO = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Which peer versions a project gets. */
export type Profile = 'pinned' | 'latest' | 'oldest';

/** What one run installs: the spec given to npm for each package (aliases for the extra TypeScripts). */
export function peerSpecs(profile: Profile): Record<string, string> {
  const repoVersion = (name: string): string =>
    JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;
  const babel = { '@babel/core': '^7', '@babel/preset-env': '^7', '@babel/preset-typescript': '^7' };
  const stripe = repoVersion('stripe');
  switch (profile) {
    // This repo's own versions (the lockfile's), on the machine's Node.
    case 'pinned':
      return {
        stripe,
        vitest: repoVersion('vitest'),
        msw: repoVersion('msw'),
        jest: repoVersion('jest'),
        'babel-jest': repoVersion('jest'),
        '@jest/globals': repoVersion('jest'),
        'ts-jest': '^29',
        '@types/jest': repoVersion('@types/jest'),
        nock: repoVersion('nock'),
        '@types/node': repoVersion('@types/node'),
        typescript: repoVersion('typescript'),
        ...babel,
      };
    // What `npm install x` gives a user on this Node today. ts-jest accepts TypeScript <7, so a
    // ts-jest project gets 6 at the top level; 7 is checked as `ts7`.
    case 'latest':
      return {
        stripe,
        vitest: 'latest',
        msw: 'latest',
        jest: 'latest',
        'babel-jest': 'latest',
        '@jest/globals': 'latest',
        'ts-jest': 'latest',
        '@types/jest': 'latest',
        nock: 'latest',
        '@types/node': 'latest',
        typescript: '^6',
        ts59: 'npm:typescript@~5.9',
        ts7: 'npm:typescript@^7',
        ...babel,
      };
    // The oldest majors package.json claims.
    case 'oldest':
      return {
        stripe,
        vitest: '^4',
        msw: '^2',
        jest: '^29',
        'babel-jest': '^29',
        '@jest/globals': '^29',
        'ts-jest': '^29',
        '@types/jest': '^29',
        nock: '^14',
        '@types/node': '^22',
        typescript: '~5.9',
        ts6: 'npm:typescript@^6',
        ts7: 'npm:typescript@^7',
        ...babel,
      };
  }
}

export interface ConsumerProject {
  /** The project directory. */
  dir: string;
  /** The Node.js binary that runs everything in it. */
  node: string;
  tarball: string;
  /** The versions npm installed, by package name. */
  versions: Record<string, string>;
  /** Runs `command` in the project with this Node first on PATH; throws with its output on failure. */
  run(command: string, args: string[], cwd?: string): string;
}

/** Runs `command` in `cwd` with `node` first on PATH, scrubbed of this repo's test environment; throws with its output on failure. */
export function runIn(node: string, cwd: string, command: string, args: string[], timeout = 300_000): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
      timeout,
      // The consumer must not inherit this repo's test environment (vitest workers set these);
      // the Node under test comes first on PATH, so `npm` and `npx` run on it too.
      env: {
        ...process.env,
        PATH: `${dirname(node)}:${process.env.PATH ?? ''}`,
        NODE_OPTIONS: '',
        VITEST: '',
        VITEST_POOL_ID: '',
        VITEST_WORKER_ID: '',
        VITEST_JSON_REPORT: '',
        NODE_ENV: '',
        NO_COLOR: '1',
        JEST_WORKER_ID: '',
      },
    });
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} exited ${e.status}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** `npm pack` of this repo (its `prepare` builds dist/) into `dir`; returns the tarball's path. */
export function packRepo(dir: string): string {
  const packed = JSON.parse(
    runIn(process.execPath, REPO, npm, ['pack', '--json', '--pack-destination', dir]),
  ) as { filename: string }[];
  return join(dir, packed[0]?.filename ?? '');
}

/** A fresh project in `work` with the tarball and the profile's peers installed by `node`'s npm. */
export function createProject(options: {
  work: string;
  tarball: string;
  node: string;
  profile: Profile;
}): ConsumerProject {
  const dir = join(
    options.work,
    `project-${options.profile}-${execFileSync(options.node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()}`,
  );
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(TEMPLATE, dir, { recursive: true });
  copyFileSync(join(TEMPLATE, 'package.json.template'), join(dir, 'package.json'));
  // TypeScript kept as .txt in the repo: CommonJS-mode files the repo's own NodeNext type check
  // (tsconfig.json includes test/) would refuse.
  for (const file of ['cjs/balance.cjs-jest.test.ts', 'cjs/globals.typed.ts']) {
    renameSync(join(dir, `${file}.txt`), join(dir, file));
  }
  const specs = peerSpecs(options.profile);
  const run = (command: string, args: string[], cwd = dir) => runIn(options.node, cwd, command, args);
  run(npm, [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    options.tarball,
    ...Object.entries(specs).map(([name, spec]) => `${name}@${spec}`),
  ]);
  const versions: Record<string, string> = {};
  for (const name of [...Object.keys(specs), 'stripe-balance-kit']) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) versions[name] = JSON.parse(readFileSync(file, 'utf8')).version;
  }
  return { dir, node: options.node, tarball: options.tarball, versions, run };
}

/** The line CI prints per run: `node v22.x, vitest A, msw B, jest C, nock D, typescript E`. */
export function describeRun(project: ConsumerProject): string {
  const v = project.versions;
  const nodeVersion = execFileSync(project.node, ['--version'], { encoding: 'utf8' }).trim();
  const ts = ['typescript', 'ts59', 'ts6', 'ts7']
    .filter((name) => v[name] !== undefined)
    .map((name) => v[name])
    .sort()
    .join(' + ');
  return `node ${nodeVersion}, vitest ${v.vitest}, msw ${v.msw}, jest ${v.jest}, nock ${v.nock}, typescript ${ts} (ts-jest ${v['ts-jest']}, babel-jest ${v['babel-jest']}, stripe ${v.stripe})`;
}

/** One consumer check: throws on failure. */
export interface Check {
  name: string;
  run(project: ConsumerProject): void;
}

const jestReport = (project: ConsumerProject, file: string, passed: number): void => {
  const report = JSON.parse(readFileSync(join(project.dir, file), 'utf8'));
  if (!report.success || report.numPassedTests !== passed || report.numFailedTests !== 0)
    throw new Error(
      `jest report ${file}: ${JSON.stringify({ success: report.success, passed: report.numPassedTests, failed: report.numFailedTests })}`,
    );
};

/** A jest run in the project (`nodeArgs` before jest, `jestArgs` after) whose JSON report must show `passed` passing tests. */
function jestCheck(
  name: string,
  report: string,
  passed: number,
  nodeArgs: string[],
  jestArgs: string[] = [],
): Check {
  return {
    name,
    run: (p) => {
      p.run(p.node, [
        ...nodeArgs,
        join(p.dir, 'node_modules/jest/bin/jest.js'),
        '--ci',
        ...jestArgs,
        '--json',
        `--outputFile=${report}`,
      ]);
      jestReport(p, report, passed);
    },
  };
}

const expectMatch = (out: string, pattern: RegExp, what: string): void => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes
  if (!pattern.test(out.replace(/\u001b\[[0-9;]*m/g, '')))
    throw new Error(`${what}: output does not match ${pattern}\n${out}`);
};

/** The TypeScript binaries of a project, by major. */
function typescripts(project: ConsumerProject): [string, string][] {
  const found: [string, string][] = [];
  for (const name of ['typescript', 'ts59', 'ts6', 'ts7']) {
    const version = project.versions[name];
    if (version === undefined) continue;
    found.push([version, join(project.dir, 'node_modules', name, 'bin/tsc')]);
  }
  return found.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The typed suite's tsconfigs: module setups users have, all with `skipLibCheck: false`. */
export const TYPE_SETUPS = [
  { name: 'node16 ESM', tsconfig: 'tsconfig.node16-esm.json' },
  { name: 'node16 CJS', tsconfig: 'cjs/tsconfig.node16.json' },
  { name: 'bundler', tsconfig: 'tsconfig.bundler.json' },
  // ts-jest's default: `module: commonjs`, which is node10 resolution (where TypeScript still has it).
  { name: 'node10 (module commonjs)', tsconfig: 'cjs/tsconfig.node10.json' },
] as const;

/** The checks that do not depend on which TypeScripts are installed. */
export const RUNTIME_CHECKS: Check[] = [
  {
    name: 'vitest suite (nock, fetch, msw, fixtures, toMatchContract)',
    run: (p) => {
      const out = p.run(p.node, [join(p.dir, 'node_modules/vitest/vitest.mjs'), 'run']);
      expectMatch(out, /Tests\s+9 passed/, 'vitest');
    },
  },
  jestCheck(
    'jest ESM (--experimental-vm-modules) and CommonJS require of the matcher entry',
    'jest-esm.json',
    2,
    ['--experimental-vm-modules'],
  ),
  jestCheck(
    'jest CommonJS via ts-jest (fixtures, mock, matcher)',
    'jest-ts-jest.json',
    1,
    [],
    ['--config', 'cjs/jest.ts-jest.config.js'],
  ),
  jestCheck(
    'jest CommonJS via babel-jest (fixtures, mock, matcher)',
    'jest-babel.json',
    1,
    [],
    ['--config', 'cjs/jest.babel.config.js'],
  ),
  {
    name: 'plain Node: ESM import and CJS require',
    run: (p) => {
      expectMatch(p.run(p.node, ['esm-import.mjs']), /^esm ok \d{4}-\d\d-\d\d\.\w+/, 'esm-import.mjs');
      expectMatch(p.run(p.node, ['cjs-require.cjs']), /^cjs ok \d{4}-\d\d-\d\d\.\w+/, 'cjs-require.cjs');
    },
  },
  {
    name: 'CLI through npx: --help, generate, validate',
    run: (p) => {
      const cli = (...args: string[]) => p.run(npm, ['exec', '--no', '--', 'stripe-balance-kit', ...args]);
      expectMatch(cli('--help'), /Usage: stripe-balance-kit/, 'CLI --help');
      cli('generate', '--count', '50', '--seed', '5', '--format', 'ndjson', '--out', 'ledger.ndjson');
      const lines = readFileSync(join(p.dir, 'ledger.ndjson'), 'utf8').trim().split('\n');
      if (lines.length !== 50) throw new Error(`generate wrote ${lines.length} lines, not 50`);
      const report = JSON.parse(cli('validate', 'ledger.ndjson', '--reporter', 'json'));
      if (report?.summary?.failed !== 0) throw new Error(`validate: ${JSON.stringify(report.summary)}`);
    },
  },
];

/** Type-checks the typed suite with the project's `tsc` (a path) under one module setup. */
export function typeCheck(project: ConsumerProject, tsc: string, tsconfig: string): void {
  project.run(project.node, [tsc, '-p', tsconfig]);
}

/** One check per (TypeScript, module setup) the project has. */
export function typeChecks(project: ConsumerProject): Check[] {
  return typescripts(project).flatMap(([version, tsc]) =>
    TYPE_SETUPS.map((setup) => ({
      name: `tsc ${version} ${setup.name}, skipLibCheck false`,
      run: (p: ConsumerProject) => typeCheck(p, tsc, setup.tsconfig),
    })),
  );
}

/** On Node 22.0–22.11: import, require and the CLI fail with the one-line message. */
export function unsupportedNodeCheck(oldNode: string): Check {
  return {
    name: `unsupported Node ${execFileSync(oldNode, ['--version'], { encoding: 'utf8' }).trim()}: one-line failure at import, require and in the CLI`,
    run: (p) => {
      const failing = (args: string[]): string => {
        try {
          execFileSync(oldNode, args, {
            cwd: p.dir,
            encoding: 'utf8',
            stdio: 'pipe',
            env: { ...process.env, NODE_OPTIONS: '' },
          });
        } catch (error) {
          return String((error as { stderr?: string }).stderr);
        }
        throw new Error(`${args.join(' ')} succeeded on ${oldNode}`);
      };
      const message =
        /stripe-balance-kit needs Node\.js \^20\.19 or >=22\.12 \(this is 22\.\d+\.\d+\): upgrade Node\.js\./;
      expectMatch(failing(['esm-import.mjs']), message, 'ESM import');
      expectMatch(failing(['cjs-require.cjs']), message, 'CJS require');
      const cli = failing([join(p.dir, 'node_modules/stripe-balance-kit/dist/esm/cli/bin.js'), '--help']);
      expectMatch(cli, message, 'CLI');
      if (cli.trim().split('\n').length !== 1) throw new Error(`the CLI printed more than one line:\n${cli}`);
    },
  };
}

// --- script mode --------------------------------------------------------------------------------
if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      tarball: { type: 'string' },
      node: { type: 'string', default: process.execPath },
      profile: { type: 'string', default: 'latest' },
      'unsupported-node': { type: 'string' },
      // The type matrix does not depend on Node: CI runs it once per peer set, not per Node.
      'no-types': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const work = mkdtempSync(join(tmpdir(), 'sbk-matrix-'));
  const tarball = values.tarball ?? packRepo(work);
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  try {
    const project = createProject({ work, tarball, node: values.node, profile: values.profile as Profile });
    console.log(describeRun(project));
    const checks = [
      ...RUNTIME_CHECKS,
      ...(values['no-types'] ? [] : typeChecks(project)),
      ...(values['unsupported-node'] ? [unsupportedNodeCheck(values['unsupported-node'])] : []),
    ];
    for (const check of checks) {
      const t0 = Date.now();
      try {
        check.run(project);
        passed++;
        console.log(`  ✓ ${check.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${check.name}\n${String((error as Error).message).replace(/^/gm, '      ')}`);
      }
    }
  } catch (error) {
    failed++;
    console.log(`  ✗ install: ${(error as Error).message}`);
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else console.log(`  (kept ${work})`);
  }
  console.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
