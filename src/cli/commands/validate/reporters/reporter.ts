/** What every reporter of the `validate` command implements (the implementations import only this). */
import type { FileTally, RecordOutcome, RunTally } from '../outcome.js';

/** Receives outcomes as they are produced, a tally per file, then the run's tally. */
export interface Reporter {
  /** May wait while the output drains, so a huge run never buffers its whole report. */
  record(outcome: RecordOutcome): void | Promise<void>;
  endFile(tally: FileTally): void | Promise<void>;
  /** Writes whatever remains, ending with the summary line. */
  end(run: RunTally): Promise<void>;
}
