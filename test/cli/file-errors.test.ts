/** File system failures read the same in every command: what went wrong, and the fix. */
import { describe, expect, it } from 'vitest';
import { describeFsError, errorCode, fileError, fileFailure } from '../../src/cli/file-errors.js';

const systemError = (code: string) => Object.assign(new Error(`${code}: raw text, open '/x'`), { code });

describe('file errors', () => {
  it.each([
    ['ENOENT', 'read', 'cannot read the file: no such file or directory; check the path'],
    ['ENOENT', 'write', 'cannot write the file: no such file or directory; create its directory first'],
    ['EACCES', 'read', 'cannot read the file: permission denied; check its permissions'],
    ['EACCES', 'write', 'cannot write the file: permission denied; choose a path you can write to'],
    ['EISDIR', 'write', 'cannot write the file: is a directory; name a file, not a directory'],
    [
      'ENOSPC',
      'write',
      'cannot write the file: no space left on the device; free some space or write elsewhere',
    ],
  ] as const)('%s while %s', (code, use, message) => {
    expect(fileFailure(systemError(code), use)).toBe(message);
  });

  it('names the subject, and falls back to the error text for codes it has no words for', () => {
    expect(fileError('--out /tmp/a.json', systemError('ENOENT'), 'write').message).toBe(
      '--out /tmp/a.json: cannot write the file: no such file or directory; create its directory first',
    );
    expect(describeFsError(systemError('EIO'))).toBe("EIO: raw text, open '/x'");
    expect(describeFsError('plain')).toBe('plain');
    expect(errorCode(null)).toBeUndefined();
    expect(errorCode({ code: 5 })).toBeUndefined();
  });
});
