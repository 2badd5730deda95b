/**
 * `balance` and `invoice_credit_balance` report one state with opposite signs, as Stripe's spec
 * describes them: negative `balance` is credit; positive `invoice_credit_balance` is credit.
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/contract/index.js';
import { balanceFromInvoiceCredit, invoiceCreditFromBalance } from '../../src/stripe/customer-balance.js';

describe('customer balance signs', () => {
  it.each([
    // [balance, invoice_credit_balance entry, meaning]
    [-500, 500, 'a 5.00 credit'],
    [1200, -1200, 'a 12.00 amount owed'],
    [0, 0, 'nothing'],
    [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'the largest credit'],
  ])('balance %i is invoice_credit_balance %i (%s)', (balance, invoiceCredit) => {
    expect(invoiceCreditFromBalance(balance)).toBe(invoiceCredit);
    expect(balanceFromInvoiceCredit(invoiceCredit)).toBe(balance);
  });

  it('round-trips and never produces -0', () => {
    for (const balance of [-1, 1, 0, -0, 99_999]) {
      expect(Object.is(balanceFromInvoiceCredit(invoiceCreditFromBalance(balance)), balance || 0)).toBe(true);
    }
    expect(Object.is(invoiceCreditFromBalance(0), 0)).toBe(true);
    expect(Object.is(balanceFromInvoiceCredit(-0), 0)).toBe(true);
  });

  it('builds an expanded customer that passes the contract with both fields agreeing', () => {
    const balance = -2500;
    const customer = {
      id: 'cus_SIGN',
      object: 'customer',
      balance,
      created: 1_700_000_000,
      currency: 'usd',
      invoice_credit_balance: { usd: invoiceCreditFromBalance(balance) },
      livemode: false,
    };
    expect(validate('customer', customer).errors).toEqual([]);
    expect(customer.invoice_credit_balance.usd).toBe(2500);
  });
});
