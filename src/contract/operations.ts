/**
 * The four operations of the API, matched by HTTP method and URL path, with the contract kinds
 * of their request parameters and their 2xx response.
 */
import type { ContractKind } from './types.js';

/** One operation of the Customer Balance Transactions API. */
export interface Operation {
  operationId:
    | 'listCustomerBalanceTransactions'
    | 'createCustomerBalanceTransaction'
    | 'retrieveCustomerBalanceTransaction'
    | 'updateCustomerBalanceTransaction';
  method: 'GET' | 'POST';
  /** Where the parameters travel: the query string, the form body, or nowhere checkable. */
  params: { in: 'query' | 'body'; kind: ContractKind } | undefined;
  /** The kind of a 2xx response body; any other status answers with the `error` envelope. */
  response: ContractKind;
}

const LIST_PATH = /^\/v1\/customers\/([^/]+)\/balance_transactions\/?$/;
const ITEM_PATH = /^\/v1\/customers\/([^/]+)\/balance_transactions\/([^/]+)\/?$/;

const OPERATIONS: Readonly<Record<string, Operation>> = {
  'GET list': {
    operationId: 'listCustomerBalanceTransactions',
    method: 'GET',
    params: { in: 'query', kind: 'list_params' },
    response: 'customer_balance_transaction_list',
  },
  'POST list': {
    operationId: 'createCustomerBalanceTransaction',
    method: 'POST',
    params: { in: 'body', kind: 'create_params' },
    response: 'customer_balance_transaction',
  },
  // Retrieve takes only `expand`, which no contract kind describes on its own.
  'GET item': {
    operationId: 'retrieveCustomerBalanceTransaction',
    method: 'GET',
    params: undefined,
    response: 'customer_balance_transaction',
  },
  'POST item': {
    operationId: 'updateCustomerBalanceTransaction',
    method: 'POST',
    params: { in: 'body', kind: 'update_params' },
    response: 'customer_balance_transaction',
  },
};

/** The operation a request targets, or `undefined` for any other endpoint. */
export function matchOperation(method: string, pathname: string): Operation | undefined {
  const shape = LIST_PATH.test(pathname) ? 'list' : ITEM_PATH.test(pathname) ? 'item' : undefined;
  if (shape === undefined) return undefined;
  return OPERATIONS[`${method.toUpperCase()} ${shape}`];
}
