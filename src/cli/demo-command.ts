import { validators } from '../generated/validators.js';
import { STRIPE_API_VERSION } from '../generated/spec-version.js';
import type { Command } from './command.js';

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
    return ok ? 0 : 1;
  },
};
