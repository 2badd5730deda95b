/**
 * Stripe's form dialect, read the one way the mock and `validate` both read it: Rack-style
 * decoding (src/stripe/form-codec.ts), then the parameters of the route's kind
 * (src/stripe/params.ts). Refusals are Stripe's 400s with the parameter named.
 */
import { describe, expect, test } from 'vitest';
import { StripeApiError } from '../../src/errors.js';
import { checkContentType, decodeForm, encodeForm } from '../../src/stripe/form-codec.js';
import { parseParams } from '../../src/stripe/params.js';
import type { ParamsKind } from '../../src/stripe/routes.js';

const read = (kind: ParamsKind, text: string) => parseParams(kind, decodeForm(text));

function refusal(run: () => unknown): StripeApiError['error'] & { status: number } {
  try {
    run();
  } catch (error) {
    if (error instanceof StripeApiError) return { status: error.status, ...error.error };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reading forms as parameters', () => {
  test.each([
    [
      'create with metadata and expand (what the official client sends)',
      'create_params',
      'amount=-500&currency=usd&description=Goodwill+credit&metadata[order_id]=6735&expand[0]=customer&expand[1]=invoice',
      {
        amount: -500,
        currency: 'usd',
        description: 'Goodwill credit',
        metadata: { order_id: '6735' },
        expand: ['customer', 'invoice'],
      },
    ],
    [
      'empty brackets append',
      'update_params',
      'expand[]=customer&expand[]=invoice',
      { expand: ['customer', 'invoice'] },
    ],
    [
      'list: limit and a created range become integers',
      'list_params',
      'limit=3&created[gte]=1680216086&created[lt]=1680300000',
      { limit: 3, created: { gte: 1680216086, lt: 1680300000 } },
    ],
    ['list: an exact created time', 'list_params', 'created=1680216086', { created: 1680216086 }],
    ['update: "metadata=" unsets everything', 'update_params', 'metadata=', { metadata: '' }],
    [
      'metadata keys that look like indices stay keys',
      'update_params',
      'metadata[0]=1&metadata[1]=2',
      { metadata: { '0': '1', '1': '2' } },
    ],
    [
      'expand indices order the array',
      'update_params',
      'expand[1]=invoice&expand[0]=customer',
      { expand: ['customer', 'invoice'] },
    ],
    ['percent-encoded brackets', 'update_params', 'metadata%5Bnote%5D=a%26b', { metadata: { note: 'a&b' } }],
    [
      'the last of repeated keys wins (Rack)',
      'create_params',
      'amount=1&amount=2&currency=usd',
      { amount: 2, currency: 'usd' },
    ],
    [
      'a pair with an empty name is ignored',
      'retrieve_params',
      '=x&expand[]=customer',
      { expand: ['customer'] },
    ],
  ] as const)('%s', (_name, kind, text, want) => {
    expect(read(kind, text)).toEqual(want);
  });

  test.each([
    [
      'a key both a value and a hash',
      'create_params',
      'amount=1&currency=usd&metadata=x&metadata[k]=v',
      'metadata',
      /Invalid hash/,
    ],
    [
      '[] mixed with indices (Rack refuses)',
      'update_params',
      'expand[]=a&expand[0]=b',
      'expand',
      /Invalid hash/,
    ],
    ['a fraction for an integer', 'create_params', 'amount=12.5&currency=usd', 'amount', /Invalid integer/],
    [
      'an unknown parameter',
      'create_params',
      'amount=1&currency=usd&type=credit_note',
      'type',
      /unknown parameter/,
    ],
    ['a missing required one', 'create_params', 'currency=usd', 'amount', /Missing required param/],
    ['an unsupported currency', 'create_params', 'amount=1&currency=xyz', 'currency', /Invalid currency/],
    [
      'limit beyond 100, checked by the paging rule',
      'list_params',
      'limit=101',
      'limit',
      /less than or equal to 100/,
    ],
  ] as const)('refuses %s, naming the parameter', (_name, kind, text, param, message) => {
    const error = refusal(() => read(kind, text));
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param });
    expect(error.message).toMatch(message);
  });

  test('keys are data: __proto__ never reaches a prototype', () => {
    const form = decodeForm('metadata[__proto__][admin]=1&__proto__=x');
    expect(Object.getPrototypeOf(form)).toBeNull();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(refusal(() => read('update_params', 'metadata[__proto__]=x&constructor=1')).param).toBe(
      'constructor',
    );
  });
});

describe('encoding as the official client does', () => {
  test('brackets for nesting and indices for arrays round-trip through the decoder', () => {
    const params = {
      amount: -500,
      currency: 'usd',
      metadata: { 'order id': 'a&b=c' },
      expand: ['customer', 'invoice'],
    };
    const text = encodeForm(params);
    expect(text).toBe(
      'amount=-500&currency=usd&metadata[order%20id]=a%26b%3Dc&expand[0]=customer&expand[1]=invoice',
    );
    expect(read('create_params', text)).toEqual(params);
  });
});

describe('content types', () => {
  test.each([
    undefined,
    'application/x-www-form-urlencoded',
    'Application/X-WWW-Form-Urlencoded; charset=utf-8',
  ])('reads %s as a form', (type) => {
    expect(() => checkContentType(type)).not.toThrow();
  });
  test.each(['application/json', 'text/plain;charset=UTF-8', ''])('refuses %j as Stripe does', (type) => {
    expect(refusal(() => checkContentType(type)).message).toMatch(/unsupported Content-Type/);
  });
});
