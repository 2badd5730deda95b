/**
 * Precompiled AJV standalone validators. Compiled once here, so importing the package never
 * compiles a schema. The output is made self-contained: AJV's runtime helpers (which standalone
 * code `require()`s even in ESM mode, ajv#1976) are inlined, and custom formats are emitted
 * as source, so the generated module needs neither `ajv` nor `require` at run time.
 */
import { KEPT_EXTENSIONS } from './transforms/strip-openapi-only.js';
import { createRequire } from 'node:module';
import { Ajv, _ } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import type { SchemaSet } from './build-schemas.js';
import { compileFormat, FORMAT_SOURCES } from './formats.js';

const require = createRequire(import.meta.url);

/** The contract kinds exposed to users, with the export name of their validator. */
export const VALIDATED_KINDS = {
  customer_balance_transaction: 'validateCustomerBalanceTransaction',
  customer_balance_transaction_list: 'validateCustomerBalanceTransactionList',
  error: 'validateError',
  create_params: 'validateCreateParams',
  update_params: 'validateUpdateParams',
  list_params: 'validateListParams',
  customer: 'validateCustomer',
  deleted_customer: 'validateDeletedCustomer',
  customer_list: 'validateCustomerList',
  customer_create_params: 'validateCustomerCreateParams',
  customer_update_params: 'validateCustomerUpdateParams',
  customer_list_params: 'validateCustomerListParams',
} as const;

/** The TypeScript type each kind narrows to, as an expression over the generated `types.ts`. */
const KIND_TYPES: Record<keyof typeof VALIDATED_KINDS, string> = {
  customer_balance_transaction: `components['schemas']['customer_balance_transaction']`,
  customer_balance_transaction_list: `components['schemas']['customer_balance_transaction_list']`,
  error: `components['schemas']['error']`,
  create_params: `components['schemas']['create_params']`,
  update_params: `components['schemas']['update_params']`,
  list_params: `NonNullable<operations['listCustomerBalanceTransactions']['parameters']['query']>`,
  customer: `components['schemas']['customer']`,
  deleted_customer: `components['schemas']['deleted_customer']`,
  customer_list: `components['schemas']['customer_list']`,
  customer_create_params: `components['schemas']['customer_create_params']`,
  customer_update_params: `components['schemas']['customer_update_params']`,
  customer_list_params: `NonNullable<operations['listCustomers']['parameters']['query']>`,
};

/** Runtime helpers AJV may reference, and how to inline each. Anything else fails generation. */
const INLINABLE_RUNTIME = new Set(['ucs2length']);

export const AJV_OPTIONS = {
  strict: true,
  allErrors: true,
  allowUnionTypes: true,
  messages: true,
} as const;

export function emitValidators(schemas: SchemaSet, header: string): string {
  const ajv = new Ajv({
    ...AJV_OPTIONS,
    code: { source: true, esm: true, formats: _`formats`, lines: true },
  });
  for (const [name, source] of Object.entries(FORMAT_SOURCES)) ajv.addFormat(name, compileFormat(source));
  // Annotations only: strict mode refuses unknown keywords, and these validate nothing.
  for (const keyword of KEPT_EXTENSIONS) ajv.addKeyword({ keyword, schemaType: 'boolean' });
  const exportMap: Record<string, string> = {};
  for (const [kind, exportName] of Object.entries(VALIDATED_KINDS)) {
    const schema = schemas[kind];
    if (!schema) throw new Error(`no schema for validated kind ${kind}`);
    ajv.addSchema(schema);
    exportMap[exportName] = schema.$id as string;
  }
  // ajv's standalone module is CJS with `exports.default`; from ESM it arrives one level down.
  const standaloneCode = (standalone as unknown as { default: typeof standalone.default }).default;
  let code = standaloneCode(ajv, exportMap);

  code = code.replace(
    /require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g,
    (_match: string, helper: string) => {
      if (!INLINABLE_RUNTIME.has(helper)) throw new Error(`AJV runtime helper ${helper} cannot be inlined`);
      const fn = require(`ajv/dist/runtime/${helper}`).default as (...args: never[]) => unknown;
      return `(${fn.toString()})`;
    },
  );
  if (/\brequire\(/.test(code)) throw new Error('standalone validators still require() a module');
  code = guardLengthChecks(code);

  const formats = Object.entries(FORMAT_SOURCES)
    .map(
      ([name, f]) =>
        `  ${JSON.stringify(name)}: { type: ${JSON.stringify(f.type)}, validate: ${f.validate} },`,
    )
    .join('\n');
  const kinds = Object.entries(VALIDATED_KINDS) as [keyof typeof VALIDATED_KINDS, string][];
  const typed = kinds
    .map(([kind, name]) => `  ${kind}: ${name} as unknown as GeneratedValidator<${KIND_TYPES[kind]}>,`)
    .join('\n');

  return `${header}// @ts-nocheck — AJV's standalone output is plain JS; the typed surface is \`validators\` below.
/* eslint-disable */
import type { components, operations } from './types.js';

/** A validation failure as AJV reports it. */
export interface GeneratedValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled validator: a type guard that leaves its failures on \`.errors\`. */
export interface GeneratedValidator<T> {
  (data: unknown): data is T;
  errors?: GeneratedValidationError[] | null;
}

const formats = {
${formats}
};

${code.replace(/^"use strict";\n?/, '').replace(/^export const (\w+) =/gm, 'const $1 =')}

/** One precompiled validator per contract kind (strict: unknown properties are errors). */
export const validators = {
${typed}
} as const;

/** A kind with a precompiled validator. */
export type ValidatedKind = keyof typeof validators;
`;
}

/**
 * AJV counts characters (code points) for every `maxLength`/`minLength`, a loop over the whole
 * string on each check — a third of a transaction's validation time. A string has at least
 * length/2 and at most length code points, so the UTF-16 length settles almost every check;
 * the count runs only in the narrow band where it could change the answer.
 */
export function guardLengthChecks(code: string): string {
  const counter = /const (func\d+) = \(function ucs2length\(/.exec(code)?.[1];
  if (!counter) return code;
  const call = new RegExp(`${counter}\\(([\\w.$]+)\\) ([<>]) (\\d+)`, 'g');
  return code.replace(call, (_match, value: string, op: string, limit: string) =>
    op === '>'
      ? `(${value}.length > ${limit} && ${counter}(${value}) > ${limit})`
      : `(${value}.length < ${limit} || (${value}.length < ${Number(limit) * 2} && ${counter}(${value}) < ${limit}))`,
  );
}
