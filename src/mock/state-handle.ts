/**
 * The part of a mock handle that is about state, not transport: customers, seeding, the request
 * log, fault injection, reset. `mockStripe()`, the loopback server and the msw handlers all hand
 * out this same view of their one {@link StripeCore}, so a test reads the same way whichever
 * transport it uses.
 */
import type { StrictCustomerBalanceTransaction } from '../types.js';
import type { MockContractViolationError } from '../errors.js';
import type { RecordedRequest, StripeCore } from './core.js';
import type { Fault } from './faults.js';
import { type Simulations, simulations } from './simulations.js';
import type { AddCustomerInput, MockCustomer, MockDeletedCustomer, SeedInput } from './store.js';

/** The state of a Stripe mock and the levers a test pulls on it, shared by every transport. */
export interface MockState {
  /** The mock's customers. */
  readonly customers: {
    /**
     * Adds a customer (id defaults to a fresh `cus_…`) and returns it as the API would with
     * `expand[]=invoice_credit_balance`. A starting `balance` needs a `currency` and is recorded
     * as the `initial` transaction, as on Stripe.
     */
    add(input?: AddCustomerInput): MockCustomer;
    /**
     * The customer as the API returns it (with `invoice_credit_balance` expanded), Stripe's
     * `{ id, object: 'customer', deleted: true }` once deleted, or `undefined` if the mock never
     * knew it. Whatever its `Stripe-Account`: the handle sees every account.
     */
    get(id: string): MockCustomer | MockDeletedCustomer | undefined;
  };
  /**
   * Preloads transactions (for instance a ledger from `createFixtures().ledger()`, or the `data`
   * of a page stripe-node fetched), or a ledger with its customer
   * (`fx.ledger({ withCustomer: true })`: the customer as given, email, name and all). Each must
   * pass the strict contract: the type takes whatever Stripe may send, and a value outside the
   * contract throws an `InvalidSeedError`.
   */
  seed(input: SeedInput): void;
  /**
   * The customer's transactions, oldest first, as the mock stores them: strict, with links as
   * ids (unless seeded expanded), so they fit `Stripe.CustomerBalanceTransaction`.
   */
  transactions(customer: string): StrictCustomerBalanceTransaction[];
  /** Every request received, bodies and queries decoded, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Responses the mock refused to send because they broke the contract (each also failed its request). */
  readonly violations: readonly MockContractViolationError[];
  /** Injects a fault into the next request(s). */
  failNext(fault: Fault): void;
  /**
   * Stripe's own balance flows, run on the mock's state: an invoice finalized (the balance applied
   * to it) or voided, a credit note, an overpayment, an invoice too small or too large to charge,
   * a Checkout Session paid or canceled. Each appends the transaction Stripe would record and
   * returns what it made; bad input is refused with the `StripeApiError` the API would give.
   */
  readonly simulate: Simulations;
  /** Forgets all state, faults and logged requests; the transport stays in place. */
  reset(): void;
}

/** The {@link MockState} view of one core. Getters, so `requests` stays live after `reset()`. */
export function stateHandle(core: StripeCore): MockState {
  return {
    customers: {
      add: (input) => core.store.addCustomer(input),
      get: (id) => core.store.getCustomer(id),
    },
    seed: (input) => core.store.seed(input),
    // Seeds passed the strict contract and the mock builds its own strict, with ids for links.
    transactions: (customer) =>
      structuredClone([
        ...core.store.transactionsOf(customer).values(),
      ]) as StrictCustomerBalanceTransaction[],
    get requests() {
      return core.requests;
    },
    get violations() {
      return core.violations;
    },
    failNext: (fault) => core.faults.push(fault),
    simulate: simulations(core),
    reset: () => core.reset(),
  };
}

/**
 * `extra` with the {@link MockState} of `core` added. Property descriptors are copied, not values:
 * spreading the handle would freeze `requests` and `violations` at the moment of the spread.
 */
export function withState<T extends object>(core: StripeCore, extra: T): MockState & NoInfer<T> {
  return Object.defineProperties(extra, Object.getOwnPropertyDescriptors(stateHandle(core))) as MockState & T;
}
