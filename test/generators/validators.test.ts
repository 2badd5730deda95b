import { describe, expect, it } from 'vitest';
import { schemas, validators } from '../../src/index.js';
import { seedList, seedObject, seedUpdated, stripeFixtureObject } from '../fixtures/seeds/examples.js';

const validate = validators.customer_balance_transaction;

function errorsOf(value: unknown) {
  expect(validate(value)).toBe(false);
  return validate.errors ?? [];
}

describe('generated AJV validators', () => {
  it("pass Stripe's documented examples", () => {
    for (const example of [seedObject, seedUpdated, stripeFixtureObject]) {
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validators.customer_balance_transaction_list(seedList)).toBe(true);
  });

  it.each([
    [
      'a missing required field',
      { ...seedObject, ending_balance: undefined },
      '',
      'required',
      'ending_balance',
    ],
    ['a wrong type', { ...seedObject, amount: '-500' }, '/amount', 'type', undefined],
    ['an unknown type value', { ...seedObject, type: 'refund' }, '/type', 'enum', undefined],
    ['an extra unknown property', { ...seedObject, surprise: true }, '', 'additionalProperties', 'surprise'],
    ['null where not nullable', { ...seedObject, currency: null }, '/currency', 'type', undefined],
    ['a millisecond timestamp', { ...seedObject, created: 1680216086000 }, '/created', 'format', undefined],
    [
      'a metadata key with brackets',
      { ...seedObject, metadata: { 'a[b]': 'x' } },
      '/metadata',
      'pattern',
      undefined,
    ],
    [
      'a metadata value over 500',
      { ...seedObject, metadata: { k: 'x'.repeat(501) } },
      '/metadata/k',
      'maxLength',
      undefined,
    ],
    [
      'an id over 255 characters',
      { ...seedObject, id: `cbtxn_${'a'.repeat(250)}` },
      '/id',
      'maxLength',
      undefined,
    ],
  ])('reject %s, naming the JSON path', (_name, value, path, keyword, param) => {
    const clean = JSON.parse(JSON.stringify(value));
    const errors = errorsOf(clean);
    const hit = errors.find((e) => e.instancePath === path && e.keyword === keyword);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    if (param) expect(JSON.stringify(hit?.params)).toContain(param);
  });

  it('rejects a list page with a bad item at its index', () => {
    const bad = { ...seedList, data: [seedObject, { ...seedObject, amount: 1.5 }] };
    expect(validators.customer_balance_transaction_list(bad)).toBe(false);
    expect(validators.customer_balance_transaction_list.errors?.[0]?.instancePath).toBe('/data/1/amount');
  });

  it('enforce the limits Stripe documents but its spec leaves out', () => {
    expect(validators.list_params({ limit: 100 })).toBe(true);
    expect(validators.list_params({ limit: 0 })).toBe(false);
    expect(validators.list_params({ limit: 101 })).toBe(false);
    expect(validators.list_params({ starting_after: 'cbtxn_a', ending_before: 'cbtxn_b' })).toBe(false);
    expect(validators.list_params({ created: { gte: 1, lt: 2 }, invoice: 'in_1' })).toBe(true);
    expect(validators.list_params({ created: { after: 1 } })).toBe(false);
    expect(validators.create_params({ amount: -500, currency: 'usd' })).toBe(true);
    expect(validators.create_params({ amount: -500 })).toBe(false);
    expect(validators.create_params({ amount: 1, currency: 'usd', description: 'x'.repeat(351) })).toBe(
      false,
    );
    const fiftyOne = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(validators.create_params({ amount: 1, currency: 'usd', metadata: fiftyOne })).toBe(false);
    expect(
      validators.create_params({ amount: 1, currency: 'usd', metadata: { ['k'.repeat(41)]: 'v' } }),
    ).toBe(false);
    expect(validators.update_params({ metadata: '' })).toBe(true);
    expect(validators.update_params({ amount: 5 })).toBe(false);
  });

  it('validate the error envelope', () => {
    const error = {
      error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such', param: 'id' },
    };
    expect(validators.error(error)).toBe(true);
    expect(validators.error({ error: { message: 'no type' } })).toBe(false);
  });

  it('count characters, not UTF-16 code units, like Stripe', () => {
    expect(validators.update_params({ description: '😀'.repeat(350) })).toBe(true);
    expect(validators.update_params({ description: '😀'.repeat(351) })).toBe(false);
  });

  it('ship the JSON Schemas they were compiled from', () => {
    expect(schemas.customer_balance_transaction.$id).toMatch(/customer_balance_transaction\.json$/);
    expect(schemas.list_params.properties.limit).toMatchObject({ minimum: 1, maximum: 100 });
  });
});

describe('generated customer validators', () => {
  const customer = { id: 'cus_1', object: 'customer', balance: -500, created: 1680216086, livemode: true };
  const page = { object: 'list', url: '/v1/customers', has_more: false, data: [customer] };

  it.each([
    ['customer', customer, true],
    ['customer', { ...customer, invoice_credit_balance: { usd: 500 } }, true],
    ['customer', { ...customer, invoice_credit_balance: { usd: '500' } }, false],
    ['customer', { ...customer, email: null, delinquent: null, tax_exempt: null }, true],
    ['customer', { ...customer, metadata: null }, false],
    ['customer', { ...customer, object: 'customer_balance_transaction' }, false],
    ['deleted_customer', { id: 'cus_1', object: 'customer', deleted: true }, true],
    ['deleted_customer', { id: 'cus_1', object: 'customer' }, false],
    ['customer_list', page, true],
    ['customer_list', { ...page, url: '/v1/customers/cus_1/balance_transactions' }, false],
    ['customer_create_params', { balance: 100, name: 'n'.repeat(256), metadata: '' }, true],
    ['customer_create_params', { name: 'n'.repeat(257) }, false],
    ['customer_update_params', { email: 'e'.repeat(512), expand: ['invoice_credit_balance'] }, true],
    ['customer_update_params', { balance: 1.5 }, false],
    ['customer_list_params', { email: 'a@b.co', limit: 1, created: 1680216086 }, true],
    ['customer_list_params', { starting_after: 'cus_1', ending_before: 'cus_2' }, false],
  ] as const)('%s: %j → %s', (kind, value, valid) => {
    expect(validators[kind](value)).toBe(valid);
  });

  it('ship their JSON Schemas, with upstream required fields only', () => {
    expect(schemas.customer.required).toEqual(['created', 'id', 'livemode', 'object']);
    expect(schemas.customer.properties.invoice_credit_balance).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'integer' },
    });
    expect(Object.keys(schemas.customer_list_params.properties).sort()).toEqual([
      'created',
      'email',
      'ending_before',
      'expand',
      'limit',
      'starting_after',
    ]);
  });
});
