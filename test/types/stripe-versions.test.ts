/**
 * The interop type test (stripe-interop.test-d.ts) against the oldest stripe-node major we claim.
 * `npm run typecheck` covers the pinned version; this installs the oldest one into a temp dir and
 * points `stripe` at it, so a change that only the newer SDK's types tolerate fails here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The oldest stripe-node major whose types the kit's types interoperate with (README claims it). */
const OLDEST_STRIPE = '19';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'sbk-stripe-old-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function typeEntry(packageDir: string): string {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    types?: string;
    typings?: string;
  };
  const entry = pkg.types ?? pkg.typings;
  if (!entry) throw new Error(`stripe@${OLDEST_STRIPE} declares no types entry`);
  return join(packageDir, entry);
}

describe(`stripe-node types, oldest supported (stripe@${OLDEST_STRIPE})`, () => {
  it('the interop type test compiles against them', { timeout: 300_000 }, () => {
    writeFileSync(join(work, 'package.json'), '{ "private": true }\n');
    execFileSync(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        `stripe@${OLDEST_STRIPE}`,
      ],
      { cwd: work, stdio: 'pipe' },
    );
    // A `paths` entry that doesn't resolve falls back to the repo's own stripe: map the file itself.
    const stripeTypes = typeEntry(join(work, 'node_modules', 'stripe'));
    const tsconfig = join(work, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: {
          noEmit: true,
          typeRoots: [join(root, 'node_modules', '@types')],
          baseUrl: root,
          paths: { stripe: [stripeTypes], 'stripe-balance-kit': ['./src/index.ts'] },
        },
        include: [],
        files: [join(root, 'test/types/stripe-interop.test-d.ts')],
      }),
    );
    let output = '';
    try {
      output = execFileSync(
        process.execPath,
        [join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig, '--listFiles'],
        { cwd: root, encoding: 'utf8' },
      );
    } catch (error) {
      const failed = error as { stdout?: string };
      expect.fail(`tsc against stripe@${OLDEST_STRIPE} failed:\n${failed.stdout ?? String(error)}`);
    }
    // The check is only worth something if it read the old declarations, not the pinned ones.
    expect(output).toContain(stripeTypes);
  });
});
