/** Dispatches the semantic layer by contract kind. */
import { ID_PREFIXES } from '../stripe/transaction-types.js';
import type { CustomerBalanceTransaction, CustomerBalanceTransactionList } from '../types.js';
import {
  customerIsClean,
  customerListIsClean,
  idIsClean,
  listIsClean,
  transactionIsClean,
} from './semantic-fast-path.js';
import { listFindings } from './semantic-list.js';
import {
  checkCustomerBalanceSign,
  checkIdPrefix,
  checkSafeInteger,
  transactionFindings,
} from './semantic-transaction.js';
import type { ContractIssue, ContractKind } from './types.js';
import { get, isArray } from './value-access.js';

/**
 * True when `value`, which passed the schema of `kind`, has no semantic findings either: the
 * common case, answered by direct reads (see semantic-fast-path.ts). `false` means "run
 * {@link semanticFindings}", not necessarily that there are findings.
 */
export function semanticallyClean(kind: ContractKind, value: unknown): boolean {
  switch (kind) {
    case 'customer_balance_transaction':
      return transactionIsClean(value as CustomerBalanceTransaction);
    case 'customer_balance_transaction_list':
      return listIsClean(value as CustomerBalanceTransactionList);
    case 'error':
    case 'update_params':
      return true;
    case 'customer':
      return customerIsClean(value as { id: string });
    case 'deleted_customer':
      return idIsClean(value as { id: string }, ID_PREFIXES.customer);
    case 'customer_list':
      return customerListIsClean(value as { data: { id: string }[] });
    default:
      return false;
  }
}

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
      checkSafeInteger(get(value, 'amount'), '', 'amount', out);
      break;
    case 'list_params': {
      // `limit` and `created` need no check here: the schema's maximum and the unix-time format
      // already refuse anything beyond 2^53.
      const cursor = ID_PREFIXES.customer_balance_transaction;
      checkIdPrefix(get(value, 'starting_after'), cursor, '', 'starting_after', out);
      checkIdPrefix(get(value, 'ending_before'), cursor, '', 'ending_before', out);
      checkIdPrefix(get(value, 'invoice'), ID_PREFIXES.invoice, '', 'invoice', out);
      break;
    }
    case 'customer_create_params':
    case 'customer_update_params':
      checkSafeInteger(get(value, 'balance'), '', 'balance', out);
      break;
    case 'customer_list_params':
      // A cursor is one of the listed customers: an id that cannot be a customer's never is.
      checkIdPrefix(get(value, 'starting_after'), ID_PREFIXES.customer, '', 'starting_after', out);
      checkIdPrefix(get(value, 'ending_before'), ID_PREFIXES.customer, '', 'ending_before', out);
      break;
    case 'customer':
    case 'deleted_customer':
      checkIdPrefix(get(value, 'id'), ID_PREFIXES.customer, '', 'id', out);
      checkCustomerBalanceSign(value, '', out);
      break;
    case 'customer_list': {
      // The one customer rule (the id prefix), item by item; nothing about order or paging yet.
      const data = get(value, 'data');
      if (isArray(data)) {
        const length = data.length;
        for (let i = 0; i < length; i += 1) {
          checkIdPrefix(get(get(data, i), 'id'), ID_PREFIXES.customer, `/data/${i}`, 'id', out);
          checkCustomerBalanceSign(get(data, i), `/data/${i}`, out);
        }
      }
      break;
    }
    default:
      break;
  }
  return out;
}
