/**
 * Stripe-shaped object ids.
 *
 * Where the shapes come from: Stripe's reference pages (../shared/seeds) show
 * `cbtxn_1MrU9qLkdIwHu7ixhdjxGBgI` and `cus_NcjdgdwZyI9Rj7`; Stripe's own fixtures
 * (stripe-openapi fixtures3.json) show `cbtxn_1Pgc75B7WZ01zgkWgM0DfYYl`,
 * `in_1Pgc6tB7WZ01zgkWu9fdqL6I`, `cn_1Pgc75B7WZ01zgkWJMPt5riP` and
 * `cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY`. Read side by side, the
 * 24 characters after `cbtxn_`/`in_`/`cn_` are `1` + 5 time-derived characters + 10 characters
 * shared by every object of one Stripe account (`B7WZ01zgkW`) + 8 random ones. We copy that
 * layout: the account segment comes from the fixture set's seed, the time segment from
 * `created`, so ids of one set look like one account's, sort roughly by time, and are unique
 * within a ledger (whose `created` values are distinct). Customer ids are `cus_` + 14 random
 * alphanumerics. Checkout Session ids are `cs_test_`/`cs_live_` + 58 alphanumerics, the length
 * of Stripe's fixture; they start with `a1` like it (Stripe's start with a letter and `1`).
 */
import { base62, deriveSeed, type RandomSource, type Seed } from './random-source.js';

/** The regular expressions every generated id matches (tests and the mock check against them). */
export const ID_PATTERNS = {
  transaction: /^cbtxn_[0-9A-Za-z]{24}$/,
  customer: /^cus_[0-9A-Za-z]{14}$/,
  invoice: /^in_[0-9A-Za-z]{24}$/,
  creditNote: /^cn_[0-9A-Za-z]{24}$/,
  checkoutSession: /^cs_(test|live)_[0-9A-Za-z]{58}$/,
} as const;

/** Stripe's launch year, the zero of our time segment: 62^5 seconds from it reach 2039. */
const TIME_SEGMENT_EPOCH = 1262304000;
const TIME_SEGMENT_RANGE = 62 ** 5;

/** The 10-character account segment shared by the ids of one fixture set, from its seed. */
export function accountSegment(seed: Seed): string {
  const [a = 0, b = 0] = deriveSeed(seed, 'account');
  return base62(a % 62 ** 5, 5) + base62(b % 62 ** 5, 5);
}

function timeSegment(created: number): string {
  const offset =
    (((created - TIME_SEGMENT_EPOCH) % TIME_SEGMENT_RANGE) + TIME_SEGMENT_RANGE) % TIME_SEGMENT_RANGE;
  return base62(offset, 5);
}

/** `prefix` + `1` + time(5) + account(10) + random(8): the layout of Stripe's v1 object ids. */
function accountObjectId(prefix: string, random: RandomSource, created: number, account: string): string {
  return `${prefix}1${timeSegment(created)}${account}${random.alphanumeric(8)}`;
}

export function transactionId(random: RandomSource, created: number, account: string): string {
  return accountObjectId('cbtxn_', random, created, account);
}

export function invoiceId(random: RandomSource, created: number, account: string): string {
  return accountObjectId('in_', random, created, account);
}

export function creditNoteId(random: RandomSource, created: number, account: string): string {
  return accountObjectId('cn_', random, created, account);
}

export function customerId(random: RandomSource): string {
  return `cus_${random.alphanumeric(14)}`;
}

export function checkoutSessionId(random: RandomSource, livemode: boolean): string {
  return `cs_${livemode ? 'live' : 'test'}_a1${random.alphanumeric(56)}`;
}
