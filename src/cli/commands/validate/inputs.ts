/** Expands the command's FILES arguments (paths, directories, globs) into the files to read. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { fileFailure } from '../../file-errors.js';
import type { RecordOutcome } from './outcome.js';

/** Extensions a directory is searched for. */
export const INPUT_EXTENSIONS = ['.json', '.ndjson', '.jsonl', '.har'] as const;

/** One file to read: where it is, and how to show it to the user. */
export interface InputFile {
  absolute: string;
  display: string;
}

/** Files to read, in argument order without repeats, and arguments that named nothing readable. */
export interface ResolvedInputs {
  files: InputFile[];
  problems: RecordOutcome[];
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/** Resolves arguments against `cwd`: globs expand, directories are searched recursively. */
export async function resolveInputs(args: readonly string[], cwd: string): Promise<ResolvedInputs> {
  const files: InputFile[] = [];
  const problems: RecordOutcome[] = [];
  const seen = new Set<string>();
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ absolute, display: displayPath(absolute, cwd) });
  };

  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, ignore: IGNORE });
      if (matches.length === 0) problems.push(problem(arg, `no files match the pattern '${arg}'`));
      for (const match of matches.sort()) add(path.normalize(match));
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(absolute);
    } catch (error) {
      problems.push(problem(arg, fileFailure(error, 'read')));
      continue;
    }
    if (info.isDirectory()) {
      const pattern = `**/*{${INPUT_EXTENSIONS.join(',')}}`;
      const matches = await glob(pattern, { cwd: absolute, absolute: true, onlyFiles: true, ignore: IGNORE });
      if (matches.length === 0) {
        problems.push(problem(arg, `directory contains no ${INPUT_EXTENSIONS.join(', ')} files`));
      }
      for (const match of matches.sort()) add(path.normalize(match));
    } else {
      add(absolute);
    }
  }
  return { files, problems };
}

/** A path relative to `cwd` when it lies below it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

function problem(file: string, reason: string): RecordOutcome {
  return {
    file,
    name: 'input',
    line: undefined,
    kind: undefined,
    status: 'unreadable',
    errors: [],
    warnings: [],
    reason,
  };
}
