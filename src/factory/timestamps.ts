/**
 * `created`: "Time at which the object was created. Measured in seconds since the Unix epoch"
 * (object reference). Fixtures never read the clock: `now` is an option with a fixed default,
 * so the same seed gives the same timestamps on any machine and any day.
 */
import { FixtureOptionsError } from '../errors.js';
import type { RandomSource } from './random-source.js';

/**
 * The default `now`: 2026-10-28T00:00:00Z, the release date of the API version this package
 * speaks (2026-10-28.endive). Fixed, not `Date.now()`, so fixtures are reproducible.
 */
export const DEFAULT_NOW = 1793145600;

/** A moment as options accept it: a Date, or Unix seconds. */
export type TimeInput = Date | number;

/** Values above this are read as milliseconds: 10^11 seconds is the year 5138. */
const MILLISECONDS_THRESHOLD = 1e11;

const DAY = 86_400;
/** How far back a standalone transaction's `created` may fall. */
export const STANDALONE_WINDOW = 365 * DAY;
/** A ledger's default window: two years before `end`, widened so rows are a minute apart on average. */
const DEFAULT_LEDGER_WINDOW = 2 * 365 * DAY;
const MIN_AVERAGE_GAP = 60;
/** Stripe launched in 2010; default windows don't reach further back. */
const EARLIEST_DEFAULT_START = 1262304000;

/** `value` as whole Unix seconds; throws naming `option` when it isn't a usable time. */
export function toUnixSeconds(value: TimeInput, option: string): number {
  const seconds =
    value instanceof Date
      ? value.getTime() / 1000
      : Math.abs(value) >= MILLISECONDS_THRESHOLD
        ? value / 1000
        : value;
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new FixtureOptionsError(
      'invalid_fixture_option',
      option,
      `${option} must be a Date or Unix seconds at or after 1970-01-01; got ${String(value)}`,
    );
  }
  return Math.floor(seconds);
}

/** The window a ledger's `created` values fall in, inclusive on both ends. */
export interface TimeWindow {
  start: number;
  end: number;
}

export function ledgerWindow(
  now: number,
  count: number,
  start: TimeInput | undefined,
  end: TimeInput | undefined,
): TimeWindow {
  const last = end === undefined ? now : toUnixSeconds(end, 'end');
  if (last > now) {
    throw new FixtureOptionsError(
      'invalid_fixture_option',
      'end',
      `end (${last}) is after the fixture set's now (${now}); transactions can't be created in the future — pass an earlier end, or a later \`now\` to createFixtures()`,
    );
  }
  let first: number;
  if (start === undefined) {
    first = Math.max(last - Math.max(DEFAULT_LEDGER_WINDOW, count * MIN_AVERAGE_GAP), EARLIEST_DEFAULT_START);
    first = Math.max(0, Math.min(first, last - count + 1));
  } else {
    first = toUnixSeconds(start, 'start');
  }
  if (first > last) {
    throw new FixtureOptionsError(
      'invalid_fixture_option',
      'start',
      `start (${first}) is after end (${last}); pass a start before the end of the window`,
    );
  }
  if (last - first + 1 < count) {
    throw new FixtureOptionsError(
      'invalid_fixture_option',
      'start',
      `count ${count} needs ${count} distinct seconds but start..end spans ${last - first + 1}; created must strictly increase, so widen start/end or lower count`,
    );
  }
  return { start: first, end: last };
}

/**
 * Strictly increasing seconds in a window, drawn one at a time in O(1) memory. Each value is the
 * minimum of the `remaining` uniform points still to place after the previous one (inverse CDF
 * of the minimum, 1 − (1 − x)^m), so the whole sequence is distributed like a sorted uniform
 * sample of the window; the clamp leaves one second for every value still to come.
 */
export class IncreasingTimestamps {
  private last: number;
  private remaining: number;

  constructor(
    private readonly window: TimeWindow,
    count: number,
  ) {
    this.last = window.start - 1;
    this.remaining = count;
  }

  next(random: RandomSource): number {
    const span = this.window.end - this.last;
    const gap = span * (1 - random.unit() ** (1 / this.remaining));
    const latest = this.window.end - (this.remaining - 1);
    this.last = Math.min(this.last + Math.max(1, Math.ceil(gap)), latest);
    this.remaining--;
    return this.last;
  }
}
