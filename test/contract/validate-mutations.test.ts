/**
 * Each class of mutation of a valid Stripe example yields exactly the issue it should: the right
 * JSON pointer, the right stable code, and both sides of the comparison in words.
 */
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/contract/index.js';
import type { ContractIssue, ContractKind } from '../../src/contract/types.js';
import { loadFixture } from './support/fixtures.js';

type Json = Record<string, unknown>;

const seed = () => loadFixture<Json>('contract/valid/seed-object.json');
const page = () => loadFixture<Json & { data: Json[] }>('contract/valid/ledger-page.json');

function only(kind: ContractKind, value: unknown, options?: Parameters<typeof validate>[2]): ContractIssue {
  const result = validate(kind, value, options);
  expect(result.valid).toBe(false);
  expect(result.errors).toHaveLength(1);
  return result.errors[0] as ContractIssue;
}

interface Case {
  kind: ContractKind;
  mutate: () => unknown;
  path: string;
  code: string;
  expected?: RegExp;
  received?: RegExp;
}

const cases: Record<string, Case> = {
  'missing field': {
    kind: 'customer_balance_transaction',
    mutate: () => {
      const { ending_balance: _gone, ...rest } = seed();
      return rest;
    },
    path: '/ending_balance',
    code: 'missing_property',
    expected: /^integer$/,
    received: /absent/,
  },
  'wrong type': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), amount: '-500' }),
    path: '/amount',
    code: 'wrong_type',
    expected: /^integer$/,
    received: /^string "-500"$/,
  },
  'null where not nullable': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), livemode: null }),
    path: '/livemode',
    code: 'not_nullable',
    expected: /^boolean$/,
    received: /^null$/,
  },
  'null for a non-nullable expandable field': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), customer: null }),
    path: '/customer',
    code: 'not_nullable',
    expected: /string id or expanded customer object/,
  },
  'enum value outside the spec': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), type: 'refund' }),
    path: '/type',
    code: 'enum_mismatch',
    expected: /"adjustment".*"unspent_receiver_credit"/,
    received: /"refund"/,
  },
  'unknown field (strict)': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), balance_after: -500 }),
    path: '/balance_after',
    code: 'unknown_property',
    received: /number -500/,
  },
  'nested wrong type (metadata value)': {
    kind: 'customer_balance_transaction_list',
    mutate: () => {
      const p = page();
      (p.data[3] as Json).metadata = { order_id: 6735 };
      return p;
    },
    path: '/data/3/metadata/order_id',
    code: 'wrong_type',
    expected: /^string$/,
  },
  'format (negative unix time)': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), created: -1 }),
    path: '/created',
    code: 'format',
  },
  'pattern (upper-case currency)': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), currency: 'USD' }),
    path: '/currency',
    code: 'pattern',
  },
  'too long (description over 5000 characters)': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), description: 'x'.repeat(5001) }),
    path: '/description',
    code: 'too_long',
    expected: /at most 5000 characters/,
    received: /string of 5001 characters/,
  },
  'invalid metadata key': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), metadata: { 'items[0]': 'x' } }),
    path: '/metadata/items[0]',
    code: 'invalid_property_name',
  },
  'expanded object of the wrong kind': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), customer: { id: 'cus_NcjdgdwZyI9Rj7', object: 'account' } }),
    path: '/customer/object',
    code: 'enum_mismatch',
    expected: /^"customer"$/,
  },
  'expanded object without an id': {
    kind: 'customer_balance_transaction',
    mutate: () => ({ ...seed(), customer: { object: 'customer' } }),
    path: '/customer/id',
    code: 'missing_property',
  },
  'list limit out of range': {
    kind: 'list_params',
    mutate: () => ({ limit: 101 }),
    path: '/limit',
    code: 'out_of_range',
    expected: /<= 100/,
  },
  'both paging cursors': {
    kind: 'list_params',
    mutate: () => ({ starting_after: 'cbtxn_a', ending_before: 'cbtxn_b' }),
    path: '',
    code: 'mutually_exclusive',
  },
  'create without currency': {
    kind: 'create_params',
    mutate: () => ({ amount: -500 }),
    path: '/currency',
    code: 'missing_property',
  },
  'error envelope with an unknown error type': {
    kind: 'error',
    mutate: () => ({ error: { type: 'rate_limit_error', message: 'Too many requests' } }),
    path: '/error/type',
    code: 'enum_mismatch',
  },
};

describe('each mutation class yields its path and code', () => {
  test.each(Object.entries(cases))('%s', (_name, c) => {
    const issue = only(c.kind, c.mutate());
    expect(issue.path).toBe(c.path);
    expect(issue.code).toBe(c.code);
    if (c.expected) expect(issue.expected).toMatch(c.expected);
    if (c.received) expect(issue.received).toMatch(c.received);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.keyword.length).toBeGreaterThan(0);
  });
});

describe('anyOf noise becomes one clear issue per path', () => {
  test('a number for a nullable expandable field', () => {
    const issue = only('customer_balance_transaction', { ...seed(), invoice: 5 });
    expect(issue).toEqual({
      path: '/invoice',
      code: 'wrong_type',
      keyword: 'anyOf',
      message: 'expected string id, expanded invoice object, or null; received number 5',
      expected: 'string id, expanded invoice object, or null',
      received: 'number 5',
    });
  });

  test('a string for metadata (object or null)', () => {
    const issue = only('customer_balance_transaction', { ...seed(), metadata: 'order 6735' });
    expect(issue.path).toBe('/metadata');
    expect(issue.code).toBe('wrong_type');
    expect(issue.expected).toBe('metadata object of string values or null');
  });

  test('a plausible alternative keeps only its own failures (create metadata "x" is not "")', () => {
    const issue = only('create_params', { amount: 1, currency: 'usd', metadata: 'x' });
    expect(issue).toMatchObject({ path: '/metadata', code: 'enum_mismatch', expected: '"" (empty string)' });
  });

  test('a range filter with a bad bound reports the bound, not the whole anyOf', () => {
    const issue = only('list_params', { created: { gte: 'yesterday' } });
    expect(issue).toMatchObject({
      path: '/created/gte',
      code: 'wrong_type',
      expected: 'integer Unix timestamp',
    });
  });
});

describe('strict and tolerant modes', () => {
  const withNewField = () => ({ ...seed(), customer_tax_ids: ['txi_1'] });

  test('strict (the default) fails on an unknown property', () => {
    const result = validate('customer_balance_transaction', withNewField());
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([['/customer_tax_ids', 'unknown_property']]);
    expect(result.warnings).toEqual([]);
    expect(validate('customer_balance_transaction', withNewField(), { mode: 'strict' })).toEqual(result);
  });

  test('tolerant reports it as a warning and passes', () => {
    const result = validate('customer_balance_transaction', withNewField(), { mode: 'tolerant' });
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.path, w.code])).toEqual([['/customer_tax_ids', 'unknown_property']]);
  });

  test('tolerant still fails everything else (and keeps the warning)', () => {
    const result = validate(
      'customer_balance_transaction',
      { ...withNewField(), amount: 1.5 },
      { mode: 'tolerant' },
    );
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([['/amount', 'wrong_type']]);
    expect(result.warnings).toHaveLength(1);
  });

  test('tolerant applies inside alternatives too (a range filter with a future bound)', () => {
    const result = validate('list_params', { created: { gte: 1, within: 5 } }, { mode: 'tolerant' });
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => w.path)).toEqual(['/created/within']);
  });

  test('an invalid mode is reported, not thrown', () => {
    const result = validate('customer_balance_transaction', seed(), { mode: 'lenient' as never });
    expect(result.errors.map((e) => e.code)).toEqual(['invalid_option']);
  });
});

describe('kinds', () => {
  test('an unknown kind is data, not an exception', () => {
    const result = validate('charge' as never, seed());
    expect(result.valid).toBe(false);
    expect(result.errors).toMatchObject([{ path: '', code: 'unknown_kind' }]);
    expect(result.errors[0]?.expected).toContain('customer_balance_transaction_list');
  });

  test('`__proto__` and `toString` are not kinds', () => {
    expect(validate('__proto__' as never, {}).errors[0]?.code).toBe('unknown_kind');
    expect(validate('toString' as never, {}).errors[0]?.code).toBe('unknown_kind');
  });

  test('a non-object root names the expected kind', () => {
    const issue = only('customer_balance_transaction_list', []);
    expect(issue).toMatchObject({ path: '', code: 'wrong_type', received: 'array []' });
    expect(issue.expected).toContain('list');
  });
});
