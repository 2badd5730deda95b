/**
 * Checks a HAR recording: each entry is matched to one operation of the route table (balance
 * transactions and customers) by method and URL path; its request parameters (form body, or
 * query string for GET and DELETE) and its response body (the operation's response for 2xx, by
 * `recordedKind`, so a retrieve answering the deleted marker is a `deleted_customer`; the error
 * envelope otherwise, as recordStripe checks them) are two records. Entries for any other endpoint are skipped and counted.
 */
import { paramPointer } from '../../../contract/json-pointer.js';
import { preview } from '../../../contract/preview.js';
import type { ValidateOptions } from '../../../contract/types.js';
import { isContractKind } from '../../../contract/validate.js';
import { type ContractIssue, StripeApiError } from '../../../errors.js';
import { checkContentType, decodeForm } from '../../../stripe/form-codec.js';
import { readParams } from '../../../stripe/params.js';
import { recordedKind } from '../../../record/contract-check.js';
import { type MatchedRoute, matchRoute } from '../../../stripe/routes.js';
import {
  checkRecord,
  failed,
  invalidJsonIssue,
  type RecordOrigin,
  skipped,
  unreadable,
} from './check-record.js';
import type { RecordOutcome } from './outcome.js';

/** True when a parsed JSON document has HAR's `log.entries` array. */
export function isHar(value: unknown): value is { log: { entries: unknown[] } } {
  if (typeof value !== 'object' || value === null) return false;
  const log = (value as { log?: unknown }).log;
  return typeof log === 'object' && log !== null && Array.isArray((log as { entries?: unknown }).entries);
}

interface HarPostData {
  mimeType?: unknown;
  text?: unknown;
  params?: unknown;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The outcomes of every entry of a HAR document, in entry order. */
export function* harOutcomes(
  har: { log: { entries: unknown[] } },
  file: string,
  options: ValidateOptions,
): Generator<RecordOutcome> {
  const entries = har.log.entries;
  for (let index = 0; index < entries.length; index += 1) {
    const label = `entries[${index}]`;
    try {
      yield* entryOutcomes(entries[index], label, file, options);
    } catch (error) {
      // One hostile entry must not end the run: it becomes an unreadable record, the rest is checked.
      const reason = error instanceof Error ? error.message : String(error);
      yield unreadable({ file, name: label, line: undefined }, `HAR entry could not be checked: ${reason}`);
    }
  }
}

function* entryOutcomes(
  entry: unknown,
  label: string,
  file: string,
  options: ValidateOptions,
): Generator<RecordOutcome> {
  const request = asRecord(asRecord(entry)?.request);
  const response = asRecord(asRecord(entry)?.response);
  const origin = (name: string): RecordOrigin => ({ file, name, line: undefined });
  if (!request || typeof request.method !== 'string' || typeof request.url !== 'string') {
    yield unreadable(origin(label), 'HAR entry without request.method and request.url');
    return;
  }
  let url: URL;
  try {
    url = new URL(request.url, 'http://localhost');
  } catch {
    yield unreadable(origin(label), `HAR entry with an unparseable URL '${request.url}'`);
    return;
  }
  const method = request.method.toUpperCase();
  const title = `${label} ${method} ${url.pathname}`;
  const matched = matchRoute(method, url.pathname);
  if (!matched) {
    yield skipped(origin(title), 'not a Customer Balance Transactions endpoint');
    return;
  }

  const requestOutcome = paramsOutcome(
    origin(`${title} request`),
    matched,
    url,
    request.postData as HarPostData | undefined,
    options,
  );
  if (requestOutcome) yield requestOutcome;

  const name = `${title} response`;
  const status = typeof response?.status === 'number' ? response.status : 0;
  const content = asRecord(response?.content);
  const text = bodyText(content);
  if (status === 0 || text === undefined || text.trim() === '') {
    yield skipped(origin(name), status === 0 ? 'no response recorded' : 'no response body recorded');
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    yield failed(origin(`${name} (${status})`), recordedKind(matched.route, status, undefined), [
      invalidJsonIssue(text, error),
    ]);
    return;
  }
  yield checkRecord(origin(`${name} (${status})`), body, recordedKind(matched.route, status, body), options);
}

function bodyText(content: Record<string, unknown> | undefined): string | undefined {
  const text = content?.text;
  if (typeof text !== 'string') return undefined;
  return content?.encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
}

/**
 * The request's parameters, read exactly as the mock reads them (src/stripe: the form codec, the
 * parameter rules, the expansions), so a body the mock refuses is refused here with the same
 * `param`. What Stripe accepts is then checked against the params contract. `undefined` for a
 * retrieve or a customer delete that passes (`expand` alone, or nothing: no contract kind of
 * their own).
 */
function paramsOutcome(
  origin: RecordOrigin,
  matched: MatchedRoute,
  url: URL,
  postData: HarPostData | undefined,
  options: ValidateOptions,
): RecordOutcome | undefined {
  const { route } = matched;
  const kind = isContractKind(route.params.kind) ? route.params.kind : undefined;
  const text = route.params.in === 'query' ? url.search.slice(1) : bodyForm(postData);
  let params: unknown;
  try {
    if (route.params.in === 'body') {
      const mimeType = typeof postData?.mimeType === 'string' ? postData.mimeType : undefined;
      // HAR writes an empty mimeType for a body sent without a type, which Stripe reads as a form.
      checkContentType(mimeType === '' ? undefined : mimeType);
    }
    params = readParams(route, decodeForm(text)).params;
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    return failed(origin, kind, [refusedIssue(error, text)]);
  }
  return kind === undefined ? undefined : checkRecord(origin, params, kind, options);
}

/** Stripe's 400 for a recorded request, as a finding at the parameter it names. */
function refusedIssue(error: StripeApiError, form: string): ContractIssue {
  const { param, message } = error.error;
  return {
    path: paramPointer(param),
    code: 'stripe_refused',
    keyword: 'stripe',
    message: `Stripe refuses this request (${error.status} ${error.error.type}${param ? `, param ${param}` : ''}): ${message ?? ''}`,
    expected: 'parameters Stripe accepts',
    received: preview(form),
  };
}

/** The form body: its text, else HAR's pre-split `params` re-encoded, else none. */
function bodyForm(postData: HarPostData | undefined): string {
  if (typeof postData?.text === 'string') return postData.text;
  if (!Array.isArray(postData?.params)) return '';
  const pairs = new URLSearchParams();
  for (const p of postData.params as unknown[]) {
    const pair = asRecord(p);
    if (typeof pair?.name === 'string')
      pairs.append(pair.name, typeof pair.value === 'string' ? pair.value : '');
  }
  return pairs.toString();
}
