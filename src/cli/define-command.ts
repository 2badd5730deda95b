/**
 * Builds a `Command` from a declaration (its docs, its flags, how they become options, what it
 * does with them), so that every command parses with the one parser, answers `--help` / `-h` the
 * same way, and runs only with options already checked.
 */
import { type BooleanFlag, type FlagSpecs, type ParsedArgs, parseArgv } from './args.js';
import type { CliIo, Command } from './command.js';

const HELP_FLAG: BooleanFlag = { type: 'boolean', short: 'h' };

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
  const specs = { ...flags, help: HELP_FLAG };
  return {
    name,
    summary,
    async run(argv, io) {
      const args = parseArgv(argv, specs, { command: name, positionals });
      if (args.flags.help) {
        io.stdout.write(help);
        return 0;
      }
      return definition.run(definition.options(args as ParsedArgs<F>), io);
    },
  };
}
