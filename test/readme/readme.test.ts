import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliOutput, extractBlocks, ROOT, runShellBlocks, runTsBlocks } from './readme-blocks.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;
const blocks = extractBlocks(readme);

describe('README.md', () => {
  it('has code blocks, each in a language the test runs', () => {
    expect(blocks.length).toBeGreaterThan(3);
    for (const block of blocks) {
      expect(['ts', 'sh', 'yaml', 'text'], `block at line ${block.line}`).toContain(block.lang);
    }
  });

  it('every TypeScript block runs (test blocks pass, script blocks do not throw)', {
    timeout: 180_000,
  }, () => {
    const results = runTsBlocks(blocks, join(ROOT, 'test/readme/.blocks/main'));
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.ok, `README block at line ${result.block.line}:\n${result.output}`).toBe(true);
    }
  });

  it('every shell block runs or names a real npm script', { timeout: 120_000 }, () => {
    for (const result of runShellBlocks(blocks, scripts)) {
      expect(result.ok, `README block at line ${result.block.line}:\n${result.output}`).toBe(true);
    }
  });

  it('the CLI reference matches --help, word for word', () => {
    const reference = blocks.filter(
      (b) => b.lang === 'text' && b.code.startsWith('Usage: stripe-balance-kit'),
    );
    expect(reference.length).toBeGreaterThan(0);
    for (const block of reference) {
      const command = /^Usage: stripe-balance-kit (\w+)?/.exec(block.code)?.[1];
      const args = command && command !== 'command' ? [command, '--help'] : ['--help'];
      expect(block.code.trimEnd()).toBe(cliOutput(args).trimEnd());
    }
  });

  it('every YAML block parses and uses only documented validate flags', () => {
    const help = cliOutput(['validate', '--help']);
    for (const block of blocks.filter((b) => b.lang === 'yaml')) {
      expect(() => parse(block.code)).not.toThrow();
      for (const [, reporter] of block.code.matchAll(/--reporter (\w+)/g))
        expect(help).toContain(`${reporter} `);
    }
  });

  it('a block broken on purpose is caught (the check can fail)', { timeout: 180_000 }, () => {
    const target = blocks.find((b) => b.lang === 'ts' && b.code.includes('expect('));
    expect(target, 'README needs a ts block with an expect() to break').toBeDefined();
    const broken = {
      ...target!,
      code: target!.code.replace('expect(', 'expect(undefinedVariableThatBreaksTheBlock, '),
    };
    const [result] = runTsBlocks([broken], join(ROOT, 'test/readme/.blocks/broken'));
    expect(result?.ok).toBe(false);
    const [shell] = runShellBlocks(
      [{ index: 0, lang: 'sh', code: 'npm run no-such-script\n', line: 1 }],
      scripts,
    );
    expect(shell?.ok).toBe(false);
  });
});
