/**
 * `mock.simulate`: each of Stripe's balance flows, then read back through the official client's
 * `customers.listBalanceTransactions` over every transport of the matrix. Whatever the flow, the
 * ledger must stay one Stripe could show: every transaction passes the contract with its semantic
 * rules, the `ending_balance` chain adds up, and the customer's balance is the newest
 * `ending_balance`.
 */
import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/contract/validate.js';
import { StripeApiError } from '../../src/errors.js';
import type { MockState } from '../../src/index.js';
import { MAXIMUM_CHARGE } from '../../src/stripe/currencies.js';
import type { StrictCustomerBalanceTransaction } from '../../src/types.js';
import { liveCustomer } from '../support/live-customer.js';
import { CLIENT_MATRIX, type RunningTransport, TRANSPORTS } from '../support/transports.js';

/** A clock that moves one second per reading, so every transaction has its own `created`. */
function tickingClock(): () => number {
  let now = Date.UTC(2026, 4, 1, 12);
  return () => (now += 1000);
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

/** The error `run` throws; fails the test when it throws none. */
function refusal(run: () => unknown): StripeApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof StripeApiError) return error;
    throw error;
  }
  throw new Error('expected the simulation to be refused');
}

/** Checks a returned transaction against the strict contract, semantic rules included. */
function expectContract(transaction: StrictCustomerBalanceTransaction | null): void {
  expect(transaction).not.toBeNull();
  const result = validate('customer_balance_transaction', transaction, { semantic: true });
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

describe.each(CLIENT_MATRIX)('mock.simulate, read through the official client over $name', (transport) => {
  let running: RunningTransport;
  let mock: MockState;
  let stripe: Stripe;

  beforeEach(async () => {
    running = await transport.start({ now: tickingClock() });
    mock = running.state;
    stripe = running.client();
  });
  afterEach(() => running.stop());

  /**
   * The whole ledger through the client: valid page and items, a chain that adds up, the
   * customer's balance equal to the newest ending balance. Returns it newest first.
   */
  async function ledger(customer: string, options: Stripe.RequestOptions = {}) {
    const page = await stripe.customers.listBalanceTransactions(customer, { limit: 100 }, options);
    expect(validate('customer_balance_transaction_list', plain(page), { semantic: true }).errors).toEqual([]);
    for (const t of page.data) {
      expect(validate('customer_balance_transaction', plain(t), { semantic: true }).errors).toEqual([]);
    }
    const oldestFirst = [...page.data].reverse();
    let balance = 0;
    for (const t of oldestFirst) {
      balance += t.amount;
      expect(t.ending_balance).toBe(balance);
    }
    expect(liveCustomer(mock, customer)?.balance).toBe(page.data[0]?.ending_balance ?? 0);
    return page.data;
  }

  it('invoiceFinalized applies a credit up to the amount due, and invoiceVoided gives it back once', async () => {
    const { id } = mock.customers.add({ currency: 'usd', balance: -1500 });

    const finalized = mock.simulate.invoiceFinalized({ customer: id, amountDue: 1000 });
    expectContract(finalized.transaction);
    expect(finalized.invoice).toMatch(/^in_/);
    expect(finalized.amountRemaining).toBe(0);
    expect(finalized.transaction).toMatchObject({
      type: 'applied_to_invoice',
      amount: 1000,
      ending_balance: -500,
      invoice: finalized.invoice,
    });
    // The rest of the credit pays the next invoice only up to zero, never past it.
    const second = mock.simulate.invoiceFinalized({ customer: id, amountDue: 2000 });
    expect(second.transaction?.amount).toBe(500);
    expect(second.amountRemaining).toBe(1500);

    const voided = mock.simulate.invoiceVoided({ customer: id, invoice: finalized.invoice });
    expectContract(voided.transaction);
    expect(voided.transaction).toMatchObject({
      type: 'unapplied_from_invoice',
      amount: -1000,
      ending_balance: -1000,
      invoice: finalized.invoice,
    });
    const twice = refusal(() => mock.simulate.invoiceVoided({ customer: id, invoice: finalized.invoice }));
    expect(twice.status).toBe(400);
    expect(twice.error).toMatchObject({ type: 'invalid_request_error', param: 'invoice' });

    const data = await ledger(id);
    expect(data.map((t) => t.type)).toEqual([
      'unapplied_from_invoice',
      'applied_to_invoice',
      'applied_to_invoice',
      'initial',
    ]);
    expect(plain(data[0])).toEqual(plain(voided.transaction));
    const filtered = await stripe.customers.listBalanceTransactions(id, { invoice: finalized.invoice });
    expect(filtered.data.map((t) => t.id)).toEqual([voided.transaction?.id, finalized.transaction?.id]);
  });

  it('invoiceFinalized moves an owed balance onto the invoice whole, and nothing at zero', async () => {
    const { id } = mock.customers.add({ currency: 'eur', balance: 700 });

    const owed = mock.simulate.invoiceFinalized({ customer: id, amountDue: 2000 });
    expectContract(owed.transaction);
    expect(owed.transaction).toMatchObject({ amount: -700, ending_balance: 0, currency: 'eur' });
    expect(owed.amountRemaining).toBe(2700);

    const nothing = mock.simulate.invoiceFinalized({ customer: id, amountDue: 2000 });
    expect(nothing).toEqual({
      invoice: expect.stringMatching(/^in_/),
      transaction: null,
      amountRemaining: 2000,
    });
    expect(mock.simulate.invoiceVoided({ customer: id, invoice: nothing.invoice }).transaction).toBeNull();

    const back = mock.simulate.invoiceVoided({ customer: id, invoice: owed.invoice });
    expect(back.transaction).toMatchObject({ amount: 700, ending_balance: 700 });
    expect(await ledger(id)).toHaveLength(3);
  });

  it('credit notes, overpayments and invoices too small or too large move the balance by their sign', async () => {
    const { id } = mock.customers.add({ currency: 'usd' });

    const note = mock.simulate.creditNoteIssued({ customer: id, amount: 300 });
    expectContract(note.transaction);
    expect(note.creditNote).toMatch(/^cn_/);
    expect(note.transaction).toMatchObject({
      type: 'credit_note',
      amount: -300,
      credit_note: note.creditNote,
      invoice: note.invoice,
    });
    const onSame = mock.simulate.creditNoteIssued({ customer: id, amount: 100, invoice: note.invoice });
    expect(onSame.invoice).toBe(note.invoice);
    expect(onSame.creditNote).not.toBe(note.creditNote);

    const overpaid = mock.simulate.invoiceOverpaid({ customer: id, amount: 250, invoice: note.invoice });
    expectContract(overpaid.transaction);
    expect(overpaid.transaction).toMatchObject({
      type: 'invoice_overpaid',
      amount: -250,
      invoice: note.invoice,
    });

    const small = mock.simulate.invoiceTooSmall({ customer: id, amount: 30 });
    expectContract(small.transaction);
    expect(small.transaction).toMatchObject({
      type: 'invoice_too_small',
      amount: 30,
      invoice: small.invoice,
    });
    const large = mock.simulate.invoiceTooLarge({ customer: id, amount: MAXIMUM_CHARGE + 1 });
    expectContract(large.transaction);
    expect(large.transaction).toMatchObject({ type: 'invoice_too_large', amount: MAXIMUM_CHARGE + 1 });

    // Amounts the flow contradicts: usd's minimum charge is 50, the maximum eight digits.
    expect(refusal(() => mock.simulate.invoiceTooSmall({ customer: id, amount: 50 })).error.param).toBe(
      'amount',
    );
    expect(
      refusal(() => mock.simulate.invoiceTooLarge({ customer: id, amount: MAXIMUM_CHARGE })).error.param,
    ).toBe('amount');

    const data = await ledger(id);
    expect(data).toHaveLength(5);
    expect(data[0]?.ending_balance).toBe(-300 - 100 - 250 + 30 + MAXIMUM_CHARGE + 1);
  });

  it('checkoutSessionPaid applies credit toward zero only, and checkoutSessionCanceled reverses it once', async () => {
    const { id } = mock.customers.add({ currency: 'usd', balance: -2000 });

    const paid = mock.simulate.checkoutSessionPaid({ customer: id, amount: 1500 });
    expectContract(paid.transaction);
    expect(paid.checkoutSession).toMatch(/^cs_test_[0-9A-Za-z]{58}$/);
    expect(paid.transaction).toMatchObject({
      type: 'checkout_session_subscription_payment',
      amount: 1500,
      ending_balance: -500,
      checkout_session: paid.checkoutSession,
      invoice: null,
    });
    const rest = mock.simulate.checkoutSessionPaid({ customer: id, amount: 1500 });
    expect(rest.transaction?.amount).toBe(500);
    const none = mock.simulate.checkoutSessionPaid({ customer: id, amount: 1500 });
    expect(none.transaction).toBeNull();
    expect(
      mock.simulate.checkoutSessionCanceled({ customer: id, checkoutSession: none.checkoutSession }),
    ).toEqual({
      checkoutSession: none.checkoutSession,
      transaction: null,
    });

    const canceled = mock.simulate.checkoutSessionCanceled({
      customer: id,
      checkoutSession: paid.checkoutSession,
    });
    expectContract(canceled.transaction);
    expect(canceled.transaction).toMatchObject({
      type: 'checkout_session_subscription_payment_canceled',
      amount: -1500,
      ending_balance: -1500,
      checkout_session: paid.checkoutSession,
    });
    const twice = refusal(() =>
      mock.simulate.checkoutSessionCanceled({ customer: id, checkoutSession: paid.checkoutSession }),
    );
    expect(twice.status).toBe(400);
    expect(await ledger(id)).toHaveLength(4);
  });

  it("acts on a connected account's customer, whose ledger only that account reads", async () => {
    const { id } = mock.customers.add({ currency: 'usd', balance: -800, account: 'acct_1SimulateA' });
    const { transaction } = mock.simulate.invoiceFinalized({ customer: id, amountDue: 500 });
    expectContract(transaction);

    const data = await ledger(id, { stripeAccount: 'acct_1SimulateA' });
    expect(data[0]?.id).toBe(transaction?.id);
    await expect(stripe.customers.listBalanceTransactions(id)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('mock.simulate refusals', () => {
  const transport = TRANSPORTS.find((t) => t.kind === 'fetch') ?? TRANSPORTS[0];
  let running: RunningTransport;
  let mock: MockState;
  let customer: string;

  beforeEach(async () => {
    running = await (transport as NonNullable<typeof transport>).start();
    mock = running.state;
    customer = mock.customers.add({ currency: 'usd', balance: -1000 }).id;
  });
  afterEach(() => running.stop());

  it('refuses an unknown customer exactly as the API does', async () => {
    const api = await running
      .client()
      .customers.listBalanceTransactions('cus_NoSuchCustomer0')
      .catch((error: Stripe.errors.StripeError) => error);
    const simulated = refusal(() =>
      mock.simulate.invoiceFinalized({ customer: 'cus_NoSuchCustomer0', amountDue: 1 }),
    );
    expect(simulated.status).toBe(404);
    expect(simulated.error).toEqual({
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: "No such customer: 'cus_NoSuchCustomer0'",
      param: 'customer',
      doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
    });
    expect(api).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: simulated.error.message,
    });
  });

  it('refuses a deleted customer', async () => {
    await running.client().customers.del(customer);
    const error = refusal(() => mock.simulate.creditNoteIssued({ customer, amount: 100 }));
    expect(error.error).toMatchObject({
      code: 'resource_missing',
      message: `No such customer: '${customer}'`,
    });
  });

  it("refuses an unknown invoice, another customer's invoice, and an unknown checkout session", () => {
    const other = mock.customers.add({ currency: 'usd', balance: -50 }).id;
    const { invoice } = mock.simulate.invoiceFinalized({ customer: other, amountDue: 10 });
    for (const id of ['in_NoSuchInvoice000000000000', invoice]) {
      const error = refusal(() => mock.simulate.invoiceVoided({ customer, invoice: id }));
      expect(error.status).toBe(404);
      expect(error.error).toMatchObject({
        code: 'resource_missing',
        message: `No such invoice: '${id}'`,
        param: 'invoice',
      });
    }
    const session = refusal(() =>
      mock.simulate.checkoutSessionCanceled({ customer, checkoutSession: 'cs_test_x' }),
    );
    expect(session.status).toBe(404);
    expect(session.error.message).toBe("No such checkout session: 'cs_test_x'");
  });

  it('refuses a credit or payment on a void invoice, and a currency other than the invoice’s', () => {
    const { invoice } = mock.simulate.invoiceFinalized({ customer, amountDue: 10 });
    expect(
      refusal(() => mock.simulate.invoiceOverpaid({ customer, amount: 5, invoice, currency: 'eur' })).error
        .param,
    ).toBe('currency');
    mock.simulate.invoiceVoided({ customer, invoice });
    expect(refusal(() => mock.simulate.creditNoteIssued({ customer, amount: 5, invoice })).status).toBe(400);
  });

  it.each([
    [0, 'This value must be greater than or equal to 1.'],
    [-5, 'This value must be greater than or equal to 1.'],
    [1.5, 'Invalid integer: 1.5'],
    [2 ** 53, `Invalid integer: ${2 ** 53}`],
    ['100', 'Invalid integer: "100"'],
  ])('refuses the amount %s with a 400 naming the param', (amount, message) => {
    const error = refusal(() => mock.simulate.invoiceFinalized({ customer, amountDue: amount as number }));
    expect(error.status).toBe(400);
    expect(error.error).toMatchObject({ message, param: 'amountDue' });
    expect(
      refusal(() => mock.simulate.invoiceOverpaid({ customer, amount: amount as number })).error.param,
    ).toBe('amount');
  });

  it('refuses sums beyond 2^53, unknown fields, and a flow on a customer without a currency', () => {
    const rich = mock.customers.add({ currency: 'usd', balance: Number.MAX_SAFE_INTEGER - 10 }).id;
    expect(
      refusal(() => mock.simulate.invoiceTooLarge({ customer: rich, amount: MAXIMUM_CHARGE + 1 })).error,
    ).toMatchObject({
      code: 'amount_too_large',
      param: 'amount',
    });
    expect(
      refusal(() => mock.simulate.invoiceFinalized({ customer: rich, amountDue: Number.MAX_SAFE_INTEGER }))
        .error.code,
    ).toBe('amount_too_large');
    expect(
      refusal(() => mock.simulate.invoiceFinalized({ customer, amountDue: 1, due: 1 } as never)).error,
    ).toMatchObject({ code: 'parameter_unknown', param: 'due' });
    const bare = mock.customers.add().id;
    expect(refusal(() => mock.simulate.creditNoteIssued({ customer: bare, amount: 1 })).error.param).toBe(
      'currency',
    );
    // Naming one is enough: the flow's currency becomes the customer's, as the first transaction's does.
    mock.simulate.creditNoteIssued({ customer: bare, amount: 1, currency: 'gbp' });
    expect(liveCustomer(mock, bare)).toMatchObject({ currency: 'gbp', balance: -1 });
    // A refused flow leaves nothing behind.
    expect(mock.transactions(rich)).toHaveLength(1);
  });

  it('forgets invoices and sessions on reset', () => {
    const { invoice } = mock.simulate.invoiceFinalized({ customer, amountDue: 10 });
    const { checkoutSession } = mock.simulate.checkoutSessionPaid({ customer, amount: 10 });
    mock.reset();
    mock.customers.add({ id: customer, currency: 'usd' });
    expect(refusal(() => mock.simulate.invoiceVoided({ customer, invoice })).status).toBe(404);
    expect(refusal(() => mock.simulate.checkoutSessionCanceled({ customer, checkoutSession })).status).toBe(
      404,
    );
  });
});
