/** API origins as every transport spells them. Kept apart from the nock transport so entries that never load nock (msw) can use it. */

/** `api.stripe.com` → `https://api.stripe.com`; full origins pass through. */
export function normalizeOrigin(host: string | undefined): string {
  const raw = host ?? 'https://api.stripe.com';
  const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
  return new URL(withScheme).origin;
}
