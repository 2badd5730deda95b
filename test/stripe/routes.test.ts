/** The one route table: what the mock routes, the recorder and `validate` classify, `--help` prints. */
import { describe, expect, test } from 'vitest';
import { isOwnPath, matchRoute, ROUTES, routeSummary } from '../../src/stripe/routes.js';

const C = '/v1/customers/cus_1/balance_transactions';

describe('matchRoute', () => {
  test.each([
    ['POST', C, 'create', undefined],
    ['GET', C, 'list', undefined],
    ['get', `${C}/`, 'list', undefined],
    ['GET', `${C}/cbtxn_1`, 'retrieve', 'cbtxn_1'],
    ['POST', `${C}/cbtxn_1/`, 'update', 'cbtxn_1'],
    ['GET', `${C}/cbtxn_a%2Fb`, 'retrieve', 'cbtxn_a/b'],
    ['GET', `${C}/cbtxn_%ZZ`, 'retrieve', 'cbtxn_%ZZ'],
  ])('%s %s → %s', (method, path, name, transaction) => {
    const matched = matchRoute(method, path);
    expect(matched?.route.name).toBe(name);
    expect(matched?.customer).toBe('cus_1');
    expect(matched?.transaction).toBe(transaction);
  });

  test.each([
    ['DELETE', C],
    ['PUT', `${C}/cbtxn_1`],
    ['GET', `${C}/cbtxn_1/x`],
    ['GET', `${C}//`],
    ['GET', '/v1/customers/cus_1'],
    ['GET', '/v1/customers//balance_transactions'],
  ])('%s %s is no operation', (method, path) => {
    expect(matchRoute(method, path)).toBeUndefined();
  });
});

test('the subtree the interceptors claim: the four paths and below, nothing beside them', () => {
  for (const path of [C, `${C}/`, `${C}/x`, `${C}/x/y`]) expect(isOwnPath(path)).toBe(true);
  for (const path of ['/v1/customers/cus_1', '/v1/customers/cus_1/balance_transactionsx', '/v1/charges']) {
    expect(isOwnPath(path)).toBe(false);
  }
});

test('four operations, each with its params kind and response kind, summarised for --help', () => {
  expect(ROUTES.map((r) => `${r.method} ${r.name} ${r.params.kind} ${r.response}`)).toEqual([
    'POST create create_params customer_balance_transaction',
    'GET retrieve retrieve_params customer_balance_transaction',
    'POST update update_params customer_balance_transaction',
    'GET list list_params customer_balance_transaction_list',
  ]);
  expect(routeSummary()).toHaveLength(4);
});
