/**
 * A failed file system call as one line a user can act on: what went wrong, in words, and the
 * fix. Every command reports unreadable inputs and unwritable outputs through here, so the same
 * mistake reads the same in each and no errno soup (`ENOENT: no such file…, open '…'`) or stack
 * reaches the terminal.
 */

/** Whether the file was being read or written: the fix differs. */
export type FileUse = 'read' | 'write';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

const FIXES: Readonly<Record<FileUse, Readonly<Record<string, string>>>> = {
  read: {
    ENOENT: 'check the path',
    ENOTDIR: 'check the path',
    EACCES: 'check its permissions',
    EPERM: 'check its permissions',
    EISDIR: 'name a file inside it',
    EMFILE: 'raise the open-files limit (ulimit -n) or pass fewer files',
  },
  write: {
    ENOENT: 'create its directory first',
    ENOTDIR: 'check the path',
    EACCES: 'choose a path you can write to',
    EPERM: 'choose a path you can write to',
    EISDIR: 'name a file, not a directory',
    ENOSPC: 'free some space or write elsewhere',
    EROFS: 'write elsewhere',
  },
};

/** The `code` of a Node system error (`ENOENT`, `EADDRINUSE`, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A short reason for a failed file system call (`no such file or directory`, `permission denied`, …). */
export function describeFsError(error: unknown): string {
  const reason = REASONS[errorCode(error) ?? ''];
  if (reason !== undefined) return reason;
  return error instanceof Error ? error.message : String(error);
}

/** `cannot read the file: no such file or directory; check the path`. */
export function fileFailure(error: unknown, use: FileUse): string {
  const fix = FIXES[use][errorCode(error) ?? ''];
  return `cannot ${use} the file: ${describeFsError(error)}${fix === undefined ? '' : `; ${fix}`}`;
}

/** `--out /tmp/x/y.json: cannot write the file: no such file or directory; create its directory first`. */
export function fileError(subject: string, error: unknown, use: FileUse): Error {
  return new Error(`${subject}: ${fileFailure(error, use)}`);
}
