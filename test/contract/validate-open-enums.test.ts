/**
 * Enums Stripe extends without a new API version (`x-stripeBypassValidation` in its spec; for a
 * transaction, `type`): in tolerant mode, for responses of newer API versions, a value this
 * contract does not know is a warning with its path; in strict mode it stays an error.
 */
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/contract/index.js';
import { isOpenEnum } from '../../src/contract/open-enums.js';
import { schemas } from '../../src/generated/schemas.js';
import { loadFixture } from './support/fixtures.js';

type Json = Record<string, unknown>;
type Page = Json & { data: Json[] };

const seed = () => loadFixture<Json>('contract/valid/seed-object.json');
const page = () => loadFixture<Page>('contract/valid/ledger-page.json');
const pathsAndCodes = (issues: readonly { path: string; code: string }[]) =>
  issues.map((i) => [i.path, i.code]);

describe('an unknown transaction type', () => {
  test.each(['refund', 'some_new_type'])('%s: a warning at /type in tolerant mode', (type) => {
    const result = validate('customer_balance_transaction', { ...seed(), type }, { mode: 'tolerant' });
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        path: '/type',
        code: 'enum_mismatch',
        keyword: 'enum',
        received: `string "${type}"`,
        message: expect.stringContaining('Stripe adds values to this enum'),
      }),
    ]);
  });

  test('an error in strict mode, as before', () => {
    const result = validate('customer_balance_transaction', { ...seed(), type: 'refund' });
    expect(result.valid).toBe(false);
    expect(pathsAndCodes(result.errors)).toEqual([['/type', 'enum_mismatch']]);
    expect(result.warnings).toEqual([]);
  });

  test('a list item in tolerant mode: the warning points into data', () => {
    const p = page();
    const item = p.data[3];
    if (!item) throw new Error('fixture has no data[3]');
    item.type = 'some_new_type';
    const result = validate('customer_balance_transaction_list', p, { mode: 'tolerant' });
    expect(result).toEqual({
      valid: true,
      errors: [],
      warnings: [expect.objectContaining({ path: '/data/3/type', code: 'enum_mismatch' })],
    });
    expect(pathsAndCodes(validate('customer_balance_transaction_list', p).errors)).toEqual([
      ['/data/3/type', 'enum_mismatch'],
    ]);
  });

  test('the type ⇄ link rule implies nothing for a type it does not know (any links)', () => {
    for (const links of [
      {},
      { invoice: 'in_1' },
      {
        invoice: null,
        credit_note: 'cn_1',
        checkout_session: { id: 'cs_test_1', object: 'checkout.session' },
      },
    ]) {
      const tx = { ...seed(), ...links, type: 'some_new_type' };
      const result = validate('customer_balance_transaction', tx, { mode: 'tolerant' });
      expect(result.errors).toEqual([]);
      expect(pathsAndCodes(result.warnings)).toEqual([['/type', 'enum_mismatch']]);
    }
  });

  test('other rules still apply to such a transaction', () => {
    const tx = { ...seed(), type: 'some_new_type', id: 'txn_1' };
    const result = validate('customer_balance_transaction', tx, { mode: 'tolerant' });
    expect(pathsAndCodes(result.errors)).toEqual([['/id', 'id_prefix']]);
    expect(pathsAndCodes(result.warnings)).toEqual([['/type', 'enum_mismatch']]);
  });

  test('a value of another JSON type is still an error', () => {
    const result = validate('customer_balance_transaction', { ...seed(), type: 7 }, { mode: 'tolerant' });
    expect(result.valid).toBe(false);
    expect(result.warnings).toEqual([]);
  });
});

describe('closed enums stay closed in tolerant mode', () => {
  test.each([
    ['customer_balance_transaction', { ...seed(), object: 'charge' }, '/object'],
    ['customer_balance_transaction_list', { ...page(), object: 'search_result' }, '/object'],
    ['error', { error: { type: 'card_errorx' } }, '/error/type'],
  ] as const)('%s %s', (kind, value, path) => {
    const result = validate(kind, value, { mode: 'tolerant' });
    expect(result.valid).toBe(false);
    expect(pathsAndCodes(result.errors)).toEqual([[path, 'enum_mismatch']]);
  });
});

describe('which enums are open', () => {
  const transaction = schemas.customer_balance_transaction as unknown as {
    properties: Record<string, Json>;
  };
  test('the transaction type (by its values, the one table of types)', () => {
    expect(isOpenEnum(transaction.properties.type)).toBe(true);
  });
  test('no other enum of the contract', () => {
    expect(isOpenEnum(transaction.properties.object)).toBe(false);
    expect(isOpenEnum({ type: 'string', enum: ['adjustment'] })).toBe(false);
    expect(isOpenEnum(undefined)).toBe(false);
  });
  test('a schema node carrying Stripe’s marker counts, whatever its values', () => {
    expect(isOpenEnum({ type: 'string', enum: ['a', 'b'], 'x-stripeBypassValidation': true })).toBe(true);
  });
});
