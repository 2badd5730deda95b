/**
 * Side-by-side benchmarks against the tools users would pick instead (issue 9), measured in one
 * process run with tinybench. Prints ops/s and the ratios the issues target, and writes the same
 * as JSON outside the tracked files (bench/results/local/, ignored by git; `--out` to choose).
 *
 *   npm run bench                      every suite (about 100 s; nothing leaves loopback)
 *   npm run bench -- validators paging some suites, in the order given
 *   npm run bench -- validators --out /tmp/run.json
 *
 * Suites are loaded only when selected, so `validators` alone loads neither nock nor the mock.
 */
import { join } from 'node:path';
import { consumed, machine, printRows, RESULTS_DIR, Results, writeResults } from './harness.js';
import { printRatios, ratios } from './targets.js';

interface Suite {
  run(results: Results): Promise<void>;
  /** Lines printed after the ops/s table, for figures that are not ops/s. */
  report?(results: Results): string[];
}

const SUITES: Readonly<Record<string, { title: string; load: () => Promise<Suite> }>> = {
  validators: { title: 'validate', load: () => import('./suites/validators.js') },
  generators: { title: 'generate', load: () => import('./suites/generators.js') },
  'mock-transports': { title: 'mock round trip', load: () => import('./suites/mock-transports.js') },
  paging: { title: 'paging', load: () => import('./suites/paging.js') },
  streaming: { title: 'streaming 1M rows', load: () => import('./suites/streaming.js') },
  'cold-start': { title: 'cold start', load: () => import('./suites/cold-start.js') },
};

const USAGE = `usage: npm run bench [-- [suite...] [--out file.json]]
suites: ${Object.keys(SUITES).join(', ')} (default: all, in this order)`;

function parseArgs(argv: readonly string[]): { suites: string[]; out: string | undefined } {
  const suites: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--out') {
      out = argv[++i];
      if (!out) usageError('--out needs a file');
    } else if (Object.hasOwn(SUITES, arg)) {
      if (!suites.includes(arg)) suites.push(arg);
    } else usageError(`unknown suite or option: ${arg}`);
  }
  return { suites: suites.length > 0 ? suites : Object.keys(SUITES), out };
}

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const started = performance.now();
const { suites, out } = parseArgs(process.argv.slice(2));
const results = new Results();
const ran = new Set<string>();
const failed: string[] = [];
const reports: string[] = [];
for (const [i, name] of suites.entries()) {
  const entry = SUITES[name];
  if (!entry) continue;
  console.log(`${String.fromCharCode(97 + i)}. ${entry.title}…`);
  try {
    const suite = await entry.load();
    await suite.run(results);
    reports.push(...(suite.report?.(results) ?? []));
    ran.add(name);
  } catch (error) {
    // One broken suite (a dependency mid-refactor, say) must not cost the others' figures.
    console.log(
      `  suite ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    failed.push(name);
  }
}

console.log(`\nstripe-balance-kit benchmarks — ${machine()}\n`);
printRows(results.rows);
for (const line of reports) console.log(line);
const list = ratios(results, ran);
printRatios(list);
const totalS = (performance.now() - started) / 1000;
console.log(
  `\ntotal ${totalS.toFixed(0)} s${results.rows.length > 0 && consumed() === 0 ? ' (nothing consumed?)' : ''}`,
);
if (failed.length > 0) console.log(`failed suites: ${failed.join(', ')}`);

const all = suites.length === Object.keys(SUITES).length;
const file = out ?? join(RESULTS_DIR, all ? 'latest.json' : `latest-${suites.join('+')}.json`);
const written = writeResults(file, {
  suites,
  totalSeconds: Math.round(totalS),
  results: results.rows,
  streaming: results.streaming,
  coldStart: results.coldStart,
  overheads: Object.fromEntries(results.overheads),
  ratios: list,
});
console.log(`wrote ${written}`);
if (failed.length > 0) process.exitCode = 1;
