import type { CliIo, Command } from './command.js';
import { UsageError } from './command.js';
import { demoCommand } from './demo-command.js';
import { generateCommand } from './generate-command.js';
import { serveCommand } from './serve-command.js';
import { validateCommand } from './validate-command.js';

/** Every subcommand; each lives in its own module. */
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
    if (error instanceof UsageError) {
      io.stderr.write(`stripe-balance-kit ${name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`stripe-balance-kit ${name}: ${message}\n`);
    return 2;
  }
}
