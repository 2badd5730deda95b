/**
 * Soak test of a long-lived `serve`: 200,000 requests against `startStripeServer()` (in a child
 * process), a steady mix of the traffic a test suite sends — idempotent updates with fresh keys,
 * list pages, retrieves, and refused requests — while the server's RSS is sampled from
 * /proc/<pid>/status. Before idempotency keys expired and the request log was a ring, the server
 * grew ~2 KB per POST; now its peak RSS must stay flat after warm-up.
 *
 * Creates are left out on purpose: each one adds a transaction to the ledger, which the mock must
 * keep (Stripe never forgets them), so they grow memory by design, not by leak.
 *
 * Run: npm run soak [-- --requests 200000]. Exits 1 when RSS is not flat. Prints a table.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const TOTAL = arg('requests', 200_000);
const CONCURRENCY = arg('concurrency', 16);
const WINDOW = TOTAL / 10;
/** Windows before this one are warm-up (JIT, pools, the first 24 h of idempotency keys). */
const WARM_UP_WINDOWS = 3;
/** How much the later windows' peak may exceed the first steady window's. */
const TOLERANCE = 0.1;
const CUSTOMER = 'cus_Soak0000000001';
const KEY = 'sk_test_51SoakKeyForStripeBalanceKit';

const here = dirname(fileURLToPath(import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'soak-server.ts'), CUSTOMER], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const port = await new Promise<number>((resolve, reject) => {
  child.once('error', reject);
  child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
});

function status(field: 'VmRSS' | 'VmHWM'): number {
  const text = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  return kb / 1024;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function send(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          authorization: `Bearer ${KEY}`,
          ...(body === undefined
            ? {}
            : {
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(body),
              }),
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// The ledger's ids, for retrieves, updates and cursors.
const listed = await new Promise<string[]>((resolve, reject) => {
  http
    .get(
      {
        host: '127.0.0.1',
        port,
        path: `/v1/customers/${CUSTOMER}/balance_transactions?limit=100`,
        agent,
        headers: { authorization: `Bearer ${KEY}` },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve((JSON.parse(text) as { data: { id: string }[] }).data.map((t) => t.id)));
      },
    )
    .on('error', reject);
});
const base = `/v1/customers/${CUSTOMER}/balance_transactions`;

/** Request `i` of the mix. Every POST carries a fresh idempotency key, as the official client does. */
function request(i: number): Promise<number> {
  const id = listed[i % listed.length] as string;
  const key = { 'idempotency-key': `soak-${i}` };
  switch (i % 20) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 6:
    case 7:
      return send('POST', `${base}/${id}`, `description=soak+${i}&metadata[run]=${i % 7}`, key);
    case 8:
    case 9:
    case 10:
    case 11:
    case 12:
      return send('GET', `${base}?limit=10&starting_after=${listed[i % 40]}`);
    case 13:
    case 14:
    case 15:
      return send('GET', `${base}/${id}?expand[]=customer`);
    case 16:
      return send('POST', base, `amount=abc&currency=usd`, key);
    case 17:
      return send('GET', `/v1/customers/cus_missing${i}/balance_transactions`);
    case 18:
      return send('DELETE', `${base}/${id}`);
    default:
      return send('POST', `${base}/cbtxn_missing${i}`, 'description=x', key);
  }
}

interface Window {
  upTo: number;
  peakRss: number;
  seconds: number;
}
const windows: Window[] = [];
let windowPeak = 0;
const sampler = setInterval(() => {
  windowPeak = Math.max(windowPeak, status('VmRSS'));
}, 100);

const started = performance.now();
let next = 0;
let done = 0;
let windowStart = performance.now();
const statuses = new Map<number, number>();
async function worker(): Promise<void> {
  while (next < TOTAL) {
    const i = next++;
    const code = await request(i);
    statuses.set(code, (statuses.get(code) ?? 0) + 1);
    done++;
    if (done % WINDOW === 0) {
      windowPeak = Math.max(windowPeak, status('VmRSS'));
      windows.push({ upTo: done, peakRss: windowPeak, seconds: (performance.now() - windowStart) / 1000 });
      windowPeak = 0;
      windowStart = performance.now();
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
clearInterval(sampler);
const lifetimePeak = status('VmHWM');
child.kill('SIGTERM');
agent.destroy();

const seconds = (performance.now() - started) / 1000;
console.log(
  `soak: ${TOTAL} requests in ${seconds.toFixed(1)} s (${Math.round(TOTAL / seconds)} req/s), ${CONCURRENCY} connections`,
);
console.log(
  `statuses: ${[...statuses]
    .sort()
    .map(([s, n]) => `${s}×${n}`)
    .join(', ')}`,
);
console.log('requests   peak RSS (MB)   window (s)');
for (const w of windows) {
  console.log(
    `${String(w.upTo).padStart(8)}   ${w.peakRss.toFixed(1).padStart(13)}   ${w.seconds.toFixed(1).padStart(10)}`,
  );
}
// After warm-up, the later windows' peak against the earlier windows' peak: a leak of even 200
// bytes a request adds ~10 MB between the two; noise from GC timing stays well under 10%.
const steady = windows.slice(WARM_UP_WINDOWS);
const half = Math.floor(steady.length / 2);
const early = Math.max(...steady.slice(0, half).map((w) => w.peakRss));
const late = Math.max(...steady.slice(half).map((w) => w.peakRss));
const growth = early === 0 ? 0 : late / early - 1;
console.log(
  `after warm-up (${WARM_UP_WINDOWS * WINDOW} requests): peak RSS ${early.toFixed(1)} MB (up to ${(WARM_UP_WINDOWS + half) * WINDOW}) → ${late.toFixed(1)} MB (to ${TOTAL}): ${(growth * 100).toFixed(1)}%, limit ${TOLERANCE * 100}%; lifetime peak (VmHWM) ${lifetimePeak.toFixed(1)} MB`,
);
if (growth > TOLERANCE) {
  console.error('soak: FAILED — the server keeps growing after warm-up');
  process.exit(1);
}
console.log('soak: flat');
