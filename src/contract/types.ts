/**
 * The data model of contract checks: which kinds of payload can be checked, the options, and the
 * shape of a finding. Failures are data (`ContractIssue`), never exceptions.
 */
import type { ContractIssue } from '../errors.js';
import type { ValidatedKind } from '../generated/validators.js';
import type {
  CustomerListParams,
  ExpandableField,
  ListParams,
  StrictCreateParams,
  StrictCustomer,
  StrictCustomerBalanceTransaction,
  StrictCustomerBalanceTransactionList,
  StrictCustomerCreateParams,
  StrictCustomerList,
  StrictCustomerUpdateParams,
  StrictDeletedCustomer,
  StrictUpdateParams,
  StripeErrorEnvelope,
} from '../types.js';

/**
 * The TypeScript type each contract kind narrows to once it passes: the `Strict…` shapes, since
 * the contract is what makes a loosely typed value (stripe-node's, or `unknown`) strict.
 */
export interface ContractTypes {
  customer_balance_transaction: StrictCustomerBalanceTransaction<ExpandableField>;
  customer_balance_transaction_list: StrictCustomerBalanceTransactionList;
  error: StripeErrorEnvelope;
  create_params: StrictCreateParams;
  update_params: StrictUpdateParams;
  list_params: ListParams;
  customer: StrictCustomer;
  deleted_customer: StrictDeletedCustomer;
  customer_list: StrictCustomerList;
  customer_create_params: StrictCustomerCreateParams;
  customer_update_params: StrictCustomerUpdateParams;
  customer_list_params: CustomerListParams;
}

/**
 * A payload kind the contract knows: a response object, a list page, the error envelope, or
 * params, of the balance transaction calls or (the `customer…` kinds) the customer calls.
 */
export type ContractKind = keyof ContractTypes;

// Fails to compile when the generated validators and ContractTypes name different kinds.
type SameKeys<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : never;
const kindsInSync: SameKeys<ContractKind, ValidatedKind> = true;
void kindsInSync;

/** Every contract kind, in a stable order (for messages and `--help`). */
export const CONTRACT_KINDS: readonly ContractKind[] = [
  'customer_balance_transaction',
  'customer_balance_transaction_list',
  'error',
  'create_params',
  'update_params',
  'list_params',
  'customer',
  'deleted_customer',
  'customer_list',
  'customer_create_params',
  'customer_update_params',
  'customer_list_params',
];

/**
 * `strict` treats unknown properties as errors (right for mocks and fixtures); `tolerant` reports
 * unknown additional properties, and new values of the enums Stripe extends (a transaction's
 * `type`), as warnings (right for real responses from newer API versions).
 */
export type ValidationMode = 'strict' | 'tolerant';

/** Options of {@link validate}, {@link assertContract} and the `toMatchContract` matchers. */
export interface ValidateOptions {
  /** `strict` (default) or `tolerant`. */
  mode?: ValidationMode | undefined;
  /**
   * Run the semantic checks (id prefixes, type ⇄ link rules, list order, ending-balance chain,
   * list url) on top of the schema. Default `true`.
   */
  semantic?: boolean | undefined;
}

export type {
  ContractIssue,
  ContractIssueCode,
  InputIssueCode,
  SchemaIssueCode,
  SemanticIssueCode,
} from '../errors.js';

/** What {@link validate} returns. `valid` is `errors.length === 0`; warnings never fail a check. */
export interface ValidationResult {
  valid: boolean;
  errors: ContractIssue[];
  warnings: ContractIssue[];
}
