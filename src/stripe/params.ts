/**
 * Turns a decoded form (or query string) into typed parameters the way Stripe does, throwing
 * Stripe's own errors for bad input: unknown parameters first, then missing ones, then
 * each value's type and limits. Which parameters exist and their types come from the generated
 * JSON Schemas; the messages and codes are Stripe's.
 */
import { schemas } from '../generated/schemas.js';
import type {
  CustomerListParams,
  ListParams,
  Metadata,
  StrictCreateParams,
  StrictCustomerCreateParams,
  StrictCustomerUpdateParams,
  StrictUpdateParams,
} from '../types.js';
import { invalidInteger, invalidRequest, missingParameter, unknownParameter } from './api-errors.js';
import { isSupportedCurrency, supportedCurrencies } from './currencies.js';
import type { FormTree, FormValue } from './form-codec.js';
import { type ExpandableObject, type ExpandPlan, planExpansion } from './expand.js';
import { checkListQuery } from './paging.js';
import type { ParamsKind, ResponseKind, Route } from './routes.js';

type Kind = ParamsKind;

/** The parameters of `retrieve` (a transaction or a customer): only `expand`. */
export interface RetrieveParams {
  expand?: string[];
}

/** Deleting a customer takes no parameters. */
export type DeleteParams = Record<string, never>;

const ALLOWED: Record<Kind, readonly string[]> = {
  create_params: Object.keys(schemas.create_params.properties),
  update_params: Object.keys(schemas.update_params.properties),
  list_params: Object.keys(schemas.list_params.properties),
  retrieve_params: ['expand'],
  customer_create_params: Object.keys(schemas.customer_create_params.properties),
  customer_update_params: Object.keys(schemas.customer_update_params.properties),
  customer_list_params: Object.keys(schemas.customer_list_params.properties),
  customer_retrieve_params: ['expand'],
  customer_delete_params: [],
};
const REQUIRED: Partial<Record<Kind, readonly string[]>> = {
  create_params: schemas.create_params.required,
};

const DESCRIPTION_MAX = schemas.create_params.properties.description.maxLength;
const CUSTOMER_FIELDS = schemas.customer_create_params.properties;
const CUSTOMER_STRING_MAX = {
  description: CUSTOMER_FIELDS.description.maxLength,
  email: CUSTOMER_FIELDS.email.maxLength,
  name: CUSTOMER_FIELDS.name.maxLength,
} as const;
const CUSTOMER_EMAIL_FILTER_MAX = schemas.customer_list_params.properties.email.maxLength;
const PHONE_MAX = CUSTOMER_FIELDS.phone.maxLength;
const ADDRESS = schemas.customer_create_params.definitions.address_fields;
const ADDRESS_KEYS = Object.keys(ADDRESS.properties);
const ADDRESS_FIELD_MAX = ADDRESS.properties.city.maxLength;
const TAX_EXEMPT = CUSTOMER_FIELDS.tax_exempt.enum;
const INVOICE_PREFIX = new RegExp(CUSTOMER_FIELDS.invoice_prefix.pattern);
const METADATA = schemas.create_params.definitions.metadata;
const METADATA_MAX_KEYS = METADATA.maxProperties;
const METADATA_KEY_MAX = METADATA.propertyNames.maxLength;
const METADATA_VALUE_MAX = METADATA.additionalProperties.maxLength;
const ID_MAX = schemas.list_params.definitions.object_id.maxLength;
const RANGE_KEYS = ['gt', 'gte', 'lt', 'lte'] as const;

function fail(message: string, options: { code?: string; param?: string } = {}): never {
  throw invalidRequest(message, options);
}

/** Stripe counts characters, not UTF-16 code units. */
function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function preview(value: FormValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function asString(value: FormValue, param: string): string {
  if (typeof value !== 'string') fail(`Invalid string: ${preview(value)}`, { param });
  return value;
}

function cannotUnset(param: string): never {
  return fail(
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
    { code: 'parameter_invalid_empty', param },
  );
}

function asInteger(value: FormValue, param: string): number {
  if (value === '') cannotUnset(param);
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined || !/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw invalidInteger(preview(value), param);
  }
  // `-0` is zero: stored as -0 it would survive into `mock.transactions()`, where toEqual(0) fails.
  return Number(text) || 0;
}

function asId(value: FormValue, param: string): string {
  const id = asString(value, param);
  if (id === '') cannotUnset(param);
  if (length(id) > ID_MAX) fail(`Invalid ${param}: must be at most ${ID_MAX} characters`, { param });
  return id;
}

/** Arrays arrive as `k[]=a` (string[]) or `k[0]=a&k[1]=b` (a tree with index keys). */
function asStringArray(value: FormValue, param: string): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.every((k) => /^\d+$/.test(k))) {
      return keys
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => asString(value[k] as FormValue, `${param}[${k}]`));
    }
  }
  return fail(`Invalid array`, { param });
}

/** A string of at most `max` characters (Stripe's refusal quotes its first 40). */
function asBoundedString(value: FormValue, param: string, max: number): string {
  const text = asString(value, param);
  if (length(text) > max) {
    fail(`Invalid string: ${text.slice(0, 40)}...; must be at most ${max} characters`, { param });
  }
  return text;
}

function asDescription(value: FormValue): string {
  return asBoundedString(value, 'description', DESCRIPTION_MAX);
}

/** `''` unsets every key; `{k: ''}` unsets one; otherwise string values within Stripe's limits. */
function asMetadata(value: FormValue): Metadata | '' {
  if (value === '') return '';
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail(`Invalid hash`, { param: 'metadata' });
  }
  const out: Metadata = {};
  const keys = Object.keys(value);
  if (keys.length > METADATA_MAX_KEYS) {
    fail(
      `Invalid metadata: metadata can have at most ${METADATA_MAX_KEYS} keys, but you passed ${keys.length}.`,
      {
        param: 'metadata',
      },
    );
  }
  for (const key of keys) {
    const item = value[key] as FormValue;
    const param = `metadata[${key}]`;
    if (typeof item !== 'string') fail(`Invalid value type: ${preview(item)} must be a string`, { param });
    if (length(key) > METADATA_KEY_MAX) {
      fail(
        `Metadata keys can have up to ${METADATA_KEY_MAX} characters, but you passed in a key that is ${length(key)} characters. Invalid key: ${key}`,
        { param },
      );
    }
    if (/[[\]]/.test(key)) fail(`Metadata keys cannot contain '[' or ']'. Invalid key: ${key}`, { param });
    if (key === '') fail(`Metadata keys cannot be empty.`, { param: 'metadata' });
    if (length(item) > METADATA_VALUE_MAX) {
      fail(
        `Metadata values can have up to ${METADATA_VALUE_MAX} characters, but you passed in a value that is ${length(item)} characters. Invalid value: ${item.slice(0, 40)}...`,
        { param },
      );
    }
    Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function asCreated(value: FormValue): NonNullable<ListParams['created']> {
  if (typeof value === 'string') return asInteger(value, 'created');
  if (Array.isArray(value)) return fail('Invalid integer or hash', { param: 'created' });
  const range: Record<string, number> = {};
  for (const key of Object.keys(value)) {
    if (!(RANGE_KEYS as readonly string[]).includes(key)) {
      throw unknownParameter(`created[${key}]`);
    }
    range[key] = asInteger(value[key] as FormValue, `created[${key}]`);
  }
  return range;
}

function checkNames(form: FormTree, kind: Kind): void {
  for (const name of Object.keys(form)) {
    if (!ALLOWED[kind].includes(name)) {
      throw unknownParameter(name);
    }
  }
  for (const name of REQUIRED[kind] ?? []) {
    if (!(name in form)) throw missingParameter(name);
  }
}

export function parseCreateParams(form: FormTree): StrictCreateParams {
  checkNames(form, 'create_params');
  const currency = asString(form.currency as FormValue, 'currency');
  if (currency === '') cannotUnset('currency');
  const params: StrictCreateParams = {
    amount: asInteger(form.amount as FormValue, 'amount'),
    currency,
  };
  if (!isSupportedCurrency(currency)) {
    fail(`Invalid currency: ${currency}. Stripe currently supports these currencies: ${supportedList()}`, {
      param: 'currency',
    });
  }
  return withEditableFields(form, params);
}

export function parseUpdateParams(form: FormTree): StrictUpdateParams {
  checkNames(form, 'update_params');
  return withEditableFields(form, {});
}

/** The fields create and update share: `description`, `metadata`, `expand`. */
function withEditableFields<T extends StrictUpdateParams>(form: FormTree, params: T): T {
  if (form.description !== undefined) params.description = asDescription(form.description);
  if (form.metadata !== undefined) params.metadata = asMetadata(form.metadata);
  if (form.expand !== undefined) params.expand = asStringArray(form.expand, 'expand');
  return params;
}

export function parseRetrieveParams(form: FormTree): RetrieveParams {
  checkNames(form, 'retrieve_params');
  return form.expand === undefined ? {} : { expand: asStringArray(form.expand, 'expand') };
}

export function parseListParams(form: FormTree): ListParams {
  checkNames(form, 'list_params');
  const params: ListParams = {};
  if (form.limit !== undefined) params.limit = asInteger(form.limit, 'limit');
  if (form.starting_after !== undefined) params.starting_after = asId(form.starting_after, 'starting_after');
  if (form.ending_before !== undefined) params.ending_before = asId(form.ending_before, 'ending_before');
  if (form.invoice !== undefined) params.invoice = asId(form.invoice, 'invoice');
  if (form.created !== undefined) params.created = asCreated(form.created);
  if (form.expand !== undefined) params.expand = asStringArray(form.expand, 'expand');
  // The range of `limit` and the exclusive cursors: the paging's own check, shared with listPage().
  checkListQuery(params);
  return params;
}

/**
 * Create and update of a customer share their fields. `''` for `email`, `name` or `description`
 * unsets it (null), as Stripe reads an empty value; `balance` cannot be unset.
 */
function parseCustomerFields<T extends StrictCustomerUpdateParams>(form: FormTree, params: T): T {
  if (form.balance !== undefined) params.balance = asInteger(form.balance, 'balance');
  for (const field of ['description', 'email', 'name'] as const) {
    const value = form[field];
    if (value !== undefined) params[field] = asBoundedString(value, field, CUSTOMER_STRING_MAX[field]);
  }
  if (form.phone !== undefined) params.phone = asBoundedString(form.phone, 'phone', PHONE_MAX);
  if (form.address !== undefined)
    params.address = form.address === '' ? '' : asAddress(form.address, 'address');
  if (form.shipping !== undefined) params.shipping = asShipping(form.shipping);
  if (form.preferred_locales !== undefined) {
    // An empty value clears the list, as for any array Stripe takes.
    params.preferred_locales =
      form.preferred_locales === '' ? [] : asStringArray(form.preferred_locales, 'preferred_locales');
  }
  if (form.tax_exempt !== undefined) params.tax_exempt = asTaxExempt(form.tax_exempt);
  if (form.invoice_prefix !== undefined) {
    const prefix = asString(form.invoice_prefix, 'invoice_prefix');
    if (!INVOICE_PREFIX.test(prefix)) {
      fail(`Invalid invoice_prefix: must be 3 to 12 uppercase letters or numbers, got '${prefix}'`, {
        param: 'invoice_prefix',
      });
    }
    params.invoice_prefix = prefix;
  }
  if (form.next_invoice_sequence !== undefined) {
    const sequence = asInteger(form.next_invoice_sequence, 'next_invoice_sequence');
    if (sequence < 1)
      fail('This value must be greater than or equal to 1.', { param: 'next_invoice_sequence' });
    params.next_invoice_sequence = sequence;
  }
  if (form.metadata !== undefined) params.metadata = asMetadata(form.metadata);
  if (form.expand !== undefined) params.expand = asStringArray(form.expand, 'expand');
  return params;
}

/** A hash of the address fields, each a string of at most 5000 characters. */
function asAddress(value: FormValue, param: string): Record<string, string> {
  if (typeof value !== 'object' || Array.isArray(value)) fail('Invalid hash', { param });
  const out: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    if (!ADDRESS_KEYS.includes(key)) throw unknownParameter(`${param}[${key}]`);
    out[key] = asBoundedString(value[key] as FormValue, `${param}[${key}]`, ADDRESS_FIELD_MAX);
  }
  return out;
}

/** `''` unsets; otherwise an address and a name, and optionally a phone. */
function asShipping(value: FormValue): NonNullable<StrictCustomerUpdateParams['shipping']> {
  if (value === '') return '';
  if (typeof value !== 'object' || Array.isArray(value)) fail('Invalid hash', { param: 'shipping' });
  for (const key of Object.keys(value)) {
    if (key !== 'address' && key !== 'name' && key !== 'phone') throw unknownParameter(`shipping[${key}]`);
  }
  if (value.address === undefined) throw missingParameter('shipping[address]');
  if (value.name === undefined) throw missingParameter('shipping[name]');
  const shipping: { address: Record<string, string>; name: string; phone?: string } = {
    address: asAddress(value.address, 'shipping[address]'),
    name: asBoundedString(value.name, 'shipping[name]', ADDRESS_FIELD_MAX),
  };
  if (value.phone !== undefined)
    shipping.phone = asBoundedString(value.phone, 'shipping[phone]', ADDRESS_FIELD_MAX);
  return shipping;
}

function asTaxExempt(value: FormValue): NonNullable<StrictCustomerUpdateParams['tax_exempt']> {
  const text = asString(value, 'tax_exempt');
  const allowed: readonly string[] = TAX_EXEMPT;
  if (!allowed.includes(text)) {
    fail(`Invalid tax_exempt: must be one of exempt, none, or reverse`, { param: 'tax_exempt' });
  }
  return text as NonNullable<StrictCustomerUpdateParams['tax_exempt']>;
}

export function parseCustomerCreateParams(form: FormTree): StrictCustomerCreateParams {
  checkNames(form, 'customer_create_params');
  return parseCustomerFields(form, {});
}

export function parseCustomerUpdateParams(form: FormTree): StrictCustomerUpdateParams {
  checkNames(form, 'customer_update_params');
  return parseCustomerFields(form, {});
}

export function parseCustomerListParams(form: FormTree): CustomerListParams {
  checkNames(form, 'customer_list_params');
  const params: CustomerListParams = {};
  if (form.limit !== undefined) params.limit = asInteger(form.limit, 'limit');
  if (form.starting_after !== undefined) params.starting_after = asId(form.starting_after, 'starting_after');
  if (form.ending_before !== undefined) params.ending_before = asId(form.ending_before, 'ending_before');
  if (form.email !== undefined)
    params.email = asBoundedString(form.email, 'email', CUSTOMER_EMAIL_FILTER_MAX);
  if (form.created !== undefined) params.created = asCreated(form.created);
  if (form.expand !== undefined) params.expand = asStringArray(form.expand, 'expand');
  checkListQuery(params);
  return params;
}

function parseCustomerRetrieveParams(form: FormTree): RetrieveParams {
  checkNames(form, 'customer_retrieve_params');
  return form.expand === undefined ? {} : { expand: asStringArray(form.expand, 'expand') };
}

function parseCustomerDeleteParams(form: FormTree): DeleteParams {
  checkNames(form, 'customer_delete_params');
  return {};
}

let supported: string | undefined;
function supportedList(): string {
  supported ??= supportedCurrencies().join(', ');
  return supported;
}

/** The parameters of each kind, as the parsers return them. */
export interface ParsedParams {
  create_params: StrictCreateParams;
  update_params: StrictUpdateParams;
  list_params: ListParams;
  retrieve_params: RetrieveParams;
  customer_create_params: StrictCustomerCreateParams;
  customer_update_params: StrictCustomerUpdateParams;
  customer_list_params: CustomerListParams;
  customer_retrieve_params: RetrieveParams;
  customer_delete_params: DeleteParams;
}

const PARSERS: { readonly [K in ParamsKind]: (form: FormTree) => ParsedParams[K] } = {
  create_params: parseCreateParams,
  update_params: parseUpdateParams,
  list_params: parseListParams,
  retrieve_params: parseRetrieveParams,
  customer_create_params: parseCustomerCreateParams,
  customer_update_params: parseCustomerUpdateParams,
  customer_list_params: parseCustomerListParams,
  customer_retrieve_params: parseCustomerRetrieveParams,
  customer_delete_params: parseCustomerDeleteParams,
};

/**
 * Reads a decoded form as the parameters of `kind`, the way Stripe does: unknown parameters
 * first, then missing ones, then each value's type and limits. Throws the `StripeApiError` Stripe
 * answers with (400, with `code` and `param`).
 */
export function parseParams<K extends ParamsKind>(kind: K, form: FormTree): ParsedParams[K] {
  return PARSERS[kind](form);
}

/** A request's parameters as read, with the expansions they ask for already checked. */
export interface RequestParams<K extends ParamsKind = ParamsKind> {
  params: ParsedParams[K];
  plan: ExpandPlan;
}

/**
 * Everything Stripe checks of a request's parameters before it runs: the parameters of the
 * route's kind, then the expansions (a list expands its items' fields under `data.`). Throws the
 * `StripeApiError` Stripe answers with. The mock reads requests with this, and `validate` reads
 * recorded requests with it, so both refuse the same bodies with the same `param`.
 */
export function readParams(route: Route, form: FormTree): RequestParams {
  const params = parseParams(route.params.kind, form);
  const expand = 'expand' in params ? params.expand : undefined;
  const { root, list } = EXPANSION_ROOT[route.response];
  return { params, plan: planExpansion(expand, root, list) };
}

/** What a response's `expand[]` paths start from. */
const EXPANSION_ROOT: Readonly<Record<ResponseKind, { root: ExpandableObject; list: boolean }>> = {
  customer_balance_transaction: { root: 'customer_balance_transaction', list: false },
  customer_balance_transaction_list: { root: 'customer_balance_transaction', list: true },
  customer: { root: 'customer', list: false },
  deleted_customer: { root: 'customer', list: false },
  customer_list: { root: 'customer', list: true },
};
