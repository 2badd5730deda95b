/** The flags of `stripe-balance-kit validate`, parsed and checked. */
import { parseArgs } from 'node:util';
import { CONTRACT_KINDS, type ContractKind, type ValidationMode } from '../../contract/types.js';
import { isContractKind } from '../../contract/validate.js';
import { UsageError } from '../command.js';

/** The reporters `--reporter` accepts. */
export const REPORTERS = ['pretty', 'json', 'junit', 'github'] as const;
/** One output format of the `validate` command. */
export type ReporterName = (typeof REPORTERS)[number];

/** Parsed `validate` flags. */
export interface ValidateCliOptions {
  help: boolean;
  kind: ContractKind | undefined;
  mode: ValidationMode;
  reporter: ReporterName;
  semantic: boolean;
  files: string[];
}

/** Parses `argv`; throws `UsageError` for anything the command cannot run with. */
export function parseValidateArgs(argv: string[]): ValidateCliOptions {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message}\nRun 'stripe-balance-kit validate --help' for the options.`);
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  const kind = values.kind;
  if (kind !== undefined && !isContractKind(kind)) {
    throw new UsageError(`--kind must be one of ${CONTRACT_KINDS.join(', ')}; got '${kind}'.`);
  }
  const mode = values.mode ?? 'strict';
  if (mode !== 'strict' && mode !== 'tolerant') {
    throw new UsageError(`--mode must be strict or tolerant; got '${mode}'.`);
  }
  const reporter = values.reporter ?? 'pretty';
  if (!isReporter(reporter)) {
    throw new UsageError(`--reporter must be one of ${REPORTERS.join(', ')}; got '${reporter}'.`);
  }
  if (!help && positionals.length === 0) {
    throw new UsageError(
      "no input files. Usage: stripe-balance-kit validate [options] FILES…\nRun 'stripe-balance-kit validate --help' for the options.",
    );
  }
  return { help, kind, mode, reporter, semantic: values['no-semantic'] !== true, files: positionals };
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      kind: { type: 'string' },
      mode: { type: 'string' },
      reporter: { type: 'string' },
      'no-semantic': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function isReporter(name: string): name is ReporterName {
  return (REPORTERS as readonly string[]).includes(name);
}
