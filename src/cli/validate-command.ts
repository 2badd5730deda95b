/**
 * `stripe-balance-kit validate`: contract checks for CI over recorded or mocked responses and
 * requests (JSON, NDJSON, HAR). Exit 0 when everything passes, 1 on any contract violation, 2 on
 * usage errors or unreadable input.
 */
import { CONTRACT_KINDS } from '../contract/types.js';
import type { Command } from './command.js';
import { resolveInputs } from './validate/inputs.js';
import { parseValidateArgs, REPORTERS } from './validate/options.js';
import { count, emptyTally, type FileTally, type RunTally } from './validate/outcome.js';
import { readInputFile } from './validate/read-file.js';
import { createReporter } from './validate/reporter.js';

/** The `--help` text: every flag, input format, reporter and exit code. */
export const VALIDATE_HELP = `Usage: stripe-balance-kit validate [options] FILES…

Check recorded or mocked Stripe Customer Balance Transactions payloads against the contract
(the JSON Schema of the trimmed OpenAPI spec plus semantic rules).

FILES are paths, directories (searched recursively for .json, .ndjson, .jsonl and .har files;
node_modules is skipped) and globs such as 'recordings/**/*.har' (quote them for the shell).

Input formats
  .json           One JSON document: a customer_balance_transaction, a list page, or an error
                  envelope. Its kind is detected from \`object\` / \`error\` unless --kind is given.
                  A .json file with a log.entries array is read as HAR.
  .ndjson .jsonl  One JSON document per line, streamed; each line is a record reported with its
                  line number. Blank lines are ignored.
  .har            HTTP Archive. Each entry is matched by method and path to one of
                    GET  /v1/customers/{customer}/balance_transactions           (list)
                    POST /v1/customers/{customer}/balance_transactions           (create)
                    GET  /v1/customers/{customer}/balance_transactions/{id}      (retrieve)
                    POST /v1/customers/{customer}/balance_transactions/{id}      (update)
                  The request's form body (Stripe bracket syntax: metadata[k]=v, expand[]=x) is
                  checked as create_params / update_params, the list query string as
                  list_params; the response body as that operation's response for a 2xx status
                  and as the error envelope otherwise. Entries for other endpoints are skipped
                  and counted. --kind does not apply to HAR entries.
  Size limits     .json and .har files are parsed whole, so files above 256 MB are refused
                  (unreadable, exit 2): split them, or write one response per line as .ndjson,
                  which is streamed at any size (a single line above 64 MB is skipped as
                  unreadable). API keys found in inputs are printed redacted (sk_test_…4242).

Options
  --kind K            Check every JSON / NDJSON record as K, one of:
                        ${CONTRACT_KINDS.join(', ')}
  --mode M            strict (default): unknown properties are errors.
                      tolerant: unknown additional properties are warnings (for real responses
                      from newer API versions); everything else still fails.
  --no-semantic       Skip the semantic rules (id prefixes, type/link rules, list order,
                      ending-balance chain, list url); check the schema only.
  --reporter R        ${REPORTERS.join(' | ')}
                        pretty  per file PASS/FAIL with each failing record and path (default)
                        json    one JSON document on stdout; summary line on stderr
                        junit   JUnit XML on stdout (one testcase per record); summary on stderr
                        github  ::error / ::warning workflow annotations, and a markdown summary
                                appended to $GITHUB_STEP_SUMMARY (printed when it is not set)
  -h, --help          Show this help.

Every reporter ends with a summary line: records checked, passed, failed, skipped, warnings.

Exit codes
  0  every record passed (warnings allowed)
  1  at least one contract violation
  2  usage error, or an input that cannot be read or parsed

Examples
  stripe-balance-kit validate test/fixtures/recordings
  stripe-balance-kit validate --mode tolerant --reporter github 'recordings/**/*.har'
  stripe-balance-kit validate --kind create_params params.ndjson
`;

/** The `validate` subcommand. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check JSON, NDJSON and HAR payloads against the contract (for CI)',
  async run(argv, io) {
    const options = parseValidateArgs(argv);
    if (options.help) {
      io.stdout.write(VALIDATE_HELP);
      return 0;
    }
    const reporter = createReporter(options.reporter, io);
    const run: RunTally = { ...emptyTally(), files: 0 };
    const { files, problems } = await resolveInputs(options.files, io.cwd);

    const finishFile = (tally: FileTally) => {
      run.files += 1;
      reporter.endFile(tally);
    };
    for (const problem of problems) {
      const tally: FileTally = { ...emptyTally(), file: problem.file };
      count(tally, problem);
      count(run, problem);
      reporter.record(problem);
      finishFile(tally);
    }
    const ctx = { kind: options.kind, options: { mode: options.mode, semantic: options.semantic } };
    for (const file of files) {
      const tally: FileTally = { ...emptyTally(), file: file.display };
      for await (const outcome of readInputFile(file, ctx)) {
        count(tally, outcome);
        count(run, outcome);
        reporter.record(outcome);
      }
      finishFile(tally);
    }
    await reporter.end(run);
    if (run.unreadable > 0) return 2;
    return run.failed > 0 ? 1 : 0;
  },
};
