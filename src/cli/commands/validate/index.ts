/**
 * `stripe-balance-kit validate`: contract checks for CI over recorded or mocked responses and
 * requests (JSON, NDJSON, HAR). Exit 0 when everything passes, 1 on any contract violation, 2 on
 * usage errors or unreadable input.
 */
import { defineCommand } from '../../define-command.js';
import { VALIDATE_DOCS } from './help.js';
import { resolveInputs } from './inputs.js';
import { VALIDATE_FLAGS, validateRunOptions } from './options.js';
import { count, emptyTally, type FileTally, type RecordOutcome, type RunTally } from './outcome.js';
import { readInputFile } from './read-file.js';
import { createReporter } from './reporters/index.js';

export const validateCommand = defineCommand({
  ...VALIDATE_DOCS,
  flags: VALIDATE_FLAGS,
  positionals: true,
  options: validateRunOptions,
  async run(options, io) {
    const reporter = createReporter(options.reporter, io);
    const run: RunTally = { ...emptyTally(), files: 0 };
    const { files, problems } = await resolveInputs(options.files, io.cwd);

    const checkFile = async (
      file: string,
      outcomes: AsyncIterable<RecordOutcome> | Iterable<RecordOutcome>,
    ) => {
      const tally: FileTally = { ...emptyTally(), file };
      for await (const outcome of outcomes) {
        count(tally, outcome);
        count(run, outcome);
        await reporter.record(outcome);
      }
      run.files += 1;
      await reporter.endFile(tally);
    };
    // An argument that named nothing readable is reported as a file of its own.
    for (const problem of problems) await checkFile(problem.file, [problem]);
    const ctx = { kind: options.kind, options: { mode: options.mode, semantic: options.semantic } };
    for (const file of files) await checkFile(file.display, readInputFile(file, ctx));
    await reporter.end(run);
    if (run.unreadable > 0) return 2;
    return run.failed > 0 ? 1 : 0;
  },
});
