/**
 * Stripe's currency facts: which currencies the API accepts, their minor units, and the charge
 * limits. Source: docs.stripe.com/currencies ("Three-letter ISO currency code, in lowercase.
 * Must be a supported currency." — the object reference in ../shared/seeds).
 *
 * - Zero-decimal currencies: their amounts are whole units: `500` is ¥500, where `500` is $5.00.
 * - Special cases: isk amounts are sent with two decimals but must be divisible by 100, and
 *   huf/twd payouts must be.
 * - Minimum charge amounts: the "Minimum and maximum charge amounts" table, for the currencies
 *   it lists. The maximum is eight digits of minor units (99999999) for every currency.
 *
 * How often fixtures pick each currency, and their rough exchange rates, are the factory's.
 */

/** Stripe's largest chargeable amount: eight digits of minor units. */
export const MAXIMUM_CHARGE = 99_999_999;

/** Every currency code the API accepts, lowercase, sorted. */
export const SUPPORTED_CURRENCIES: readonly string[] = Object.freeze([
  'aed',
  'afn',
  'all',
  'amd',
  'ang',
  'aoa',
  'ars',
  'aud',
  'awg',
  'azn',
  'bam',
  'bbd',
  'bdt',
  'bgn',
  'bif',
  'bmd',
  'bnd',
  'bob',
  'brl',
  'bsd',
  'bwp',
  'byn',
  'bzd',
  'cad',
  'cdf',
  'chf',
  'clp',
  'cny',
  'cop',
  'crc',
  'cve',
  'czk',
  'djf',
  'dkk',
  'dop',
  'dzd',
  'egp',
  'etb',
  'eur',
  'fjd',
  'fkp',
  'gbp',
  'gel',
  'gip',
  'gmd',
  'gnf',
  'gtq',
  'gyd',
  'hkd',
  'hnl',
  'htg',
  'huf',
  'idr',
  'ils',
  'inr',
  'isk',
  'jmd',
  'jpy',
  'kes',
  'kgs',
  'khr',
  'kmf',
  'krw',
  'kyd',
  'kzt',
  'lak',
  'lbp',
  'lkr',
  'lrd',
  'lsl',
  'mad',
  'mdl',
  'mga',
  'mkd',
  'mmk',
  'mnt',
  'mop',
  'mur',
  'mvr',
  'mwk',
  'mxn',
  'myr',
  'mzn',
  'nad',
  'ngn',
  'nio',
  'nok',
  'npr',
  'nzd',
  'pab',
  'pen',
  'pgk',
  'php',
  'pkr',
  'pln',
  'pyg',
  'qar',
  'ron',
  'rsd',
  'rub',
  'rwf',
  'sar',
  'sbd',
  'scr',
  'sek',
  'sgd',
  'shp',
  'sle',
  'sos',
  'srd',
  'std',
  'szl',
  'thb',
  'tjs',
  'top',
  'try',
  'ttd',
  'twd',
  'tzs',
  'uah',
  'ugx',
  'usd',
  'uyu',
  'uzs',
  'vnd',
  'vuv',
  'wst',
  'xaf',
  'xcd',
  'xof',
  'xpf',
  'yer',
  'zar',
  'zmw',
]);

/** Stripe's zero-decimal currencies (docs.stripe.com/currencies#zero-decimal). */
export const ZERO_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

/** Currencies whose amounts must be whole major units (multiples of 100 minor units). */
export const WHOLE_UNITS_ONLY: ReadonlySet<string> = new Set(['isk', 'huf', 'twd']);

// Minimum charge amounts in major units, from Stripe's table.
export const MINIMUM_CHARGES: Readonly<Record<string, number>> = {
  usd: 0.5,
  aed: 2,
  aud: 0.5,
  bgn: 1,
  brl: 0.5,
  cad: 0.5,
  chf: 0.5,
  czk: 15,
  dkk: 2.5,
  eur: 0.5,
  gbp: 0.3,
  hkd: 4,
  huf: 175,
  inr: 0.5,
  jpy: 50,
  mxn: 10,
  myr: 2,
  nok: 3,
  nzd: 0.5,
  pln: 2,
  ron: 2,
  sek: 3,
  sgd: 0.5,
  thb: 10,
};

const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_CURRENCIES);

/** Every currency code the API accepts, sorted. */
export function supportedCurrencies(): readonly string[] {
  return SUPPORTED_CURRENCIES;
}

/** True for a currency code the API accepts (lowercase). */
export function isSupportedCurrency(code: string): boolean {
  return SUPPORTED.has(code);
}

/** Digits after the decimal point in the API's minor unit: 0 (jpy) or 2 (usd). */
export function currencyDecimals(code: string): 0 | 2 {
  return ZERO_DECIMAL_CURRENCIES.has(code) ? 0 : 2;
}
