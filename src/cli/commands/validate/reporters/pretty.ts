/** `--reporter pretty`: per file a PASS/FAIL line, then each failing record with its paths. */
import { formatIssues } from '../../../../contract/format-issues.js';
import { BufferedWriter } from '../../../buffered-writer.js';
import type { CliIo } from '../../../command.js';
import { checked, type RecordOutcome, recordLabel, summaryLine } from '../outcome.js';
import type { Reporter } from './reporter.js';

const LISTED_SKIPS = 5;

/** Human output on stdout; passing records are counted, not listed. */
export function createPrettyReporter(io: CliIo): Reporter {
  const out = new BufferedWriter(io.stdout);
  let notable: RecordOutcome[] = [];
  let skips: RecordOutcome[] = [];
  return {
    record(outcome) {
      if (outcome.status === 'skipped') skips.push(outcome);
      else if (outcome.status !== 'passed' || outcome.warnings.length > 0) notable.push(outcome);
    },
    async endFile(tally) {
      const bad = tally.failed > 0 || tally.unreadable > 0;
      const counts = [`${checked(tally)} checked`, `${tally.passed} passed`, `${tally.failed} failed`];
      if (tally.skipped > 0) counts.push(`${tally.skipped} skipped`);
      if (tally.warnings > 0) counts.push(`${tally.warnings} warnings`);
      if (tally.unreadable > 0) counts.push(`${tally.unreadable} unreadable`);
      await out.write(`${bad ? 'FAIL' : 'PASS'} ${tally.file} (${counts.join(', ')})\n`);
      for (const outcome of notable) await out.write(describe(outcome));
      if (skips.length > 0) {
        const names = skips.slice(0, LISTED_SKIPS).map((s) => s.name);
        const more = skips.length > LISTED_SKIPS ? `, … ${skips.length - LISTED_SKIPS} more` : '';
        await out.write(
          `  skipped ${skips.length}: ${names.join(', ')}${more} (${skips[0]?.reason ?? ''})\n`,
        );
      }
      notable = [];
      skips = [];
    },
    async end(run) {
      await out.write(`\n${summaryLine(run)}\n`);
      await out.flush();
    },
  };
}

function describe(outcome: RecordOutcome): string {
  if (outcome.status === 'unreadable') return `  ${outcome.name}: unreadable: ${outcome.reason ?? ''}\n`;
  const lines = [`  ${outcome.status === 'failed' ? '✗' : '!'} ${recordLabel(outcome)}`];
  if (outcome.errors.length > 0) lines.push(formatIssues(outcome.errors, '      '));
  if (outcome.warnings.length > 0) lines.push('    warnings:', formatIssues(outcome.warnings, '      '));
  return `${lines.join('\n')}\n`;
}
