/**
 * Builds a `Command` from a declaration (its docs, its flags, how they become options, what it
 * does with them), so that every command parses with the one parser, answers `--help` / `-h` and
 * `--version` / `-v` the same way, and runs only with options already checked.
 */
import { type BooleanFlag, type FlagSpecs, type ParsedArgs, parseArgv } from './args.js';
import type { CliIo, Command } from './command.js';
import { packageVersion } from './version.js';

const HELP_FLAG: BooleanFlag = { type: 'boolean', short: 'h' };
const VERSION_FLAG: BooleanFlag = { type: 'boolean', short: 'v' };

/** What `stripe-balance-kit --help` and `stripe-balance-kit <name> --help` print. */
export interface CommandDocs {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The `--help` text. */
  help: string;
}

export interface CommandDefinition<F extends FlagSpecs, O> extends CommandDocs {
  flags: F;
  /** Whether the command takes arguments besides flags. */
  positionals?: boolean;
  /** The run's options from the parsed flags; throws `UsageError` for what it cannot run with. */
  options(args: ParsedArgs<F>): O;
  /** Runs (never for `--help`); resolves to the exit code. */
  run(options: O, io: CliIo): Promise<number>;
}

export function defineCommand<F extends FlagSpecs, O>(definition: CommandDefinition<F, O>): Command {
  const { name, summary, help, flags, positionals = false } = definition;
  const specs = { ...flags, help: HELP_FLAG, version: VERSION_FLAG };
  return {
    name,
    summary,
    async run(argv, io) {
      const args = parseArgv(argv, specs, { command: name, positionals });
      if (args.flags.help) {
        io.stdout.write(help);
        return 0;
      }
      if (args.flags.version) {
        io.stdout.write(`${packageVersion()}\n`);
        return 0;
      }
      return definition.run(definition.options(args as ParsedArgs<F>), io);
    },
  };
}
