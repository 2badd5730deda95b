import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSpecs } from '../../generators/drift/compare.js';
import { loadSpec } from '../../generators/load-spec.js';
import { runDrift } from '../../generators/spec-drift.js';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/drift', `${name}.json`);

describe('spec:drift against synthetic upstream specs', () => {
  it.each([
    ['in-sync', 0, []],
    ['older', 0, ['customer_balance_transaction.checkout_session: property_missing_upstream']],
    ['new-field', 1, ['BREAKING  customer_balance_transaction.tax_amount: property_added_upstream']],
    [
      'type-changed',
      1,
      ['BREAKING  customer_balance_transaction.amount: type_changed (ours integer, upstream string)'],
    ],
    ['nullable', 1, ['BREAKING  customer_balance_transaction.currency: nullable_upstream_only']],
    [
      'new-enum',
      1,
      [
        "BREAKING  customer_balance_transaction.type: enum_value_added_upstream (upstream value 'future_type')",
      ],
    ],
    ['new-create-param', 1, ['(create) body.tax_behavior: property_added_upstream']],
    [
      'customer-field',
      1,
      [
        'BREAKING  customer.balance: nullable_upstream_only',
        // An upstream parameter the spec lists in x-trimmedUpstream is left out on purpose.
        'info      POST /v1/customers (customer create) body.coupon: property_trimmed',
        '1 breaking',
      ],
    ],
  ] as const)('%s → exit %i', (name, code, mentions) => {
    const result = runDrift(fixture(name));
    expect(result.code).toBe(code);
    for (const text of mentions) expect(result.output).toContain(text);
    if (name === 'in-sync') expect(result.output).toContain('No drift');
  });

  it('reports the enum values and properties our newer API version adds as info, not breakage', () => {
    const result = runDrift(fixture('older'));
    expect(result.output).toMatch(/info +customer_balance_transaction\.customer_account/);
    expect(result.output).toContain("our value 'checkout_session_subscription_payment_canceled'");
    expect(result.output).toContain('0 breaking');
  });

  it('compares the customer schemas and operations too, and reports trimmed parameters as info', () => {
    const result = runDrift(fixture('customer-field'));
    expect(result.output).not.toContain('missing_in_upstream');
    expect(result.output).toContain('2 finding(s)');
  });

  it('reports a customer schema or operation upstream lacks as breaking', () => {
    const upstream = JSON.parse(readFileSync(fixture('in-sync'), 'utf8'));
    delete upstream.components.schemas.deleted_customer;
    delete upstream.paths['/v1/customers'].post;
    const findings = compareSpecs(loadSpec(), upstream);
    expect(findings.filter((f) => f.breaking).map((f) => [f.where, f.kind])).toEqual([
      ['deleted_customer', 'missing_in_upstream'],
      ['POST /v1/customers (customer create) body', 'missing_in_upstream'],
    ]);
  });

  it('exits 2 with a clear message for an unreadable upstream spec', () => {
    expect(runDrift('/nonexistent/spec3.json')).toEqual({
      code: 2,
      output: expect.stringContaining('cannot read'),
    });
    expect(runDrift(resolve(import.meta.dirname, '../../README.md')).code).toBe(2);
  });
});
