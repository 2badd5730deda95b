/**
 * The one route table of the API the kit speaks: the four Customer Balance Transactions
 * operations and the five customer operations whose `balance` they move. For each, its method,
 * path pattern, where its parameters travel and their kind, and the contract kind of its 2xx
 * response. The mock routes by it, the recorder and the `validate` CLI classify HAR entries by
 * it, and `validate --help` prints it.
 */

/** The operations, by the name the mock's request log uses. */
export type OperationName =
  | 'create'
  | 'list'
  | 'retrieve'
  | 'update'
  | 'createCustomer'
  | 'listCustomers'
  | 'retrieveCustomer'
  | 'updateCustomer'
  | 'deleteCustomer';

/**
 * Which parameters an operation takes (`retrieve_params` and `customer_retrieve_params` are
 * `expand` alone; `customer_delete_params` is none).
 */
export type ParamsKind =
  | 'create_params'
  | 'update_params'
  | 'list_params'
  | 'retrieve_params'
  | 'customer_create_params'
  | 'customer_update_params'
  | 'customer_list_params'
  | 'customer_retrieve_params'
  | 'customer_delete_params';

/** The contract kind of an operation's 2xx body. */
export type ResponseKind =
  | 'customer_balance_transaction'
  | 'customer_balance_transaction_list'
  | 'customer'
  | 'deleted_customer'
  | 'customer_list';

/** One operation of the API. */
export interface Route {
  readonly name: OperationName;
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The path as the OpenAPI spec writes it. */
  readonly path: string;
  /** Where the parameters travel (GET, DELETE: the query string; POST: the form body) and their kind. */
  readonly params: { readonly in: 'query' | 'body'; readonly kind: ParamsKind };
  /**
   * The contract kind of a 2xx body; any other status answers with the `error` envelope.
   * Retrieving a deleted customer answers `deleted_customer` instead (see {@link responseKindOf}).
   */
  readonly response: ResponseKind;
}

const CUSTOMERS_PATH = '/v1/customers';
const CUSTOMER_PATH = '/v1/customers/{customer}';
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
  {
    name: 'createCustomer',
    operationId: 'createCustomer',
    method: 'POST',
    path: CUSTOMERS_PATH,
    params: { in: 'body', kind: 'customer_create_params' },
    response: 'customer',
  },
  {
    name: 'retrieveCustomer',
    operationId: 'retrieveCustomer',
    method: 'GET',
    path: CUSTOMER_PATH,
    params: { in: 'query', kind: 'customer_retrieve_params' },
    response: 'customer',
  },
  {
    name: 'updateCustomer',
    operationId: 'updateCustomer',
    method: 'POST',
    path: CUSTOMER_PATH,
    params: { in: 'body', kind: 'customer_update_params' },
    response: 'customer',
  },
  {
    name: 'deleteCustomer',
    operationId: 'deleteCustomer',
    method: 'DELETE',
    path: CUSTOMER_PATH,
    params: { in: 'query', kind: 'customer_delete_params' },
    response: 'deleted_customer',
  },
  {
    name: 'listCustomers',
    operationId: 'listCustomers',
    method: 'GET',
    path: CUSTOMERS_PATH,
    params: { in: 'query', kind: 'customer_list_params' },
    response: 'customer_list',
  },
] as const satisfies readonly Route[]);

const CUSTOMERS = /^\/v1\/customers\/?$/;
const CUSTOMER = /^\/v1\/customers\/([^/]+)\/?$/;
const COLLECTION = /^\/v1\/customers\/([^/]+)\/balance_transactions\/?$/;
const ITEM = /^\/v1\/customers\/([^/]+)\/balance_transactions\/([^/]+)\/?$/;
/** The subtree of the balance-transaction routes: every method and deeper path here is ours to answer. */
const SUBTREE = /^\/v1\/customers\/[^/]+\/balance_transactions(?:\/|$)/;
/**
 * `/v1/customers/search` is Stripe's customer search, not a customer id: neither routed nor
 * claimed, so another mock can answer it.
 */
const SEARCH = /^\/v1\/customers\/search\/?$/;

/** A request matched to one operation, with the ids from its path (percent-decoded). */
export interface MatchedRoute {
  route: Route;
  /** The customer id from the path; `''` for the customer collection (create, list). */
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

/** Which path pattern `path` has, with its raw id segments; `undefined` when it is none of ours. */
function patternOf(path: string): { pattern: string; ids: string[] } | undefined {
  if (SEARCH.test(path)) return undefined;
  const shapes: [RegExp, string][] = [
    [ITEM, ITEM_PATH],
    [COLLECTION, COLLECTION_PATH],
    [CUSTOMER, CUSTOMER_PATH],
    [CUSTOMERS, CUSTOMERS_PATH],
  ];
  for (const [regexp, pattern] of shapes) {
    const match = regexp.exec(path);
    if (match) return { pattern, ids: match.slice(1) };
  }
  return undefined;
}

/** The operation `method` and `path` (no query string) address, or `undefined`. */
export function matchRoute(method: string, path: string): MatchedRoute | undefined {
  const upper = method.toUpperCase();
  const shape = patternOf(path);
  if (!shape) return undefined;
  const route = ROUTES.find((r) => r.method === upper && r.path === shape.pattern);
  if (!route) return undefined;
  const [customer, transaction] = shape.ids;
  return {
    route,
    customer: customer === undefined ? '' : decodeSegment(customer),
    transaction: transaction === undefined ? undefined : decodeSegment(transaction),
  };
}

/**
 * True for the paths the kit answers, whatever the method: `/v1/customers`, one customer's path,
 * and anything under a customer's `balance_transactions`. Interceptors claim these so that every
 * transport answers them as the core does (`404 Unrecognized request URL` for a method or depth
 * Stripe has no endpoint for), while other paths (a customer's `sources`, customer search, …)
 * stay free for other mocks.
 */
export function isOwnPath(path: string): boolean {
  if (SEARCH.test(path)) return false;
  return SUBTREE.test(path) || CUSTOMERS.test(path) || CUSTOMER.test(path);
}

/**
 * The contract kind of a 2xx `body` of `route`: its `response`, except that retrieving a customer
 * that has been deleted answers Stripe's `deleted_customer` marker.
 */
export function responseKindOf(route: Route, body: unknown): ResponseKind {
  if (
    route.name === 'retrieveCustomer' &&
    typeof body === 'object' &&
    body !== null &&
    (body as { deleted?: unknown }).deleted === true
  ) {
    return 'deleted_customer';
  }
  return route.response;
}

/** `METHOD /path` lines of the route table, for help texts. */
export function routeSummary(): string[] {
  return ROUTES.map((r) => `${r.method.padEnd(6)} ${r.path}  (${r.name}: ${r.params.kind} → ${r.response})`);
}
