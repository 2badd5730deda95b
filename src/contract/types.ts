/**
 * The data model of contract checks: which kinds of payload can be checked, the options, and the
 * shape of a finding. Failures are data (`ContractIssue`), never exceptions.
 */
import type { ValidatedKind } from '../generated/validators.js';
import type {
  CreateParams,
  CustomerBalanceTransaction,
  CustomerBalanceTransactionList,
  ListParams,
  StripeErrorEnvelope,
  UpdateParams,
} from '../types.js';

/** The TypeScript type each contract kind narrows to once it passes. */
export interface ContractTypes {
  customer_balance_transaction: CustomerBalanceTransaction;
  customer_balance_transaction_list: CustomerBalanceTransactionList;
  error: StripeErrorEnvelope;
  create_params: CreateParams;
  update_params: UpdateParams;
  list_params: ListParams;
}

/** A payload kind the contract knows: a response object, a list page, the error envelope, or params. */
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
];

/**
 * `strict` treats unknown properties as errors (right for mocks and fixtures); `tolerant` reports
 * unknown additional properties as warnings (right for real responses from newer API versions).
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

/** Codes of findings that come from the JSON Schema. */
export type SchemaIssueCode =
  | 'missing_property'
  | 'unknown_property'
  | 'wrong_type'
  | 'not_nullable'
  | 'enum_mismatch'
  | 'format'
  | 'pattern'
  | 'too_long'
  | 'too_short'
  | 'too_many_items'
  | 'too_few_items'
  | 'too_many_properties'
  | 'too_few_properties'
  | 'out_of_range'
  | 'invalid_property_name'
  | 'mutually_exclusive'
  | 'no_matching_alternative'
  | 'schema_violation';

/** Codes of findings from the semantic layer (rules the schema cannot express). */
export type SemanticIssueCode =
  | 'id_prefix'
  | 'type_link_mismatch'
  | 'list_order'
  | 'ending_balance_chain'
  | 'list_url_mismatch';

/** Codes of findings about the call itself or a value that cannot be inspected. */
export type InputIssueCode = 'unknown_kind' | 'invalid_option' | 'unreadable_value' | 'invalid_json';

/** Every stable issue code; switch on it rather than on messages. */
export type ContractIssueCode = SchemaIssueCode | SemanticIssueCode | InputIssueCode;

/** One finding: where (`path`), what (`code`, `message`), and the two sides of the comparison. */
export interface ContractIssue {
  /** JSON pointer (RFC 6901) into the checked value, e.g. `/data/3/metadata`; `""` is the value itself. */
  path: string;
  /** Stable machine-readable code. */
  code: ContractIssueCode;
  /** The JSON Schema keyword that failed (`required`, `type`, …), or `semantic` / `input`. */
  keyword: string;
  /** One human sentence naming the problem. */
  message: string;
  /** What the contract wants at `path`. */
  expected: string;
  /** A short, safely truncated preview of what was found at `path`. */
  received: string;
}

/** What {@link validate} returns. `valid` is `errors.length === 0`; warnings never fail a check. */
export interface ValidationResult {
  valid: boolean;
  errors: ContractIssue[];
  warnings: ContractIssue[];
}
