/**
 * Reads a simulation's input the way Stripe reads a request: the input arrives untyped (JSON over
 * `serve`'s control path, or plain JavaScript), so every field is checked here and refused with
 * the 400 or 404 the API gives, naming the field as `param`, with the same constructors (and so
 * the same words) as the API's parameter reader.
 */
import {
  customerMissing,
  invalidInteger,
  invalidRequest,
  missingParameter,
  resourceMissing,
  unknownParameter,
} from '../stripe/api-errors.js';
import { isSupportedCurrency } from '../stripe/currencies.js';
import type { CustomerRecord, InvoiceRecord, MockStore } from './store.js';

/** The input as a record of its fields; unknown fields are refused as Stripe refuses unknown parameters. */
export function fieldsOf(input: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidRequest(`Invalid input: pass an object with ${allowed.join(', ')}`);
  }
  for (const name of Object.keys(input)) {
    if (!allowed.includes(name)) {
      throw unknownParameter(name);
    }
  }
  return input as Record<string, unknown>;
}

/** A required, non-empty id string. */
export function idField(value: unknown, param: string): string {
  if (value === undefined) {
    throw missingParameter(param);
  }
  if (typeof value !== 'string' || value === '') {
    throw invalidRequest(`Invalid string: ${JSON.stringify(value)}`, { param });
  }
  return value;
}

/**
 * A positive amount in minor units. Beyond 2^53 it could not be represented exactly, so no
 * balance arithmetic on it could be trusted.
 */
export function amountField(value: unknown, param: string): number {
  if (value === undefined) {
    throw missingParameter(param);
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalidInteger(JSON.stringify(value) ?? String(value), param);
  }
  if (value < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param });
  return value;
}

/** The live customer `id`, of any account (the handle sees them all). */
export function liveCustomer(store: MockStore, value: unknown): CustomerRecord {
  const id = idField(value, 'customer');
  const record = store.live(id, 'any');
  if (!record) throw customerMissing(id, 'customer');
  return record;
}

/**
 * The currency of the flow: the one given, else `fallback` (an invoice's), else the customer's.
 * A customer with no currency yet has no balance to act on, so the caller must name one.
 */
export function currencyField(value: unknown, record: CustomerRecord, fallback?: string): string {
  if (value === undefined) {
    const currency = fallback ?? record.currency;
    if (currency) return currency;
    throw invalidRequest(
      `Customer ${record.id} has no currency yet; pass currency (e.g. 'usd') to say which balance this flow uses.`,
      { code: 'parameter_missing', param: 'currency' },
    );
  }
  if (typeof value !== 'string' || !isSupportedCurrency(value)) {
    throw invalidRequest(
      `Invalid currency: ${JSON.stringify(value)}. Pass a lowercase currency code Stripe supports, e.g. 'usd'.`,
      { param: 'currency' },
    );
  }
  if (fallback !== undefined && value !== fallback) {
    throw invalidRequest(
      `The currency ${value} does not match the invoice's currency ${fallback}; omit currency to use the invoice's.`,
      { param: 'currency' },
    );
  }
  return value;
}

/** The customer's invoice `id`, made by an earlier simulation; another customer's is missing. */
export function customerInvoice(store: MockStore, record: CustomerRecord, value: unknown): InvoiceRecord {
  const id = idField(value, 'invoice');
  const invoice = store.invoice(id, record.account);
  if (!invoice || invoice.customer !== record.id) {
    throw resourceMissing(`No such invoice: '${id}'`, 'invoice');
  }
  return invoice;
}

/** An invoice that can still take money: a void invoice cannot be paid or credited. */
export function openInvoice(invoice: InvoiceRecord, action: string): InvoiceRecord {
  if (invoice.voided) {
    throw invalidRequest(`Invoice ${invoice.id} is void; a void invoice cannot be ${action}.`, {
      param: 'invoice',
    });
  }
  return invoice;
}
