/**
 * What `generate` and `serve` share about building fixtures from flags: how `--seed` text becomes
 * a seed, and how the factory's refusal of an option is reported as the flag that caused it.
 */
import { FixtureOptionsError } from '../errors.js';
import { UsageError } from './command.js';

/** Digits are a numeric seed (`--seed 42` equals `createFixtures({ seed: 42 })`); anything else a string seed. */
export function parseSeed(text: string): number | string {
  const value = Number(text);
  return /^-?\d+$/.test(text) && Number.isSafeInteger(value) ? value : text;
}

/**
 * Runs `build`, turning a `FixtureOptionsError` into a `UsageError` naming the flag: `flagOf`
 * maps the factory's option names to flags where they differ (`startingBalance` →
 * `starting-balance`); `fallback` names the flag for options the command sets itself.
 */
export function withFixtureFlags<T>(
  build: () => T,
  flagOf: Readonly<Record<string, string>> = {},
  fallback?: string,
): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof FixtureOptionsError) {
      const flag = flagOf[error.option] ?? fallback ?? error.option;
      throw new UsageError(`${error.message} (flag --${flag})`);
    }
    throw error;
  }
}
