/** Loads the JSON fixtures under test/fixtures/ (copies of Stripe's own examples, hand-made HARs). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run the CLI from here so paths print as in CI). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `test/fixtures/<relative>` as an absolute path. */
export function fixturePath(relative: string): string {
  return path.join(repoRoot, 'test/fixtures', relative);
}

/** A fresh parsed copy of a JSON fixture (callers may mutate it). */
export function loadFixture<T = Record<string, unknown>>(relative: string): T {
  return JSON.parse(readFileSync(fixturePath(relative), 'utf8')) as T;
}
