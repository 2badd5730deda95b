/**
 * The one argument parser of every command: `--flag value` and `--flag=value`, short aliases
 * (`-n 5`), booleans, integers checked as they are read, positionals where a command takes them,
 * and `--` to end the flags. Every refusal is one line, and a flag the command does not know is
 * refused the same way by every command, pointing at its `--help`.
 */
import { UsageError } from './command.js';

interface FlagBase {
  /** A one-letter alias, without the dash. */
  short?: string;
}
export interface BooleanFlag extends FlagBase {
  type: 'boolean';
}
export interface StringFlag extends FlagBase {
  type: 'string';
}
/** An integer in `[min, max]`; `expected` finishes "--port must be …" when a value is refused. */
export interface IntegerFlag extends FlagBase {
  type: 'integer';
  min?: number;
  max?: number;
  expected?: string;
}
export type FlagSpec = BooleanFlag | StringFlag | IntegerFlag;
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

type ValueOf<S extends FlagSpec> = S extends BooleanFlag ? boolean : S extends IntegerFlag ? number : string;
/** The values given, by flag name; a flag not given is absent. */
export type FlagValues<F extends FlagSpecs> = { [K in keyof F]?: ValueOf<F[K]> };

export interface ParsedArgs<F extends FlagSpecs> {
  flags: FlagValues<F>;
  positionals: string[];
}

export interface ParseOptions {
  /** The command's name, for the pointer to its `--help`. */
  command: string;
  /** Whether the command takes arguments besides flags (`validate FILES…`). */
  positionals?: boolean;
}

/** Parses `argv` against `specs`; throws a one-line `UsageError` for anything it cannot take. */
export function parseArgv<F extends FlagSpecs>(
  argv: readonly string[],
  specs: F,
  options: ParseOptions,
): ParsedArgs<F> {
  const refuse = (message: string): never => {
    throw new UsageError(`${message}. Run 'stripe-balance-kit ${options.command} --help'.`);
  };
  const flags: Record<string, boolean | number | string> = {};
  const positionals: string[] = [];
  let flagsEnded = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (flagsEnded || !looksLikeFlag(arg)) {
      if (!options.positionals) refuse(`unexpected argument '${arg}'`);
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      flagsEnded = true;
      continue;
    }
    const { name, inline } = splitFlag(arg);
    const found = lookUp(specs, name);
    if (!found) return refuse(`unknown option '${name}'`);
    const [key, spec] = found;
    if (spec.type === 'boolean') {
      if (inline !== undefined) refuse(`option '${name}' takes no value`);
      flags[key] = true;
      continue;
    }
    let text = inline;
    if (text === undefined) {
      const next = argv[index + 1];
      // A negative number is a value (`--starting-balance -5000`); anything else dashed is a flag.
      if (next === undefined || (looksLikeFlag(next) && !/^-\d/.test(next))) {
        refuse(`option '${name}' needs a value`);
      }
      text = next as string;
      index += 1;
    }
    flags[key] = spec.type === 'integer' ? integerValue(text, `--${key}`, spec) : text;
  }
  return { flags: flags as FlagValues<F>, positionals };
}

function looksLikeFlag(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-';
}

/** `--name=value` → name and value; `--name` and `-n` → the name alone. */
function splitFlag(arg: string): { name: string; inline: string | undefined } {
  const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
  return eq === -1 ? { name: arg, inline: undefined } : { name: arg.slice(0, eq), inline: arg.slice(eq + 1) };
}

function lookUp(specs: FlagSpecs, name: string): [string, FlagSpec] | undefined {
  if (name.startsWith('--')) {
    const key = name.slice(2);
    // Own keys only: `--constructor` or `--__proto__` must be unknown, not Object's.
    const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
    return spec ? [key, spec] : undefined;
  }
  return Object.entries(specs).find(([, spec]) => spec.short !== undefined && `-${spec.short}` === name);
}

function integerValue(text: string, flag: string, spec: IntegerFlag): number {
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  const inRange =
    Number.isSafeInteger(value) &&
    (spec.min === undefined || value >= spec.min) &&
    (spec.max === undefined || value <= spec.max);
  if (!inRange)
    throw new UsageError(`${flag} must be ${spec.expected ?? expectedInteger(spec)}; got '${text}'`);
  // `-0` is zero.
  return value || 0;
}

function expectedInteger({ min, max }: IntegerFlag): string {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min === 0) return 'a whole number';
  if (min !== undefined) return `an integer of at least ${min}`;
  return max === undefined ? 'an integer' : `an integer of at most ${max}`;
}
