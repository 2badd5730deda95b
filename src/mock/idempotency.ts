/**
 * Stripe's idempotency layer for POSTs: a key (per API key) remembers the first request's
 * parameters and the result it produced for 24 hours. A replay gets the identical status and body
 * with `Idempotent-Replayed: true`; the same key with other parameters is an `idempotency_error`;
 * a key whose first request is still executing is a `409`. Only results of requests that began
 * executing are saved (Stripe's rule): validation failures are not.
 *
 * Keys expire 24 hours after first use on the mock's clock ("Keys are eligible to be removed
 * from the system automatically after they're at least 24 hours old" — Stripe's idempotency
 * reference), so a long-running `serve` holds a day of keys, not every key ever sent.
 */
import { StripeApiError } from '../errors.js';
import type { StripeResponse } from '../stripe/response.js';

/** How long Stripe keeps an idempotency key: 24 hours. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

interface Entry {
  fingerprint: string;
  requestId: string;
  createdAt: number;
  response?: StripeResponse;
}

export type IdempotencyDecision =
  | { kind: 'fresh'; commit: (response: StripeResponse, requestId: string) => void; abandon: () => void }
  | { kind: 'replay'; response: StripeResponse; originalRequestId: string };

export class IdempotencyStore {
  /** In first-use order, so expired keys are always at the front. */
  private entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  /** How many keys are held (for tests of expiry). */
  get size(): number {
    return this.entries.size;
  }

  /** Starts (or replays) the request under `key`; throws Stripe's error for a key it cannot use. */
  begin(apiKey: string, key: string, fingerprint: string): IdempotencyDecision {
    if (key.length > MAX_KEY_LENGTH) {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        message: `Invalid idempotency key: it must be at most ${MAX_KEY_LENGTH} characters, but it is ${key.length}.`,
      });
    }
    const now = this.now();
    this.expire(now);
    const slot = `${apiKey}\u0000${key}`;
    const entry = this.entries.get(slot);
    if (entry) {
      if (entry.fingerprint !== fingerprint) {
        throw new StripeApiError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      }
      if (!entry.response) {
        throw new StripeApiError(409, {
          type: 'invalid_request_error',
          code: 'idempotency_key_in_use',
          message: `There is currently another in-progress request using this Idempotency Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
        });
      }
      return { kind: 'replay', response: entry.response, originalRequestId: entry.requestId };
    }
    const fresh: Entry = { fingerprint, requestId: '', createdAt: now };
    this.entries.set(slot, fresh);
    return {
      kind: 'fresh',
      commit: (response, requestId) => {
        fresh.response = response;
        fresh.requestId = requestId;
      },
      abandon: () => {
        if (this.entries.get(slot) === fresh) this.entries.delete(slot);
      },
    };
  }

  /**
   * Drops keys older than the TTL. Entries are in first-use order, so this stops at the first
   * live one: O(expired) per call. A clock moved backwards expires nothing until it passes again.
   */
  private expire(now: number): void {
    for (const [slot, entry] of this.entries) {
      if (now - entry.createdAt <= IDEMPOTENCY_KEY_TTL_MS) return;
      this.entries.delete(slot);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
