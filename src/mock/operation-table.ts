/** Every operation the mock serves, by route name: the core's one lookup from a matched route. */
import type { MatchedRoute, OperationName } from '../stripe/routes.js';
import { CUSTOMER_OPERATIONS } from './customer-operations.js';
import { type MockOperation, TRANSACTION_OPERATIONS } from './operations.js';

export const OPERATIONS: Readonly<Record<OperationName, MockOperation>> = {
  ...TRANSACTION_OPERATIONS,
  ...CUSTOMER_OPERATIONS,
};

/** The operation a matched route runs. */
export function operationFor(matched: MatchedRoute): MockOperation {
  return OPERATIONS[matched.route.name];
}
