/**
 * Extracts the code blocks of a README and runs them: every `ts` block becomes a vitest file
 * (script blocks get a trivial test so their top-level code runs and must not throw), run in one
 * child vitest with the package name aliased to the sources; every `sh` block's commands are
 * run with `npx stripe-balance-kit` mapped to the local CLI, and `npm run X` checked to exist.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Block {
  index: number;
  lang: string;
  code: string;
  line: number;
}

export function extractBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^```(\w*)[^\n]*\n([\s\S]*?)^```\s*$/gm;
  let match = fence.exec(markdown);
  while (match !== null) {
    const line = markdown.slice(0, match.index).split('\n').length;
    blocks.push({ index: blocks.length, lang: match[1] ?? '', code: match[2] ?? '', line });
    match = fence.exec(markdown);
  }
  return blocks;
}

export interface BlockResult {
  block: Block;
  ok: boolean;
  output: string;
}

/** Runs every `ts` block under vitest in `workDir` (inside the repo so node_modules resolve). */
export function runTsBlocks(blocks: Block[], workDir: string): BlockResult[] {
  const ts = blocks.filter((b) => b.lang === 'ts' || b.lang === 'typescript');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const files = new Map<string, Block>();
  for (const block of ts) {
    const isTest = /\b(it|test)\s*\(/.test(block.code) && /from 'vitest'/.test(block.code);
    const name = `readme-block-${block.index}.test.ts`;
    const code = isTest
      ? block.code
      : `${block.code}\n\nimport { it as __readmeIt } from 'vitest';\n__readmeIt('README block at line ${block.line} runs', () => {});\n`;
    writeFileSync(join(workDir, name), code);
    files.set(name, block);
  }
  if (files.size === 0) return [];
  const report = join(workDir, 'report.json');
  spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      join(ROOT, 'test/readme/vitest.blocks.config.ts'),
      '--dir',
      workDir,
      '--reporter=json',
      `--outputFile=${report}`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, VITEST_JSON_REPORT: '' } },
  );
  let parsed: {
    testResults?: {
      name: string;
      status: string;
      message?: string;
      assertionResults?: { status: string; failureMessages?: string[] }[];
    }[];
  } = {};
  try {
    parsed = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    // No report: vitest itself failed; every block counts as failed below.
  }
  return [...files].map(([name, block]) => {
    const result = parsed.testResults?.find((r) => r.name.endsWith(name));
    const failures = (result?.assertionResults ?? []).flatMap((a) => a.failureMessages ?? []);
    const ok =
      result?.status === 'passed' && (result.assertionResults ?? []).every((a) => a.status === 'passed');
    return { block, ok, output: [result?.message ?? (result ? '' : 'not run'), ...failures].join('\n') };
  });
}

/** Runs the commands of every `sh` block that the repository can run offline. */
export function runShellBlocks(blocks: Block[], scripts: Record<string, string>): BlockResult[] {
  const results: BlockResult[] = [];
  for (const block of blocks.filter((b) => b.lang === 'sh' || b.lang === 'bash')) {
    const problems: string[] = [];
    for (const raw of block.code.split('\n')) {
      const line = raw.replace(/\s+#.*$/, '').trim();
      if (!line || line.startsWith('#')) continue;
      for (const command of line.split('&&').map((c) => c.trim())) {
        problems.push(...checkCommand(command, scripts));
      }
    }
    results.push({ block, ok: problems.length === 0, output: problems.join('\n') });
  }
  return results;
}

function checkCommand(command: string, scripts: Record<string, string>): string[] {
  const npmRun = /^npm (?:run(?:-script)? )?(\S+)/.exec(command);
  if (command.startsWith('npx stripe-balance-kit')) {
    const args = splitArgs(command.slice('npx stripe-balance-kit'.length));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
        timeout: 60_000,
      });
      return [];
    } catch (error) {
      const e = error as { status?: number; stderr?: string; stdout?: string };
      return [`\`${command}\` exited ${e.status}: ${e.stderr || e.stdout}`];
    }
  }
  if (/^npm (install|i|ci|pack)\b/.test(command)) return [];
  if (npmRun) {
    const name = npmRun[1] ?? '';
    const builtin = ['test', 'start'];
    if (!builtin.includes(name) && !(name in scripts))
      return [`\`${command}\`: package.json has no script '${name}'`];
    if (builtin.includes(name) && !(name in scripts))
      return [`\`${command}\`: package.json has no '${name}' script`];
    return [];
  }
  if (/^(bash \.ci\/run|git clone|cd )/.test(command)) return [];
  return [`\`${command}\`: the README test does not know how to run this command`];
}

function splitArgs(text: string): string[] {
  return [...text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Output of `stripe-balance-kit ARGS` from the sources. */
export function cliOutput(args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}
