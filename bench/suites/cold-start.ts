/**
 * Cold start: fresh `node` processes that import the built package (main entry, then
 * `/contract`) and validate one transaction, against AJV compiling the schema at run time and
 * against node doing nothing. Median of 9, interleaved.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemas } from '../../src/contract/index.js';
import { median, ROOT, type Results } from '../harness.js';
import { validationInputs } from '../inputs.js';

export async function run(results: Results): Promise<void> {
  const distEntry = join(ROOT, 'dist/esm/index.js');
  // The built package is what users import; rebuild it when the sources are newer.
  if (!existsSync(distEntry) || newestSource(join(ROOT, 'src')) > statSync(distEntry).mtimeMs) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
      console.log('  npm run build failed: cold start not measured');
      return;
    }
  }
  const work = mkdtempSync(join(tmpdir(), 'sbk-bench-'));
  try {
    const objFile = join(work, 'one.json');
    const schemaFile = join(work, 'schema.json');
    writeFileSync(objFile, JSON.stringify(validationInputs().one));
    writeFileSync(schemaFile, JSON.stringify(schemas.customer_balance_transaction));
    const ours = `import { readFileSync } from 'node:fs'; import { validate } from ${JSON.stringify(distEntry)};
if (!validate('customer_balance_transaction', JSON.parse(readFileSync(${JSON.stringify(objFile)}, 'utf8'))).valid) process.exit(1);`;
    // The same through `stripe-balance-kit/contract`, the entry without nock and Faker.
    const contract = ours.replace(
      JSON.stringify(distEntry),
      JSON.stringify(join(ROOT, 'dist/esm/contract/index.js')),
    );
    const runtime = `import { readFileSync } from 'node:fs'; import { Ajv } from 'ajv';
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
ajv.addFormat('unix-time', { type: 'number', validate: (n) => Number.isSafeInteger(n) && n >= 0 });
const v = ajv.compile(JSON.parse(readFileSync(${JSON.stringify(schemaFile)}, 'utf8')));
if (!v(JSON.parse(readFileSync(${JSON.stringify(objFile)}, 'utf8')))) process.exit(1);`;
    // NODE_EXTRA_CA_CERTS makes every node process parse a CA bundle before running any code
    // (+60 ms on the machine these figures come from); it says nothing about the code under test,
    // so the children run without it and its cost is reported on its own line.
    const { NODE_EXTRA_CA_CERTS: caBundle, ...cleanEnv } = process.env;
    const runs = {
      bare: [] as number[],
      ours: [] as number[],
      contract: [] as number[],
      ajv: [] as number[],
      withCa: [] as number[],
    };
    const scripts = { bare: '', ours, contract, ajv: runtime, withCa: '' };
    // Interleaved, so drift on a shared machine hits every variant alike; the median counts.
    for (let i = 0; i < 9; i++) {
      for (const key of Object.keys(runs) as (keyof typeof runs)[]) {
        if (key === 'withCa' && !caBundle) continue;
        const t0 = performance.now();
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', scripts[key]], {
          cwd: ROOT,
          env: key === 'withCa' ? process.env : cleanEnv,
        });
        runs[key].push(performance.now() - t0);
        if (r.status !== 0) throw new Error(`cold start script (${key}) failed: ${r.stderr}`);
      }
    }
    const bareNodeMs = median(runs.bare);
    results.coldStart = {
      oursMs: median(runs.ours),
      contractMs: median(runs.contract),
      ajvMs: median(runs.ajv),
      bareNodeMs,
      ...(caBundle ? { caBundleMs: median(runs.withCa) - bareNodeMs } : {}),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The newest modification time of any file under dir. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

export function report(results: Results): string[] {
  const cold = results.coldStart;
  if (!cold) return [];
  return [
    'cold start (fresh node process, wall, median of 9, interleaved)',
    `  ours: import the package + validate() one    ${cold.oursMs.toFixed(0)} ms`,
    `  ours: the same from stripe-balance-kit/contract ${cold.contractMs.toFixed(0)} ms`,
    `  ajv: compile the schema at run time + validate ${cold.ajvMs.toFixed(0)} ms`,
    `  node doing nothing                            ${cold.bareNodeMs.toFixed(0)} ms`,
    ...(cold.caBundleMs === undefined
      ? []
      : [
          `  (NODE_EXTRA_CA_CERTS is set here: +${cold.caBundleMs.toFixed(0)} ms per process; left out above)`,
        ]),
  ];
}
