/**
 * `--reporter json`: one JSON document on stdout with the run's counts and, per file, its counts
 * and every record that failed, was skipped, could not be read, or carries warnings. The summary
 * line goes to stderr so stdout stays parseable.
 */
import type { CliIo } from '../../../command.js';
import { checked, type FileTally, type RecordOutcome, summaryLine } from '../outcome.js';
import type { Reporter } from './reporter.js';

interface FileReport extends FileTally {
  checked: number;
  records: RecordOutcome[];
}

/** Machine-readable output for scripts. */
export function createJsonReporter(io: CliIo): Reporter {
  const files: FileReport[] = [];
  let records: RecordOutcome[] = [];
  return {
    record(outcome) {
      if (outcome.status !== 'passed' || outcome.warnings.length > 0) records.push(outcome);
    },
    endFile(tally) {
      files.push({ ...tally, checked: checked(tally), records });
      records = [];
    },
    async end(run) {
      const ok = run.failed === 0 && run.unreadable === 0;
      const document = { ok, summary: { ...run, checked: checked(run) }, files };
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      io.stderr.write(`${summaryLine(run)}\n`);
    },
  };
}
