/**
 * `metadata`: "Set of key-value pairs that you can attach to an object" (object reference,
 * ../shared/seeds). Stripe's limits (stripe-openapi README): at most 50 keys, keys at most 40
 * characters without `[` or `]`, values at most 500 characters. We attach one to three pairs of
 * the kind integrations store — an order or ticket reference, a reason, who approved it — and
 * mostly on transactions people create; Stripe-made ones keep `{}`.
 */
import type { Metadata } from '../types.js';
import type { CustomerBalanceTransactionType } from '../types.js';
import type { RandomSource } from './random-source.js';

type Value = (random: RandomSource) => string;

const FIELDS: readonly (readonly [string, Value])[] = [
  ['order_id', (r) => `ORD-${r.int(100000, 999999)}`],
  ['ticket_id', (r) => `ZD-${r.int(10000, 99999)}`],
  [
    'reason',
    (r) => r.pick(['goodwill', 'service_outage', 'referral', 'billing_error', 'promotion', 'loyalty']),
  ],
  ['campaign', (r) => `${r.pick(['spring', 'summer', 'autumn', 'winter'])}-${r.int(2023, 2026)}-promo`],
  ['approved_by', (r) => r.faker.internet.email({ provider: 'example.com' }).toLowerCase()],
  ['crm_account_id', (r) => `0015g00000${r.alphanumeric(8)}`],
  ['source', (r) => r.pick(['dashboard', 'support_portal', 'crm_sync', 'api', 'billing_script'])],
  ['external_ref', (r) => `INV-${r.int(2023, 2026)}-${String(r.int(1, 99999)).padStart(5, '0')}`],
];

const ANNOTATED: Partial<Record<CustomerBalanceTransactionType, number>> = {
  adjustment: 0.35,
  initial: 0.25,
  migration: 0.3,
  credit_note: 0.1,
};
const SYSTEM_ANNOTATED = 0.03;

export function metadataFor(random: RandomSource, type: CustomerBalanceTransactionType): Metadata {
  const metadata: Metadata = {};
  if (!random.chance(ANNOTATED[type] ?? SYSTEM_ANNOTATED)) return metadata;
  const count = random.int(1, 3);
  const start = random.int(0, FIELDS.length - 1);
  for (let i = 0; i < count; i++) {
    // Consecutive fields from a random start: distinct keys without a shuffle.
    const field = FIELDS[(start + i) % FIELDS.length];
    if (field) metadata[field[0]] = field[1](random);
  }
  return metadata;
}

/** Pairs integrations store on customers: their own user and CRM ids, the plan, the source. */
const CUSTOMER_FIELDS: readonly (readonly [string, Value])[] = [
  ['user_id', (r) => `usr_${r.alphanumeric(10)}`],
  ['crm_account_id', (r) => `0015g00000${r.alphanumeric(8)}`],
  ['plan', (r) => r.pick(['starter', 'pro', 'team', 'business', 'enterprise'])],
  ['signup_source', (r) => r.pick(['website', 'sales', 'partner', 'import'])],
  ['account_manager', (r) => r.faker.internet.email({ provider: 'example.com' }).toLowerCase()],
];

/** A customer's metadata: `{}` half the time, else one to three consecutive pairs above. */
export function customerMetadata(random: RandomSource): Metadata {
  const metadata: Metadata = {};
  if (!random.chance(0.5)) return metadata;
  const count = random.int(1, 3);
  const start = random.int(0, CUSTOMER_FIELDS.length - 1);
  for (let i = 0; i < count; i++) {
    const field = CUSTOMER_FIELDS[(start + i) % CUSTOMER_FIELDS.length];
    if (field) metadata[field[0]] = field[1](random);
  }
  return metadata;
}
