/**
 * API keys out of everything a reporter prints. Recordings hold keys in places no preview
 * guards: a HAR entry's URL (`https://sk_test_…:@api.stripe.com`), a parameter named after a key,
 * a JSON.parse message quoting the bad line. CI logs are public more often than not, so the CLI
 * never echoes one.
 */
import type { ContractIssue } from '../../../../errors.js';
import { redactKeys } from '../../../../secrets.js';
import type { RecordOutcome } from '../outcome.js';
import type { Reporter } from './reporter.js';

/** The outcome with every API key in its text redacted (`sk_test_…4242`). */
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

/** `reporter`, seeing only redacted outcomes and file names. */
export function redacting(reporter: Reporter): Reporter {
  return {
    record: (outcome) => reporter.record(redactOutcome(outcome)),
    endFile: (tally) => reporter.endFile({ ...tally, file: redactKeys(tally.file) }),
    end: (run) => reporter.end(run),
  };
}
