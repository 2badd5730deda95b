/** `generate --count 1000000 --format ndjson` in a child process: rows/s and its peak RSS. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, type Results } from '../harness.js';

const ROWS = 1_000_000;

export async function run(results: Results): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'sbk-bench-'));
  try {
    const out = join(work, 'ledger.ndjson');
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/bin.ts'),
        'generate',
        '--count',
        String(ROWS),
        '--format',
        'ndjson',
        '--out',
        out,
      ],
      { cwd: ROOT, stdio: 'ignore' },
    );
    let peakKb = 0;
    // The kernel's high-water mark of the child's resident set, polled while it runs.
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // process gone
      }
    }, 25);
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    clearInterval(poll);
    const wallMs = performance.now() - t0;
    if (code !== 0) {
      console.log(`  generate exited with ${code}`);
      return;
    }
    results.streaming = {
      rowsPerSec: ROWS / (wallMs / 1000),
      peakRssMb: peakKb / 1024,
      wallMs,
      bytes: statSync(out).size,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function report(results: Results): string[] {
  const s = results.streaming;
  if (!s) return [];
  return [
    'streaming: generate --count 1000000 --format ndjson',
    `  ${Math.round(s.rowsPerSec).toLocaleString('en-US')} rows/s (${(s.wallMs / 1000).toFixed(1)} s wall incl. tsx start, ${(s.bytes / 1e6).toFixed(0)} MB written), peak RSS ${s.peakRssMb.toFixed(0)} MB`,
  ];
}
