/** What every fixture builder of one set shares: its seed, clock, mode and account. */
import { accountSegment } from './ids.js';
import type { Seed } from './random-source.js';

export interface FixtureContext {
  readonly seed: Seed;
  /** Unix seconds; nothing generated is created after it. */
  readonly now: number;
  readonly livemode: boolean;
  /** The account segment of this set's object ids (see ids.ts). */
  readonly account: string;
}

export function fixtureContext(seed: Seed, now: number, livemode: boolean): FixtureContext {
  return Object.freeze({ seed, now, livemode, account: accountSegment(seed) });
}
