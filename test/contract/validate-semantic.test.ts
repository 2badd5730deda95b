/**
 * The semantic layer: rules the JSON Schema cannot state, each with its own code. Built on the
 * hand-made ledger page (newest first: checkout session, invoice overpaid, credit note, applied
 * to invoice, adjustment, initial) whose ending balances chain correctly.
 */
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/contract/index.js';
import { loadFixture } from './support/fixtures.js';

type Json = Record<string, unknown>;
type Page = Json & { data: Json[] };

const seed = () => loadFixture<Json>('contract/valid/seed-object.json');
const page = () => loadFixture<Page>('contract/valid/ledger-page.json');

function item(p: Page, index: number): Json {
  const found = p.data[index];
  if (!found) throw new Error(`fixture has no data[${index}]`);
  return found;
}

const codesAndPaths = (
  value: unknown,
  kind: Parameters<typeof validate>[0] = 'customer_balance_transaction',
) => validate(kind, value).errors.map((e) => [e.path, e.code]);

describe('id prefixes', () => {
  test.each([
    ['id', 'txn_1MrU9qLkdIwHu7ixhdjxGBgI', '/id', 'cbtxn_'],
    ['customer', 'acct_NcjdgdwZyI9Rj7', '/customer', 'cus_'],
  ])('%s must start with its prefix', (field, value, path, prefix) => {
    const result = validate('customer_balance_transaction', { ...seed(), [field]: value });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path,
        code: 'id_prefix',
        keyword: 'semantic',
        expected: `string id starting with "${prefix}"`,
      }),
    ]);
  });

  test('links carry their own prefixes: in_, cn_, cs_', () => {
    const p = page();
    item(p, 0).checkout_session = 'sess_1';
    item(p, 2).credit_note = 'cred_1';
    item(p, 3).invoice = 'inv_1';
    expect(codesAndPaths(p, 'customer_balance_transaction_list')).toEqual([
      ['/data/0/checkout_session', 'id_prefix'],
      ['/data/2/credit_note', 'id_prefix'],
      ['/data/3/invoice', 'id_prefix'],
    ]);
  });

  test('an expanded object is checked through its id', () => {
    const tx = { ...seed(), customer: { id: 'cust_1', object: 'customer' } };
    expect(codesAndPaths(tx)).toEqual([['/customer/id', 'id_prefix']]);
  });

  test('paging cursors and the invoice filter of list params', () => {
    expect(codesAndPaths({ starting_after: 'ch_1', invoice: 'cn_1' }, 'list_params')).toEqual([
      ['/starting_after', 'id_prefix'],
      ['/invoice', 'id_prefix'],
    ]);
  });
});

describe('type ⇄ link rules', () => {
  test.each([
    ['applied_to_invoice', 'invoice'],
    ['unapplied_from_invoice', 'invoice'],
    ['invoice_overpaid', 'invoice'],
    ['invoice_too_large', 'invoice'],
    ['invoice_too_small', 'invoice'],
    ['checkout_session_subscription_payment', 'checkout_session'],
    ['checkout_session_subscription_payment_canceled', 'checkout_session'],
  ])('type %s without %s', (type, field) => {
    const result = validate('customer_balance_transaction', { ...seed(), type });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: `/${field}`,
        code: 'type_link_mismatch',
        received: expect.any(String),
      }),
    ]);
  });

  test('a credit_note transaction needs both its credit note and its invoice', () => {
    expect(codesAndPaths({ ...seed(), type: 'credit_note' })).toEqual([
      ['/invoice', 'type_link_mismatch'],
      ['/credit_note', 'type_link_mismatch'],
    ]);
  });

  test('a link the type does not imply is a mismatch (string or expanded)', () => {
    expect(codesAndPaths({ ...seed(), invoice: 'in_1' })).toEqual([['/invoice', 'type_link_mismatch']]);
    expect(
      codesAndPaths({ ...seed(), checkout_session: { id: 'cs_test_1', object: 'checkout.session' } }),
    ).toEqual([['/checkout_session', 'type_link_mismatch']]);
  });

  test('an absent checkout_session counts as null (older API versions omit it)', () => {
    const { checkout_session: _omit, ...rest } = item(page(), 1);
    expect(validate('customer_balance_transaction', rest).valid).toBe(true);
  });

  test('every linked type in the ledger page satisfies the rules', () => {
    for (const tx of page().data) expect(validate('customer_balance_transaction', tx).errors).toEqual([]);
  });
});

describe('list pages', () => {
  test('newest first: an older item before a newer one', () => {
    const p = page();
    item(p, 2).created = (item(p, 1).created as number) + 10;
    const result = validate('customer_balance_transaction_list', p);
    expect(result.errors).toEqual([
      expect.objectContaining({ path: '/data/2/created', code: 'list_order', keyword: 'semantic' }),
    ]);
  });

  test('swapped items are one list_order finding (the chain is not judged out of order)', () => {
    const p = page();
    [p.data[1], p.data[2]] = [item(p, 2), item(p, 1)];
    expect(codesAndPaths(p, 'customer_balance_transaction_list')).toEqual([
      ['/data/2/created', 'list_order'],
    ]);
  });

  test('broken ending-balance chain: N.ending_balance must be O.ending_balance + N.amount', () => {
    const p = page();
    item(p, 1).ending_balance = (item(p, 1).ending_balance as number) + 1;
    const result = validate('customer_balance_transaction_list', p);
    // data[1] disagrees with data[2] below it, and data[0] now disagrees with data[1].
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['/data/0/ending_balance', 'ending_balance_chain'],
      ['/data/1/ending_balance', 'ending_balance_chain'],
    ]);
    const second = result.errors[1];
    expect(second?.expected).toMatch(/^-1000 /);
    expect(second?.received).toBe('number -999');
  });

  test('the chain runs per currency: an eur item in between neither breaks nor joins it', () => {
    const p = page();
    const eur = { ...item(p, 2), id: 'cbtxn_1PZ3kEur', currency: 'eur', amount: 900, ending_balance: 900 };
    p.data.splice(2, 0, eur);
    expect(validate('customer_balance_transaction_list', p).errors).toEqual([]);
  });

  test('the chain runs per customer', () => {
    const p = page();
    const other = { ...item(p, 2), id: 'cbtxn_1PZ3kOther', customer: 'cus_Other', ending_balance: 12345 };
    p.data.splice(2, 0, other);
    // Only the url rule notices the foreign customer; the chain of cus_PZ3k… is intact.
    expect(codesAndPaths(p, 'customer_balance_transaction_list')).toEqual([
      ['/data/2/customer', 'list_url_mismatch'],
    ]);
  });

  test('url naming another customer than every item', () => {
    const p = { ...page(), url: '/v1/customers/cus_Someone/balance_transactions' };
    const result = validate('customer_balance_transaction_list', p);
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: '/url',
        code: 'list_url_mismatch',
        expected: '"/v1/customers/cus_PZ3kR8fQ2mN7aB/balance_transactions"',
      }),
    ]);
  });

  test('one item of another customer than the url (expanded customer: the id path)', () => {
    const p = page();
    // The oldest item: no older neighbour whose chain would change with it.
    item(p, 5).customer = { id: 'cus_Intruder', object: 'customer' };
    expect(codesAndPaths(p, 'customer_balance_transaction_list')).toEqual([
      ['/data/5/customer/id', 'list_url_mismatch'],
    ]);
  });

  test('semantic: false switches the whole layer off', () => {
    const p = { ...page(), url: '/v1/customers/cus_Someone/balance_transactions' };
    item(p, 0).id = 'txn_1';
    item(p, 1).created = 9_999_999_999;
    expect(validate('customer_balance_transaction_list', p).valid).toBe(false);
    expect(validate('customer_balance_transaction_list', p, { semantic: false })).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
  });

  test('schema errors and semantic findings are reported together', () => {
    const tx = { ...seed(), id: 'txn_1', amount: 'x' };
    expect(codesAndPaths(tx)).toEqual([
      ['/amount', 'wrong_type'],
      ['/id', 'id_prefix'],
    ]);
  });
});
