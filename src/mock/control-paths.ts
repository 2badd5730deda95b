/**
 * `serve`'s control paths, for tests written in other languages: what a JavaScript test does
 * through the handle (`mock.simulate.*`, `mock.failNext`), over HTTP, under a prefix Stripe's
 * API never uses (`/_balance_kit/`):
 *
 * - `POST /_balance_kit/simulate/<name>` with the simulation's input as JSON: 200 with its result.
 * - `POST /_balance_kit/fail_next` with a `Fault` as JSON: 200 `{"queued":true}`.
 *
 * Refusals use Stripe's error envelope and status, as the API paths do. These requests are not
 * Stripe requests: they need no API key (the server binds loopback only), consume no fault and
 * are not logged in `requests`.
 */
import { isStripeBalanceKitError, StripeApiError } from '../errors.js';
import { invalidRequest, unrecognizedRequestUrl } from '../stripe/api-errors.js';
import { errorResponse, type StripeResponse, stripeResponse } from '../stripe/response.js';
import type { StripeCore } from './core.js';
import type { Fault } from './faults.js';
import { randomId } from './random-ids.js';
import { isSimulationName, simulations } from './simulations.js';

/** The prefix of every control path. */
export const CONTROL_PREFIX = '/_balance_kit/';

/** True when `url` (path with query) is a control path rather than a Stripe one. */
export function isControlPath(url: string): boolean {
  return url.startsWith(CONTROL_PREFIX);
}

/** Answers one control request; throws only on a bug (the server answers those with a 500). */
export function controlResponse(core: StripeCore, method: string, url: string, body: string): StripeResponse {
  const meta = { requestId: randomId('req_', 14) };
  try {
    return stripeResponse(200, run(core, method.toUpperCase(), url, body), meta);
  } catch (error) {
    if (error instanceof StripeApiError) return errorResponse(error, meta);
    throw error;
  }
}

function run(core: StripeCore, method: string, url: string, body: string): unknown {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const action = path.slice(CONTROL_PREFIX.length);
  const simulation = action.startsWith('simulate/') ? action.slice('simulate/'.length) : undefined;
  if (method === 'POST' && simulation !== undefined && isSimulationName(simulation)) {
    // The same simulations the handle has: their state is the core's store.
    return simulations(core)[simulation](json(body) as never);
  }
  if (method === 'POST' && action === 'fail_next') {
    const fault = json(body);
    if (typeof fault !== 'object' || fault === null || Array.isArray(fault)) {
      throw invalidRequest('Invalid fault: pass an object such as {"status":500}.', { param: 'fault' });
    }
    try {
      core.faults.push(fault as Fault);
    } catch (error) {
      if (isStripeBalanceKitError(error) && error.code === 'invalid_fault') {
        throw invalidRequest(error.message, { param: 'fault' });
      }
      throw error;
    }
    return { queued: true };
  }
  throw unrecognizedRequestUrl(method, path);
}

/** The JSON body; an empty body is `{}`, so a flow without fields needs none. */
function json(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    throw invalidRequest(
      'Invalid JSON body: control paths take their input as JSON (Content-Type: application/json).',
    );
  }
}
