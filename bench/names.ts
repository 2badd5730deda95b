/**
 * The names results are recorded under: suites write rows and overheads with them, the targets
 * read them back. Data only, so reading the targets loads no suite (nor nock, nor the mock).
 */

/** The two shapes validated, by the label their sections and ratios carry. */
export const VALIDATION_LABELS = ['one transaction', '100-item page'] as const;
export type ValidationLabel = (typeof VALIDATION_LABELS)[number];
export const validationSection = (label: ValidationLabel): string => `validate ${label}`;

export const VALIDATORS = {
  precompiled: 'ours: precompiled validator',
  schemaOnly: 'ours: validate() schema only',
  semantic: 'ours: validate() with semantics',
  hand: 'hand-written type guard',
  ajvRuntime: 'ajv compiled at run time',
  openapiResponseValidator: 'openapi-response-validator',
  openapiBackend: 'openapi-backend',
} as const;

/** Keys of the paired overheads: `validate()` schema-only over the bare validator, and the semantic layer over that. */
export const schemaOnlyOverhead = (label: ValidationLabel): string => `${label}: validate() schema only`;
export const semanticOverhead = (label: ValidationLabel): string => `${label}: semantic layer`;

export const GENERATE = 'generate one object';
export const GENERATORS = {
  ours: 'ours: createFixtures().balanceTransaction()',
  jsonSchemaFaker: 'json-schema-faker',
  openapiSampler: 'openapi-sampler',
} as const;

export const ROUND_TRIP = 'mock round trip (create + list)';
export const TRANSPORTS = {
  nock: 'ours: nock mock',
  fetch: 'ours: createFetchHttpClient(mock.fetch)',
  serve: 'ours: startStripeServer() loopback',
  bareNock: 'bare nock, canned answer',
  bareFetch: 'bare fetch function, canned answer',
  bareServer: 'bare loopback http server, canned answer',
  prism: 'Stoplight Prism mock (loopback)',
} as const;

export const PAGING = 'listPage on a 100k ledger (limit 10)';
export const PAGES = { first: 'page 1', deep: 'page 1,001 (starting_after)' } as const;
