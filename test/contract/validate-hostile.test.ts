/**
 * `validate` never throws and never writes to its input, whatever the input: garbage, cycles,
 * prototype keys, 100 000 levels of nesting, 10 MB strings, throwing getters and proxies, BigInt,
 * symbols, functions, sparse and huge arrays, null-prototype objects.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/contract/index.js';
import { CONTRACT_KINDS, type ContractKind, type ValidationResult } from '../../src/contract/types.js';
import { deepFreeze, snapshot } from './support/deep-freeze.js';
import { loadFixture } from './support/fixtures.js';

type Json = Record<string, unknown>;
const seed = () => loadFixture<Json>('contract/valid/seed-object.json');
const listOf = (data: unknown) => ({
  object: 'list',
  url: '/v1/customers/cus_NcjdgdwZyI9Rj7/balance_transactions',
  has_more: false,
  data,
});

function nested(levels: number): Json {
  const root: Json = {};
  let cursor = root;
  for (let i = 0; i < levels; i += 1) {
    const next: Json = {};
    cursor.a = next;
    cursor = next;
  }
  return root;
}

function nestedArrays(levels: number): unknown[] {
  let value: unknown[] = [];
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
}

function throwingGetter(): Json {
  return Object.defineProperty(seed(), 'amount', {
    enumerable: true,
    get() {
      throw new Error('getter exploded');
    },
  });
}

function throwingProxy(): object {
  const fail = () => {
    throw new Error('trap exploded');
  };
  return new Proxy(
    {},
    { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail },
  );
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function cyclic(): Json {
  const tx = seed();
  tx.self = tx;
  tx.metadata = { loop: tx };
  return tx;
}

function sparse(): unknown[] {
  const data: unknown[] = [];
  data[5] = seed();
  return data;
}

function huge(): unknown[] {
  const data: unknown[] = [];
  data.length = 2 ** 32 - 1;
  return data;
}

const TEN_MB = 10 * 1024 * 1024;

/** [name, value factory] — factories, so each case gets a fresh value. */
const hostile: [string, () => unknown][] = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['NaN', () => Number.NaN],
  ['Infinity', () => Number.POSITIVE_INFINITY],
  ['a string', () => 'customer_balance_transaction'],
  ['BigInt', () => 10n ** 400n],
  ['a symbol', () => Symbol('cbtxn')],
  ['a function', () => () => seed()],
  ['a class instance (Date)', () => new Date(0)],
  ['a Map', () => new Map([['id', 'cbtxn_1']])],
  ['an empty array', () => []],
  [
    '__proto__ and constructor keys (JSON.parse)',
    () => JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": 1}, "id": "cbtxn_1"}'),
  ],
  [
    'a __proto__ key in metadata',
    () => ({ ...seed(), metadata: JSON.parse('{"__proto__": {"isAdmin": true}}') }),
  ],
  ['Object.create(null) copy of a valid object', () => Object.assign(Object.create(null), seed())],
  ['100 000 levels of nested objects', () => nested(100_000)],
  ['100 000 levels of nesting under metadata', () => ({ ...seed(), metadata: nested(100_000) })],
  [
    '100 000 levels inside an expanded customer',
    () => ({ ...seed(), customer: { id: 'cus_1', object: 'customer', x: nested(100_000) } }),
  ],
  ['100 000 nested arrays as list data', () => listOf(nestedArrays(100_000))],
  ['a cycle', cyclic],
  [
    'a cycle in list data',
    () => {
      const list = listOf([]);
      (list.data as unknown[]).push(list);
      return list;
    },
  ],
  ['a 10 MB description', () => ({ ...seed(), description: 'x'.repeat(TEN_MB) })],
  ['a 10 MB currency', () => ({ ...seed(), currency: 'u'.repeat(TEN_MB) })],
  ['a 10 MB url', () => ({ ...listOf([]), url: `/v1/customers/${'c'.repeat(TEN_MB)}` })],
  ['a 10 MB unknown key', () => ({ ...seed(), ['k'.repeat(TEN_MB)]: 1 })],
  ['a 10 MB metadata key', () => ({ ...seed(), metadata: { ['k'.repeat(TEN_MB)]: 'v' } })],
  ['a throwing getter', throwingGetter],
  ['a throwing getter inside list data', () => listOf([throwingGetter()])],
  ['a proxy whose every trap throws', throwingProxy],
  ['a throwing proxy as list data', () => listOf(throwingProxy())],
  ['a throwing proxy as metadata', () => ({ ...seed(), metadata: throwingProxy() })],
  ['a revoked proxy', revokedProxy],
  ['a revoked proxy as customer', () => ({ ...seed(), customer: revokedProxy() })],
  ['a sparse array as list data', () => listOf(sparse())],
  ['list data with length 2^32 - 1', () => listOf(huge())],
  ['expand with length 2^32 - 1', () => ({ amount: 1, currency: 'usd', expand: huge() })],
  ['symbol keys and values', () => ({ ...seed(), [Symbol('k')]: 1, type: Symbol('adjustment') })],
  ['BigInt amounts', () => ({ ...seed(), amount: 5n, ending_balance: -5n })],
  ['functions as fields', () => ({ ...seed(), customer: () => 'cus_1', metadata: () => ({}) })],
  [
    'a getter that throws a throwing proxy',
    () =>
      Object.defineProperty({}, 'id', {
        enumerable: true,
        get() {
          throw throwingProxy();
        },
      }),
  ],
  [
    '50 000 unknown properties',
    () => Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])),
  ],
];

/** Checks the result's shape; plain code first, one `expect` at the end (issues can number 50 000). */
function expectWellFormed(result: ValidationResult): void {
  const problems: string[] = [];
  if (result.valid !== (result.errors.length === 0)) problems.push('valid disagrees with errors');
  for (const issue of [...result.errors, ...result.warnings]) {
    if (typeof issue.path !== 'string' || !(issue.path === '' || issue.path.startsWith('/'))) {
      problems.push(`bad path ${String(issue.path).slice(0, 50)}`);
    }
    for (const field of ['code', 'keyword', 'message', 'expected', 'received'] as const) {
      if (typeof issue[field] !== 'string' || issue[field] === '')
        problems.push(`empty ${field} at ${issue.path}`);
    }
    if (issue.received.length > 100) problems.push(`received of ${issue.received.length} characters`);
  }
  expect(problems.slice(0, 5)).toEqual([]);
}

describe('validate never throws', () => {
  test.each(hostile)('%s, for every kind', (_name, make) => {
    for (const kind of CONTRACT_KINDS) {
      let result: ValidationResult | undefined;
      expect(() => {
        result = validate(kind, make());
      }).not.toThrow();
      if (!result) throw new Error('no result');
      expectWellFormed(result);
    }
  });

  test('hostile values fail (none passes as a transaction or a list, except two legitimate ones)', () => {
    // Still valid data: a null-prototype copy of a valid object, and an expanded customer (whose
    // other fields the contract leaves open) that happens to hold something deep.
    const legitimate = new Set([
      'Object.create(null) copy of a valid object',
      '100 000 levels inside an expanded customer',
    ]);
    for (const [name, make] of hostile) {
      for (const kind of ['customer_balance_transaction', 'customer_balance_transaction_list'] as const) {
        const expectValid = legitimate.has(name) && kind === 'customer_balance_transaction';
        expect(validate(kind, make()).valid, `${name} as ${kind}`).toBe(expectValid);
      }
    }
  });

  test('a throwing getter is reported as unreadable_value, with the thrown message', () => {
    const result = validate('customer_balance_transaction', throwingGetter());
    expect(result.errors).toEqual([expect.objectContaining({ path: '', code: 'unreadable_value' })]);
    expect(result.errors[0]?.message).toContain('getter exploded');
  });

  test('an array too long to walk is refused up front with its path', () => {
    const result = validate('customer_balance_transaction_list', listOf(huge()));
    expect(result.errors).toEqual([expect.objectContaining({ path: '/data', code: 'too_many_items' })]);
  });

  test('a 10 MB string is previewed, not dumped', () => {
    const result = validate('customer_balance_transaction', { ...seed(), description: 'x'.repeat(TEN_MB) });
    const issue = result.errors[0];
    expect(issue?.code).toBe('too_long');
    expect(issue?.received).toMatch(/^string of 10485760 characters "x+…/);
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
  });

  test('garbage options and kinds are data too', () => {
    expect(validate('customer_balance_transaction', seed(), null as never).valid).toBe(true);
    expect(validate('customer_balance_transaction', seed(), 42 as never).valid).toBe(true);
    expect(
      validate('customer_balance_transaction', seed(), { semantic: 'yes' as never }).errors[0]?.code,
    ).toBe('invalid_option');
    for (const kind of [undefined, null, 1, {}, Symbol('k'), 'Customer_Balance_Transaction']) {
      expect(validate(kind as never, seed()).errors[0]?.code).toBe('unknown_kind');
    }
  });

  test('arbitrary values from fast-check never throw', () => {
    const kind = fc.constantFrom<ContractKind>(...CONTRACT_KINDS);
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    fc.assert(
      fc.property(kind, anything, (k, value) => {
        expectWellFormed(validate(k, value));
        expectWellFormed(validate(k, value, { mode: 'tolerant' }));
      }),
      { numRuns: 300 },
    );
  });

  test('mutated valid objects never throw either', () => {
    const field = fc.constantFrom(...Object.keys(seed()), 'unknown', '__proto__');
    fc.assert(
      fc.property(field, fc.anything({ withBigInt: true, withNullPrototype: true }), (key, value) => {
        const tx = seed();
        Object.defineProperty(tx, key, { value, enumerable: true, configurable: true, writable: true });
        expectWellFormed(validate('customer_balance_transaction', tx));
        expectWellFormed(validate('customer_balance_transaction_list', listOf([tx, tx])));
      }),
      { numRuns: 300 },
    );
  });
});

describe('validate never mutates its input', () => {
  const mutable: [string, () => unknown][] = [
    ['a valid object', seed],
    ['a valid list page', () => loadFixture('contract/valid/ledger-page.json')],
    [
      'an invalid object (anyOf, unknown field, wrong types)',
      () => ({ ...seed(), invoice: 5, extra: { a: [1, 2] }, amount: 'x' }),
    ],
    ['a cycle', cyclic],
    ['a sparse list', () => listOf(sparse())],
    ['prototype keys', () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}')],
    ['a null-prototype object', () => Object.assign(Object.create(null), seed())],
    ['deep nesting', () => ({ ...seed(), metadata: nested(1_000) })],
  ];

  test.each(mutable)('%s, deep-frozen: no throw, same result as unfrozen', (_name, make) => {
    for (const kind of CONTRACT_KINDS) {
      const frozen = deepFreeze(make());
      const before = snapshot(frozen);
      const result = validate(kind, frozen);
      expect(snapshot(frozen)).toBe(before);
      expect(validate(kind, make())).toEqual(result);
    }
  });

  test.each(mutable)('%s, unfrozen: structure unchanged (strict and tolerant)', (_name, make) => {
    for (const kind of CONTRACT_KINDS) {
      const value = make();
      const before = snapshot(value);
      validate(kind, value);
      validate(kind, value, { mode: 'tolerant', semantic: false });
      expect(snapshot(value)).toBe(before);
    }
  });

  test('nothing leaks onto Object.prototype', () => {
    validate('customer_balance_transaction', JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
