/**
 * The precompiled validators, typed by the contract's own names: the generated module's types stay
 * internal, so a regeneration can rename them without changing the public API.
 */
import { validators as generated } from '../generated/validators.js';
import type { ContractKind, ContractTypes } from './types.js';

/** One failure as AJV reports it (`instancePath`, `keyword`, `params`), before `validate` reads it. */
export interface RawValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled validator: a type guard; after a failure, `errors` holds AJV's raw findings. */
export interface ContractValidator<T> {
  (value: unknown): value is T;
  errors?: RawValidationError[] | null;
}

/**
 * One precompiled (standalone AJV) validator per contract kind, strict. `validate()` wraps these
 * with readable findings and the semantic rules; call them directly only for the raw speed.
 */
export const validators: { readonly [K in ContractKind]: ContractValidator<ContractTypes[K]> } =
  // The schema lets a transaction's nullable fields be absent (bodies of old API versions); the
  // Strict types follow what Stripe sends today, every field present, so the guards say that.
  generated as unknown as { readonly [K in ContractKind]: ContractValidator<ContractTypes[K]> };
