/**
 * Human text for contract findings, shared by `ContractError`, the vitest and jest matchers and
 * the CLI's pretty reporter, so a failure reads the same wherever it surfaces.
 */
import { redactKeys } from '../secrets.js';
import type { ContractIssue } from './types.js';

/** At most this many issues are spelled out in one message; the arrays always carry all. */
export const MAX_LISTED_ISSUES = 50;

/**
 * A pointer for display: the root (`""`) is shown as `(root)`. A property named after an API key
 * is shown redacted (`/sk_test_…4242`): the issue's `path` keeps the exact pointer, but text that
 * reaches a test report or a CI log never carries a usable key.
 */
export function displayPath(path: string): string {
  return path === '' ? '(root)' : redactKeys(path);
}

/**
 * One issue as one or two lines: `/amount [wrong_type] expected integer; received string "x"`,
 * plus an `expected …; received …` line when the message does not already say both.
 */
export function formatIssue(issue: ContractIssue, indent = '  '): string {
  const head = `${indent}${displayPath(issue.path)} [${issue.code}] ${issue.message}`;
  if (issue.message.includes('received')) return head;
  return `${head}\n${indent}    expected ${issue.expected}; received ${issue.received}`;
}

/** Every issue on its own line(s), capped at {@link MAX_LISTED_ISSUES}. */
export function formatIssues(issues: readonly ContractIssue[], indent = '  '): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => formatIssue(issue, indent));
  if (issues.length > MAX_LISTED_ISSUES)
    listed.push(`${indent}… and ${issues.length - MAX_LISTED_ISSUES} more`);
  return listed.join('\n');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * A complete multi-line report: a headline naming the kind and the counts, then the errors, then
 * the warnings, each with its path, code, and what was expected and received.
 */
export function formatReport(
  kind: string,
  errors: readonly ContractIssue[],
  warnings: readonly ContractIssue[],
): string {
  const lines = [
    errors.length > 0
      ? `${kind} does not match the contract: ${count(errors.length, 'error')}` +
        (warnings.length > 0 ? `, ${count(warnings.length, 'warning')}` : '')
      : `${kind} matches the contract` +
        (warnings.length > 0 ? ` with ${count(warnings.length, 'warning')}` : ''),
  ];
  if (errors.length > 0) lines.push(formatIssues(errors));
  if (warnings.length > 0) lines.push('Warnings:', formatIssues(warnings));
  return lines.join('\n');
}
