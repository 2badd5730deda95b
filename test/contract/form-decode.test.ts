/** Stripe's form encoding decoded by the schema: nesting, arrays, and integer coercion only where typed. */
import { describe, expect, test } from 'vitest';
import { decodeStripeForm, parseFormKey } from '../../src/contract/form-decode.js';
import { matchOperation } from '../../src/contract/operations.js';
import { validate } from '../../src/contract/validate.js';

const decode = (text: string, kind: Parameters<typeof decodeStripeForm>[1]) =>
  decodeStripeForm(new URLSearchParams(text), kind);

describe('decodeStripeForm', () => {
  test.each([
    [
      'create with metadata and both array spellings (what the official client sends)',
      'amount=-500&currency=usd&description=Goodwill+credit&metadata[order_id]=6735&expand[0]=customer&expand[]=invoice',
      'create_params',
      {
        amount: -500,
        currency: 'usd',
        description: 'Goodwill credit',
        metadata: { order_id: '6735' },
        expand: ['customer', 'invoice'],
      },
    ],
    [
      'list: limit and a created range become integers',
      'limit=3&created[gte]=1680216086&created[lt]=1680300000',
      'list_params',
      {
        limit: 3,
        created: { gte: 1680216086, lt: 1680300000 },
      },
    ],
    ['list: an exact created time', 'created=1680216086', 'list_params', { created: 1680216086 }],
    ['update: "metadata=" unsets everything', 'metadata=', 'update_params', { metadata: '' }],
    [
      'metadata keys that look like indices stay keys; values stay strings',
      'metadata[0]=1&metadata[1]=2',
      'update_params',
      {
        metadata: { '0': '1', '1': '2' },
      },
    ],
    [
      'expand indices order the array',
      'expand[1]=invoice&expand[0]=customer',
      'update_params',
      {
        expand: ['customer', 'invoice'],
      },
    ],
    ['percent-encoded brackets', 'metadata%5Bnote%5D=a%26b', 'update_params', { metadata: { note: 'a&b' } }],
  ] as const)('%s', (_name, text, kind, want) => {
    const params = decode(text, kind);
    expect(params).toEqual(want);
    expect(validate(kind, params).errors).toEqual([]);
  });

  test('non-numeric integers stay strings, so the contract reports them', () => {
    const params = decode('amount=12.5&currency=usd&limit=ten', 'create_params');
    expect(params.amount).toBe('12.5');
    expect(validate('create_params', params).errors.map((e) => [e.path, e.code])).toEqual([
      ['/limit', 'unknown_property'],
      ['/amount', 'wrong_type'],
    ]);
  });

  test('a __proto__ key becomes data, never a prototype', () => {
    const params = decode('__proto__[admin]=1&amount=1&currency=usd', 'create_params');
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.hasOwn(params, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(validate('create_params', params).errors.map((e) => e.path)).toEqual(['/__proto__']);
  });

  test('keys split like Stripe reads them', () => {
    expect(parseFormKey('metadata[order_id]')).toEqual(['metadata', 'order_id']);
    expect(parseFormKey('expand[]')).toEqual(['expand', '']);
    expect(parseFormKey('created[gte]')).toEqual(['created', 'gte']);
    expect(parseFormKey('a[b')).toEqual(['a[b']);
  });
});

describe('matchOperation', () => {
  test.each([
    ['GET', '/v1/customers/cus_1/balance_transactions', 'listCustomerBalanceTransactions'],
    ['POST', '/v1/customers/cus_1/balance_transactions', 'createCustomerBalanceTransaction'],
    ['get', '/v1/customers/cus_1/balance_transactions/cbtxn_1', 'retrieveCustomerBalanceTransaction'],
    ['POST', '/v1/customers/cus_1/balance_transactions/cbtxn_1', 'updateCustomerBalanceTransaction'],
  ])('%s %s → %s', (method, path, operationId) => {
    expect(matchOperation(method, path)?.operationId).toBe(operationId);
  });

  test.each([
    ['GET', '/v1/customers/cus_1'],
    ['DELETE', '/v1/customers/cus_1/balance_transactions/cbtxn_1'],
    ['GET', '/v1/charges'],
    ['GET', '/v1/customers/cus_1/balance_transactions/cbtxn_1/extra'],
  ])('%s %s is another endpoint', (method, path) => {
    expect(matchOperation(method, path)).toBeUndefined();
  });
});
