import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../../generators/transforms/index.js';

describe('OpenAPI 3.0 → JSON Schema transforms', () => {
  it.each([
    [
      'nullable with a type becomes a union',
      { type: 'string', nullable: true },
      { type: ['string', 'null'] },
    ],
    [
      'nullable enum gains null',
      { type: 'string', enum: ['a'], nullable: true },
      { type: ['string', 'null'], enum: ['a', null] },
    ],
    [
      'nullable anyOf gains a null branch (AJV refuses nullable without type)',
      { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/x' }], nullable: true },
      { anyOf: [{ type: 'null' }, { type: 'string' }, { $ref: '#/definitions/x' }] },
    ],
    [
      'nullable allOf wrapper becomes anyOf [it, null]',
      { allOf: [{ $ref: '#/components/schemas/m' }], nullable: true },
      { anyOf: [{ type: 'null' }, { allOf: [{ $ref: '#/definitions/m' }] }] },
    ],
    ['nullable: false is dropped', { type: 'integer', nullable: false }, { type: 'integer' }],
    [
      'x-propertyNames becomes propertyNames',
      { type: 'object', 'x-propertyNames': { maxLength: 40 } },
      { type: 'object', propertyNames: { maxLength: 40 } },
    ],
    [
      'OpenAPI-only keywords and extensions are stripped',
      { type: 'string', example: 'x', deprecated: true, 'x-stripeExpansionResources': {} },
      { type: 'string' },
    ],
    [
      'x-stripeBypassValidation is kept: tolerant mode reads it',
      { type: 'string', enum: ['a'], 'x-stripeBypassValidation': true, 'x-other': 1 },
      { type: 'string', enum: ['a'], 'x-stripeBypassValidation': true },
    ],
    [
      'property names that look like keywords are left alone',
      { type: 'object', properties: { nullable: { type: 'boolean' }, 'x-id': { type: 'string' } } },
      { type: 'object', properties: { nullable: { type: 'boolean' }, 'x-id': { type: 'string' } } },
    ],
  ])('%s', (_name, given, want) => {
    expect(toJsonSchema(given)).toEqual(want);
  });

  it('refuses a $ref outside components.schemas instead of emitting a dangling one', () => {
    expect(() => toJsonSchema({ $ref: 'other.yaml#/x' })).toThrow(/unsupported \$ref/);
  });
});
