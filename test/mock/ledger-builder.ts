// TEMPORARY until createFixtures() lands: a plain consistent ledger for the mock tests.
import type { CustomerBalanceTransaction } from '../../src/types.js';

export function buildLedger(customer: string, count: number): CustomerBalanceTransaction[] {
  let balance = 0;
  return Array.from({ length: count }, (_, i) => {
    const amount = i % 4 === 0 ? 1000 + i : -(100 + i);
    balance += amount;
    const invoice = i % 5 === 1 ? `in_${String(i).padStart(24, '0')}` : null;
    return {
      id: `cbtxn_${String(i).padStart(24, '0')}`,
      object: 'customer_balance_transaction',
      amount,
      checkout_session: null,
      created: 1_700_000_000 + i * 60,
      credit_note: null,
      currency: 'usd',
      customer,
      customer_account: null,
      description: null,
      ending_balance: balance,
      invoice,
      livemode: false,
      metadata: {},
      type: invoice ? 'applied_to_invoice' : 'adjustment',
    };
  });
}
