import type { MockCustomer } from '../../src/mock/index.js';
import type { MockState } from '../../src/mock/state-handle.js';

/** The handle's customer `id` when it is live (not deleted, known), for reading its balance. */
export function liveCustomer(mock: Pick<MockState, 'customers'>, id: string): MockCustomer | undefined {
  const customer = mock.customers.get(id);
  return customer && !customer.deleted ? customer : undefined;
}
