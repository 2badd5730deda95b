/**
 * `npm start` (and `stripe-balance-kit demo`): the kit's main job end to end, with no
 * configuration. A seeded ledger is served by the mock to the official `stripe` client, paged
 * through, every response checked against the contract, a fault injected and survived, and
 * sample fixtures written to a temp dir; then a short report.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../../../contract/validate.js';
import { createFixtures } from '../../../factory/fixtures.js';
import { listPage } from '../../../factory/list-page.js';
import { STRIPE_API_VERSION } from '../../../generated/spec-version.js';
import { mockStripe } from '../../../mock/mock-stripe.js';
import { formatMoney } from '../../../stripe/money.js';
import type { CustomerBalanceTransaction } from '../../../types.js';
import type { CliIo } from '../../command.js';
import { defineCommand } from '../../define-command.js';
import { describeFsError, fileError } from '../../file-errors.js';
import { type DemoClient, officialClient, rawClient } from './client.js';
import { operationCounts, shellWord, typeCounts } from './ledger-summary.js';

/** The same ledger, paged the same way, on every run and machine; only where fixtures go is a choice. */
const DEMO_RUN = { seed: 2026, count: 250, pageSize: 100, currency: 'usd' } as const;

const DEMO_HELP = `Usage: stripe-balance-kit demo [options]

Builds a seeded ledger, serves it through the mock to the official stripe client (or raw
HTTP when \`stripe\` is not installed), pages through it, checks every response against the
contract, injects a fault, writes sample fixtures to a temp dir and prints a report. Money is
shown in major units with its currency (-25.00 usd; a zero-decimal currency: -500 jpy).

Options:
      --keep    Keep the sample fixtures (the temp dir is removed at the end otherwise) and
                print the validate command that checks them
  -h, --help    Show this help

Exit 0 when every check passed, 1 otherwise.
`;

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'Run a short end-to-end demonstration (what `npm start` runs)',
  help: DEMO_HELP,
  flags: { keep: { type: 'boolean' } },
  options: ({ flags }) => ({ ...DEMO_RUN, keep: flags.keep ?? false }),
  async run({ seed, count, pageSize, currency, keep }, io) {
    const say = (line = '') => io.stdout.write(`${line}\n`);
    const money = (minor: number) => formatMoney(minor, currency);
    const problems: string[] = [];
    const checked = { responses: 0, fixtures: 0 };
    const check = (
      kind: Parameters<typeof validate>[0],
      value: unknown,
      what: string,
      source: keyof typeof checked = 'responses',
    ) => {
      checked[source]++;
      const result = validate(kind, value);
      for (const issue of result.errors) problems.push(`${what}: ${issue.path || '/'} ${issue.message}`);
    };

    say(`stripe-balance-kit — Stripe API ${STRIPE_API_VERSION}`);

    // 1. Fixtures: a seeded ledger.
    const fx = createFixtures({ seed });
    const ledger = fx.ledger({ count, currency });
    const customer = ledger[0]?.customer as string;
    say(`\n1. Fixtures (seed ${seed}): ${ledger.length} transactions for ${customer} in ${currency}`);
    say(`   types: ${typeCounts(ledger)}`);
    say(`   final balance ${money(ledger.at(-1)?.ending_balance ?? 0)}`);

    // 2. Served by the mock to the official client.
    const mock = mockStripe();
    try {
      mock.seed(ledger);
      const client: DemoClient = (await officialClient(mock.fetch)) ?? rawClient(mock.fetch);
      say(`\n2. Mock → ${client.name}`);

      const seen: CustomerBalanceTransaction[] = [];
      let pages = 0;
      let cursor: string | undefined;
      for (;;) {
        const page = await client.list(customer, {
          limit: pageSize,
          ...(cursor ? { starting_after: cursor } : {}),
        });
        pages++;
        check('customer_balance_transaction_list', page, `list page ${pages}`);
        seen.push(...page.data);
        if (!page.has_more) break;
        cursor = page.data.at(-1)?.id;
      }
      const expected = [...ledger].reverse().map((t) => t.id);
      const sameOrder = seen.length === expected.length && seen.every((t, i) => t.id === expected[i]);
      if (!sameOrder) problems.push('paging did not return every transaction exactly once, newest first');
      say(
        `   paged ${seen.length} transactions in ${pages} pages of ${pageSize}, newest first: ${sameOrder ? 'ok' : 'MISMATCH'}`,
      );

      const before = balanceOf(mock.customers.get(customer));
      const credit = await client.create(customer, {
        amount: -2500,
        currency,
        description: 'Goodwill credit',
      });
      check('customer_balance_transaction', credit, 'create');
      const updated = await client.update(customer, credit.id, { metadata: { ticket: 'T-1042' } });
      check('customer_balance_transaction', updated, 'update');
      const fetched = await client.retrieve(customer, credit.id);
      check('customer_balance_transaction', fetched, 'retrieve');
      say(`   created ${credit.id} (${money(credit.amount)}), updated its metadata, retrieved it`);

      mock.failNext({ status: 500 });
      const retried = await client.create(customer, { amount: -100, currency });
      check('customer_balance_transaction', retried, 'create after a 500');
      const posts = mock.requests.filter((r) => r.operation === 'create').slice(-2);
      const once = mock.transactions(customer).filter((t) => t.id === retried.id).length === 1;
      const sameKey = posts.length === 2 && posts[0]?.idempotencyKey === posts[1]?.idempotencyKey;
      if (client.retries && !(once && sameKey))
        problems.push('a 500 was not retried exactly once with the same key');
      say(
        `   injected a 500 into a second create: ${client.retries ? 'retried with the same Idempotency-Key' : 'raw HTTP does not retry; sent again by hand'}, created ${retried.id} (${money(retried.amount)}) ${once ? 'once' : 'MORE THAN ONCE'}`,
      );
      const balance = balanceOf(mock.customers.get(customer));
      const change = credit.amount + retried.amount;
      if (balance !== before + change)
        problems.push(`balance ${money(balance)} is not ${money(before + change)}`);
      say(
        `   balance ${money(before)} → ${money(balance)} (${money(credit.amount)} credit, ${money(retried.amount)} retried create)`,
      );

      const error = await client.createRaw(customer, `currency=${currency}`);
      check('error', error.body, 'error envelope');
      say(`   missing amount → ${error.status} ${JSON.stringify(error.body)}`);
      say(
        `   ${mock.requests.length} requests served (${operationCounts(mock.requests.map((r) => r.operation))}), ${mock.violations.length} contract violations refused`,
      );
    } finally {
      mock.restore();
    }

    // 3. Sample fixtures on disk, each checked as \`validate\` would check it.
    const page = listPage(ledger, { customer, limit: 10 });
    const creditNote = fx.balanceTransaction({ type: 'credit_note', customer, currency });
    ledger.forEach((row, index) => {
      check('customer_balance_transaction', row, `ledger item ${index}`, 'fixtures');
    });
    check('customer_balance_transaction_list', page, 'listPage()', 'fixtures');
    check('customer_balance_transaction', creditNote, 'credit note', 'fixtures');
    const files: Record<string, string> = {
      'ledger.json': `${JSON.stringify(ledger, null, 2)}\n`,
      'ledger.ndjson': ledger.map((row) => `${JSON.stringify(row)}\n`).join(''),
      'list-page-1.json': `${JSON.stringify(page, null, 2)}\n`,
      'credit-note.json': `${JSON.stringify(creditNote, null, 2)}\n`,
    };
    const dir = await writeFixtures(files);
    try {
      say(`\n3. Sample fixtures written to ${dir}`);
      say(`   ${Object.keys(files).join(', ')}`);
      say(
        keep
          ? `   check them: stripe-balance-kit validate ${shellWord(dir)}`
          : '   removed when the demo ends; run `stripe-balance-kit demo --keep` to keep them and check them',
      );

      // 4. Report.
      say(
        `\n4. Contract: ${checked.responses} responses and ${checked.fixtures} fixtures checked, ${problems.length} problems`,
      );
      for (const problem of problems.slice(0, 20)) say(`   - ${problem}`);
      say(problems.length === 0 ? '\nAll checks passed.' : '\nSome checks FAILED.');
    } finally {
      if (!keep) await removeFixtures(dir, io);
    }
    return problems.length === 0 ? 0 : 1;
  },
});

/** A new temp dir holding \`files\`; a temp dir that cannot be written is one line, not an errno. */
async function writeFixtures(files: Readonly<Record<string, string>>): Promise<string> {
  const parent = tmpdir();
  let dir: string;
  try {
    dir = await mkdtemp(join(parent, 'stripe-balance-kit-demo-'));
  } catch (error) {
    throw fileError(`temp dir ${parent} (set TMPDIR to use another)`, error, 'write');
  }
  for (const [name, content] of Object.entries(files)) {
    const file = join(dir, name);
    try {
      await writeFile(file, content);
    } catch (error) {
      await rm(dir, { recursive: true, force: true }).catch(() => {});
      throw fileError(file, error, 'write');
    }
  }
  return dir;
}

/** Removes the demo's temp dir; failing to is worth a line on stderr, not a failed demo. */
async function removeFixtures(dir: string, io: CliIo): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
  } catch (error) {
    io.stderr.write(`stripe-balance-kit demo: could not remove ${dir}: ${describeFsError(error)}\n`);
  }
}

/** A customer's balance from the handle (0 for one deleted or unknown). */
function balanceOf(customer: { balance?: number | undefined; deleted?: boolean } | undefined): number {
  return customer && !customer.deleted ? (customer.balance ?? 0) : 0;
}
