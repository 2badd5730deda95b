/**
 * A new user following the README top to bottom, for real: the package packed as npm would
 * publish it, a fresh `npm init -y` project per quick start, the README's own install line (with
 * the packed tarball in place of `stripe-balance-kit`, everything else as npm resolves it today),
 * the files the README says to save, and the command it says to run. The vitest and the jest
 * quick starts must both pass.
 *
 * vitest 5, which npm installs today, needs Node ^22.12: the projects run on Node 24 from the
 * npm registry's `node` package (cached under node_modules/.cache), whatever Node runs this suite.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packRepo, runIn } from '../consumer/matrix.js';
import { extractBlocks, ROOT } from './readme-blocks.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'sbk-newcomer-'));
const NODE_CACHE = join(ROOT, 'node_modules/.cache/sbk-node24');
let node = '';
let tarball = '';

/** The README section under `## heading`, up to the next `## `. */
function section(heading: string): string {
  const start = README.indexOf(`## ${heading}`);
  if (start === -1) throw new Error(`README has no section "${heading}"`);
  const end = README.indexOf('\n## ', start + 3);
  return README.slice(start, end === -1 ? undefined : end);
}

function run(command: string, args: string[], cwd: string, timeout = 300_000): string {
  return runIn(node, cwd, command, args, timeout);
}

beforeAll(() => {
  if (!existsSync(join(NODE_CACHE, 'node_modules/node/bin/node'))) {
    mkdirSync(NODE_CACHE, { recursive: true });
    execFileSync('npm', ['install', '--prefix', NODE_CACHE, '--no-audit', '--no-fund', 'node@24'], {
      stdio: 'pipe',
      timeout: 300_000,
    });
  }
  node = join(NODE_CACHE, 'node_modules/node/bin/node');
  tarball = packRepo(work);
}, 600_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Follows one quick start: install line, saved files, the command the prose names. */
function follow(heading: string): string {
  const text = section(heading);
  const blocks = extractBlocks(text, 'README.md');
  const project = join(work, heading.replace(/\W+/g, '-'));
  mkdirSync(project, { recursive: true });
  run('npm', ['init', '-y'], project);
  // The vitest quick start relies on the README's set-up line; the jest one brings its own.
  const install = [...blocks, ...extractBlocks(section('Set up'), 'README.md')]
    .filter((b) => b.lang === 'sh')
    .map((b) => /npm install ([^\n]+)/.exec(b.code)?.[1])
    .find((line) => line !== undefined);
  expect(install, `${heading}: no install line`).toBeDefined();
  const args = (install ?? '').split(/\s+/).map((word) => (word === 'stripe-balance-kit' ? tarball : word));
  run('npm', ['install', '--no-audit', '--no-fund', ...args], project, 600_000);
  for (const block of blocks.filter((b) => b.title !== undefined)) {
    writeFileSync(join(project, block.title ?? ''), block.code);
  }
  const command = /run `(npx [^`]+)`/.exec(text)?.[1];
  expect(command, `${heading}: the prose names no command to run`).toBeDefined();
  const [bin, ...rest] = (command ?? '').split(' ');
  return run(bin ?? 'npx', rest, project);
}

describe('a newcomer following the README', () => {
  it('reaches a passing vitest suite', { timeout: 900_000 }, () => {
    expect(follow('Quick start: mock the official client (vitest)')).toMatch(/1 passed/);
  });

  it('reaches a passing jest suite', { timeout: 900_000 }, () => {
    expect(follow('Quick start: the same with jest')).toBeDefined();
  });
});
