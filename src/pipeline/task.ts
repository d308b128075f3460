import type { CountersSnapshot } from '../counters.js';
import type { ErrorCode } from '../errors.js';
import type { CsvColumns, CsvDialect, FormatName } from '../formats/index.js';
import type { Policy } from '../policy/schema.js';
import type { FindingReport } from '../visitors.js';

/** What the main thread sends a worker and gets back (structured-cloned: plain data only). */

/** What every worker is made with. */
export interface WorkerSetup {
  readonly policy: Policy;
  readonly key: Uint8Array;
  /** A module to import the detector list from (its URL and the export's name); the default list when absent. */
  readonly detectors?: { readonly module: string; readonly export: string };
  /** Replace (anonymize), or only report findings (scan). */
  readonly mode: 'anonymize' | 'scan';
}

interface TaskBase {
  /** The input's name for messages. */
  readonly source: string;
  readonly bytes: Uint8Array;
}

/** Whole lines of a line-based format (text, NDJSON). */
export interface LinesTask extends TaskBase {
  readonly kind: 'lines';
  readonly format: FormatName;
  /** Which input (transform) of this process the block is from: a format may keep state per input. */
  readonly input: number;
  /** The 0-based number of the block's first line in its input. */
  readonly first: number;
}

/** Whole elements of a top-level JSON array, in the chunks the input came in. */
export interface JsonTask extends TaskBase {
  readonly kind: 'json';
  /** Null: the batch starts at the input's first byte; else it starts just after this record's comma. */
  readonly after: number | null;
  /**
   * Per piece (the batch's bytes within one input chunk), three numbers: its length, and the start and
   * end of its chunk in the input (for messages and the path-step budget, as one thread sees them).
   */
  readonly pieces: readonly number[];
  /** The batch runs to the input's end, which is this byte: the document is ended after it. */
  readonly total: number | null;
}

/** Complete CSV/TSV rows, or the lines of a row whose quote is not closed (`text`). */
export interface CsvTask extends TaskBase {
  readonly kind: 'csv';
  readonly dialect: CsvDialect;
  /** The columns, when a row before the batch fixed them. */
  readonly columns: CsvColumns | null;
  readonly text: boolean;
  /** The 0-based number of the first row, and how many rows (lines for `text`) the batch holds. */
  readonly first: number;
  readonly count: number;
}

/**
 * A window of a line too long to hold (formats/lines/long-line.ts), its text as UTF-8 bytes: scanned
 * as plain text, and the piece [from, to) of it written (to `end`, in the result).
 */
export interface WindowTask extends TaskBase {
  readonly kind: 'window';
  /** The line's 0-based number. */
  readonly record: number;
  /** The piece and the line's chars before the window (UTF-16 units), as TextWindow has them. */
  readonly from: number;
  readonly to: number;
  readonly offset: number;
  /** The line's one warning, given with its first window so that it comes in input order. */
  readonly warning: string | null;
}

export type Task = LinesTask | JsonTask | CsvTask | WindowTask;

export interface TaskResult {
  /** The mapped batch; null when it is unchanged (the caller still has the bytes), and in scan mode. */
  readonly bytes: Uint8Array | null;
  /** Warnings the format gave (they name places, never data), in input order. */
  readonly warnings: readonly string[];
  /** What was found, in input order (scan mode). */
  readonly reports: readonly FindingReport[];
  /** A failure, as code and message: the error class does not cross threads. */
  readonly error?: { readonly code: ErrorCode; readonly message: string };
  /** JSON: path steps used by the end of each piece (and of the document's end), up to the failing one. */
  readonly used?: readonly number[];
  /** What this batch's mapping replaced, per type and per field (numbers only): the pool adds them up, in order. */
  readonly counts?: CountersSnapshot;
  /** A window: where its piece's text ends (`bytes` is that text, never null). */
  readonly end?: number;
}
