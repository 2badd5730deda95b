/**
 * The customer side of the balance through the official `stripe` client, unmodified, over every
 * transport of the matrix: the five customer endpoints, balance updates recorded as
 * transactions (the ledger always explains the balance), the currency rule, expansion of the
 * real customer, deletion, and Stripe-Account scoping on every endpoint.
 */
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MockState, validate } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { CLIENT_MATRIX, type RunningTransport } from '../support/transports.js';

/** The mock's clock in this suite, moved by hand: 2026-05-01T12:00:00Z. */
const START = Date.UTC(2026, 4, 1, 12);

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe.each(CLIENT_MATRIX)('customer endpoints over $name', (transport) => {
  let running: RunningTransport;
  let mock: MockState;
  let stripe: Stripe;
  let now = START;

  beforeEach(async () => {
    now = START;
    running = await transport.start({ now: () => now });
    mock = running.state;
    stripe = running.client();
  });
  afterEach(async () => {
    await running.stop();
  });

  /** Every transaction of the customer, through the client's auto-paging, each checked with semantics. */
  async function ledger(customer: string, options?: Stripe.RequestOptions) {
    const all: Stripe.CustomerBalanceTransaction[] = [];
    for await (const t of stripe.customers.listBalanceTransactions(customer, { limit: 2 }, options)) {
      const result = validate('customer_balance_transaction', t, { semantic: true });
      expect(result.errors).toEqual([]);
      all.push(t);
    }
    return all;
  }

  /** The customer's balance equals the newest transaction's ending balance in its currency. */
  async function expectExplained(customer: string, options?: Stripe.RequestOptions) {
    const retrieved = await stripe.customers.retrieve(customer, {}, options);
    expect(retrieved.deleted).toBeUndefined();
    const live = retrieved as Stripe.Customer;
    expect(validate('customer', plain(live)).errors).toEqual([]);
    const transactions = await ledger(customer, options);
    const newest = transactions.find((t) => t.currency === live.currency);
    expect(live.balance).toBe(newest?.ending_balance ?? 0);
    return { customer: live, transactions };
  }

  it('create with a balance, update it, add transactions: the balance always equals the newest ending_balance', async () => {
    const created = await stripe.customers.create({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      balance: -1500,
      metadata: { plan: 'pro' },
    });
    expect(created).toMatchObject({
      object: 'customer',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      balance: -1500,
      // No currency on the create call: the account's default currency becomes the customer's.
      currency: 'usd',
      metadata: { plan: 'pro' },
      livemode: false,
      created: START / 1000,
    });
    expect(created.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
    expect(validate('customer', plain(created)).errors).toEqual([]);
    // invoice_credit_balance is sent only when expanded.
    expect('invoice_credit_balance' in created).toBe(false);

    let state = await expectExplained(created.id);
    expect(state.transactions.map((t) => [t.type, t.amount, t.ending_balance])).toEqual([
      ['initial', -1500, -1500],
    ]);

    now += 1000;
    const updated = await stripe.customers.update(created.id, { balance: 700 });
    expect(updated.balance).toBe(700);
    state = await expectExplained(created.id);
    expect(state.transactions[0]).toMatchObject({ type: 'adjustment', amount: 2200, ending_balance: 700 });

    // Setting the same balance again records nothing.
    await stripe.customers.update(created.id, { balance: 700, name: 'Ada King' });
    state = await expectExplained(created.id);
    expect(state.transactions).toHaveLength(2);
    expect(state.customer.name).toBe('Ada King');

    now += 1000;
    await stripe.customers.createBalanceTransaction(created.id, { amount: -200, currency: 'usd' });
    await stripe.customers.createBalanceTransaction(created.id, { amount: 50, currency: 'usd' });
    state = await expectExplained(created.id);
    expect(state.customer.balance).toBe(550);
    expect(state.transactions.map((t) => t.type)).toEqual([
      'adjustment',
      'adjustment',
      'adjustment',
      'initial',
    ]);

    // A balance in another currency moves invoice_credit_balance, not `balance`.
    await stripe.customers.createBalanceTransaction(created.id, { amount: -900, currency: 'eur' });
    const expanded = await stripe.customers.retrieve(created.id, { expand: ['invoice_credit_balance'] });
    // Stripe's sign for invoice_credit_balance is the opposite of balance: positive is credit.
    expect((expanded as Stripe.Customer).invoice_credit_balance).toEqual({ usd: -550, eur: 900 });
    expect((expanded as Stripe.Customer).balance).toBe(550);
    expect(mock.customers.get(created.id)).toEqual(plain(expanded));
  });

  it('keeps the profile fields Stripe takes on create and update, and unsets them with empty values', async () => {
    const created = await stripe.customers.create({
      phone: '+1 555 0100',
      address: { line1: '1 Main St', city: 'Springfield', country: 'US' },
      shipping: { name: 'Ada', address: { line1: '2 Side St', postal_code: '12345' } },
      preferred_locales: ['fr-FR', 'en'],
      tax_exempt: 'reverse',
      invoice_prefix: 'ADA2026',
      next_invoice_sequence: 7,
    });
    expect(created).toMatchObject({
      phone: '+1 555 0100',
      address: {
        line1: '1 Main St',
        line2: null,
        city: 'Springfield',
        state: null,
        postal_code: null,
        country: 'US',
      },
      shipping: {
        name: 'Ada',
        phone: null,
        address: {
          line1: '2 Side St',
          line2: null,
          city: null,
          state: null,
          postal_code: '12345',
          country: null,
        },
      },
      preferred_locales: ['fr-FR', 'en'],
      tax_exempt: 'reverse',
      invoice_prefix: 'ADA2026',
      next_invoice_sequence: 7,
    });
    expect(validate('customer', plain(created)).errors).toEqual([]);

    const cleared = await stripe.customers.update(created.id, {
      phone: '',
      address: '',
      shipping: '',
      preferred_locales: [],
      tax_exempt: '',
    } as Stripe.CustomerUpdateParams);
    expect(cleared).toMatchObject({ phone: null, address: null, shipping: null, tax_exempt: 'none' });

    const errors: [() => Promise<unknown>, string, string][] = [
      [
        () => stripe.customers.update(created.id, { invoice_prefix: 'ab' }),
        'invoice_prefix',
        'Invalid invoice_prefix',
      ],
      [
        () => stripe.customers.update(created.id, { tax_exempt: 'sometimes' as 'none' }),
        'tax_exempt',
        'must be one of exempt, none, or reverse',
      ],
      [() => stripe.customers.create({ phone: '1'.repeat(21) }), 'phone', 'must be at most 20 characters'],
      [
        () =>
          stripe.customers.create({
            shipping: { address: { line1: 'x' } } as Stripe.CustomerCreateParams.Shipping,
          }),
        'shipping[name]',
        'Missing required param: shipping[name].',
      ],
      [
        () => stripe.customers.create({ address: { planet: 'Mars' } as Stripe.AddressParam }),
        'address[planet]',
        'Received unknown parameter: address[planet]',
      ],
    ];
    for (const [call, param, message] of errors) {
      const error = await rejection(call());
      expect(error).toMatchObject({ statusCode: 400, param });
      expect(error.message).toContain(message);
    }
  });

  it('the first balance transaction sets the currency of a customer that has none', async () => {
    const created = await stripe.customers.create({ name: 'No currency yet' });
    expect(created).toMatchObject({ currency: null, balance: 0 });
    expect(await ledger(created.id)).toEqual([]);

    await stripe.customers.createBalanceTransaction(created.id, { amount: -300, currency: 'gbp' });
    const after = (await stripe.customers.retrieve(created.id)) as Stripe.Customer;
    expect(after).toMatchObject({ currency: 'gbp', balance: -300 });

    // A later balance update is in the customer's currency, not the default one.
    await stripe.customers.update(created.id, { balance: 100 });
    const { transactions } = await expectExplained(created.id);
    expect(transactions[0]).toMatchObject({ type: 'adjustment', currency: 'gbp', amount: 400 });
  });

  it('expands the real customer on a transaction, and its invoice_credit_balance one level deeper', async () => {
    const { id } = await stripe.customers.create({ balance: 1200, email: 'x@example.com' });
    const t = await stripe.customers.createBalanceTransaction(
      id,
      { amount: -200, currency: 'usd' },
      // stripe-node types `expand` per call; the request carries expand[0]=customer.
    );
    const retrieved = await stripe.customers.retrieveBalanceTransaction(id, t.id, { expand: ['customer'] });
    expect(retrieved.customer).toMatchObject({ id, object: 'customer', balance: 1000, currency: 'usd' });
    expect('invoice_credit_balance' in (retrieved.customer as object)).toBe(false);

    const deeper = await stripe.customers.retrieveBalanceTransaction(id, t.id, {
      expand: ['customer.invoice_credit_balance'],
    });
    expect((deeper.customer as Stripe.Customer).invoice_credit_balance).toEqual({ usd: -1000 });

    const page = await stripe.customers.listBalanceTransactions(id, { expand: ['data.customer'] });
    for (const item of page.data) expect(item.customer).toMatchObject({ id, balance: 1000 });

    const customers = await stripe.customers.list({ expand: ['data.invoice_credit_balance'] });
    expect(customers.data[0]?.invoice_credit_balance).toEqual({ usd: -1000 });

    const tooDeep = await rejection(
      stripe.customers.listBalanceTransactions(id, {
        expand: ['data.credit_note.invoice.customer.invoice_credit_balance'],
      }),
    );
    expect(tooDeep).toMatchObject({ statusCode: 400, code: 'property_expansion_max_depth', param: 'expand' });
    expect(tooDeep.message).toBe(
      'You cannot expand more than 4 levels of a property. Property: data.credit_note.invoice.customer.invoice_credit_balance',
    );
    const notExpandable = await rejection(stripe.customers.retrieve(id, { expand: ['email'] }));
    expect(notExpandable).toMatchObject({ statusCode: 400, param: 'expand' });
    expect(notExpandable.message).toBe('This property cannot be expanded (email).');
  });

  it('accepts every customer expansion Stripe lists, with what Stripe sends for a customer without them', async () => {
    const { id } = await stripe.customers.create({ balance: 300 });
    const expanded = plain(
      await stripe.customers.retrieve(id, {
        expand: [
          'invoice_settings.default_payment_method',
          'subscriptions',
          'sources',
          'tax_ids',
          'tax',
          'cash_balance',
          'discount',
          'default_source',
          'test_clock',
        ],
      }),
    );
    expect(expanded).toMatchObject({
      invoice_settings: { default_payment_method: null },
      subscriptions: { object: 'list', data: [], has_more: false, url: `/v1/customers/${id}/subscriptions` },
      sources: { object: 'list', data: [], url: `/v1/customers/${id}/sources` },
      tax_ids: { object: 'list', data: [], url: `/v1/customers/${id}/tax_ids` },
      cash_balance: { object: 'cash_balance', customer: id, available: null },
      tax: { automatic_tax: 'unrecognized_location' },
      discount: null,
      default_source: null,
      test_clock: null,
    });
    expect(validate('customer', expanded).errors).toEqual([]);
    await stripe.customers.createBalanceTransaction(id, { amount: 1, currency: 'usd' });
    const page = await stripe.customers.listBalanceTransactions(id, {
      expand: ['data.customer.invoice_settings.default_payment_method'],
    });
    expect(page.data[0]?.customer).toMatchObject({ id, invoice_settings: { default_payment_method: null } });
  });

  it('positions a cursor that the filters leave out, as Stripe pages by the object itself', async () => {
    const ids: string[] = [];
    for (const email of ['a@example.com', 'b@example.com', 'a@example.com', 'b@example.com']) {
      now += 1000;
      ids.push((await stripe.customers.create({ email })).id);
    }
    // ids[3] is b@…: not in the a@… list, but a place to start from.
    const page = await stripe.customers.list({ email: 'a@example.com', starting_after: ids[3] as string });
    expect(page.data.map((c) => c.id)).toEqual([ids[2], ids[0]]);
    const before = await stripe.customers.list({ email: 'a@example.com', ending_before: ids[1] as string });
    expect(before.data.map((c) => c.id)).toEqual([ids[2]]);

    const { id } = await stripe.customers.create({});
    const first = await stripe.customers.createBalanceTransaction(id, { amount: 1, currency: 'usd' });
    now += 1000;
    const second = await stripe.customers.createBalanceTransaction(id, { amount: 2, currency: 'usd' });
    const filtered = await stripe.customers.listBalanceTransactions(id, {
      created: { lt: second.created },
      starting_after: second.id,
    });
    expect(filtered.data.map((t) => t.id)).toEqual([first.id]);
  });

  it('deletes: retrieve gives the deleted marker; every other endpoint answers No such customer', async () => {
    const { id } = await stripe.customers.create({ balance: -100 });
    const t = await stripe.customers.createBalanceTransaction(id, { amount: -5, currency: 'usd' });
    const deleted = await stripe.customers.del(id);
    expect(plain(deleted)).toEqual({ id, object: 'customer', deleted: true });
    expect(validate('deleted_customer', plain(deleted)).errors).toEqual([]);

    const retrieved = await stripe.customers.retrieve(id);
    expect(plain(retrieved)).toEqual({ id, object: 'customer', deleted: true });
    expect(mock.customers.get(id)).toEqual({ id, object: 'customer', deleted: true });

    const calls: [string, () => Promise<unknown>][] = [
      ['update', () => stripe.customers.update(id, { name: 'x' })],
      ['delete', () => stripe.customers.del(id)],
      [
        'create transaction',
        () => stripe.customers.createBalanceTransaction(id, { amount: 1, currency: 'usd' }),
      ],
      ['retrieve transaction', () => stripe.customers.retrieveBalanceTransaction(id, t.id)],
      ['update transaction', () => stripe.customers.updateBalanceTransaction(id, t.id, { description: 'x' })],
      ['list transactions', () => stripe.customers.listBalanceTransactions(id)],
    ];
    for (const [name, call] of calls) {
      const error = await rejection(call());
      expect(error, name).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error, name).toMatchObject({ statusCode: 404, code: 'resource_missing' });
      expect(error.message, name).toBe(`No such customer: '${id}'`);
    }
    const list = await stripe.customers.list();
    expect(list.data.map((c) => c.id)).not.toContain(id);
  });

  it('lists customers newest first with Stripe paging and the email filter', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      now += 1000;
      const email = i % 2 === 0 ? 'even@example.com' : `odd${i}@example.com`;
      ids.push((await stripe.customers.create({ email })).id);
    }
    const first = await stripe.customers.list({ limit: 2 });
    expect(first).toMatchObject({ object: 'list', has_more: true, url: '/v1/customers' });
    expect(first.data.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    expect(validate('customer_list', plain(first)).errors).toEqual([]);

    const all: string[] = [];
    for await (const c of stripe.customers.list({ limit: 2 })) all.push(c.id);
    expect(all).toEqual([...ids].reverse());

    const even = await stripe.customers.list({ email: 'even@example.com' });
    expect(even.data.map((c) => c.id)).toEqual([ids[4], ids[2], ids[0]]);
    const none = await stripe.customers.list({ email: 'EVEN@example.com' });
    expect(none.data).toEqual([]);

    const before = await stripe.customers.list({ ending_before: ids[1] as string, limit: 2 });
    expect(before.data.map((c) => c.id)).toEqual([ids[3], ids[2]]);
    const unknown = await rejection(stripe.customers.list({ starting_after: 'cus_unknown' }));
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'starting_after' });
  });

  it('refuses bad customer parameters with Stripe’s errors and changes nothing', async () => {
    const { id } = await stripe.customers.create({ balance: 10 });
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => stripe.customers.update(id, { balance: 1.5 as number }), 'balance', 'Invalid integer: 1.5'],
      [() => stripe.customers.create({ name: 'x'.repeat(257) }), 'name', 'must be at most 256 characters'],
      [() => stripe.customers.create({ email: 'x'.repeat(513) }), 'email', 'must be at most 512 characters'],
      [
        () => stripe.customers.create({ currency: 'usd' } as Stripe.CustomerCreateParams),
        'currency',
        'Received unknown parameter: currency',
      ],
    ];
    for (const [call, param, message] of cases) {
      const error = await rejection(call());
      expect(error).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param });
      expect(error.message).toContain(message);
    }
    const { transactions } = await expectExplained(id);
    expect(transactions).toHaveLength(1);
    expect((await stripe.customers.list()).data).toHaveLength(1);
  });

  it('scopes customers and their transactions by Stripe-Account, on every endpoint', async () => {
    const onA = { stripeAccount: 'acct_1A' };
    const created = await stripe.customers.create({ balance: -100, email: 'a@example.com' }, onA);
    const t = await stripe.customers.createBalanceTransaction(
      created.id,
      { amount: -5, currency: 'usd' },
      onA,
    );
    await expectExplained(created.id, onA);
    expect((await stripe.customers.list({}, onA)).data.map((c) => c.id)).toEqual([created.id]);

    for (const options of [undefined, { stripeAccount: 'acct_1B' }]) {
      const who = options?.stripeAccount ?? 'platform';
      const calls: [string, () => Promise<unknown>][] = [
        ['retrieve', () => stripe.customers.retrieve(created.id, {}, options)],
        ['update', () => stripe.customers.update(created.id, { name: 'x' }, options)],
        ['delete', () => stripe.customers.del(created.id, {}, options)],
        [
          'create transaction',
          () =>
            stripe.customers.createBalanceTransaction(created.id, { amount: 1, currency: 'usd' }, options),
        ],
        [
          'retrieve transaction',
          () => stripe.customers.retrieveBalanceTransaction(created.id, t.id, {}, options),
        ],
        [
          'update transaction',
          () => stripe.customers.updateBalanceTransaction(created.id, t.id, { description: 'x' }, options),
        ],
        ['list transactions', () => stripe.customers.listBalanceTransactions(created.id, {}, options)],
      ];
      for (const [name, call] of calls) {
        const error = await rejection(call());
        expect(error, `${who} ${name}`).toMatchObject({ statusCode: 404, code: 'resource_missing' });
        expect(error.message, `${who} ${name}`).toBe(`No such customer: '${created.id}'`);
      }
      expect((await stripe.customers.list({}, options)).data).toEqual([]);
    }
    // Nothing of the refused calls landed.
    const { transactions } = await expectExplained(created.id, onA);
    expect(transactions).toHaveLength(2);
  });

  it('the handle and the API give the same customer', async () => {
    const added = mock.customers.add({
      id: 'cus_Handle00000001',
      currency: 'eur',
      balance: -700,
      email: 'h@example.com',
    });
    const retrieved = await stripe.customers.retrieve(added.id, { expand: ['invoice_credit_balance'] });
    expect(plain(retrieved)).toEqual(added);
    expect(added.invoice_credit_balance).toEqual({ eur: 700 });
    const { transactions } = await expectExplained(added.id);
    expect(transactions.map((t) => [t.type, t.amount])).toEqual([['initial', -700]]);
  });
});
