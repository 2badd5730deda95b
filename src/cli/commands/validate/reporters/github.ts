/**
 * `--reporter github`: GitHub Actions workflow commands (`::error file=…,line=…::…`, `::warning`)
 * on stdout, one per finding, and a markdown job summary appended to `$GITHUB_STEP_SUMMARY`
 * (printed instead when the variable is not set).
 */
import { appendFile } from 'node:fs/promises';
import { displayPath } from '../../../../contract/format-issues.js';
import type { ContractIssue } from '../../../../errors.js';
import { BufferedWriter } from '../../../buffered-writer.js';
import type { CliIo } from '../../../command.js';
import { fileFailure } from '../../../file-errors.js';
import { checked, type RecordOutcome, type RunTally, summaryLine } from '../outcome.js';
import type { Reporter } from './reporter.js';

/** Annotations beyond this many are counted in a notice instead (GitHub shows only a few anyway). */
export const MAX_ANNOTATIONS = 200;
const MAX_SUMMARY_ROWS = 100;

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (`file=`, `title=`) of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

interface Row {
  outcome: RecordOutcome;
  issue: ContractIssue | undefined;
  level: 'error' | 'warning';
}

/** Workflow annotations plus a job summary. */
export function createGithubReporter(io: CliIo): Reporter {
  const out = new BufferedWriter(io.stdout);
  const rows: Row[] = [];
  let findings = 0;
  let annotations = 0;
  let unannotated = 0;

  const report = async (row: Row, title: string, message: string) => {
    findings += 1;
    if (rows.length < MAX_SUMMARY_ROWS) rows.push(row);
    if (annotations >= MAX_ANNOTATIONS) {
      unannotated += 1;
      return;
    }
    annotations += 1;
    const { outcome, level } = row;
    const props = [`file=${escapeProperty(outcome.file)}`];
    if (outcome.line !== undefined) props.push(`line=${outcome.line}`);
    props.push(`title=${escapeProperty(title)}`);
    await out.write(`::${level} ${props.join(',')}::${escapeData(message)}\n`);
  };

  return {
    async record(outcome) {
      if (outcome.status === 'unreadable') {
        await report(
          { outcome, issue: undefined, level: 'error' },
          'unreadable input',
          outcome.reason ?? 'unreadable',
        );
      }
      // A HAR entry has no line to point at: its record name leads the message instead.
      const where = outcome.line === undefined && outcome.name !== 'document' ? `${outcome.name}: ` : '';
      const levels = [
        ['error', outcome.errors],
        ['warning', outcome.warnings],
      ] as const;
      for (const [level, issues] of levels) {
        for (const issue of issues) {
          const message = `${where}${displayPath(issue.path)}: ${issue.message}`;
          await report({ outcome, issue, level }, `contract: ${issue.code}`, message);
        }
      }
    },
    endFile() {},
    async end(run) {
      if (unannotated > 0) {
        await out.write(`::notice::${unannotated} more findings were not annotated; see the job summary\n`);
      }
      await out.write(`${summaryLine(run)}\n`);
      await out.flush();
      const markdown = summaryMarkdown(run, rows, findings);
      const target = process.env.GITHUB_STEP_SUMMARY;
      if (target) {
        try {
          await appendFile(target, markdown);
          return;
        } catch (error) {
          io.stderr.write(
            `cannot append to GITHUB_STEP_SUMMARY ${target} (${fileFailure(error, 'write')}); printing it instead\n`,
          );
        }
      }
      io.stdout.write(markdown);
    },
  };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function summaryMarkdown(run: RunTally, rows: readonly Row[], findings: number): string {
  const ok = run.failed === 0 && run.unreadable === 0;
  const lines = [
    `## ${ok ? '✅' : '❌'} stripe-balance-kit validate`,
    '',
    summaryLine(run),
    '',
    '| Records checked | Passed | Failed | Skipped | Warnings | Unreadable | Files |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${checked(run)} | ${run.passed} | ${run.failed} | ${run.skipped} | ${run.warnings} | ${run.unreadable} | ${run.files} |`,
    '',
  ];
  if (rows.length > 0) {
    lines.push('| | File | Record | Path | Code | Message |', '| --- | --- | --- | --- | --- | --- |');
    for (const { outcome, issue, level } of rows) {
      const icon = level === 'error' ? '❌' : '⚠️';
      const path = issue ? code(displayPath(issue.path)) : '';
      const what = issue ? code(issue.code) : code('unreadable');
      const message = issue ? issue.message : (outcome.reason ?? '');
      lines.push(
        `| ${icon} | ${cell(code(outcome.file))} | ${cell(outcome.name)} | ${cell(path)} | ${what} | ${cell(message)} |`,
      );
    }
    if (findings > rows.length) lines.push('', `… and ${findings - rows.length} more findings.`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
