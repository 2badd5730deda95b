import type { CliIo, Command } from './command.js';
import { demoCommand } from './commands/demo/index.js';
import { generateCommand } from './commands/generate/index.js';
import { serveCommand } from './commands/serve/index.js';
import { validateCommand } from './commands/validate/index.js';
import { packageVersion } from './version.js';

/** Every subcommand; each lives in its own folder under commands/ and imports no other. */
export const commands: readonly Command[] = [demoCommand, validateCommand, generateCommand, serveCommand];

export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: stripe-balance-kit <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show this help',
    '  -v, --version  Print the version',
    '',
    'Run `stripe-balance-kit <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    // One line, as a command refuses a flag: what was not understood, and where to look.
    const refusal = name.startsWith('-')
      ? `unknown option '${name}'`
      : `unknown command '${name}' (commands: ${commands.map((c) => c.name).join(', ')})`;
    io.stderr.write(`stripe-balance-kit: ${refusal}. Run 'stripe-balance-kit --help'.\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // Usage errors and failed inputs alike: one line naming the command, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`stripe-balance-kit ${name}: ${message}\n`);
    return 2;
  }
}
