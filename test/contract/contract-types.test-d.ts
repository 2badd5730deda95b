/** Type-level contract of the public API: narrowing, option types, and both matchers' typings. */
import { expect as jestExpect } from '@jest/globals';
import { describe, expect, expectTypeOf, test } from 'vitest';
import '../../src/contract/jest.js';
import '../../src/contract/vitest.js';
import {
  assertContract,
  type ContractIssue,
  type ContractKind,
  type ContractTypes,
  type ValidateOptions,
  type ValidationResult,
  validate,
} from '../../src/index.js';
import type {
  ExpandableField,
  ListParams,
  StrictCreateParams,
  StrictCustomer,
  StrictCustomerBalanceTransaction,
  StrictCustomerBalanceTransactionList,
  StrictUpdateParams,
  StripeErrorEnvelope,
} from '../../src/types.js';

describe('public contract types', () => {
  test('assertContract narrows to the strict type of each kind', () => {
    const a: unknown = null;
    assertContract('create_params', a);
    expectTypeOf(a).toEqualTypeOf<StrictCreateParams>();
    const u: unknown = null;
    assertContract('update_params', u);
    expectTypeOf(u).toEqualTypeOf<StrictUpdateParams>();
    const t: unknown = null;
    assertContract('customer_balance_transaction', t);
    expectTypeOf(t).toEqualTypeOf<StrictCustomerBalanceTransaction<ExpandableField>>();
    const l: unknown = null;
    assertContract('customer_balance_transaction_list', l);
    expectTypeOf(l).toEqualTypeOf<StrictCustomerBalanceTransactionList>();
    const b: unknown = null;
    assertContract('list_params', b);
    expectTypeOf(b).toEqualTypeOf<ListParams>();
    const c: unknown = null;
    assertContract('error', c, { mode: 'tolerant', semantic: false });
    expectTypeOf(c).toEqualTypeOf<StripeErrorEnvelope>();
    expectTypeOf<ContractTypes['error']>().toEqualTypeOf<StripeErrorEnvelope>();
    const d: unknown = null;
    assertContract('customer', d);
    expectTypeOf(d).toEqualTypeOf<StrictCustomer>();
    expectTypeOf(d.invoice_credit_balance).toEqualTypeOf<Record<string, number> | undefined>();
    const e: unknown = null;
    assertContract('deleted_customer', e);
    expectTypeOf(e.deleted).toEqualTypeOf<true>();
  });

  test('validate returns data with typed issues', () => {
    expectTypeOf(validate('error', {})).toEqualTypeOf<ValidationResult>();
    expectTypeOf<ValidationResult['errors'][number]>().toEqualTypeOf<ContractIssue>();
    expectTypeOf<ContractIssue['path']>().toEqualTypeOf<string>();
    expectTypeOf<ContractKind>().toEqualTypeOf<
      | 'customer_balance_transaction'
      | 'customer_balance_transaction_list'
      | 'error'
      | 'create_params'
      | 'update_params'
      | 'list_params'
      | 'customer'
      | 'deleted_customer'
      | 'customer_list'
      | 'customer_create_params'
      | 'customer_update_params'
      | 'customer_list_params'
    >();
    // @ts-expect-error: not a contract kind
    validate('charge', {});
    // @ts-expect-error: not a mode
    validate('error', {}, { mode: 'lenient' });
    expectTypeOf<ValidateOptions>().toEqualTypeOf<{
      mode?: 'strict' | 'tolerant' | undefined;
      semantic?: boolean | undefined;
    }>();
  });

  test('vitest matcher typings', () => {
    expect({}).toMatchContract('customer_balance_transaction');
    expect({}).not.toMatchContract('list_params', { mode: 'tolerant' });
    expect({}).toEqual(expect.toMatchContract('error'));
    // @ts-expect-error: not a contract kind
    expect({}).toMatchContract('charge');
  });

  test('jest matcher typings', () => {
    jestExpect({}).toMatchContract('customer_balance_transaction');
    jestExpect({}).not.toMatchContract('update_params', { semantic: false });
    jestExpect({}).toEqual(jestExpect.toMatchContract('error'));
    // @ts-expect-error: not a contract kind
    jestExpect({}).toMatchContract('charge');
  });
});
