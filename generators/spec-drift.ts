/**
 * `npm run spec:drift -- [path/to/upstream-spec.json]`: compares our trimmed spec with an upstream
 * Stripe OpenAPI spec (default ../shared/stripe-openapi/spec3.json when present). Exit 1 on drift
 * that breaks us, 0 otherwise, 2 when the upstream spec can't be read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { compareSpecs, formatFindings } from './drift/compare.js';
import { loadSpec, ROOT } from './load-spec.js';

const DEFAULT_UPSTREAM = resolve(ROOT, '../shared/stripe-openapi/spec3.json');

export function runDrift(upstreamPath: string | undefined): { code: number; output: string } {
  const path = upstreamPath ? resolve(upstreamPath) : DEFAULT_UPSTREAM;
  if (!existsSync(path)) {
    return {
      code: upstreamPath ? 2 : 0,
      output: upstreamPath
        ? `spec:drift: cannot read ${path}`
        : `spec:drift: no upstream spec at ${path}; pass one: npm run spec:drift -- path/to/spec3.json`,
    };
  }
  let upstream: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    upstream = path.endsWith('.json') ? JSON.parse(text) : parse(text);
  } catch (error) {
    return { code: 2, output: `spec:drift: ${path} is not JSON/YAML: ${(error as Error).message}` };
  }
  if (typeof upstream !== 'object' || upstream === null) {
    return { code: 2, output: `spec:drift: ${path} is not an OpenAPI document` };
  }
  const findings = compareSpecs(loadSpec(), upstream as Record<string, unknown>);
  const breaking = findings.some((f) => f.breaking);
  return { code: breaking ? 1 : 0, output: `Upstream: ${path}\n${formatFindings(findings)}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, output } = runDrift(process.argv[2]);
  (code === 0 ? console.log : console.error)(output);
  process.exit(code);
}
