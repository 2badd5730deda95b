/**
 * The one route table of the Customer Balance Transactions API: for each of the four
 * operations its method, path pattern, where its parameters travel and their kind, and the
 * contract kind of its 2xx response. The mock routes by it, the recorder and the `validate` CLI
 * classify HAR entries by it, and `validate --help` prints it.
 */

/** The four operations, by the name the mock's request log uses. */
export type OperationName = 'create' | 'list' | 'retrieve' | 'update';

/** Which parameters an operation takes (`retrieve_params` is `expand` alone). */
export type ParamsKind = 'create_params' | 'update_params' | 'list_params' | 'retrieve_params';

/** One operation of the API. */
export interface Route {
  readonly name: OperationName;
  readonly operationId:
    | 'createCustomerBalanceTransaction'
    | 'listCustomerBalanceTransactions'
    | 'retrieveCustomerBalanceTransaction'
    | 'updateCustomerBalanceTransaction';
  readonly method: 'GET' | 'POST';
  /** The path as the OpenAPI spec writes it. */
  readonly path: string;
  /** Where the parameters travel (GET: the query string; POST: the form body) and their kind. */
  readonly params: { readonly in: 'query' | 'body'; readonly kind: ParamsKind };
  /** The contract kind of a 2xx body; any other status answers with the `error` envelope. */
  readonly response: 'customer_balance_transaction' | 'customer_balance_transaction_list';
}

const COLLECTION_PATH = '/v1/customers/{customer}/balance_transactions';
const ITEM_PATH = '/v1/customers/{customer}/balance_transactions/{transaction}';

export const ROUTES: readonly Route[] = Object.freeze([
  {
    name: 'create',
    operationId: 'createCustomerBalanceTransaction',
    method: 'POST',
    path: COLLECTION_PATH,
    params: { in: 'body', kind: 'create_params' },
    response: 'customer_balance_transaction',
  },
  {
    name: 'retrieve',
    operationId: 'retrieveCustomerBalanceTransaction',
    method: 'GET',
    path: ITEM_PATH,
    params: { in: 'query', kind: 'retrieve_params' },
    response: 'customer_balance_transaction',
  },
  {
    name: 'update',
    operationId: 'updateCustomerBalanceTransaction',
    method: 'POST',
    path: ITEM_PATH,
    params: { in: 'body', kind: 'update_params' },
    response: 'customer_balance_transaction',
  },
  {
    name: 'list',
    operationId: 'listCustomerBalanceTransactions',
    method: 'GET',
    path: COLLECTION_PATH,
    params: { in: 'query', kind: 'list_params' },
    response: 'customer_balance_transaction_list',
  },
] as const satisfies readonly Route[]);

const COLLECTION = /^\/v1\/customers\/([^/]+)\/balance_transactions\/?$/;
const ITEM = /^\/v1\/customers\/([^/]+)\/balance_transactions\/([^/]+)\/?$/;
/** The subtree of the four routes: every method and deeper path here is ours to answer (404 or not). */
const SUBTREE = /^\/v1\/customers\/[^/]+\/balance_transactions(?:\/|$)/;

/** A request matched to one operation, with the ids from its path (percent-decoded). */
export interface MatchedRoute {
  route: Route;
  customer: string;
  /** The transaction id, for retrieve and update. */
  transaction: string | undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The operation `method` and `path` (no query string) address, or `undefined`. */
export function matchRoute(method: string, path: string): MatchedRoute | undefined {
  const upper = method.toUpperCase();
  const item = ITEM.exec(path);
  const collection = item ? undefined : COLLECTION.exec(path);
  const match = item ?? collection;
  if (!match) return undefined;
  const pattern = item ? ITEM_PATH : COLLECTION_PATH;
  const route = ROUTES.find((r) => r.method === upper && r.path === pattern);
  if (!route) return undefined;
  return {
    route,
    customer: decodeSegment(match[1] ?? ''),
    transaction: item ? decodeSegment(item[2] ?? '') : undefined,
  };
}

/**
 * True for any path under the four routes' paths, whatever the method: interceptors claim these
 * so that every transport answers them as the core does (`404 Unrecognized request URL` for a
 * method or depth Stripe has no endpoint for), while other paths stay free for other mocks.
 */
export function isOwnPath(path: string): boolean {
  return SUBTREE.test(path);
}

/** `METHOD /path` lines of the route table, for help texts. */
export function routeSummary(): string[] {
  return ROUTES.map((r) => `${r.method.padEnd(4)} ${r.path}  (${r.name}: ${r.params.kind} → ${r.response})`);
}
