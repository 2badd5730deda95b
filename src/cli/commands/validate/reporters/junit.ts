/**
 * `--reporter junit`: JUnit XML on stdout (`testsuites` > one `testsuite` per file > one
 * `testcase` per record, with `failure`, `error` for unreadable input, or `skipped`), the format
 * CI systems render. The summary line goes to stderr so stdout stays a well-formed document.
 */
import { formatIssues } from '../../../../contract/format-issues.js';
import { BufferedWriter } from '../../../buffered-writer.js';
import type { CliIo } from '../../../command.js';
import { checked, type RecordOutcome, recordLabel, summaryLine } from '../outcome.js';
import type { Reporter } from './reporter.js';

// Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute or element, dropping characters XML cannot represent. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** JUnit XML for CI test report viewers. */
export function createJunitReporter(io: CliIo): Reporter {
  const suites: string[] = [];
  let cases: string[] = [];
  return {
    record(outcome) {
      cases.push(testcase(outcome));
    },
    endFile(tally) {
      const attrs = [
        `name="${xmlEscape(tally.file)}"`,
        `tests="${cases.length}"`,
        `failures="${tally.failed}"`,
        `errors="${tally.unreadable}"`,
        `skipped="${tally.skipped}"`,
      ].join(' ');
      suites.push(`  <testsuite ${attrs}>\n${cases.join('')}  </testsuite>\n`);
      cases = [];
    },
    async end(run) {
      const out = new BufferedWriter(io.stdout);
      const total = checked(run) + run.skipped + run.unreadable;
      const attrs = [
        'name="stripe-balance-kit validate"',
        `tests="${total}"`,
        `failures="${run.failed}"`,
        `errors="${run.unreadable}"`,
        `skipped="${run.skipped}"`,
      ].join(' ');
      await out.write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${attrs}>\n`);
      for (const suite of suites) await out.write(suite);
      await out.write('</testsuites>\n');
      await out.flush();
      io.stderr.write(`${summaryLine(run)}\n`);
    },
  };
}

function testcase(outcome: RecordOutcome): string {
  const open = `    <testcase name="${xmlEscape(recordLabel(outcome))}" classname="${xmlEscape(outcome.file)}"`;
  const warnings =
    outcome.warnings.length > 0
      ? `      <system-out>${xmlEscape(`warnings:\n${formatIssues(outcome.warnings)}`)}</system-out>\n`
      : '';
  switch (outcome.status) {
    case 'failed': {
      const n = outcome.errors.length;
      const message = `${n} contract error${n === 1 ? '' : 's'}: ${outcome.errors.map((e) => e.path || '(root)').join(', ')}`;
      return (
        `${open}>\n      <failure message="${xmlEscape(message)}" type="contract_violation">` +
        `${xmlEscape(formatIssues(outcome.errors))}</failure>\n${warnings}    </testcase>\n`
      );
    }
    case 'unreadable':
      return (
        `${open}>\n      <error message="${xmlEscape(outcome.reason ?? 'unreadable')}" type="unreadable_input"/>\n` +
        '    </testcase>\n'
      );
    case 'skipped':
      return `${open}>\n      <skipped message="${xmlEscape(outcome.reason ?? 'skipped')}"/>\n    </testcase>\n`;
    default:
      return warnings === '' ? `${open}/>\n` : `${open}>\n${warnings}    </testcase>\n`;
  }
}
