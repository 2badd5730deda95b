/** The flags of `stripe-balance-kit validate`, and the checks that turn them into run options. */
import { CONTRACT_KINDS, type ContractKind, type ValidationMode } from '../../../contract/types.js';
import { isContractKind } from '../../../contract/validate.js';
import type { ParsedArgs } from '../../args.js';
import { UsageError } from '../../command.js';
import { isReporterName, REPORTERS, type ReporterName } from './reporters/index.js';

export const VALIDATE_FLAGS = {
  kind: { type: 'string' },
  mode: { type: 'string' },
  reporter: { type: 'string' },
  'no-semantic': { type: 'boolean' },
} as const;

/** What a `validate` run checks, and how it reports. */
export interface ValidateRunOptions {
  kind: ContractKind | undefined;
  mode: ValidationMode;
  reporter: ReporterName;
  semantic: boolean;
  files: string[];
}

/** Checks the parsed flags; throws `UsageError` for anything the command cannot run with. */
export function validateRunOptions({
  flags,
  positionals,
}: ParsedArgs<typeof VALIDATE_FLAGS>): ValidateRunOptions {
  const { kind, mode = 'strict', reporter = 'pretty' } = flags;
  if (kind !== undefined && !isContractKind(kind)) {
    throw new UsageError(`--kind must be one of ${CONTRACT_KINDS.join(', ')}; got '${kind}'.`);
  }
  if (mode !== 'strict' && mode !== 'tolerant') {
    throw new UsageError(`--mode must be strict or tolerant; got '${mode}'.`);
  }
  if (!isReporterName(reporter)) {
    throw new UsageError(`--reporter must be one of ${REPORTERS.join(', ')}; got '${reporter}'.`);
  }
  if (positionals.length === 0) {
    throw new UsageError(
      "no input files. Usage: stripe-balance-kit validate [options] FILES…\nRun 'stripe-balance-kit validate --help' for the options.",
    );
  }
  return { kind, mode, reporter, semantic: flags['no-semantic'] !== true, files: positionals };
}
