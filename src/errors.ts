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
