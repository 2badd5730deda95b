/**
 * Stripe's API errors: the constructors for each refusal the kit's endpoints can give, with the
 * status, `type`, `code`, `param` and wording Stripe uses. Everything that answers like Stripe
 * (the mock core, the fixtures' `listPage`, the replayer) builds its errors here.
 */
import { StripeApiError } from '../errors.js';
import { schemas } from '../generated/schemas.js';

export { StripeApiError };

/** `404 resource_missing`, as Stripe answers for an id it does not know. */
export function resourceMissing(message: string, param?: string): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message,
    ...(param === undefined ? {} : { param }),
    doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
  });
}

/** `400 invalid_request_error` with an optional `code` and `param`. */
export function invalidRequest(
  message: string,
  options: { code?: string; param?: string } = {},
): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(options.code === undefined ? {} : { code: options.code }),
    ...(options.param === undefined ? {} : { param: options.param }),
  });
}

/**
 * `404 resource_missing` for a customer id: unknown, deleted, or another account's. Stripe names
 * the path's id `id` on the customer paths and `customer` on the balance-transaction paths.
 */
export function customerMissing(id: string, param: string): StripeApiError {
  return resourceMissing(`No such customer: '${id}'`, param);
}

/** `400 parameter_unknown`: a parameter the endpoint does not take. */
export function unknownParameter(param: string): StripeApiError {
  return invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });
}

/** `400 parameter_missing`: a required parameter left out. */
export function missingParameter(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

/** `400 parameter_invalid_integer`, quoting what was sent. */
export function invalidInteger(sent: string, param: string): StripeApiError {
  return invalidRequest(`Invalid integer: ${sent}`, { code: 'parameter_invalid_integer', param });
}

/** `404` for a method and path Stripe has no endpoint for, in Stripe's words. */
export function unrecognizedRequestUrl(method: string, path: string): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });
}

/** `401` for a request without a usable API key. */
export function unauthorized(message: string, code?: string): StripeApiError {
  return new StripeApiError(401, { type: 'invalid_request_error', message, ...(code ? { code } : {}) });
}

/** `413`: a body larger than `limit` bytes (our choice of limit; see `MAX_BODY_BYTES`). */
export function bodyTooLarge(size: number | undefined, limit: number): StripeApiError {
  const measured = size === undefined ? `more than ${limit} bytes` : `${size} bytes`;
  return new StripeApiError(413, {
    type: 'invalid_request_error',
    message: `Request body too large: ${measured}. The stripe-balance-kit mock accepts request bodies of at most ${limit} bytes (1 MiB); no request to these endpoints needs more.`,
  });
}

/** `500 api_error`: the mock itself failed to answer (a bug, or a refused contract violation). */
export function internalError(reason: string): StripeApiError {
  return new StripeApiError(500, {
    type: 'api_error',
    message: `stripe-balance-kit mock failed to answer: ${reason}`,
  });
}

/**
 * The error schema caps `message` and `param`; values a request echoes (a parameter name, an id in
 * the path, a bad key) are cut to fit, so a hostile request gets an answer, not a contract violation.
 */
const API_ERROR = schemas.error.definitions.api_error.properties;
const MESSAGE_MAX = API_ERROR.message.maxLength;
const PARAM_MAX = API_ERROR.param.maxLength;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `error` with `message` and `param` cut to the lengths the error contract allows. */
export function bounded(error: StripeApiError): StripeApiError {
  const { message, param } = error.error;
  const tooLong = (message !== undefined && message.length > MESSAGE_MAX) || (param?.length ?? 0) > PARAM_MAX;
  if (!tooLong) return error;
  return new StripeApiError(error.status, {
    ...error.error,
    ...(message === undefined ? {} : { message: clip(message, MESSAGE_MAX) }),
    ...(param === undefined ? {} : { param: clip(param, PARAM_MAX) }),
  });
}

/** The error Stripe sends with a 429 (rate limited), 500 or 503. */
export function serverError(status: 429 | 500 | 503): StripeApiError {
  switch (status) {
    case 429:
      return new StripeApiError(429, {
        type: 'invalid_request_error',
        code: 'rate_limit',
        message:
          'Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.',
        doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
      });
    case 503:
      return new StripeApiError(503, {
        type: 'api_error',
        message: 'The server is temporarily unavailable. Please retry the request.',
      });
    default:
      return new StripeApiError(500, {
        type: 'api_error',
        message:
          'An unknown error occurred. If this problem persists, please contact Stripe support (https://support.stripe.com/).',
      });
  }
}
