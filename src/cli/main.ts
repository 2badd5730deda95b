import type { CliIo, Command } from './command.js';
import { demoCommand } from './commands/demo/index.js';
import { generateCommand } from './commands/generate/index.js';
import { serveCommand } from './commands/serve/index.js';
import { validateCommand } from './commands/validate/index.js';

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
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`stripe-balance-kit: unknown command '${name}'.\n\n${usage()}`);
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
