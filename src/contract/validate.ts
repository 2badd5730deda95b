/**
 * `validate`: the schema (precompiled AJV), then the semantic layer, as data. Whatever the value
 * is, the answer is a result, never an exception, and the value is only read, never written.
 */
import { validators } from '../generated/validators.js';
import { describeThrown, preview, truncate } from './preview.js';
import { schemaFindings } from './schema-issues.js';
import { semanticFindings } from './semantic.js';
import { oversizedArray } from './size-guard.js';
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
  return typeof kind === 'string' && VALIDATORS.has(kind);
}

/** The validators by kind, own keys only (`__proto__` is not a kind); one lookup per call. */
const VALIDATORS: ReadonlyMap<string, (typeof validators)[ContractKind]> = new Map(
  Object.entries(validators),
);

/**
 * Checks `value` against the contract of `kind` and returns every finding as data.
 *
 * - `mode: 'strict'` (default) makes unknown properties errors; `'tolerant'` reports unknown
 *   additional properties as `warnings` and still fails on everything else.
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

function run(kind: ContractKind, value: unknown, options: ValidateOptions | undefined): ValidationResult {
  const validator = typeof kind === 'string' ? VALIDATORS.get(kind) : undefined;
  if (validator === undefined) return fail(unknownKind(kind));
  const read = readOptions(options);
  if (read.problems) return fail(...read.problems);

  const tooBig = oversizedArray(kind, value);
  if (tooBig) return fail(tooBig);

  let ok: boolean;
  let raw: NonNullable<typeof validator.errors>;
  try {
    ok = validator(value);
    // `errors` is shared by every call of this validator: copy it before anything else runs.
    raw = ok ? [] : [...(validator.errors ?? [])];
  } catch (thrown) {
    return fail(unreadable(thrown));
  }
  if (ok && !read.semantic) return { valid: true, errors: [], warnings: [] };
  const { errors, warnings } = ok
    ? { errors: [], warnings: [] }
    : schemaFindings(kind, raw, value, read.mode);
  if (read.semantic) {
    try {
      errors.push(...semanticFindings(kind, value));
    } catch (thrown) {
      errors.push(unreadable(thrown));
    }
  }
  return { valid: errors.length === 0, errors, warnings };
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
const READ_OPTIONS = {
  strict: {
    true: Object.freeze({ mode: 'strict', semantic: true, problems: undefined }),
    false: Object.freeze({ mode: 'strict', semantic: false, problems: undefined }),
  },
  tolerant: {
    true: Object.freeze({ mode: 'tolerant', semantic: true, problems: undefined }),
    false: Object.freeze({ mode: 'tolerant', semantic: false, problems: undefined }),
  },
} as const satisfies Record<ValidationMode, Record<'true' | 'false', ReadOptions>>;

/** The options as read, or every problem with them. */
function readOptions(options: ValidateOptions | undefined): ReadOptions {
  if (options === undefined || options === null) return READ_OPTIONS.strict.true;
  const { mode = 'strict', semantic = true } = options;
  const modeOk = mode === 'strict' || mode === 'tolerant';
  const semanticOk = typeof semantic === 'boolean';
  if (modeOk && semanticOk) return READ_OPTIONS[mode][semantic ? 'true' : 'false'];
  const problems: ContractIssue[] = [];
  if (!modeOk) problems.push(invalidOption('mode', '"strict" or "tolerant"', mode));
  if (!semanticOk) problems.push(invalidOption('semantic', 'boolean', semantic));
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
