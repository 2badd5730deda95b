/** Dispatches the semantic layer by contract kind. */
import { listFindings } from './semantic-list.js';
import { checkIdPrefix, checkSafeInteger, ID_PREFIXES, transactionFindings } from './semantic-transaction.js';
import type { ContractIssue, ContractKind } from './types.js';
import { get } from './value-access.js';

/** The semantic findings for `value` checked as `kind`; never throws on readable values. */
export function semanticFindings(kind: ContractKind, value: unknown): ContractIssue[] {
  const out: ContractIssue[] = [];
  switch (kind) {
    case 'customer_balance_transaction':
      transactionFindings(value, '', out);
      break;
    case 'customer_balance_transaction_list':
      listFindings(value, out);
      break;
    case 'create_params':
      checkSafeInteger(get(value, 'amount'), '/amount', out);
      break;
    case 'list_params': {
      // `limit` and `created` need no check here: the schema's maximum and the unix-time format
      // already refuse anything beyond 2^53.
      const cursor = ID_PREFIXES.customer_balance_transaction;
      checkIdPrefix(get(value, 'starting_after'), cursor, '/starting_after', 'starting_after', out);
      checkIdPrefix(get(value, 'ending_before'), cursor, '/ending_before', 'ending_before', out);
      checkIdPrefix(get(value, 'invoice'), ID_PREFIXES.invoice, '/invoice', 'invoice', out);
      break;
    }
    default:
      break;
  }
  return out;
}
