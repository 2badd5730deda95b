/**
 * The CLI's version: the `version` of this package's own package.json, read when asked. The
 * same code runs as TypeScript (tsx, vitest), as the ESM bundle (dist/esm/cli/bin.js, behind
 * npm's bin link) and as CommonJS (dist/cjs), and no single way to find "this file" works in all
 * three (`import.meta` is a syntax error in the CommonJS build), so the search starts from each
 * place that may lie inside the package: this module's directory where CommonJS gives one, then
 * the script being run (bin links resolved). From each it walks up to the first package.json
 * named stripe-balance-kit, skipping others (dist/cjs/package.json only sets `type`).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PACKAGE_NAME = 'stripe-balance-kit';

/** Where the search for package.json starts, best first. */
function startingPoints(): string[] {
  const points: string[] = [];
  if (typeof __dirname === 'string') points.push(__dirname);
  const script = process.argv[1];
  if (script !== undefined) {
    try {
      points.push(dirname(realpathSync(script)));
    } catch {
      points.push(dirname(script));
    }
  }
  return points;
}

/** The version in the first package.json named stripe-balance-kit at or above `directory`. */
export function versionAbove(directory: string): string | undefined {
  let current = directory;
  for (;;) {
    const version = ownVersion(join(current, 'package.json'));
    if (version !== undefined) return version;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function ownVersion(file: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
    return manifest.name === PACKAGE_NAME && typeof manifest.version === 'string'
      ? manifest.version
      : undefined;
  } catch {
    return undefined;
  }
}

/** This package's version; throws when no package.json of it can be found (a broken install). */
export function packageVersion(from: readonly string[] = startingPoints()): string {
  for (const directory of from) {
    const version = versionAbove(directory);
    if (version !== undefined) return version;
  }
  throw new Error(`cannot find the package.json of ${PACKAGE_NAME} to read its version`);
}
