import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currencyInfo } from '../factory/currencies.js';
import { createFixtures } from '../factory/fixtures.js';
import { listPage } from '../factory/list-page.js';
import { STRIPE_API_VERSION } from '../generated/spec-version.js';
import { validators } from '../generated/validators.js';
import type { CustomerBalanceTransaction } from '../types.js';
import type { Command } from './command.js';

/** The seed of the demo's fixtures: the same ledger on every run and every machine. */
const DEMO_SEED = 2026;
const DEMO_COUNT = 25;

/** `npm start`: a short end-to-end tour of the kit; later issues grow it into the full main job. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run a short end-to-end demonstration (what `npm start` runs)',
  async run(_argv, io) {
    const example = {
      id: 'cbtxn_1MrU9qLkdIwHu7ixhdjxGBgI',
      object: 'customer_balance_transaction',
      amount: -500,
      created: 1680216086,
      credit_note: null,
      currency: 'usd',
      customer: 'cus_NcjdgdwZyI9Rj7',
      description: null,
      ending_balance: -500,
      invoice: null,
      livemode: false,
      metadata: {},
      type: 'adjustment',
    };
    const ok = validators.customer_balance_transaction(example);
    io.stdout.write(`stripe-balance-kit — Stripe API ${STRIPE_API_VERSION}\n`);
    io.stdout.write(
      `Stripe's documented example object: ${ok ? 'matches the contract' : 'VIOLATES the contract'}\n`,
    );

    // Fixtures: a seeded ledger, checked against the contract, written out as samples.
    const fx = createFixtures({ seed: DEMO_SEED });
    const ledger = fx.ledger({ count: DEMO_COUNT, currency: 'usd' });
    const first = ledger[0];
    if (!first) return 1;
    const customer = first.customer as string;
    const money = moneyFormat(first.currency);
    const page = listPage(ledger, { customer });
    const creditNote = fx.balanceTransaction({ type: 'credit_note', customer, currency: 'usd' });

    io.stdout.write(
      `\nFixtures (seed ${DEMO_SEED}): a ${ledger.length}-transaction ledger for ${customer} in ${first.currency}\n`,
    );
    for (const row of [...ledger.slice(0, 3), ...ledger.slice(-2)]) {
      io.stdout.write(
        `  ${new Date(row.created * 1000).toISOString().slice(0, 10)}  ${row.type.padEnd(38)} ${money(row.amount).padStart(12)}  balance ${money(row.ending_balance)}\n`,
      );
    }
    io.stdout.write(`  types: ${typeCounts(ledger)}\n`);

    const invalid = [...ledger, creditNote].filter((t) => !validators.customer_balance_transaction(t)).length;
    const pageOk = validators.customer_balance_transaction_list(page);
    io.stdout.write(
      `  contract: ${ledger.length + 1 - invalid}/${ledger.length + 1} transactions and the first list page (${page.data.length} of ${ledger.length}, has_more ${page.has_more}) ${invalid === 0 && pageOk ? 'pass' : 'FAIL'} the generated validators\n`,
    );

    const dir = await mkdtemp(join(tmpdir(), 'stripe-balance-kit-demo-'));
    const files: Record<string, string> = {
      'ledger.json': `${JSON.stringify(ledger, null, 2)}\n`,
      'ledger.ndjson': ledger.map((row) => `${JSON.stringify(row)}\n`).join(''),
      'list-page-1.json': `${JSON.stringify(page, null, 2)}\n`,
      'credit-note.json': `${JSON.stringify(creditNote, null, 2)}\n`,
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    io.stdout.write(`  sample fixtures written to ${dir}: ${Object.keys(files).join(', ')}\n`);
    io.stdout.write(
      '  more: `stripe-balance-kit generate --count 1000000 --format ndjson --out ledger.ndjson`\n',
    );
    return ok && invalid === 0 && pageOk ? 0 : 1;
  },
};

function moneyFormat(currency: string): (minor: number) => string {
  const { decimals } = currencyInfo(currency);
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  return (minor) => format.format(minor / 10 ** decimals);
}

function typeCounts(ledger: readonly CustomerBalanceTransaction[]): string {
  const counts = new Map<string, number>();
  for (const row of ledger) counts.set(row.type, (counts.get(row.type) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
}
