/**
 * The currencies fixtures are drawn from, and what each one means for amounts. Stripe's facts
 * (the supported list, minor units, charge limits) are in src/stripe/currencies.ts; this module
 * adds what only fixtures need:
 * - for currencies missing from Stripe's minimum-charge table, the equivalent of US$0.50;
 * - `unitsPerUsd`: rough mid-market rates (2025), used only to give amounts a plausible size
 *   in each currency — a $20 credit is about ¥3,000 or ₩28,000 — never to convert anything;
 *   every supported currency has one (checked at load);
 * - `weight`: skews random picks toward the currencies most Stripe accounts bill in.
 */
import {
  currencyDecimals,
  MINIMUM_CHARGES,
  SUPPORTED_CURRENCIES,
  WHOLE_UNITS_ONLY,
} from '../stripe/currencies.js';
import type { RandomSource } from './random-source.js';

export interface CurrencyInfo {
  code: string;
  /** Digits after the decimal point in the API's minor unit: 0 (jpy) or 2 (usd). */
  decimals: 0 | 2;
  /** Amounts must be whole major units (multiples of 100 minor units): isk, huf, twd. */
  wholeUnitsOnly: boolean;
  unitsPerUsd: number;
  /** Stripe's minimum chargeable amount, in minor units. */
  minimumCharge: number;
  /** Relative frequency in random picks. */
  weight: number;
}

// code → units per USD (rough, 2025).
const RATES: Readonly<Record<string, number>> = {
  usd: 1,
  aed: 3.67,
  afn: 70,
  all: 92,
  amd: 390,
  ang: 1.79,
  aoa: 910,
  ars: 1000,
  aud: 1.55,
  awg: 1.79,
  azn: 1.7,
  bam: 1.8,
  bbd: 2,
  bdt: 120,
  bgn: 1.8,
  bif: 2900,
  bmd: 1,
  bnd: 1.33,
  bob: 6.9,
  brl: 5.5,
  bsd: 1,
  bwp: 13.5,
  byn: 3.3,
  bzd: 2,
  cad: 1.38,
  cdf: 2850,
  chf: 0.85,
  clp: 950,
  cny: 7.2,
  cop: 4100,
  crc: 505,
  cve: 100,
  czk: 22,
  djf: 178,
  dkk: 6.6,
  dop: 60,
  dzd: 132,
  egp: 49,
  etb: 125,
  eur: 0.9,
  fjd: 2.25,
  fkp: 0.78,
  gbp: 0.78,
  gel: 2.7,
  gip: 0.78,
  gmd: 70,
  gnf: 8650,
  gtq: 7.7,
  gyd: 209,
  hkd: 7.8,
  hnl: 25.5,
  htg: 131,
  huf: 360,
  idr: 16300,
  ils: 3.6,
  inr: 84,
  isk: 138,
  jmd: 157,
  jpy: 150,
  kes: 129,
  kgs: 87,
  khr: 4000,
  kmf: 450,
  krw: 1380,
  kyd: 0.83,
  kzt: 500,
  lak: 21700,
  lbp: 89500,
  lkr: 300,
  lrd: 200,
  lsl: 18,
  mad: 9.5,
  mdl: 17.5,
  mga: 4500,
  mkd: 56,
  mmk: 2100,
  mnt: 3400,
  mop: 8,
  mur: 46,
  mvr: 15.4,
  mwk: 1735,
  mxn: 18.5,
  myr: 4.4,
  mzn: 64,
  nad: 18,
  ngn: 1550,
  nio: 36.7,
  nok: 10.5,
  npr: 136,
  nzd: 1.7,
  pab: 1,
  pen: 3.7,
  pgk: 4,
  php: 57,
  pkr: 280,
  pln: 3.9,
  pyg: 7800,
  qar: 3.64,
  ron: 4.5,
  rsd: 105,
  rub: 90,
  rwf: 1400,
  sar: 3.75,
  sbd: 8.4,
  scr: 14,
  sek: 10.3,
  sgd: 1.32,
  shp: 0.78,
  sle: 22.5,
  sos: 571,
  srd: 35,
  std: 22500,
  szl: 18,
  thb: 34,
  tjs: 10.7,
  top: 2.35,
  try: 38,
  ttd: 6.8,
  twd: 31,
  tzs: 2600,
  uah: 41.5,
  ugx: 3650,
  uyu: 40,
  uzs: 12700,
  vnd: 25500,
  vuv: 119,
  wst: 2.75,
  xaf: 590,
  xcd: 2.7,
  xof: 590,
  xpf: 107,
  yer: 250,
  zar: 18,
  zmw: 27,
};

// Everything not named here gets a small share, so rare currencies do show up.
const WEIGHTS: Readonly<Record<string, number>> = {
  usd: 38,
  eur: 17,
  gbp: 8,
  cad: 5,
  aud: 5,
  jpy: 4,
  inr: 2,
  chf: 1.5,
  sgd: 1.5,
  mxn: 1.5,
  brl: 1.5,
  sek: 1.2,
  nzd: 1,
  hkd: 1,
  nok: 1,
  dkk: 1,
  pln: 1,
  krw: 0.8,
  czk: 0.5,
  zar: 0.5,
  aed: 0.5,
  thb: 0.4,
  myr: 0.4,
  php: 0.4,
  idr: 0.4,
  ils: 0.3,
  huf: 0.3,
  ron: 0.3,
  try: 0.3,
  clp: 0.2,
  cop: 0.2,
  vnd: 0.2,
};
const RARE_WEIGHT = 0.02;

function describe(code: string, unitsPerUsd: number): CurrencyInfo {
  const decimals = currencyDecimals(code);
  const scale = 10 ** decimals;
  const wholeUnitsOnly = WHOLE_UNITS_ONLY.has(code);
  const listed = MINIMUM_CHARGES[code];
  let minimumCharge = Math.round((listed ?? 0.5 * unitsPerUsd) * scale);
  if (listed === undefined) {
    // Round up to a whole unit (or to 2 significant digits) as Stripe's published minimums are.
    const step = 10 ** Math.max(0, Math.floor(Math.log10(minimumCharge)) - 1);
    minimumCharge = Math.ceil(minimumCharge / step) * step;
  }
  if (wholeUnitsOnly) minimumCharge = Math.ceil(minimumCharge / 100) * 100;
  return {
    code,
    decimals,
    wholeUnitsOnly,
    unitsPerUsd,
    minimumCharge: Math.max(1, minimumCharge),
    weight: WEIGHTS[code] ?? RARE_WEIGHT,
  };
}

// In RATES' order: the weighted pick walks this order, and seeded fixtures must not change with it.
const TABLE: ReadonlyMap<string, CurrencyInfo> = new Map(
  Object.entries(RATES).map(([code, rate]) => [code, describe(code, rate)]),
);
// A currency Stripe adds needs a rate here before fixtures can draw it; one Stripe drops, none.
for (const code of SUPPORTED_CURRENCIES) {
  if (!TABLE.has(code)) throw new Error(`factory/currencies: no unitsPerUsd rate for ${code}`);
}
if (TABLE.size !== SUPPORTED_CURRENCIES.length) {
  throw new Error('factory/currencies: RATES lists a currency Stripe does not support');
}

const PICKS: readonly (readonly [CurrencyInfo, number])[] = [...TABLE.values()].map((info) => [
  info,
  info.weight,
]);

/**
 * What we know about `code`. A code outside Stripe's list (only reachable through an explicit
 * override, which always wins) is treated like a two-decimal currency worth about a dollar.
 */
export function currencyInfo(code: string): CurrencyInfo {
  return TABLE.get(code) ?? describe(code, 1);
}

/** A currency drawn with the weights above. */
export function pickCurrency(random: RandomSource): CurrencyInfo {
  return random.weighted(PICKS);
}
