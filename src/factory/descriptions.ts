/**
 * `description`: "An arbitrary string attached to the object. Often useful for displaying to
 * users" (object reference, ../shared/seeds). Stripe fills it only when someone passes one, so
 * transactions Stripe creates itself (applied_to_invoice, invoice_too_small, ...) are almost
 * always `null`, and the ones people create (adjustment, initial) usually carry a short note.
 * Sentences stay far below the 350 characters Stripe accepts on create and update
 * (stripe-openapi README).
 */
import type { CustomerBalanceTransactionType } from '../types.js';
import type { RandomSource } from './random-source.js';

const PLANS = ['Starter', 'Pro', 'Team', 'Business', 'Growth', 'Enterprise'] as const;
const SYSTEMS = ['Chargebee', 'Recurly', 'Zuora', 'our legacy billing system', 'QuickBooks'] as const;

type Sentence = (random: RandomSource) => string;

const ticket = (random: RandomSource) => String(random.int(10000, 99999));
const fullName = (random: RandomSource) =>
  `${random.faker.person.firstName()} ${random.faker.person.lastName()}`;

const CREDITS: readonly Sentence[] = [
  (r) => `Goodwill credit for the ${r.faker.date.month()} service interruption`,
  (r) => `Referral credit: ${fullName(r)} signed up`,
  (r) => `Courtesy credit, support ticket #${ticket(r)}`,
  (r) => `Loyalty credit for ${r.int(2, 9)} years as a customer`,
  (r) => `Credit for unused time on the ${r.pick(PLANS)} plan`,
  (r) => `Promotional credit for ${r.faker.commerce.productName()}`,
];

const DEBITS: readonly Sentence[] = [
  (r) => `Reversal of a duplicate credit issued in ${r.faker.date.month()}`,
  (r) => `Manual debit for the unpaid ${r.pick(PLANS)} add-on`,
  (r) => `Setup fee for ${r.faker.commerce.productName()}`,
  (r) => `Correction: credit issued in error (ticket #${ticket(r)})`,
];

const BY_TYPE: Partial<Record<CustomerBalanceTransactionType, readonly Sentence[]>> = {
  initial: [
    (r) => `Opening balance carried over from ${r.pick(SYSTEMS)}`,
    () => 'Prepaid credit purchased at signup',
  ],
  migration: [
    () => 'Migrated from legacy account balance',
    (r) => `Balance migrated from ${r.pick(SYSTEMS)}`,
  ],
  credit_note: [
    (r) => `Credit note for ${r.faker.commerce.productName()}`,
    (r) => `Refund to balance, support ticket #${ticket(r)}`,
  ],
};

const ANNOTATIONS: readonly Sentence[] = [
  (r) => `Reviewed by ${fullName(r)} in support`,
  (r) => `Per agreement with ${r.faker.company.name()}`,
];

/** Chance of a description, by who creates the type: people annotate, Stripe doesn't. */
const DESCRIBED: Partial<Record<CustomerBalanceTransactionType, number>> = {
  adjustment: 0.65,
  initial: 0.4,
  migration: 0.5,
  credit_note: 0.15,
};
const SYSTEM_DESCRIBED = 0.03;

export function descriptionFor(
  random: RandomSource,
  type: CustomerBalanceTransactionType,
  amount: number,
): string | null {
  if (!random.chance(DESCRIBED[type] ?? SYSTEM_DESCRIBED)) return null;
  const sentences = type === 'adjustment' ? (amount < 0 ? CREDITS : DEBITS) : (BY_TYPE[type] ?? ANNOTATIONS);
  return random.pick(sentences)(random);
}
