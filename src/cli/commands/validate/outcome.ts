/** What the `validate` command reports about each record, file and run. */
import type { ContractKind } from '../../../contract/types.js';
import type { ContractIssue } from '../../../errors.js';

/** How one record ended: checked (passed or failed), skipped (not ours), or unreadable input. */
export type RecordStatus = 'passed' | 'failed' | 'skipped' | 'unreadable';

/** One checked (or skipped, or unreadable) record of an input file. */
export interface RecordOutcome {
  /** The file as given to the user (relative to the working directory). */
  file: string;
  /** Which record: `document`, `line 3`, `entries[2] POST /v1/… request`. */
  name: string;
  /** 1-based line of the record when the format has one record per line. */
  line: number | undefined;
  kind: ContractKind | undefined;
  status: RecordStatus;
  errors: ContractIssue[];
  warnings: ContractIssue[];
  /** Why a record was skipped or could not be read. */
  reason: string | undefined;
}

/** Counts over a set of records. */
export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  unreadable: number;
  /** Number of warning findings (not records). */
  warnings: number;
}

/** Counts for one input file. */
export interface FileTally extends Tally {
  file: string;
}

/** Counts for the whole run. */
export interface RunTally extends Tally {
  files: number;
}

/** A tally with every count at zero. */
export function emptyTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0, unreadable: 0, warnings: 0 };
}

/** Adds one outcome to a tally. */
export function count(tally: Tally, outcome: RecordOutcome): void {
  tally[outcome.status] += 1;
  tally.warnings += outcome.warnings.length;
}

/** Records that were actually checked against the contract. */
export function checked(tally: Tally): number {
  return tally.passed + tally.failed;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The one-line summary every reporter ends with. */
export function summaryLine(run: RunTally): string {
  const parts = [
    `${run.passed} passed`,
    `${run.failed} failed`,
    `${run.skipped} skipped`,
    plural(run.warnings, 'warning'),
  ];
  if (run.unreadable > 0) parts.push(`${run.unreadable} unreadable`);
  return `${plural(checked(run), 'record')} checked in ${plural(run.files, 'file')}: ${parts.join(', ')}`;
}

/** The record label with its kind, e.g. `line 3 (customer_balance_transaction)`. */
export function recordLabel(outcome: RecordOutcome): string {
  return outcome.kind ? `${outcome.name} (${outcome.kind})` : outcome.name;
}
