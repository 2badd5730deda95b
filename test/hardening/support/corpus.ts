/** The bad-input corpus under test/corpus/: its case shapes, and loading it. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../contract/support/fixtures.js';

export const CORPUS_DIR = path.join(repoRoot, 'test/corpus');

/** A case for `validate(kind, input, options)`; `errors` / `warnings` are `"code path"` strings. */
export interface ValidateCase {
  id: string;
  target: 'validate';
  why?: string;
  kind: string;
  input: unknown;
  options?: unknown;
  expect: { valid: boolean; errors?: string[]; warnings?: string[] };
}

/** One input file of a CLI case: literal text, a JSON value, NDJSON lines, HAR entries, or a sparse file. */
export interface CliFile {
  name: string;
  text?: unknown;
  json?: unknown;
  lines?: unknown[];
  har?: unknown[];
  /** Size in bytes of a sparse file (all zero bytes, created instantly with truncate). */
  sparse?: number;
  /** Text appended after the sparse part (a valid line after a 70 MB one, say). */
  append?: string;
}

/** A record the json reporter lists (everything that did not simply pass). */
export interface CliRecord {
  name: string;
  status: 'failed' | 'skipped' | 'unreadable' | 'passed';
  /** `"code path"` strings; one ending in `…` matches by prefix (for very long paths). */
  errors?: string[];
  reason?: string;
}

export interface CliCase {
  id: string;
  target: 'cli';
  why?: string;
  files: CliFile[];
  args?: string[];
  expect: {
    exit: 0 | 1 | 2;
    summary?: Partial<Record<'checked' | 'passed' | 'failed' | 'skipped' | 'unreadable', number>>;
    /** Exactly the non-passing records, in order. */
    records?: CliRecord[];
  };
}

export type Transport = 'fetch' | 'http' | 'nock' | 'msw';

/** One raw request; `{A}`, `{B}`, `{C}`, `{tx}`, `{txB}` are replaced by the fixture's ids. */
export interface HttpStep {
  method: string;
  /** The path and query, sent as is (a `$` directive builds a huge one). */
  path: unknown;
  /** Merged over the defaults (a test key; a form Content-Type on POST); `null` removes one. */
  headers?: Record<string, string | null>;
  body?: unknown;
}

export interface HttpExpect {
  status: number;
  /** The error envelope: `code` and `param` must be absent when not listed. */
  error?: { type: string; code?: string; param?: string; message?: string };
  /** A partial match of the JSON body (own keys, `Object.is` for primitives). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpCase extends HttpStep {
  id: string;
  target: 'http';
  why?: string;
  /** Transports to run on (default all four). */
  transports?: Transport[];
  /** Requests sent first, e.g. to use an idempotency key once; each must answer `status` (200). */
  before?: (HttpStep & { status?: number })[];
  expect: HttpExpect & Partial<Record<Transport, Partial<HttpExpect>>>;
}

interface CorpusFile<T> {
  description?: string;
  bases?: Record<string, unknown>;
  cases: T[];
}

/** Every case of `target` in the corpus files, and the bases they refer to. */
export function loadCorpus<T extends { id: string; target: string }>(
  target: T['target'],
): { cases: T[]; bases: Record<string, unknown> } {
  const cases: T[] = [];
  const bases: Record<string, unknown> = {};
  for (const name of readdirSync(CORPUS_DIR).sort()) {
    if (!name.endsWith('.json')) continue;
    const file = JSON.parse(readFileSync(path.join(CORPUS_DIR, name), 'utf8')) as CorpusFile<T>;
    Object.assign(bases, file.bases ?? {});
    for (const c of file.cases) if (c.target === target) cases.push(c);
  }
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`corpus: duplicate case id ${c.id}`);
    ids.add(c.id);
  }
  return { cases, bases };
}
