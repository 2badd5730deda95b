/**
 * `stripe-balance-kit validate`, run in-process through `runCli` for each input type and
 * reporter: exit codes 0 / 1 / 2, line numbers, paths, skipped HAR entries, and output formats
 * CI systems parse (JUnit XML, GitHub workflow commands).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ROUTES } from '../../src/stripe/routes.js';
import { captureIo } from '../support/capture-io.js';
import { repoRoot } from '../contract/support/fixtures.js';
import { xmlProblems } from '../support/xml-well-formed.js';

const F = 'test/fixtures/contract';
const HAR = 'test/fixtures/har';

async function cli(...argv: string[]) {
  const io = captureIo(repoRoot);
  const code = await runCli(['validate', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

let tmp = '';
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sbk-validate-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** No JavaScript stack frames in anything the CLI prints. */
function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('inputs and exit codes (pretty reporter)', () => {
  test('a single JSON object: exit 0 and a summary line', async () => {
    const run = await cli(`${F}/valid/seed-object.json`);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`PASS ${F}/valid/seed-object.json`);
    expect(run.out).toContain('1 record checked in 1 file: 1 passed, 0 failed, 0 skipped, 0 warnings');
  });

  test('a directory is searched recursively, kinds detected from object / error', async () => {
    const run = await cli(`${F}/valid`);
    expect(run.code).toBe(0);
    expect(run.out).toContain('12 records checked in 7 files: 12 passed, 0 failed, 0 skipped, 0 warnings');
    expect(run.out).toContain(`PASS ${F}/valid/ledger.ndjson (6 checked, 6 passed, 0 failed)`);
  });

  test('a glob', async () => {
    const run = await cli(`${F}/valid/seed-*.json`);
    expect(run.code).toBe(0);
    expect(run.out).toContain('3 records checked in 3 files');
  });

  test('NDJSON: each failing line with its number and paths; exit 1', async () => {
    const run = await cli(`${F}/invalid/mixed.ndjson`);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`FAIL ${F}/invalid/mixed.ndjson (4 checked, 2 passed, 2 failed)`);
    expect(run.out).toContain('✗ line 2 (customer_balance_transaction)');
    expect(run.out).toContain('/amount [wrong_type] expected integer; received string "400"');
    expect(run.out).toContain('✗ line 4 (customer_balance_transaction)');
    expect(run.out).toContain('/future_field [unknown_property]');
    expect(run.out).toContain('4 records checked in 1 file: 2 passed, 2 failed, 0 skipped, 0 warnings');
  });

  test('--mode tolerant turns the unknown field into a warning (line 2 still fails)', async () => {
    const run = await cli('--mode', 'tolerant', `${F}/invalid/mixed.ndjson`);
    expect(run.code).toBe(1);
    expect(run.out).toContain('! line 4 (customer_balance_transaction)');
    expect(run.out).toContain('4 records checked in 1 file: 3 passed, 1 failed, 0 skipped, 1 warning');
  });

  test('--kind forces the kind of every record', async () => {
    const run = await cli('--kind', 'create_params', `${F}/valid/seed-object.json`);
    expect(run.code).toBe(1);
    expect(run.out).toContain('document (create_params)');
    expect(run.out).toContain('/id [unknown_property]');
  });

  test('an undetectable kind fails with a hint to pass --kind', async () => {
    const run = await cli(`${F}/invalid/unknown-shape.json`);
    expect(run.code).toBe(1);
    expect(run.out).toContain('[unknown_kind]');
    expect(run.out).toContain('pass --kind');
  });

  test('--no-semantic checks the schema only', async () => {
    const list = path.join(tmp, 'wrong-url.json');
    const page = JSON.parse(await readFile(path.join(repoRoot, F, 'valid/seed-list.json'), 'utf8'));
    await writeFile(list, JSON.stringify({ ...page, url: '/v1/customers/cus_Other/balance_transactions' }));
    expect((await cli(list)).code).toBe(1);
    expect((await cli(list)).out).toContain('/url [list_url_mismatch]');
    expect((await cli('--no-semantic', list)).code).toBe(0);
  });
});

describe('HAR recordings', () => {
  test('valid entries pass; the unrelated endpoint is skipped and counted', async () => {
    const run = await cli(`${HAR}/valid.har`);
    expect(run.code).toBe(0);
    // create: request + response, list: query + response, retrieve: response (base64 body),
    // update: request + response, 404: error envelope; /v1/charges: skipped.
    expect(run.out).toContain('8 records checked in 1 file: 8 passed, 0 failed, 1 skipped, 0 warnings');
    expect(run.out).toContain(
      'skipped 1: entries[4] GET /v1/charges (not a Customer Balance Transactions endpoint)',
    );
  });

  test('invalid entries: request params and responses each report their paths', async () => {
    const run = await cli(`${HAR}/invalid.har`);
    expect(run.code).toBe(1);
    const out = run.out;
    const create = '/v1/customers/cus_PZ3kR8fQ2mN7aB/balance_transactions';
    expect(out).toContain(`entries[0] POST ${create} request (create_params)`);
    // Requests are read as Stripe reads them: each is refused at its first bad parameter, at that
    // parameter's path, with Stripe's own message.
    const refused = (param: string, message: string) =>
      `[stripe_refused] Stripe refuses this request (400 invalid_request_error${param}): ${message}`;
    expect(out).toContain(`/amount ${refused(', param amount', 'Invalid integer: abc')}`);
    expect(out).toContain(
      `/limit ${refused(', param limit', 'This value must be less than or equal to 100.')}`,
    );
    expect(out).toContain(`/amount ${refused(', param amount', 'Received unknown parameter: amount')}`);
    expect(out).toContain(`/foo ${refused(', param foo', 'Received unknown parameter: foo')}`);
    expect(out).toContain(`/currency ${refused(', param currency', 'Invalid currency: xyz.')}`);
    expect(out).toContain(
      `(root) ${refused('', 'Received both starting_after and ending_before parameters. Please pass in only one.')}`,
    );
    expect(out).toContain('/ending_balance [missing_property]');
    expect(out).toContain('/id [id_prefix]');
    expect(out).toContain('/data/1/created [list_order]');
    expect(out).toContain('response (404) (error)');
    expect(out).toContain('/error/type [missing_property]');
    expect(out).toContain('request (update_params)');
    expect(out).toContain(
      '/invoice [wrong_type] expected string id, expanded invoice object, or null; received number 5',
    );
    // The three refused requests recorded Stripe's 400 answer, which passes as an error envelope.
    expect(out).not.toContain(`entries[5] POST ${create} response`);
    // entries[4] retrieves the customer: a route of the table now, checked (and passing), not skipped.
    expect(out).not.toContain('entries[4]');
    expect(out).toContain('14 records checked in 1 file: 4 passed, 10 failed, 0 skipped, 0 warnings');
  });

  test('a .json file holding a HAR is read as HAR', async () => {
    const run = await cli(`${HAR}/recorded-as.json`);
    expect(run.code).toBe(0);
    expect(run.out).toContain('1 record checked in 1 file: 1 passed');
  });
});

describe('usage errors and unreadable input exit 2 with a clear message, never a stack', () => {
  test.each([
    [
      ['--bogus', `${F}/valid/seed-object.json`],
      /^stripe-balance-kit validate: unknown option '--bogus'\. Run 'stripe-balance-kit validate --help'\.\n$/,
    ],
    [
      ['--reporter', 'xml', `${F}/valid/seed-object.json`],
      /--reporter must be one of pretty, json, junit, github; got 'xml'/,
    ],
    [['--mode', 'lenient', `${F}/valid/seed-object.json`], /--mode must be strict or tolerant/],
    [
      ['--kind', 'charge', `${F}/valid/seed-object.json`],
      /--kind must be one of customer_balance_transaction/,
    ],
    [[], /no input files/],
  ])('%j', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expectNoStack(run.err);
  });

  test.each([
    [`${F}/does-not-exist.json`, /no such file or directory/],
    [`${F}/unreadable/not-json.json`, /not valid JSON/],
    [`${F}/unreadable/broken-line.ndjson`, /line 2: unreadable: line 2 is not valid JSON/],
    [`${HAR}/not-a-har.har`, /not a HAR file: no log.entries array/],
    [`${F}/nothing-*.json`, /no files match the pattern/],
  ])('%s', async (file, message) => {
    const run = await cli(file);
    expect(run.code).toBe(2);
    expect(run.out).toMatch(message);
    expect(run.out).toMatch(/\d+ unreadable\n$/);
    expectNoStack(run.out + run.err);
  });

  test('unreadable input wins over contract violations, and other files are still checked', async () => {
    const run = await cli(
      `${F}/invalid/mixed.ndjson`,
      `${F}/unreadable/not-json.json`,
      `${F}/valid/seed-list.json`,
    );
    expect(run.code).toBe(2);
    expect(run.out).toContain(`PASS ${F}/valid/seed-list.json`);
    expect(run.out).toContain(
      '5 records checked in 3 files: 3 passed, 2 failed, 0 skipped, 0 warnings, 1 unreadable',
    );
  });

  test('--help documents every flag, format, reporter and exit code', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    for (const word of [
      '--kind',
      '--mode',
      '--reporter',
      '--no-semantic',
      'NDJSON',
      '.har',
      'junit',
      'github',
      'GITHUB_STEP_SUMMARY',
      'Exit codes',
    ]) {
      expect(run.out).toContain(word);
    }
  });

  test('--help lists the routes HAR entries are matched to, from the route table itself', async () => {
    const run = await cli('--help');
    const listed = run.out.split('\n').filter((line) => /^\s+(GET|POST|DELETE) +\/v1\//.test(line));
    expect(listed).toHaveLength(ROUTES.length);
    for (const route of ROUTES) {
      expect(listed).toContainEqual(
        expect.stringMatching(
          new RegExp(`^\\s+${route.method} +${route.path.replace(/[{}]/g, '\\$&')} +\\(${route.name}\\)$`),
        ),
      );
    }
  });

  test('the command is registered with the CLI', async () => {
    const io = captureIo(repoRoot);
    await runCli(['--help'], io);
    expect(io.out()).toMatch(/validate\s+Check JSON, NDJSON and HAR payloads/);
  });
});

describe('reporters', () => {
  test('json: one parseable document on stdout, the summary line on stderr', async () => {
    const run = await cli('--reporter', 'json', `${F}/invalid/mixed.ndjson`, `${HAR}/valid.har`);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out);
    expect(report.ok).toBe(false);
    expect(report.summary).toEqual({
      passed: 10,
      failed: 2,
      skipped: 1,
      unreadable: 0,
      warnings: 0,
      files: 2,
      checked: 12,
    });
    const mixed = report.files[0];
    expect(mixed.file).toBe(`${F}/invalid/mixed.ndjson`);
    expect(mixed.records.map((r: { line: number }) => r.line)).toEqual([2, 4]);
    expect(mixed.records[0].errors[0]).toMatchObject({ path: '/amount', code: 'wrong_type' });
    expect(report.files[1].records).toEqual([
      expect.objectContaining({ status: 'skipped', name: 'entries[4] GET /v1/charges' }),
    ]);
    expect(run.err).toBe('12 records checked in 2 files: 10 passed, 2 failed, 1 skipped, 0 warnings\n');
  });

  test('junit: well-formed XML, one testcase per record, escaped text', async () => {
    const nasty = path.join(tmp, 'nasty <&"\'>.ndjson');
    const seed = JSON.parse(await readFile(path.join(repoRoot, F, 'valid/seed-object.json'), 'utf8'));
    await writeFile(
      nasty,
      `${JSON.stringify({ ...seed, 'x<y>&"z\'': 1, description: 'a]]>b\u0001c' })}\n${JSON.stringify(seed)}\n`,
    );
    const run = await cli(
      '--reporter',
      'junit',
      `${HAR}/invalid.har`,
      `${HAR}/valid.har`,
      `${F}/valid/ledger.ndjson`,
      nasty,
    );
    expect(run.code).toBe(1);
    expect(xmlProblems(run.out)).toEqual([]);
    // The checker itself does reject broken XML.
    expect(xmlProblems('<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<a x="1 & 2"/>')).not.toEqual([]);
    expect(xmlProblems('<a>1 < 2</a>')).not.toEqual([]);
    expect(run.out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(run.out).toMatch(
      /<testsuites name="stripe-balance-kit validate" tests="31" failures="11" errors="0" skipped="1">/,
    );
    expect(run.out.match(/<testsuite /g)).toHaveLength(4);
    expect(run.out.match(/<testcase /g)).toHaveLength(31);
    expect(run.out.match(/<failure /g)).toHaveLength(11);
    expect(run.out).toContain('<skipped message="not a Customer Balance Transactions endpoint"/>');
    expect(run.out).toContain('/x&lt;y&gt;&amp;&quot;z&apos; [unknown_property]');
    expect(run.out).not.toContain('\u0001');
    expect(run.err).toContain('30 records checked in 4 files');
  });

  test('junit: unreadable input is an <error>', async () => {
    const run = await cli('--reporter', 'junit', `${F}/unreadable/not-json.json`);
    expect(run.code).toBe(2);
    expect(xmlProblems(run.out)).toEqual([]);
    expect(run.out).toMatch(/<error message="not valid JSON: [^"]*" type="unreadable_input"\/>/);
  });

  test('github: workflow annotations with file, line and title; summary appended to $GITHUB_STEP_SUMMARY', async () => {
    const summary = path.join(tmp, 'step-summary.md');
    await writeFile(summary, '# earlier step\n');
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary);
    try {
      const run = await cli(
        '--reporter',
        'github',
        '--mode',
        'tolerant',
        `${F}/invalid/mixed.ndjson`,
        `${HAR}/invalid.har`,
      );
      expect(run.code).toBe(1);
      const lines = run.out.trimEnd().split('\n');
      expect(lines).toContain(
        `::error file=${F}/invalid/mixed.ndjson,line=2,title=contract%3A wrong_type::/amount: expected integer; received string "400"`,
      );
      expect(lines).toContain(
        `::warning file=${F}/invalid/mixed.ndjson,line=4,title=contract%3A unknown_property::/future_field: unknown property "future_field"`,
      );
      // HAR entries have no line; the record name leads the message.
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^::error file=test\/fixtures\/har\/invalid\.har,title=contract%3A list_order::entries\[1\] GET \/v1\/customers\/cus_PZ3kR8fQ2mN7aB\/balance_transactions response \(200\): \/data\/1\/created: list is not newest first/,
        ),
      );
      for (const line of lines.filter((l) => l.startsWith('::'))) {
        expect(line).toMatch(/^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::.+$/);
      }
      // Tolerant relaxes the contract's unknown properties, not Stripe: the update request's
      // unknown `amount` is still refused, so only line 4's unknown field becomes a warning.
      expect(lines).toContain(
        `::error file=${HAR}/invalid.har,title=contract%3A stripe_refused::entries[3] POST /v1/customers/cus_PZ3kR8fQ2mN7aB/balance_transactions/cbtxn_1PZ3k52eZvKYlo2C0005 request: /amount: Stripe refuses this request (400 invalid_request_error, param amount): Received unknown parameter: amount`,
      );
      expect(lines.at(-1)).toBe('18 records checked in 2 files: 7 passed, 11 failed, 0 skipped, 1 warning');
      const markdown = await readFile(summary, 'utf8');
      expect(markdown.startsWith('# earlier step\n## ❌ stripe-balance-kit validate')).toBe(true);
      expect(markdown).toContain('| 18 | 7 | 11 | 0 | 1 | 0 | 2 |');
      expect(markdown).toContain(
        '| ❌ | `test/fixtures/contract/invalid/mixed.ndjson` | line 2 | `/amount` | `wrong_type` |',
      );
      expect(run.out).not.toContain('## ❌');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test('github: without $GITHUB_STEP_SUMMARY the markdown summary is printed', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    try {
      const run = await cli('--reporter', 'github', `${F}/valid/seed-object.json`);
      expect(run.code).toBe(0);
      expect(run.out).not.toContain('::error');
      expect(run.out).toContain('## ✅ stripe-balance-kit validate');
      expect(run.out).toContain('| 1 | 1 | 0 | 0 | 0 | 0 | 1 |');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test('github: messages with newlines and percent signs are escaped', async () => {
    const file = path.join(tmp, 'escape.json');
    await writeFile(file, JSON.stringify({ object: 'customer_balance_transaction', 'a\nb%c': 1 }));
    const run = await cli('--reporter', 'github', '--kind', 'customer_balance_transaction', file);
    expect(run.out).toContain('unknown property "a%0Ab%25c"');
    for (const line of run.out.split('\n').filter((l) => l.startsWith('::error'))) {
      expect(line).toMatch(/^::error file=[^,]*,title=[^,]*::/);
    }
  });
});

describe('a JSON array is checked item by item, in every reporter alike', () => {
  /** Items 0 and 2 pass; item 1 has a string amount; item 3 is not a Stripe object. */
  async function arrayFile(): Promise<string> {
    const seed = JSON.parse(await readFile(path.join(repoRoot, F, 'valid/seed-object.json'), 'utf8'));
    const file = path.join(tmp, 'array.json');
    await writeFile(file, JSON.stringify([seed, { ...seed, amount: '400' }, seed, 7], null, 2));
    return file;
  }

  test('pretty: each item a record `item N`, findings at /N/…', async () => {
    const file = await arrayFile();
    const run = await cli(file);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`FAIL ${file} (4 checked, 2 passed, 2 failed)`);
    expect(run.out).toContain('✗ item 1 (customer_balance_transaction)');
    expect(run.out).toContain('/1/amount [wrong_type] expected integer; received string "400"');
    expect(run.out).toContain('✗ item 3\n');
    expect(run.out).toContain('/3 [unknown_kind]');
    expect(run.out).toContain('received number 7');
    expect(run.out).not.toContain('received array');
  });

  test('json, junit and github name the same records and paths', async () => {
    const file = await arrayFile();
    const json = JSON.parse((await cli('--reporter', 'json', file)).out);
    expect(json.summary).toMatchObject({ checked: 4, passed: 2, failed: 2 });
    expect(json.files[0].records.map((r: { name: string }) => r.name)).toEqual(['item 1', 'item 3']);
    expect(json.files[0].records[0].errors[0]).toMatchObject({ path: '/1/amount', code: 'wrong_type' });

    const junit = (await cli('--reporter', 'junit', file)).out;
    expect(xmlProblems(junit)).toEqual([]);
    expect(junit.match(/<testcase /g)).toHaveLength(4);
    expect(junit).toContain('<testcase name="item 1 (customer_balance_transaction)"');
    expect(junit).toContain('<failure message="1 contract error: /1/amount"');
    expect(junit).toContain('<testcase name="item 3"');

    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    try {
      const github = (await cli('--reporter', 'github', file)).out;
      expect(github).toContain('title=contract%3A wrong_type::item 1: /1/amount: expected integer');
      expect(github).toContain('title=contract%3A unknown_kind::item 3: /3: cannot tell the contract kind');
      expect(github).toContain('| item 1 | `/1/amount` | `wrong_type` |');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test('--kind applies to each item, not to the array', async () => {
    const file = await arrayFile();
    const run = await cli('--kind', 'customer_balance_transaction', file);
    expect(run.code).toBe(1);
    expect(run.out).toContain('✗ item 3 (customer_balance_transaction)');
    expect(run.out).toContain('/3 [wrong_type]');
    expect(run.out).not.toContain('received array');
  });

  test('an empty array has no records and passes', async () => {
    const file = path.join(tmp, 'empty-array.json');
    await writeFile(file, '[]\n');
    const run = await cli(file);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`PASS ${file} (0 checked, 0 passed, 0 failed)`);
  });
});
