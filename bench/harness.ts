/**
 * The measuring kit every suite shares: tinybench wrappers, interleaved rounds with paired
 * ratios, paired back-to-back overheads, the results of a run, and writing them out. Nothing
 * here knows what is measured.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Results land here unless `--out` says otherwise: ignored by git, so a run changes no tracked file. */
export const RESULTS_DIR = join(ROOT, 'bench/results/local');

let sink = 0;
/** Keeps a result alive so the engine cannot drop the work that produced it. */
export const consume = (v: unknown): void => {
  if (v) sink++;
};
/** How many truthy results were consumed (0 means nothing ran, or everything failed). */
export const consumed = (): number => sink;

export interface Row {
  section: string;
  name: string;
  opsPerSec: number;
  note?: string;
}

export interface StreamingResult {
  rowsPerSec: number;
  peakRssMb: number;
  wallMs: number;
  bytes: number;
}

export interface ColdStartResult {
  oursMs: number;
  contractMs: number;
  ajvMs: number;
  bareNodeMs: number;
  caBundleMs?: number;
}

/** Everything one run measured; suites add to it, the targets read it. */
export class Results {
  readonly rows: Row[] = [];
  /** Each compared candidate's ops/s round by round (index = round), for paired ratios. */
  private readonly rounds = new Map<string, number[]>();
  /** Paired overheads (b's time / a's time − 1), by name. */
  readonly overheads = new Map<string, number>();
  streaming: StreamingResult | undefined;
  coldStart: ColdStartResult | undefined;

  /** The ops/s recorded for `name` in `section`, or NaN. */
  ops(section: string, name: string): number {
    return this.rows.find((r) => r.section === section && r.name === name)?.opsPerSec ?? Number.NaN;
  }

  /**
   * ops(a) / ops(b) in one section: the median of the per-round ratios when both were compared in
   * rounds (each pair measured seconds apart, so drift cancels), else the ratio of the figures.
   */
  ratio(section: string, a: string, b: string): number {
    const as = this.rounds.get(`${section}\u0000${a}`);
    const bs = this.rounds.get(`${section}\u0000${b}`);
    if (!as || !bs || as.length !== bs.length || as.length === 0)
      return this.ops(section, a) / this.ops(section, b);
    return median(as.map((x, i) => x / (bs[i] as number)));
  }

  recordRounds(section: string, name: string, samples: number[]): void {
    this.rounds.set(`${section}\u0000${name}`, samples);
  }
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Calls/s of fn under tinybench, or NaN (with the reason printed) when it threw. */
export async function timeOnly(
  fn: () => unknown,
  { time = 500, warmupTime = Math.min(200, time / 2) }: { time?: number; warmupTime?: number } = {},
): Promise<number> {
  const bench = new Bench({ time, warmupTime });
  bench.add('task', fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result && 'period' in result) return 1000 / result.period;
  console.log(`  failed: ${result && 'error' in result ? String(result.error) : 'no result'}`);
  return Number.NaN;
}

/** Runs fn (which performs `batch` operations per call) under tinybench; records operations/s. */
export async function measure(
  results: Results,
  section: string,
  name: string,
  fn: () => unknown,
  { batch = 1, time = 500, note }: { batch?: number; time?: number; note?: string } = {},
): Promise<number> {
  const ops = batch * (await timeOnly(fn, { time }));
  results.rows.push({ section, name, opsPerSec: ops, ...(note ? { note } : {}) });
  return ops;
}

/** One contender in a side-by-side comparison. */
export interface Candidate {
  name: string;
  /** Operations per call of the timed function. */
  batch?: number;
  note?: string;
  /** Sets up and returns the function to time; called once per round. */
  open(): Promise<() => unknown> | (() => unknown);
  close?(): Promise<void> | void;
}

/**
 * Times every candidate once per round, rounds interleaved, and records each one's median. On a
 * shared 2-core machine throughput drifts by 10–40% within a minute, and the first thing timed in
 * a fresh process runs up to 2× slower than it does later (its code is still being compiled), so
 * timing contenders one after the other would rank them partly by their position in the list.
 */
export async function compareInRounds(
  results: Results,
  section: string,
  candidates: Candidate[],
  { rounds, time, warmupTime }: { rounds: number; time: number; warmupTime: number },
): Promise<void> {
  const samples = new Map<string, number[]>(candidates.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const c of candidates) {
      const fn = await c.open();
      const ops = (c.batch ?? 1) * (await timeOnly(fn, { time, warmupTime }));
      await c.close?.();
      samples.get(c.name)?.push(ops);
    }
  }
  for (const c of candidates) {
    const all = samples.get(c.name) ?? [];
    results.recordRounds(section, c.name, all);
    const mid = median(all);
    const spread =
      all.length > 1 ? ` ±${(((Math.max(...all) - Math.min(...all)) / 2 / mid) * 100).toFixed(0)}%` : '';
    results.rows.push({
      section,
      name: c.name,
      opsPerSec: mid,
      note: `median of ${rounds}${spread}${c.note ? `; ${c.note}` : ''}`,
    });
  }
}

/**
 * How much slower `b` is than `a` (b's time / a's time − 1), from 60 back-to-back pairs of 20 ms
 * windows: the two sides of each pair run within 40 ms of each other, so drift that swamps a 10%
 * difference across separate 200 ms measurements cancels out. The median pair counts.
 */
export function pairedOverhead(a: () => unknown, b: () => unknown): number {
  const rate = (f: () => unknown) => {
    let n = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < 20) {
      for (let i = 0; i < 500; i++) consume(f());
      n += 500;
      elapsed = performance.now() - t0;
    }
    return n / elapsed;
  };
  for (let i = 0; i < 10; i++) {
    rate(a);
    rate(b);
  }
  const ratios: number[] = [];
  for (let i = 0; i < 60; i++) ratios.push(rate(a) / rate(b));
  return median(ratios) - 1;
}

export const machine = (): string =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${process.platform}`;

const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');

/** The table of ops/s, one block per section, in the order measured. */
export function printRows(rows: readonly Row[]): void {
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      console.log(section);
    }
    console.log(
      `  ${r.name.padEnd(48)} ${fmt(r.opsPerSec).padStart(14)} ops/s${r.note ? `  (${r.note})` : ''}`,
    );
  }
}

/** Writes the run as JSON to `file` (created with its directory) and returns the path. */
export function writeResults(file: string, document: Record<string, unknown>): string {
  mkdirSync(dirname(file), { recursive: true });
  const commit =
    spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ||
    undefined;
  writeFileSync(
    file,
    `${JSON.stringify({ commit, date: new Date().toISOString(), machine: machine(), ...document }, null, 2)}\n`,
  );
  return file;
}
