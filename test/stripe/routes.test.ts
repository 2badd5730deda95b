/** The one route table: what the mock routes, the recorder and `validate` classify, `--help` prints. */
import { describe, expect, test } from 'vitest';
import { isOwnPath, matchRoute, ROUTES, responseKindOf, routeSummary } from '../../src/stripe/routes.js';

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
    ['PUT', '/v1/customers/cus_1'],
    ['DELETE', '/v1/customers'],
    ['GET', '/v1/customers/search'],
    ['GET', '/v1/customers/cus_1/sources'],
    ['GET', '/v1/customers//balance_transactions'],
  ])('%s %s is no operation', (method, path) => {
    expect(matchRoute(method, path)).toBeUndefined();
  });

  test.each([
    ['POST', '/v1/customers', 'createCustomer', ''],
    ['GET', '/v1/customers/', 'listCustomers', ''],
    ['GET', '/v1/customers/cus_1', 'retrieveCustomer', 'cus_1'],
    ['POST', '/v1/customers/cus_1/', 'updateCustomer', 'cus_1'],
    ['delete', '/v1/customers/cus_1', 'deleteCustomer', 'cus_1'],
    ['GET', '/v1/customers/cus_a%2Fb', 'retrieveCustomer', 'cus_a/b'],
  ])('%s %s → %s', (method, path, name, customer) => {
    const matched = matchRoute(method, path);
    expect(matched?.route.name).toBe(name);
    expect(matched?.customer).toBe(customer);
    expect(matched?.transaction).toBeUndefined();
  });
});

test('a retrieved customer that was deleted answers the deleted_customer kind; nothing else does', () => {
  const retrieve = matchRoute('GET', '/v1/customers/cus_1')!.route;
  const update = matchRoute('POST', '/v1/customers/cus_1')!.route;
  expect(responseKindOf(retrieve, { id: 'cus_1', object: 'customer', deleted: true })).toBe(
    'deleted_customer',
  );
  expect(responseKindOf(retrieve, { id: 'cus_1', object: 'customer' })).toBe('customer');
  expect(responseKindOf(update, { id: 'cus_1', object: 'customer', deleted: true })).toBe('customer');
});

test('the paths the interceptors claim: the customers, one customer, the balance-transaction subtree', () => {
  for (const path of [
    C,
    `${C}/`,
    `${C}/x`,
    `${C}/x/y`,
    '/v1/customers',
    '/v1/customers/',
    '/v1/customers/cus_1',
  ]) {
    expect(isOwnPath(path)).toBe(true);
  }
  for (const path of [
    '/v1/customers/cus_1/balance_transactionsx',
    '/v1/customers/cus_1/sources',
    '/v1/customers/search',
    '/v1/customersx',
    '/v1/charges',
  ]) {
    expect(isOwnPath(path)).toBe(false);
  }
});

test('nine operations, each with its params kind and response kind, summarised for --help', () => {
  expect(ROUTES.map((r) => `${r.method} ${r.name} ${r.params.kind} ${r.response}`)).toEqual([
    'POST create create_params customer_balance_transaction',
    'GET retrieve retrieve_params customer_balance_transaction',
    'POST update update_params customer_balance_transaction',
    'GET list list_params customer_balance_transaction_list',
    'POST createCustomer customer_create_params customer',
    'GET retrieveCustomer customer_retrieve_params customer',
    'POST updateCustomer customer_update_params customer',
    'DELETE deleteCustomer customer_delete_params deleted_customer',
    'GET listCustomers customer_list_params customer_list',
  ]);
  expect(routeSummary()).toHaveLength(9);
});
