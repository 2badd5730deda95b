/**
 * `validate`: the schema (precompiled AJV), then the semantic layer, as data. Whatever the value
 * is, the answer is a result, never an exception, and the value is only read, never written.
 */
import { validators } from '../generated/validators.js';
import { describeThrown, preview, truncate } from './preview.js';
import { schemaFindings } from './schema-issues.js';
import { semanticallyClean, semanticFindings } from './semantic.js';
import { type ArraySite, arraySites, oversizedArray } from './size-guard.js';
import {
  CONTRACT_KINDS,
  type ContractIssue,
  type ContractKind,
  type ValidateOptions,
  type ValidationMode,
  type ValidationResult,
} from './types.js';

/** True when `kind` names a contract kind (own keys only: `__proto__` is not a kind). */
export function isContractKind(kind: unknown): kind is ContractKind {
  return typeof kind === 'string' && KINDS.has(kind);
}

/**
 * Per kind, the validator and (once first needed) the array sites the size guard follows: one
 * `Map` lookup per call. Own keys only, so `__proto__` is not a kind.
 */
interface KindEntry {
  readonly validator: (typeof validators)[ContractKind];
  sites: readonly ArraySite[] | undefined;
}
const KINDS: ReadonlyMap<string, KindEntry> = new Map(
  Object.entries(validators).map(([kind, validator]) => [kind, { validator, sites: undefined }]),
);

/**
 * Checks `value` against the contract of `kind` and returns every finding as data.
 *
 * - `mode: 'strict'` (default) makes unknown properties errors; `'tolerant'` reports unknown
 *   additional properties, and values of the enums Stripe extends without notice (a
 *   transaction's `type`), as `warnings`, and still fails on everything else.
 * - `semantic: true` (default) adds id-prefix, type ⇄ link, list order, ending-balance chain and
 *   list-url rules, each with its own `code`.
 *
 * Never throws, whatever `value` is (cycles, throwing getters or proxies, huge strings, BigInt…),
 * and never mutates it. An unknown `kind` is reported as an `unknown_kind` error.
 *
 * @example
 * const { valid, errors } = validate('customer_balance_transaction', body);
 * if (!valid) for (const e of errors) console.log(e.path, e.code, e.message);
 */
export function validate(kind: ContractKind, value: unknown, options?: ValidateOptions): ValidationResult {
  try {
    return run(kind, value, options);
  } catch (thrown) {
    // Reached only when reading the value throws in a way no guard anticipated (a getter inside
    // AJV's walk, a stack overflow): still an answer, not an exception.
    return fail(unreadable(thrown));
  }
}

/** The last kind looked up: a suite validates one kind many times in a row, and equal literals compare in a step. */
let lastKind: unknown;
let lastEntry: KindEntry | undefined;
function entryFor(kind: unknown): KindEntry | undefined {
  if (kind === lastKind) return lastEntry;
  const entry = typeof kind === 'string' ? KINDS.get(kind) : undefined;
  if (entry !== undefined) {
    lastKind = kind;
    lastEntry = entry;
  }
  return entry;
}

function run(kind: ContractKind, value: unknown, options: ValidateOptions | undefined): ValidationResult {
  const entry = entryFor(kind);
  if (entry === undefined) return fail(unknownKind(kind));
  const { validator } = entry;
  const read = readOptions(options);
  if (read.problems) return fail(...read.problems);

  entry.sites ??= arraySites(kind);
  if (entry.sites.length > 0) {
    const tooBig = oversizedArray(entry.sites, value);
    if (tooBig) return fail(tooBig);
  }

  // The schema's failures, or `undefined` when it passed.
  let raw: NonNullable<typeof validator.errors> | undefined;
  try {
    // `errors` is shared by every call of this validator: copy it before anything else runs.
    if (!validator(value)) raw = [...(validator.errors ?? [])];
  } catch (thrown) {
    return fail(unreadable(thrown));
  }
  // A value the schema passed is usually semantically clean too: the fast path confirms that by
  // direct reads, and only a value it cannot clear pays for the guarded rules.
  if (raw === undefined && (!read.semantic || clean(kind, value))) {
    return { valid: true, errors: [], warnings: [] };
  }
  const { errors, warnings } =
    raw === undefined ? { errors: [], warnings: [] } : schemaFindings(kind, raw, value, read.mode);
  if (read.semantic) {
    try {
      errors.push(...semanticFindings(kind, value));
    } catch (thrown) {
      errors.push(unreadable(thrown));
    }
  }
  return { valid: errors.length === 0, errors, warnings };
}

/** The fast path's verdict; a value whose reads throw is left to the guarded rules. */
function clean(kind: ContractKind, value: unknown): boolean {
  try {
    return semanticallyClean(kind, value);
  } catch {
    return false;
  }
}

function fail(...errors: ContractIssue[]): ValidationResult {
  return { valid: false, errors, warnings: [] };
}

/** One shape for every answer (valid or not), so reading it stays a monomorphic property load. */
interface ReadOptions {
  mode: ValidationMode;
  semantic: boolean;
  problems: ContractIssue[] | undefined;
}

/** Every valid combination, shared (nothing writes to them): reading options allocates nothing. */
const STRICT_SEMANTIC: ReadOptions = Object.freeze({ mode: 'strict', semantic: true, problems: undefined });
const STRICT_SCHEMA: ReadOptions = Object.freeze({ mode: 'strict', semantic: false, problems: undefined });
const TOLERANT_SEMANTIC: ReadOptions = Object.freeze({
  mode: 'tolerant',
  semantic: true,
  problems: undefined,
});
const TOLERANT_SCHEMA: ReadOptions = Object.freeze({
  mode: 'tolerant',
  semantic: false,
  problems: undefined,
});

/** The options as read, or every problem with them. Plain branches: this runs on every call. */
function readOptions(options: ValidateOptions | undefined): ReadOptions {
  if (options === undefined || options === null) return STRICT_SEMANTIC;
  const { mode, semantic } = options;
  if (mode === undefined || mode === 'strict') {
    if (semantic === undefined || semantic === true) return STRICT_SEMANTIC;
    if (semantic === false) return STRICT_SCHEMA;
  } else if (mode === 'tolerant') {
    if (semantic === undefined || semantic === true) return TOLERANT_SEMANTIC;
    if (semantic === false) return TOLERANT_SCHEMA;
  }
  const problems: ContractIssue[] = [];
  if (mode !== undefined && mode !== 'strict' && mode !== 'tolerant')
    problems.push(invalidOption('mode', '"strict" or "tolerant"', mode));
  if (semantic !== undefined && typeof semantic !== 'boolean')
    problems.push(invalidOption('semantic', 'boolean', semantic));
  return { mode: 'strict', semantic: false, problems };
}

function invalidOption(name: string, expected: string, value: unknown): ContractIssue {
  return {
    path: '',
    code: 'invalid_option',
    keyword: 'input',
    message: `option "${name}" must be ${expected}`,
    expected,
    received: preview(value),
  };
}

function unknownKind(kind: unknown): ContractIssue {
  const expected = `one of ${CONTRACT_KINDS.join(', ')}`;
  return {
    path: '',
    code: 'unknown_kind',
    keyword: 'input',
    message: `unknown contract kind ${typeof kind === 'string' ? JSON.stringify(truncate(kind, 60)) : preview(kind)}`,
    expected,
    received: preview(kind),
  };
}

/** An issue for a value that could not be read at all (it threw while being inspected). */
export function unreadable(thrown: unknown): ContractIssue {
  let overflow = false;
  try {
    overflow = thrown instanceof RangeError;
  } catch {
    // A thrown proxy can throw again from its getPrototypeOf trap.
  }
  return {
    path: '',
    code: 'unreadable_value',
    keyword: 'input',
    message: overflow
      ? `value is too deeply nested or too large to inspect (${describeThrown(thrown)})`
      : `reading the value threw ${describeThrown(thrown)}`,
    expected: 'plain JSON data',
    received: overflow ? 'a value that overflows the stack' : 'a value whose properties throw when read',
  };
}
