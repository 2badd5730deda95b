/** The reporter contract of the `validate` command, and the factory that picks one by name. */
import type { CliIo } from '../command.js';
import { createGithubReporter } from './github-reporter.js';
import { createJsonReporter } from './json-reporter.js';
import { createJunitReporter } from './junit-reporter.js';
import type { ReporterName } from './options.js';
import type { FileTally, RecordOutcome, RunTally } from './outcome.js';
import { createPrettyReporter } from './pretty-reporter.js';

/** Receives outcomes as they are produced, a tally per file, then the run's tally. */
export interface Reporter {
  record(outcome: RecordOutcome): void;
  endFile(tally: FileTally): void;
  /** Writes whatever remains, ending with the summary line. */
  end(run: RunTally): Promise<void>;
}

/** The reporter `--reporter name` selects. */
export function createReporter(name: ReporterName, io: CliIo): Reporter {
  switch (name) {
    case 'json':
      return createJsonReporter(io);
    case 'junit':
      return createJunitReporter(io);
    case 'github':
      return createGithubReporter(io);
    default:
      return createPrettyReporter(io);
  }
}
