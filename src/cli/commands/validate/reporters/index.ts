/** The reporters of the `validate` command, by the name `--reporter` takes. */
import type { CliIo } from '../../../command.js';
import { createGithubReporter } from './github.js';
import { createJsonReporter } from './json.js';
import { createJunitReporter } from './junit.js';
import { createPrettyReporter } from './pretty.js';
import { redacting } from './redact.js';
import type { Reporter } from './reporter.js';

export type { Reporter } from './reporter.js';

const FACTORIES = {
  pretty: createPrettyReporter,
  json: createJsonReporter,
  junit: createJunitReporter,
  github: createGithubReporter,
} as const satisfies Record<string, (io: CliIo) => Reporter>;

/** One output format of the `validate` command. */
export type ReporterName = keyof typeof FACTORIES;
/** The reporters `--reporter` accepts, the default first. */
export const REPORTERS = Object.keys(FACTORIES) as readonly ReporterName[];

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(FACTORIES, name);
}

/** The reporter `--reporter name` selects; it never sees an API key found in the inputs. */
export function createReporter(name: ReporterName, io: CliIo): Reporter {
  return redacting(FACTORIES[name](io));
}
