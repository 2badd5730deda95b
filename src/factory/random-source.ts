/**
 * The one place randomness comes from. Every fixture draws from a `RandomSource` wrapping its own
 * seeded Faker instance (never the global `faker`, whose state any other test may move), and
 * every seed is derived by hashing strings, so output depends only on the seed, the options and
 * the installed Faker version (the lockfile pins it): no clocks, no `Math.random`.
 */
import { loadEnglishFaker } from '../lazy-dependencies.cjs';

// Faker is ESM-only: the `resolution-mode` attribute lets the CommonJS declarations (dist/cjs, read
// by `module: node16` CommonJS projects) name its types without TS1541. Import types, because
// biome rejects attributes on an `import type` statement.
type FakerModule = typeof import('@faker-js/faker', { with: { 'resolution-mode': 'import' }});
type Faker = InstanceType<FakerModule['Faker']>;
type LocaleDefinition = import('@faker-js/faker', { with: { 'resolution-mode': 'import' }}).LocaleDefinition;

/** Faker's class and its merged [en, base] locale definitions. */
interface EnglishFaker {
  FakerClass: FakerModule['Faker'];
  definitions: LocaleDefinition;
}

let english: EnglishFaker | undefined;

/**
 * Equivalent to `new Faker({ locale: [en, base] })` from the package root, which loads all of
 * Faker's ~70 locales (+35 MB resident, +150 ms per process); the English entry loads one. We
 * take only its class and its merged [en, base] definitions and never draw from its instance.
 * Loaded with the first `RandomSource`, not at import (~28 ms), so `validate()` users skip it.
 */
function englishFaker(): EnglishFaker {
  if (english === undefined) {
    const { faker } = loadEnglishFaker();
    english = { FakerClass: faker.constructor as FakerModule['Faker'], definitions: faker.rawDefinitions };
  }
  return english;
}

/** What a fixture set accepts as its seed. */
export type Seed = number | string;

/** Used when `createFixtures()` gets no seed: fixtures are reproducible unless asked otherwise. */
export const DEFAULT_SEED = 20261028;

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// Five base-62 digits fit in one 30-bit draw, so ids cost a fifth of the draws.
const CHUNK = 5;
const CHUNK_RANGE = 62 ** CHUNK;

/**
 * 128 bits of a string hash (cyrb128), as four unsigned 32-bit words: the array seed form
 * Faker's Mersenne Twister accepts. Pure integer arithmetic, identical on every platform.
 */
export function hashToSeed(text: string): number[] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A seed for one purpose (`'objects'`, `'ledger'`, ...) derived from the fixture set's seed. */
export function deriveSeed(seed: Seed, ...labels: readonly string[]): number[] {
  // The type tag keeps seed 1 and seed '1' apart.
  return hashToSeed(JSON.stringify([typeof seed, String(seed), ...labels]));
}

/** Fast, typed draws over one seeded Faker; `faker` stays available for words and names. */
export class RandomSource {
  readonly faker: Faker;

  constructor(seed: readonly number[]) {
    const { FakerClass, definitions } = englishFaker();
    this.faker = new FakerClass({ locale: definitions });
    this.faker.seed([...seed]);
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  /** A float in [0, 1). */
  unit(): number {
    return this.faker.number.float({ min: 0, max: 1 });
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.unit() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick() from an empty list');
    return item;
  }

  /** One of `entries`, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let point = this.unit() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('weighted() from an empty list');
    return last[0];
  }

  /** `length` characters of [0-9A-Za-z], as Stripe uses in ids. */
  alphanumeric(length: number): string {
    let out = '';
    while (out.length < length) {
      let chunk = this.int(0, CHUNK_RANGE - 1);
      for (let i = 0; i < CHUNK && out.length < length; i++) {
        out += ALPHANUMERIC[chunk % 62];
        chunk = Math.floor(chunk / 62);
      }
    }
    return out;
  }
}

/** `value` in base 62 over [0-9A-Za-z], left-padded to `width` (so ASCII order = numeric order). */
export function base62(value: number, width: number): string {
  let rest = Math.floor(value);
  let out = '';
  for (let i = 0; i < width; i++) {
    out = ALPHANUMERIC[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}
