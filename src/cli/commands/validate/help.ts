/** The `validate` docs: its help lists every flag, input format, reporter and exit code. */
import { CONTRACT_KINDS } from '../../../contract/types.js';
import { ROUTES } from '../../../stripe/routes.js';
import type { CommandDocs } from '../../define-command.js';
import { REPORTERS } from './reporters/index.js';

/** The route table as the help lists it, aligned under the `.har` entry. */
function routeLines(indent: string): string {
  const methodWidth = Math.max(...ROUTES.map((route) => route.method.length));
  const pathWidth = Math.max(...ROUTES.map((route) => route.path.length));
  return ROUTES.map(
    (route) =>
      `${indent}${route.method.padEnd(methodWidth)} ${route.path.padEnd(pathWidth)}  (${route.name})`,
  ).join('\n');
}

export const VALIDATE_HELP = `Usage: stripe-balance-kit validate [options] FILES…

Check recorded or mocked Stripe Customer Balance Transactions and Customers payloads against
the contract (the JSON Schema of the trimmed OpenAPI spec plus semantic rules).

FILES are paths, directories (searched recursively for .json, .ndjson, .jsonl and .har files;
node_modules is skipped) and globs such as 'recordings/**/*.har' (quote them for the shell).

Input formats
  .json           One JSON document: a customer_balance_transaction, a customer (deleted or
                  not), a list page, or an error envelope. Its kind is detected from \`object\`
                  (\`deleted: true\` for a deleted customer; a list's \`url\`: /v1/customers for a
                  customer list) or \`error\` unless --kind is given.
                  A JSON array (what generate and demo write) is checked item by item: each item
                  is a record named \`item N\` (0-based), its findings at /N/…, its kind detected
                  on its own or given by --kind; an empty array has no records and passes.
                  A .json file with a log.entries array is read as HAR.
  .ndjson .jsonl  One JSON document per line, streamed; each line is a record reported with its
                  line number (a line holding an array, item by item). Blank lines are ignored.
  .har            HTTP Archive. Each entry is matched by method and path to one of
${routeLines('                    ')}
                  Its request parameters (the form body in Stripe bracket syntax, metadata[k]=v,
                  expand[]=x; the query string of a GET or DELETE) are read exactly as Stripe
                  reads them: a request Stripe refuses (an unknown or malformed parameter, a
                  body that is not a form, such as JSON) fails with a stripe_refused finding at
                  the parameter Stripe names; one it accepts is checked against its params
                  contract. The response body is checked as that operation's response for a 2xx
                  status (a retrieveCustomer answering \`deleted: true\` as deleted_customer) and
                  as the error envelope otherwise. Entries for other endpoints are skipped and
                  counted. --kind does not apply to HAR entries.
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

export const VALIDATE_DOCS: CommandDocs = {
  name: 'validate',
  summary: 'Check JSON, NDJSON and HAR payloads against the contract (for CI)',
  help: VALIDATE_HELP,
};
