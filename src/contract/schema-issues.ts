/**
 * Turns AJV's raw failures into contract issues: one clear issue per path with a stable code, the
 * expected side in words, and a bounded preview of the received side.
 *
 * AJV reports every failed `anyOf` alternative, so one nullable expandable field (`invoice: 5`)
 * yields four raw errors. The value's JSON type tells which alternatives were plausible: when none
 * was, the raw errors collapse into one `wrong_type` / `not_nullable` issue listing what would
 * have been accepted; when some were, only the failures of those alternatives are kept.
 */
import type { GeneratedValidationError } from '../generated/validators.js';
import { appendToken, isAtOrBelow, parsePointer } from './json-pointer.js';
import { isOpenEnum } from './open-enums.js';
import { jsonTypeOf, preview, truncate } from './preview.js';
import {
  admits,
  allowedTypes,
  alternativesOf,
  declaredProperties,
  describeEnum,
  describePropertyNames,
  describeSchema,
  exclusiveGroups,
  listWords,
  rootSchema,
  type SchemaNode,
  schemaAt,
} from './schema-lookup.js';
import type { ContractIssue, ContractIssueCode, ContractKind, ValidationMode } from './types.js';
import { get, isArray, isRecord, valueAt } from './value-access.js';

/**
 * Issues found by the schema, split by severity: in tolerant mode unknown properties and new values
 * of the enums Stripe extends warn.
 */
export interface SchemaFindings {
  errors: ContractIssue[];
  warnings: ContractIssue[];
}

const ABSENT = 'nothing (property absent)';

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  'unix-time': 'Unix timestamp: integer seconds from 0 to 253402300799',
};

const LENGTH_CODES: Readonly<Record<string, ContractIssueCode>> = {
  maxLength: 'too_long',
  minLength: 'too_short',
  maxItems: 'too_many_items',
  minItems: 'too_few_items',
  maxProperties: 'too_many_properties',
  minProperties: 'too_few_properties',
};

const LENGTH_UNITS: Readonly<Record<string, string>> = {
  maxLength: 'characters',
  minLength: 'characters',
  maxItems: 'items',
  minItems: 'items',
  maxProperties: 'properties',
  minProperties: 'properties',
};

interface Context {
  kind: ContractKind;
  root: SchemaNode;
  value: unknown;
  /** `expected` of unknown properties per parent path: 100 000 unknown keys share one. */
  declared: Map<string, string>;
}

/** Maps the raw failures of `validators[kind]` on `value` to contract issues. */
export function schemaFindings(
  kind: ContractKind,
  raw: readonly GeneratedValidationError[],
  value: unknown,
  mode: ValidationMode,
): SchemaFindings {
  const ctx: Context = { kind, root: rootSchema(kind), value, declared: new Map() };
  const plan = planAlternatives(ctx, raw);
  const findings: SchemaFindings = { errors: [], warnings: [] };
  const seen = new Set<string>();
  raw.forEach((error, index) => {
    const found = skip(plan, error, index)
      ? undefined
      : (plan.replacements.get(index) ?? issueFor(ctx, error));
    if (!found) return;
    const openEnum = mode === 'tolerant' && found.code === 'enum_mismatch' && isNewEnumValue(ctx, error);
    const issue = inFieldOrder(openEnum ? { ...found, message: `${found.message} ${NEW_VALUE}` } : found);
    const key = `${issue.path}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const warn = openEnum || (mode === 'tolerant' && issue.code === 'unknown_property');
    (warn ? findings.warnings : findings.errors).push(issue);
  });
  return findings;
}

const NEW_VALUE = '(not known to this API version; Stripe adds values to this enum)';

/**
 * True for a string outside an enum Stripe extends (open-enums.ts): what a response of a newer
 * API version carries, so tolerant mode warns. A value of another JSON type is still wrong.
 */
function isNewEnumValue(ctx: Context, error: GeneratedValidationError): boolean {
  if (error.keyword !== 'enum') return false;
  const tokens = parsePointer(error.instancePath);
  return typeof valueAt(ctx.value, tokens) === 'string' && isOpenEnum(schemaAt(ctx.root, tokens));
}

interface Plan {
  /** Raw errors that are noise from alternatives the value could not have meant. */
  suppressed: Set<number>;
  /** Paths whose alternatives were all implausible, each with its `anyOf` error's index. */
  collapsed: Map<string, number>;
  /** The one issue that stands for an `anyOf` (keyed by the `anyOf` error's index). */
  replacements: Map<number, ContractIssue>;
}

/**
 * AJV reports an `anyOf` right after the failures of its alternatives, all of which lie at or
 * below its path; walking back from the `anyOf` over that run keeps the whole plan linear in
 * the number of errors times the nesting depth (a 100 000-item page must not go quadratic).
 */
function planAlternatives(ctx: Context, raw: readonly GeneratedValidationError[]): Plan {
  const plan: Plan = { suppressed: new Set(), collapsed: new Map(), replacements: new Map() };
  raw.forEach((error, index) => {
    if (error.keyword !== 'anyOf') return;
    plan.suppressed.add(index);
    const path = error.instancePath;
    const tokens = parsePointer(path);
    const node = schemaAt(ctx.root, tokens);
    const value = valueAt(ctx.value, tokens);
    const type = jsonTypeOf(value);
    const alternatives = node ? alternativesOf(ctx.root, node) : undefined;
    const plausible = alternatives?.filter((alt) => admits(allowedTypes(ctx.root, alt), type)) ?? [];
    if (plausible.length === 0) {
      if (!plan.collapsed.has(path)) plan.collapsed.set(path, index);
      plan.replacements.set(index, typeIssue(path, value, describeSchema(ctx.root, node), 'anyOf'));
      return;
    }
    let remains = false;
    for (let j = index - 1; j >= 0; j -= 1) {
      const other = raw[j];
      if (!other || !isAtOrBelow(other.instancePath, path)) break;
      if (other.instancePath === path) {
        const implausibleEnum =
          (other.keyword === 'enum' && !enumAdmits(other.params.allowedValues, type)) ||
          (other.keyword === 'const' && jsonTypeOf(other.params.allowedValue) !== type);
        if (other.keyword === 'type' || implausibleEnum) plan.suppressed.add(j);
      }
      if (plan.replacements.has(j) || (!plan.suppressed.has(j) && other.keyword !== 'anyOf')) remains = true;
    }
    if (!remains) {
      plan.replacements.set(index, {
        path,
        code: 'no_matching_alternative',
        keyword: 'anyOf',
        message: `matches none of the accepted shapes (${describeSchema(ctx.root, node)})`,
        expected: describeSchema(ctx.root, node),
        received: preview(value),
      });
    }
  });
  return plan;
}

/** The same issue with its fields in the documented order, so printed issues read alike. */
function inFieldOrder(issue: ContractIssue): ContractIssue {
  const { path, code, keyword, message, expected, received } = issue;
  return { path, code, keyword, message, expected, received };
}

/** True when an enclosing (or the same) path collapsed into another error's single issue. */
function underCollapsed(plan: Plan, path: string, index: number): boolean {
  if (plan.collapsed.size === 0) return false;
  let current = path;
  for (;;) {
    const owner = plan.collapsed.get(current);
    if (owner !== undefined && owner !== index) return true;
    if (current === '') return false;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

function skip(plan: Plan, error: GeneratedValidationError, index: number): boolean {
  if (underCollapsed(plan, error.instancePath, index)) return true;
  if (plan.replacements.has(index)) return false;
  if (plan.suppressed.has(index)) return true;
  // Failures inside `propertyNames` repeat what the `propertyNames` failure itself reports.
  return Object.hasOwn(error, 'propertyName');
}

function enumAdmits(allowed: unknown, type: string): boolean {
  return Array.isArray(allowed) && allowed.some((v) => jsonTypeOf(v) === type);
}

function typeIssue(path: string, value: unknown, expected: string, keyword: string): ContractIssue {
  const received = preview(value);
  if (value === null) {
    return {
      path,
      code: 'not_nullable',
      keyword,
      message: `must not be null: expected ${expected}`,
      expected,
      received,
    };
  }
  return {
    path,
    code: 'wrong_type',
    keyword,
    message: `expected ${expected}; received ${received}`,
    expected,
    received,
  };
}

function issueFor(ctx: Context, error: GeneratedValidationError): ContractIssue {
  const path = error.instancePath;
  const tokens = parsePointer(path);
  const value = valueAt(ctx.value, tokens);
  const node = schemaAt(ctx.root, tokens);
  const params = error.params;
  const keyword = error.keyword;
  // Not eagerly: previewing the parent of each of 100 000 unknown keys would be quadratic.
  const received = () => preview(value);
  const base = { path, keyword };

  switch (keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      const expected = describeSchema(ctx.root, schemaAt(ctx.root, [...tokens, name]));
      return {
        ...base,
        path: appendToken(path, name),
        code: 'missing_property',
        message: `missing required property "${name}" (${expected})`,
        expected,
        received: ABSENT,
      };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      let expected = ctx.declared.get(path);
      if (expected === undefined) {
        expected = truncate(`only declared properties (${declaredProperties(ctx.root, node).join(', ')})`);
        ctx.declared.set(path, expected);
      }
      return {
        ...base,
        path: appendToken(path, name),
        code: 'unknown_property',
        message: `unknown property "${truncate(name, 60)}"`,
        expected,
        received: preview(get(value, name)),
      };
    }
    case 'type':
      return typeIssue(path, value, describeSchema(ctx.root, node), keyword);
    case 'enum':
    case 'const': {
      const allowed = keyword === 'enum' ? params.allowedValues : [params.allowedValue];
      const expected = describeEnum(Array.isArray(allowed) ? allowed : []);
      return {
        ...base,
        code: 'enum_mismatch',
        message: `expected ${expected}; received ${received()}`,
        expected,
        received: received(),
      };
    }
    case 'format': {
      const format = String(params.format);
      const expected = FORMAT_WORDS[format] ?? `a value in the "${format}" format`;
      return {
        ...base,
        code: 'format',
        message: `expected ${expected}; received ${received()}`,
        expected,
        received: received(),
      };
    }
    case 'pattern': {
      const expected = `${describeSchema(ctx.root, node)} matching ${String(params.pattern)}`;
      return {
        ...base,
        code: 'pattern',
        message: `expected ${expected}; received ${received()}`,
        expected,
        received: received(),
      };
    }
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
    case 'maxProperties':
    case 'minProperties': {
      const bound = keyword.startsWith('max') ? 'at most' : 'at least';
      const unit = LENGTH_UNITS[keyword] ?? 'units';
      const expected = `${bound} ${String(params.limit)} ${params.limit === 1 ? unit.slice(0, -1) : unit}`;
      return {
        ...base,
        code: LENGTH_CODES[keyword] ?? 'schema_violation',
        message: `expected ${expected}; received ${sizeOf(value)}`,
        expected,
        received: received(),
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const expected = `a number ${String(params.comparison)} ${String(params.limit)}`;
      return {
        ...base,
        code: 'out_of_range',
        message: `expected ${expected}; received ${received()}`,
        expected,
        received: received(),
      };
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      const expected = describePropertyNames(ctx.root, node);
      return {
        ...base,
        path: appendToken(path, name),
        code: 'invalid_property_name',
        message: `invalid property name ${JSON.stringify(truncate(name, 60))}: expected ${expected}`,
        expected,
        received: preview(name),
      };
    }
    case 'not': {
      const group = exclusiveGroups(ctx.root, node)[0];
      if (group && group.length > 1) {
        return {
          ...base,
          code: 'mutually_exclusive',
          message: `${listWords(group).replace(/ or /, ' and ')} cannot be used together`,
          expected: `at most one of ${group.join(', ')}`,
          received: `all of ${group.join(', ')}`,
        };
      }
      break;
    }
  }
  return {
    ...base,
    code: 'schema_violation',
    message: error.message ?? `fails the "${keyword}" rule`,
    expected: `a value satisfying "${keyword}"`,
    received: received(),
  };
}

function sizeOf(value: unknown): string {
  if (typeof value === 'string') return `${value.length} characters`;
  if (isArray(value)) return `${value.length} items`;
  if (isRecord(value)) {
    try {
      return `${Object.keys(value).length} properties`;
    } catch {
      return 'an unreadable object';
    }
  }
  return preview(value);
}
