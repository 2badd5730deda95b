/**
 * The ratios the issues set targets on (issue 9, and the default-`validate()` issue), each with its
 * target and verdict, computed from a run's results. A ratio whose suite did not run is left out.
 */
import type { Results } from './harness.js';
import {
  GENERATE,
  GENERATORS as GEN,
  PAGES,
  PAGING,
  TRANSPORTS as RT_NAMES,
  ROUND_TRIP as RT,
  schemaOnlyOverhead,
  semanticOverhead,
  VALIDATION_LABELS,
  VALIDATORS as V,
  validationSection,
} from './names.js';

export interface Ratio {
  name: string;
  value: number;
  /** `≥ 2`, `≤ 10%`, … or `(info)` for figures without a target. */
  target: string;
  met: boolean;
  /** Printed as a percentage. */
  percent?: boolean;
}

type Check = (v: number) => boolean;
const info: Check = () => true;

export function ratios(results: Results, suites: ReadonlySet<string>): Ratio[] {
  const out: Ratio[] = [];
  const add = (name: string, value: number, target: string, met: Check, percent = false) =>
    out.push({
      name,
      value,
      target,
      met: Number.isFinite(value) && met(value),
      ...(percent ? { percent } : {}),
    });

  if (suites.has('validators')) {
    for (const label of VALIDATION_LABELS) {
      const s = validationSection(label);
      const r = (a: string, b: string) => results.ratio(s, a, b);
      add(
        `validate ${label}: ours / openapi-response-validator`,
        r(V.precompiled, V.openapiResponseValidator),
        '≥ 2',
        (v) => v >= 2,
      );
      add(
        `validate ${label}: validate() default (semantic on) vs openapi-response-validator`,
        r(V.semantic, V.openapiResponseValidator),
        '≥ 2',
        (v) => v >= 2,
      );
      add(`validate ${label}: ours / openapi-backend`, r(V.precompiled, V.openapiBackend), '(info)', info);
      add(
        `validate ${label}: ours / hand-written guard`,
        r(V.precompiled, V.hand),
        '≥ 0.25',
        (v) => v >= 0.25,
      );
      add(
        `validate ${label}: ours / ajv compiled at run time`,
        r(V.precompiled, V.ajvRuntime),
        '(info)',
        info,
      );
      add(
        `validate ${label}: validate() schema-only overhead (paired)`,
        results.overheads.get(schemaOnlyOverhead(label)) ?? Number.NaN,
        '≤ 10%',
        (v) => v <= 0.1,
        true,
      );
      add(
        `validate ${label}: semantic layer overhead over schema check (paired)`,
        results.overheads.get(semanticOverhead(label)) ?? Number.NaN,
        '≤ 50%',
        (v) => v <= 0.5,
        true,
      );
      add(
        `validate ${label}: validate() with semantics overhead`,
        r(V.precompiled, V.semantic) - 1,
        '(info)',
        info,
        true,
      );
    }
  }

  if (suites.has('generators')) {
    const ours = results.ops(GENERATE, GEN.ours);
    add(
      'generate: ours / json-schema-faker',
      ours / results.ops(GENERATE, GEN.jsonSchemaFaker),
      '≥ 100',
      (v) => v >= 100,
    );
    add(
      'generate: ours / openapi-sampler',
      ours / results.ops(GENERATE, GEN.openapiSampler),
      '≥ 1',
      (v) => v >= 1,
    );
  }

  if (suites.has('mock-transports')) {
    const r = (a: string, b: string) => results.ratio(RT, a, b);
    add(
      'mock: bare nock / ours nock (time ratio)',
      r(RT_NAMES.bareNock, RT_NAMES.nock),
      '≤ 1.3',
      (v) => v <= 1.3,
    );
    add('mock: mock.fetch / Prism', r(RT_NAMES.fetch, RT_NAMES.prism), '≥ 20', (v) => v >= 20);
    add('mock: serve / Prism', r(RT_NAMES.serve, RT_NAMES.prism), '≥ 4', (v) => v >= 4);
    add(
      'mock: bare loopback / serve (time ratio)',
      r(RT_NAMES.bareServer, RT_NAMES.serve),
      '≤ 1.5',
      (v) => v <= 1.5,
    );
    add('mock: bare fetch / mock.fetch (time ratio)', r(RT_NAMES.bareFetch, RT_NAMES.fetch), '(info)', info);
    add('mock: bare fetch / Prism', r(RT_NAMES.bareFetch, RT_NAMES.prism), '(info)', info);
    add('mock: ours nock / Prism', r(RT_NAMES.nock, RT_NAMES.prism), '(info)', info);
  }

  if (suites.has('paging')) {
    add(
      'paging: deep page / first page (time ratio)',
      results.ops(PAGING, PAGES.first) / results.ops(PAGING, PAGES.deep),
      '≤ 2',
      (v) => v <= 2,
    );
  }

  if (suites.has('streaming')) {
    add(
      'streaming: 1M-row NDJSON peak RSS (MB)',
      results.streaming?.peakRssMb ?? Number.NaN,
      '< 150',
      (v) => v < 150,
    );
  }

  if (suites.has('cold-start')) {
    const cold = results.coldStart;
    for (const [entry, ms] of [
      ['stripe-balance-kit', cold?.oursMs],
      ['stripe-balance-kit/contract', cold?.contractMs],
    ] as const) {
      const own = ms ?? Number.NaN;
      add(`cold start, ${entry}: import + first validation (ms)`, own, '≤ 60', (v) => v <= 60);
      add(
        `cold start, ${entry}: runtime ajv / ours (time ratio)`,
        cold ? cold.ajvMs / own : Number.NaN,
        '≥ 3',
        (v) => v >= 3,
      );
      add(
        `cold start, ${entry}: ours minus node doing nothing (ms)`,
        cold ? own - cold.bareNodeMs : Number.NaN,
        '(info)',
        info,
      );
      add(
        `cold start, ${entry}: runtime ajv / ours, node start-up taken out`,
        cold ? (cold.ajvMs - cold.bareNodeMs) / (own - cold.bareNodeMs) : Number.NaN,
        '(info)',
        info,
      );
    }
  }
  return out;
}

/** One line per ratio: name, value, target, verdict. */
export function printRatios(list: readonly Ratio[]): void {
  console.log('\nratios (target) — within a section, the median of the per-round ratios');
  for (const r of list) {
    const v = !Number.isFinite(r.value)
      ? 'n/a'
      : r.percent
        ? `${(r.value * 100).toFixed(1)}%`
        : r.value.toFixed(2);
    const verdict = r.target === '(info)' ? '' : r.met ? 'met' : 'MISSED';
    console.log(`  ${r.name.padEnd(90)} ${v.padStart(9)}  ${r.target.padEnd(8)} ${verdict}`);
  }
}
