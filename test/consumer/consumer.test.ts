/**
 * The package as another repository gets it: `npm pack`, a fresh project in a temp dir, the
 * tarball installed with this repo's own versions of stripe, vitest, msw, jest (ts-jest,
 * babel-jest), nock and TypeScript, then every consumer check of test/consumer/matrix.ts on the
 * machine's Node. publint and arethetypeswrong check the packed package first. CI runs the same
 * checks on Node 22 and 24 with the newest and the oldest peers we claim (.ci/consumer-matrix.sh).
 *
 * The install prefers the npm cache (`--prefer-offline`): after `npm ci` it reaches the registry
 * only for metadata the cache lacks. That is package installation, like `npm ci` itself; the
 * suites it then runs touch nothing but loopback.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsumerProject,
  createProject,
  describeRun,
  packRepo,
  RUNTIME_CHECKS,
  TYPE_SETUPS,
  typeCheck,
} from './matrix.js';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'sbk-consumer-'));
let tarball = '';
let project: ConsumerProject;

beforeAll(() => {
  // `npm pack` runs `prepare`, which builds dist/ (ESM, CJS, declarations).
  tarball = packRepo(work);
  project = createProject({ work, tarball, node: process.execPath, profile: 'pinned' });
  console.log(describeRun(project));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package in a fresh consumer project', () => {
  it('passes publint and arethetypeswrong (node10, node16 ESM and CJS, bundler)', () => {
    expect(
      project.run(
        'node',
        [join(ROOT, 'node_modules/publint/src/cli.js'), '--pack', 'false', '--strict'],
        ROOT,
      ),
    ).toMatch(/All good|No issues/i);
    // Every resolution, node10 included (typesVersions gives it the subpaths' types).
    project.run('node', [join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball], ROOT);
  });

  it('ships only what users need', () => {
    const listing = project.run('tar', ['-tzf', tarball], work).split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/esm/index.js');
    expect(listing).toContain('package/dist/cjs/index.js');
    expect(listing).toContain('package/dist/esm/index.d.ts');
    expect(listing.some((f) => /\/(test|generators|bench)\//.test(f) || f.endsWith('.map'))).toBe(false);
  });

  it('bundles each class once across the ESM entries, so instanceof holds between them', () => {
    // The ESM build is bundled with shared chunks: an error class copied into two entries would
    // make `instanceof ContractError` fail for errors thrown through `/vitest`, `/jest` or `/msw`.
    const esm = join(project.dir, 'node_modules/stripe-balance-kit/dist/esm');
    const files = project.run('find', [esm, '-name', '*.js']).split('\n').filter(Boolean);
    const classes = files.flatMap((file) =>
      // esbuild writes `var Name = class extends …` (names kept) or a plain declaration.
      [...readFileSync(file, 'utf8').matchAll(/\b(?:var|let|const) (\w+) = class\b|^\s*class (\w+)/gm)].map(
        (m) => m[1] ?? m[2],
      ),
    );
    expect(classes).toEqual(expect.arrayContaining(['StripeBalanceKitError', 'ContractError', 'StripeCore']));
    expect(classes.filter((name, i) => classes.indexOf(name) !== i)).toEqual([]);
  });

  for (const check of RUNTIME_CHECKS) {
    it(check.name, () => check.run(project), 180_000);
  }

  for (const setup of TYPE_SETUPS) {
    it(`type-checks the typed suite with skipLibCheck false: ${setup.name}`, () => {
      typeCheck(project, join(project.dir, 'node_modules/typescript/bin/tsc'), setup.tsconfig);
    }, 120_000);
  }
});
