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
