import SwaggerParser from '@apidevtools/swagger-parser';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { loadSpec, SPEC_PATH } from '../../generators/load-spec.js';

describe('spec/customer-balance-transactions.openapi.yaml', () => {
  it('is a valid OpenAPI 3.0 document (checked by swagger-parser against the official schema)', async () => {
    const api = await SwaggerParser.validate(SPEC_PATH);
    expect(api).toHaveProperty('openapi', '3.0.3');
  });

  it('describes the API version the official stripe client 23.x speaks', async () => {
    expect(loadSpec().info.version).toBe('2026-10-28.endive');
    expect(loadSpec().info.version).toBe(Stripe.API_VERSION);
  });

  it('has the four operations and the full type enum', () => {
    const doc = loadSpec();
    const list = doc.paths['/v1/customers/{customer}/balance_transactions'];
    const item = doc.paths['/v1/customers/{customer}/balance_transactions/{transaction}'];
    expect(Object.keys(list ?? {}).filter((k) => k !== 'parameters')).toEqual(['get', 'post']);
    expect(Object.keys(item ?? {}).filter((k) => k !== 'parameters')).toEqual(['get', 'post']);
    const cbt = doc.components.schemas.customer_balance_transaction as {
      properties: Record<string, { enum?: string[] }>;
    };
    expect(cbt.properties.type?.enum).toHaveLength(12);
    expect(cbt.properties.type?.enum).toEqual(
      expect.arrayContaining([
        'migration',
        'checkout_session_subscription_payment',
        'checkout_session_subscription_payment_canceled',
      ]),
    );
  });

  it('rejects a document that breaks OpenAPI 3.0 (the validator is real)', async () => {
    const doc = structuredClone(loadSpec()) as unknown as Record<string, unknown>;
    (doc.components as { schemas: Record<string, unknown> }).schemas.metadata = {
      type: 'object',
      propertyNames: { maxLength: 40 },
    };
    await expect(SwaggerParser.validate(doc as never)).rejects.toThrow();
  });
});
