/**
 * Semantic rules for one list page: each item's own rules, newest-first order, the ending-balance
 * chain, and the list `url` against the items' customer. One linear pass over `data`. Guarded
 * reads throughout: this is the path for pages the schema rejected or the fast path
 * (semantic-fast-path.ts) could not clear.
 */
import { urlCustomer } from './list-url.js';
import { preview } from './preview.js';
import { transactionFindings } from './semantic-transaction.js';
import type { ContractIssue } from './types.js';
import { get, idOf, isArray, isRecord, safeInteger } from './value-access.js';

interface Item {
  index: number;
  customer: string | undefined;
  currency: string | undefined;
  created: number | undefined;
  amount: number | undefined;
  endingBalance: number | undefined;
  /** The customer is expanded: url findings point at its `id`. */
  customerExpanded: boolean;
}

/** Appends the semantic findings of a list page to `out`. */
export function listFindings(list: unknown, out: ContractIssue[]): void {
  const data = get(list, 'data');
  if (!isArray(data)) return;
  const items: Item[] = [];
  const length = data.length;
  for (let index = 0; index < length; index += 1) {
    const tx = get(data, index);
    transactionFindings(tx, `/data/${index}`, out);
    if (isRecord(tx)) items.push(readItem(tx, index));
  }
  const ordered = checkOrder(items, out);
  // Out of order, "adjacent" means nothing: the order finding is the one root cause to report.
  if (ordered) checkChain(items, out);
  checkUrl(get(list, 'url'), items, out);
}

function readItem(tx: Record<string, unknown>, index: number): Item {
  const customer = get(tx, 'customer');
  const currency = get(tx, 'currency');
  return {
    index,
    customer: idOf(customer),
    currency: typeof currency === 'string' ? currency : undefined,
    created: safeInteger(get(tx, 'created')),
    amount: safeInteger(get(tx, 'amount')),
    endingBalance: safeInteger(get(tx, 'ending_balance')),
    customerExpanded: isRecord(customer),
  };
}

function checkOrder(items: readonly Item[], out: ContractIssue[]): boolean {
  let ordered = true;
  let newer: Item | undefined;
  for (const item of items) {
    if (item.created === undefined) continue;
    if (newer?.created !== undefined && item.created > newer.created) {
      ordered = false;
      out.push({
        path: `/data/${item.index}/created`,
        code: 'list_order',
        keyword: 'semantic',
        message:
          `list is not newest first: data[${item.index}] (created ${item.created}) is newer than ` +
          `data[${newer.index}] (created ${newer.created})`,
        expected: `created <= ${newer.created}`,
        received: preview(item.created),
      });
    }
    newer = item;
  }
  return ordered;
}

/**
 * Within one customer and currency, a newer item N and the next older item O satisfy
 * N.ending_balance = O.ending_balance + N.amount. Items of other currencies in between (a
 * customer has one balance per currency) do not break the chain.
 */
function checkChain(items: readonly Item[], out: ContractIssue[]): void {
  const newest = new Map<string, Item>();
  for (const older of items) {
    if (older.customer === undefined || older.currency === undefined) continue;
    const key = `${older.customer}\u0000${older.currency}`;
    const newer = newest.get(key);
    newest.set(key, older);
    if (!newer || newer.amount === undefined || newer.endingBalance === undefined) continue;
    if (older.endingBalance === undefined) continue;
    const want = older.endingBalance + newer.amount;
    if (newer.endingBalance === want) continue;
    out.push({
      path: `/data/${newer.index}/ending_balance`,
      code: 'ending_balance_chain',
      keyword: 'semantic',
      message:
        `ending balance chain broken (${older.customer}, ${older.currency}): data[${newer.index}].ending_balance ` +
        `should be data[${older.index}].ending_balance ${older.endingBalance} + data[${newer.index}].amount ` +
        `${newer.amount} = ${want}`,
      expected: `${want} (${older.endingBalance} + ${newer.amount})`,
      received: preview(newer.endingBalance),
    });
  }
}

function checkUrl(url: unknown, items: readonly Item[], out: ContractIssue[]): void {
  if (typeof url !== 'string') return;
  const customer = urlCustomer(url);
  if (customer === undefined) return;
  const owned = items.filter((i): i is Item & { customer: string } => i.customer !== undefined);
  if (owned.length === 0) return;
  const agreeing = owned.filter((i) => i.customer === customer).length;
  if (agreeing === 0) {
    const customers = [...new Set(owned.map((i) => i.customer))];
    out.push({
      path: '/url',
      code: 'list_url_mismatch',
      keyword: 'semantic',
      message: `url names customer ${customer} but the items belong to ${customers.join(', ')}`,
      expected:
        customers.length === 1
          ? `"/v1/customers/${customers[0]}/balance_transactions"`
          : "a url naming the items' customer",
      received: preview(url),
    });
    return;
  }
  for (const item of owned) {
    if (item.customer === customer) continue;
    out.push({
      path: item.customerExpanded ? `/data/${item.index}/customer/id` : `/data/${item.index}/customer`,
      code: 'list_url_mismatch',
      keyword: 'semantic',
      message: `customer ${item.customer} does not match the list url's customer ${customer}`,
      expected: JSON.stringify(customer),
      received: preview(item.customer),
    });
  }
}
