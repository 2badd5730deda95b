/** The reporter contract of the `validate` command, and the factory that picks one by name. */
import type { ContractIssue } from '../../contract/types.js';
import { redactKeys } from '../../secrets.js';
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

/**
 * The reporter `--reporter name` selects. Every outcome passes through {@link redactOutcome}
 * first, so no reporter can print an API key found in the inputs.
 */
export function createReporter(name: ReporterName, io: CliIo): Reporter {
  const reporter = pick(name, io);
  return {
    record: (outcome) => reporter.record(redactOutcome(outcome)),
    endFile: (tally) => reporter.endFile({ ...tally, file: redactKeys(tally.file) }),
    end: (run) => reporter.end(run),
  };
}

function pick(name: ReporterName, io: CliIo): Reporter {
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

/**
 * The outcome with every API key in its text redacted (`sk_test_…4242`). Recordings hold keys in
 * places no preview guards: a HAR entry's URL (`https://sk_test_…:@api.stripe.com`), a parameter
 * named after a key, a JSON.parse message quoting the bad line. CI logs are public more often
 * than not, so the CLI never echoes one.
 */
export function redactOutcome(outcome: RecordOutcome): RecordOutcome {
  const issue = (i: ContractIssue): ContractIssue => ({
    ...i,
    path: redactKeys(i.path),
    message: redactKeys(i.message),
    expected: redactKeys(i.expected),
    received: redactKeys(i.received),
  });
  return {
    ...outcome,
    file: redactKeys(outcome.file),
    name: redactKeys(outcome.name),
    reason: outcome.reason === undefined ? undefined : redactKeys(outcome.reason),
    errors: outcome.errors.map(issue),
    warnings: outcome.warnings.map(issue),
  };
}
