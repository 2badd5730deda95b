/**
 * The customer a list page's `url` names. The pattern is the spec's own for `url` (a list page's
 * url has no trailing slash, query or fragment, unlike request paths the router accepts).
 */
const LIST_URL = /^\/v1\/customers\/([^/?#]+)\/balance_transactions$/;

/** The percent-decoded customer id in a list `url`, or `undefined` when it is not a list url. */
export function urlCustomer(url: string): string | undefined {
  const segment = LIST_URL.exec(url)?.[1];
  if (!segment) return undefined;
  // Ids never need escaping; only a url that escapes something pays for decoding.
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
