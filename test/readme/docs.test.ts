/**
 * Every code block of README.md and docs/*.md runs under test: TypeScript blocks under vitest
 * (importing the package by name), shell blocks command by command in a fresh directory, the CLI
 * reference word for word against `--help`, YAML and JSON parsed, and every package a page's code
 * imports named by an install line. Jest blocks and config files run in the newcomer test.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PAGE, PUBLISHED, render } from '../../bench/report.js';
import {
  type BlockResult,
  cliOutput,
  extractBlocks,
  ROOT,
  runShellBlocks,
  runTsBlocks,
} from './readme-blocks.js';

const FILES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;
const pages = FILES.map((file) => ({
  file,
  blocks: extractBlocks(readFileSync(join(ROOT, file), 'utf8'), file),
}));
const allBlocks = pages.flatMap((p) => p.blocks);

/** The README's set-up line (`npm install --save-dev stripe-balance-kit stripe vitest`): what every page may assume. */
const readmeBlocks = pages.find((p) => p.file === 'README.md')?.blocks ?? [];
const BASE_INSTALL = installedBy(
  readmeBlocks.filter((b) => b.lang === 'sh' && /npm install/.test(b.code)).slice(0, 1),
);

function installedBy(blocks: ReturnType<typeof extractBlocks>): string[] {
  return blocks
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => [...b.code.matchAll(/npm (?:install|i)\b([^\n&]*)/g)])
    .flatMap((m) => (m[1] ?? '').split(/\s+/).filter((w) => w !== '' && !w.startsWith('-')));
}

/** Bare package names a block imports (`stripe-balance-kit/vitest` counts as stripe-balance-kit). */
function importsOf(code: string): string[] {
  const names = [...code.matchAll(/(?:from|import|require\()\s*'([^'.][^']*)'/g)].map((m) => m[1] ?? '');
  return names
    .filter((n) => !n.startsWith('node:'))
    .map((n) => (n.startsWith('@') ? n.split('/').slice(0, 2).join('/') : (n.split('/')[0] ?? n)));
}

let tsResults: BlockResult[] = [];
let typeErrors: string[] = [];
beforeAll(() => {
  // One child vitest for every page's blocks: spawning one per page would cost a minute.
  const dir = join(ROOT, 'test/readme/.blocks/main');
  tsResults = runTsBlocks(allBlocks, dir);
  // The blocks as written (strict, with the repo's settings), the package resolved to the sources.
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../../../../tsconfig.json', include: ['./*.ts'] }),
  );
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      },
    );
  } catch (error) {
    typeErrors = String((error as { stdout?: string }).stdout ?? error)
      .split('\n')
      .filter((l) => l.includes('error TS'));
  }
}, 300_000);

describe.each(pages)('$file', ({ file, blocks }) => {
  it('has only blocks the tests run', () => {
    for (const block of blocks) {
      expect(['ts', 'sh', 'yaml', 'text', 'json', 'js'], `${file}:${block.line}`).toContain(block.lang);
      if (block.lang === 'text')
        expect(block.code, `${file}:${block.line}`).toMatch(/^Usage: stripe-balance-kit/);
      if (block.lang === 'json' || block.lang === 'js')
        expect(block.title, `${file}:${block.line} needs title=`).toBeDefined();
    }
  });

  it('every TypeScript block type-checks, as the reader’s editor would check it', () => {
    expect(typeErrors.filter((line) => line.includes(`${file.replace(/[^\w]+/g, '-')}-block-`))).toEqual([]);
  });

  it('every TypeScript block runs (test blocks pass, script blocks do not throw)', () => {
    for (const result of tsResults.filter((r) => r.block.file === file)) {
      expect(result.ok, `${file} block at line ${result.block.line}:\n${result.output}`).toBe(true);
    }
  });

  it('every shell block runs, or names a real npm script', { timeout: 180_000 }, async () => {
    for (const result of await runShellBlocks(blocks, scripts)) {
      expect(result.ok, `${file} block at line ${result.block.line}:\n${result.output}`).toBe(true);
    }
  });

  it('the CLI reference matches --help, word for word', () => {
    for (const block of blocks.filter((b) => b.lang === 'text')) {
      const command = /^Usage: stripe-balance-kit (\w+)?/.exec(block.code)?.[1];
      const args = command && command !== 'command' ? [command, '--help'] : ['--help'];
      expect(block.code.trimEnd()).toBe(cliOutput(args).trimEnd());
    }
  });

  it('YAML parses and uses only documented validate flags; JSON parses; JS compiles', () => {
    const help = cliOutput(['validate', '--help']);
    for (const block of blocks.filter((b) => b.lang === 'yaml')) {
      expect(() => parse(block.code)).not.toThrow();
      for (const [, reporter] of block.code.matchAll(/--reporter (\w+)/g))
        expect(help).toContain(`${reporter} `);
    }
    for (const block of blocks.filter((b) => b.lang === 'json'))
      expect(() => JSON.parse(block.code)).not.toThrow();
    for (const block of blocks.filter((b) => b.lang === 'js')) {
      expect(() =>
        execFileSync(process.execPath, ['--check', '--input-type=commonjs'], { input: block.code }),
      ).not.toThrow();
    }
  });

  it('an install line names every package its code imports', () => {
    const code = blocks.filter((b) => ['ts', 'js'].includes(b.lang));
    if (code.length === 0) return;
    const named = new Set([...installedBy(blocks), ...(file === 'README.md' ? [] : BASE_INSTALL)]);
    const missing = [...new Set(code.flatMap((b) => importsOf(b.code)))].filter((n) => !named.has(n));
    expect(missing, `${file} imports these without an install line naming them`).toEqual([]);
  });
});

it('no example depends on a file only this repository has', () => {
  for (const block of allBlocks.filter((b) => b.lang !== 'text')) {
    expect(block.code, `${block.file}:${block.line}`).not.toMatch(/test\/fixtures|\.\.\/src\/|src\/index/);
  }
});

it('a block broken on purpose is caught (the checks can fail)', { timeout: 300_000 }, async () => {
  const target = allBlocks.find((b) => b.lang === 'ts' && b.runner !== 'jest' && b.code.includes('expect('));
  expect(target, 'the docs need a ts block with an expect() to break').toBeDefined();
  const broken = {
    ...target!,
    code: target!.code.replace('expect(', 'expect(undefinedVariableThatBreaksTheBlock, '),
  };
  const [result] = runTsBlocks([broken], join(ROOT, 'test/readme/.blocks/broken'));
  expect(result?.ok).toBe(false);
  const shell = await runShellBlocks(
    [
      {
        index: 0,
        lang: 'sh',
        code: 'npm run no-such-script\n',
        line: 1,
        file: 'x.md',
        runner: undefined,
        title: undefined,
      },
    ],
    scripts,
  );
  expect(shell[0]?.ok).toBe(false);
});

it('docs/performance.md is what bench/report.ts renders from the published results', () => {
  const published = JSON.parse(readFileSync(PUBLISHED, 'utf8')) as Parameters<typeof render>[0];
  expect(readFileSync(PAGE, 'utf8'), 'run `npm run bench:report`').toBe(render(published));
});
