/**
 * Extracts the code blocks of the README and docs/ and runs them: every `ts` block becomes a
 * vitest file (script blocks get a trivial test so their top-level code runs and must not throw),
 * run in one child vitest with the package name aliased to the sources; every `sh` block's
 * commands run in a fresh directory with `npx stripe-balance-kit` mapped to the local CLI (a
 * trailing `&` starts it in the background until the block ends: `serve`), `curl` lines run as
 * written, and `npm run X` is checked to exist. Blocks for jest (```ts jest) and config files
 * (```json / ```js with a title) run in the newcomer test, in a real fresh project.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Block {
  index: number;
  lang: string;
  code: string;
  line: number;
  /** The file the block is in, relative to the repository (`README.md`, `docs/msw.md`). */
  file: string;
  /** `jest` when the fence says so (```ts jest): the block runs under jest, in the newcomer test. */
  runner: 'jest' | undefined;
  /** `title=name` on the fence: the file a reader saves the block as. */
  title: string | undefined;
}

export function extractBlocks(markdown: string, file = 'README.md'): Block[] {
  const blocks: Block[] = [];
  const fence = /^```(\w*)([^\n]*)\n([\s\S]*?)^```\s*$/gm;
  let match = fence.exec(markdown);
  while (match !== null) {
    const line = markdown.slice(0, match.index).split('\n').length;
    const info = match[2] ?? '';
    blocks.push({
      index: blocks.length,
      lang: match[1] ?? '',
      code: match[3] ?? '',
      line,
      file,
      runner: /(^|\s)jest(\s|$)/.test(info) ? 'jest' : undefined,
      title: /title=(\S+)/.exec(info)?.[1],
    });
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
  const ts = blocks.filter((b) => (b.lang === 'ts' || b.lang === 'typescript') && b.runner !== 'jest');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const files = new Map<string, Block>();
  for (const block of ts) {
    const isTest = /\b(it|test)\s*\(/.test(block.code) && /from 'vitest'/.test(block.code);
    const name = `${block.file.replace(/[^\w]+/g, '-')}-block-${block.index}.test.ts`;
    const code = isTest
      ? block.code
      : `${block.code}\n\nimport { it as __readmeIt } from 'vitest';\n__readmeIt('${block.file} block at line ${block.line} runs', () => {});\n`;
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
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, VITEST_JSON_REPORT: '' } },
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

/** Runs the commands of every `sh` block, each block in a fresh directory. */
export async function runShellBlocks(
  blocks: Block[],
  scripts: Record<string, string>,
): Promise<BlockResult[]> {
  const results: BlockResult[] = [];
  for (const block of blocks.filter((b) => b.lang === 'sh' || b.lang === 'bash')) {
    const cwd = mkdtempSync(join(tmpdir(), 'sbk-docs-'));
    const background: ChildProcess[] = [];
    const problems: string[] = [];
    try {
      for (const raw of block.code.split('\n')) {
        const line = raw.replace(/\s+#.*$/, '').trim();
        if (!line || line.startsWith('#')) continue;
        for (const command of line.split('&&').map((c) => c.trim())) {
          problems.push(...(await checkCommand(command, scripts, cwd, background)));
        }
      }
    } finally {
      for (const child of background) child.kill('SIGTERM');
      rmSync(cwd, { recursive: true, force: true });
    }
    results.push({ block, ok: problems.length === 0, output: problems.join('\n') });
  }
  return results;
}

// tsx by URL: the blocks run in a fresh directory, where a bare `tsx` would not resolve.
const CLI = ['--import', import.meta.resolve('tsx'), join(ROOT, 'src/cli/bin.ts')];

/** Starts `args` in the background and resolves once it prints `listening on`. */
function startInBackground(args: string[], cwd: string, background: ChildProcess[]): Promise<string[]> {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  background.push(child);
  return new Promise((resolve) => {
    let output = '';
    const timer = setTimeout(
      () => resolve([`\`${args.join(' ')}\` did not start listening: ${output}`]),
      30_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve([]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(output.includes('listening on') ? [] : [`\`${args.join(' ')}\` exited ${code}: ${output}`]);
    });
  });
}

async function checkCommand(
  command: string,
  scripts: Record<string, string>,
  cwd: string,
  background: ChildProcess[],
): Promise<string[]> {
  const npmRun = /^npm (?:run(?:-script)? )?(\S+)/.exec(command);
  if (command.startsWith('npx stripe-balance-kit')) {
    const inBackground = command.endsWith('&');
    const args = splitArgs(command.slice('npx stripe-balance-kit'.length).replace(/&$/, ''));
    if (inBackground) return startInBackground(args, cwd, background);
    try {
      execFileSync(process.execPath, [...CLI, ...args], {
        cwd,
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
  if (command.startsWith('curl ')) {
    try {
      execFileSync('sh', ['-c', command], { cwd, encoding: 'utf8', stdio: 'pipe', timeout: 30_000 });
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
  return [`\`${command}\`: the docs test does not know how to run this command`];
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
