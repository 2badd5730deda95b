/**
 * Fault injection: `failNext(fault)` queues a fault for the next request(s) the mock receives.
 * Faults fire before the request executes (so nothing is applied), except a status fault with
 * `afterApply: true`, which executes the request and then loses the answer — the case Stripe's
 * idempotency keys exist for.
 */
import { StripeBalanceKitError } from '../errors.js';

/**
 * A fault for `mock.failNext()`: an error status with Stripe's body and headers, a dropped
 * connection, or a delay. `times` (default 1) repeats it for that many requests.
 */
export type Fault =
  | {
      /** Answer with Stripe's error body and headers for this status. */
      status: 429 | 500 | 503;
      /**
       * The `Stripe-Should-Retry` header to send. Default: `true` for 500/503 (the request did
       * not run, so retrying is safe), none for 429 (so the official client surfaces a
       * `StripeRateLimitError` rather than retrying).
       */
      shouldRetry?: boolean;
      /** Execute the request first, then answer with the error (a lost response). */
      afterApply?: boolean;
      times?: number;
    }
  | { networkError: true; times?: number }
  | { delayMs: number; times?: number };

interface Pending {
  fault: Fault;
  remaining: number;
}

export function validateFault(fault: Fault): void {
  const times = fault.times ?? 1;
  if (!Number.isInteger(times) || times < 1) {
    throw new StripeBalanceKitError(
      'invalid_fault',
      `failNext: times must be a positive integer, got ${times}`,
    );
  }
  if ('status' in fault && ![429, 500, 503].includes(fault.status)) {
    throw new StripeBalanceKitError(
      'invalid_fault',
      `failNext: status must be 429, 500 or 503, got ${fault.status}`,
    );
  }
  if ('delayMs' in fault && !(Number.isFinite(fault.delayMs) && fault.delayMs >= 0)) {
    throw new StripeBalanceKitError('invalid_fault', `failNext: delayMs must be a non-negative number`);
  }
  if (
    !('status' in fault) &&
    !('delayMs' in fault) &&
    !('networkError' in fault && fault.networkError === true)
  ) {
    throw new StripeBalanceKitError(
      'invalid_fault',
      'failNext: pass { status: 429 | 500 | 503 }, { networkError: true } or { delayMs }',
    );
  }
}

export class FaultQueue {
  private queue: Pending[] = [];

  push(fault: Fault): void {
    validateFault(fault);
    this.queue.push({ fault, remaining: fault.times ?? 1 });
  }

  /** Takes the fault for this request, if any. */
  take(): Fault | undefined {
    const head = this.queue[0];
    if (!head) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) this.queue.shift();
    return head.fault;
  }

  clear(): void {
    this.queue = [];
  }

  get pending(): number {
    return this.queue.reduce((sum, p) => sum + p.remaining, 0);
  }
}

export function faultShouldRetry(fault: {
  status: 429 | 500 | 503;
  shouldRetry?: boolean;
}): boolean | undefined {
  if (fault.shouldRetry !== undefined) return fault.shouldRetry;
  return fault.status === 429 ? undefined : true;
}
