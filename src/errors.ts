/**
 * Stable error codes; messages name the place (file, line, field, policy key), never the data.
 * - `LV_USAGE`: a call or option that cannot work (an unknown encoding, detector objects given to a pool).
 * - `LV_POLICY`: a policy that is not valid, or its file cannot be read.
 * - `LV_KEY`: a key or key file refused (unreadable, readable by others, too short, weak).
 * - `LV_FORMAT`: input that its format cannot carry (a CSV row with the wrong number of fields, values nested too deep).
 * - `LV_IO`: reading or writing a file or stream failed.
 * - `LV_WORKER`: a worker thread failed or went away.
 * - `LV_REDACT`: a value could not be anonymized (record(): nested too deep, a getter that throws, a bug):
 *   nothing of it may be written as it was.
 */
export type ErrorCode = 'LV_USAGE' | 'LV_POLICY' | 'LV_FORMAT' | 'LV_KEY' | 'LV_IO' | 'LV_WORKER' | 'LV_REDACT';

/** logveil's one error class: every error its API throws is one, with a stable `code`. */
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
