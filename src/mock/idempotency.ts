/**
 * Stripe's idempotency layer for POSTs: a key (per API key) remembers the first request's
 * parameters and the result it produced for 24 hours. A replay gets the identical status and body
 * with `Idempotent-Replayed: true`; the same key with other parameters is an `idempotency_error`;
 * a key whose first request is still executing is a `409`. Only results of requests that began
 * executing are saved (Stripe's rule): validation failures are not.
 */
import { StripeApiError } from '../errors.js';
import type { StripeResponse } from './request.js';

const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

interface Entry {
  fingerprint: string;
  requestId: string;
  createdAt: number;
  response?: StripeResponse;
}

export type IdempotencyDecision =
  | { kind: 'fresh'; commit: (response: StripeResponse, requestId: string) => void; abandon: () => void }
  | { kind: 'replay'; response: StripeResponse; originalRequestId: string }
  | { kind: 'error'; error: StripeApiError };

export class IdempotencyStore {
  private entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  begin(apiKey: string, key: string, fingerprint: string): IdempotencyDecision {
    if (key.length > MAX_KEY_LENGTH) {
      return {
        kind: 'error',
        error: new StripeApiError(400, {
          type: 'invalid_request_error',
          message: `Invalid idempotency key: it must be at most ${MAX_KEY_LENGTH} characters, but it is ${key.length}.`,
        }),
      };
    }
    const slot = `${apiKey}\u0000${key}`;
    const existing = this.entries.get(slot);
    if (existing && this.now() - existing.createdAt > TTL_MS) this.entries.delete(slot);
    const entry = this.entries.get(slot);
    if (entry) {
      if (entry.fingerprint !== fingerprint) {
        return {
          kind: 'error',
          error: new StripeApiError(400, {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          }),
        };
      }
      if (!entry.response) {
        return {
          kind: 'error',
          error: new StripeApiError(409, {
            type: 'invalid_request_error',
            code: 'idempotency_key_in_use',
            message: `There is currently another in-progress request using this Idempotency Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
          }),
        };
      }
      return { kind: 'replay', response: entry.response, originalRequestId: entry.requestId };
    }
    const fresh: Entry = { fingerprint, requestId: '', createdAt: this.now() };
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

  clear(): void {
    this.entries.clear();
  }
}
