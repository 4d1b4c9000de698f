import { cut } from '../model/errors';

/** A mistake on the command line: exit code 2, one line on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Output that could not be written (a full disk, a read-only folder): exit code 1, one line on stderr. */
export class WriteError extends Error {
  override readonly name = 'WriteError';
}

/** A value the user typed, quoted for a message and cut to 80 characters (a 1 MB value stays out of the line). */
export function quote(text: string): string {
  return `"${cut(text)}"`;
}

const REASONS = new Map(
  Object.entries({
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    EIO: 'input/output error',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'is a folder',
    EEXIST: 'already exists',
    ENAMETOOLONG: 'file name too long',
    EMFILE: 'too many open files',
    EPIPE: 'broken pipe',
    EBADF: 'not open for writing',
  }),
);

/** A system error in a few plain words, with its code: "no space left on device (ENOSPC)". */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words = code === undefined ? undefined : REASONS.get(code);
  if (words) return `${words} (${code})`;
  return oneLine(error);
}

/** An error's message on one line. */
export function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}
