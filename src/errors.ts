/** Stable error codes; messages name the place (file, line, field, policy key), never the data. */
export type ErrorCode = 'LV_USAGE' | 'LV_POLICY' | 'LV_FORMAT' | 'LV_KEY' | 'LV_IO' | 'LV_WORKER';

export class LogveilError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LogveilError';
    this.code = code;
  }
}

/** What kind of error `e` is, for messages that must not repeat its text (it may quote the data). */
export function errorKind(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}

/** Plain words for the system errors a user can act on. */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on device',
  EMFILE: 'too many open files',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EBADF: 'bad file descriptor',
  ENXIO: 'no such device or address',
  ELOOP: 'too many levels of symbolic links',
};

/** Plain words for a system error code (`ENOENT` → `no such file or directory`); undefined for codes without. */
export function systemErrorText(code: string): string | undefined {
  return Object.hasOwn(SYSTEM_ERRORS, code) ? SYSTEM_ERRORS[code] : undefined;
}
