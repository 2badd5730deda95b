/** What `serve` prints once it listens: where, the API version, and the customers it serves. */
import { STRIPE_API_VERSION } from '../../../generated/spec-version.js';
import type { StripeServer } from '../../../mock/server-transport.js';
import { formatMoney } from '../../../stripe/money.js';
import { customerOf } from '../../../stripe/paging.js';
import type { CustomerBalanceTransaction } from '../../../types.js';
import type { CliIo } from '../../command.js';
import { ALLOW_LIVE_KEYS_FLAG } from './options.js';

/** Customers named on start; a ledger file with thousands of them gets a count for the rest. */
const LISTED_CUSTOMERS = 20;

export function announce(
  io: CliIo,
  server: StripeServer,
  transactions: readonly CustomerBalanceTransaction[],
  allowLiveKeys: boolean,
): void {
  const say = (line = '') => io.stdout.write(`${line}\n`);
  say(`stripe-balance-kit mock server — Stripe API ${STRIPE_API_VERSION}`);
  say(`listening on ${server.url}`);
  const perCustomer = new Map<string, number>();
  for (const transaction of transactions) {
    const customer = customerOf(transaction);
    perCustomer.set(customer, (perCustomer.get(customer) ?? 0) + 1);
  }
  if (perCustomer.size === 0) {
    say('no customers preloaded (use --seed or --ledger; or --unknown-customers create)');
  } else {
    say(`serving ${perCustomer.size} customer${perCustomer.size === 1 ? '' : 's'}:`);
    for (const [customer, count] of [...perCustomer].slice(0, LISTED_CUSTOMERS)) {
      const found = server.customers.get(customer);
      const state = found && !found.deleted ? found : undefined;
      const balance = state?.currency ? ` (balance ${formatMoney(state.balance, state.currency)})` : '';
      say(`  ${customer}  ${count} transaction${count === 1 ? '' : 's'}${balance}`);
    }
    if (perCustomer.size > LISTED_CUSTOMERS) say(`  … and ${perCustomer.size - LISTED_CUSTOMERS} more`);
  }
  say(
    allowLiveKeys
      ? `Test and live keys are accepted (--${ALLOW_LIVE_KEYS_FLAG}). Press Ctrl+C to stop.`
      : 'Use a test key (sk_test_...). Press Ctrl+C to stop.',
  );
}
