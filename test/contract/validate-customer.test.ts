/**
 * The customer kinds: `validate('customer', …)` and `validate('deleted_customer', …)` run the
 * generated schema and the one customer rule (an id starts with `cus_`), and nothing more.
 */
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/contract/index.js';

// Shaped like Stripe's own example customer (fixtures3), with values of our own.
const customer = () => ({
  id: 'cus_QXg1o8vcGmoR32',
  object: 'customer',
  address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
  balance: 0,
  created: 1_680_216_086,
  currency: 'usd',
  default_source: null,
  delinquent: false,
  description: null,
  discount: null,
  email: null,
  invoice_prefix: '7FE1103',
  invoice_settings: { custom_fields: null, default_payment_method: null, footer: null },
  livemode: false,
  metadata: {},
  name: null,
  next_invoice_sequence: 1,
  phone: null,
  preferred_locales: [],
  shipping: {},
  tax_exempt: 'none',
  test_clock: null,
});

const findings = (kind: Parameters<typeof validate>[0], value: unknown) =>
  validate(kind, value).errors.map((e) => `${e.code} ${e.path}`);

describe("validate('customer', …)", () => {
  test('passes a customer as Stripe returns it, and one with the expansion-only fields', () => {
    expect(validate('customer', customer())).toEqual({ valid: true, errors: [], warnings: [] });
    const expanded = {
      ...customer(),
      balance: -500,
      invoice_credit_balance: { usd: 500, eur: -120 },
      cash_balance: null,
    };
    expect(findings('customer', expanded)).toEqual([]);
  });

  test('follows upstream nullability and required fields', () => {
    expect(findings('customer', { ...customer(), email: null, name: null, currency: null })).toEqual([]);
    expect(findings('customer', { ...customer(), balance: null })).toEqual(['not_nullable /balance']);
    const { created: _created, ...noCreated } = customer();
    expect(findings('customer', noCreated)).toEqual(['missing_property /created']);
  });

  test('checks the id prefix, with the fast path and the guarded rules agreeing', () => {
    expect(findings('customer', { ...customer(), id: 'cbtxn_1' })).toEqual(['id_prefix /id']);
    expect(validate('customer', { ...customer(), id: 'cbtxn_1' }, { semantic: false }).valid).toBe(true);
  });

  test("holds invoice_credit_balance to Stripe's opposite sign of balance in the customer's currency", () => {
    const owing = { ...customer(), balance: 500, currency: 'usd' };
    expect(findings('customer', { ...owing, invoice_credit_balance: { usd: -500, eur: 1200 } })).toEqual([]);
    expect(findings('customer', { ...owing, invoice_credit_balance: { usd: 500 } })).toEqual([
      'balance_sign /invoice_credit_balance/usd',
    ]);
    expect(findings('customer', { ...owing, balance: 0, invoice_credit_balance: { usd: 0 } })).toEqual([]);
    const list = {
      object: 'list',
      data: [{ ...owing, invoice_credit_balance: { usd: 500 } }],
      has_more: false,
      url: '/v1/customers',
    };
    expect(findings('customer_list', list)).toEqual(['balance_sign /data/0/invoice_credit_balance/usd']);
    const message = validate('customer', { ...owing, invoice_credit_balance: { usd: 500 } }).errors[0]
      ?.message;
    expect(message).toContain('should be -500, the opposite of balance (500)');
  });

  test('refuses unknown fields in strict mode and warns in tolerant mode', () => {
    const extra = { ...customer(), loyalty_tier: 'gold' };
    expect(findings('customer', extra)).toEqual(['unknown_property /loyalty_tier']);
    const tolerant = validate('customer', extra, { mode: 'tolerant' });
    expect([tolerant.valid, tolerant.warnings.map((w) => w.code)]).toEqual([true, ['unknown_property']]);
  });
});

describe("validate('deleted_customer', …)", () => {
  test('passes the deleted marker and refuses anything else', () => {
    const deleted = { id: 'cus_QXg1o8vcGmoR32', object: 'customer', deleted: true };
    expect(findings('deleted_customer', deleted)).toEqual([]);
    expect(findings('deleted_customer', { ...deleted, deleted: false })).toEqual(['enum_mismatch /deleted']);
    expect(findings('deleted_customer', { ...deleted, id: 'acct_1' })).toEqual(['id_prefix /id']);
    expect(findings('deleted_customer', customer())).not.toEqual([]);
  });
});

describe('the other customer kinds', () => {
  test('customer_list checks each item as a customer', () => {
    const page = { object: 'list', url: '/v1/customers', has_more: false, data: [customer()] };
    expect(findings('customer_list', page)).toEqual([]);
    expect(findings('customer_list', { ...page, data: [customer(), { ...customer(), id: 'x_1' }] })).toEqual([
      'id_prefix /data/1/id',
    ]);
  });

  test('params kinds keep upstream limits and the trim', () => {
    expect(findings('customer_create_params', { balance: -500, email: 'a@b.co', expand: ['tax'] })).toEqual(
      [],
    );
    expect(findings('customer_create_params', { email: 'a'.repeat(513) })).toEqual(['too_long /email']);
    expect(findings('customer_update_params', { coupon: 'SUMMER' })).toEqual(['unknown_property /coupon']);
    expect(findings('customer_update_params', { phone: '+1', tax_exempt: '', address: '' })).toEqual([]);
    expect(findings('customer_create_params', { phone: '1'.repeat(21) })).toEqual(['too_long /phone']);
    expect(findings('customer_create_params', { invoice_prefix: 'ab' })).toEqual(['pattern /invoice_prefix']);
    expect(findings('customer_create_params', { shipping: { address: {} } })).toEqual([
      'missing_property /shipping/name',
    ]);
    expect(findings('customer_list_params', { email: 'a@b.co', limit: 100, created: { lt: 1 } })).toEqual([]);
    expect(findings('customer_list_params', { limit: 101 })).toEqual(['out_of_range /limit']);
  });
});
