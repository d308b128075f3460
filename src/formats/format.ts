import type { Transform } from 'node:stream';
import type { LineMapper } from './lines/blocks.js';
import type { LongLineSizes } from './lines/long-line.js';
import type { ValueVisitor } from '../record/index.js';

/** A format's name, as `--format` takes it. */
export type FormatName = 'text' | 'ndjson' | 'json' | 'csv' | 'tsv';

/** How CSV and TSV are read (what is not given is detected). */
export interface CsvOptions {
  /** The first row names the columns (default true). */
  readonly header?: boolean;
  /** Field delimiter; detected from the first line when absent. */
  readonly delimiter?: string;
  /** Quote character (default `"`). */
  readonly quote?: string;
  /** A row with the wrong number of fields: stop with an error naming it, or scan it as text. */
  readonly onBadRow?: 'error' | 'text';
}

/** What a format's transform is made with: the visitor that gets every value, and where messages go. */
export interface FormatOptions {
  readonly visitor: ValueVisitor;
  /** The input's name for messages (a path, or `-`). */
  readonly source: string;
  /** A recoverable problem (a line that is not JSON, scanned as text instead): names the place, never the data. */
  readonly warn: (message: string) => void;
  readonly csv?: CsvOptions;
  /** Text and NDJSON: when a line is too long to hold and how it is read in windows (tests make them small). */
  readonly longLines?: LongLineSizes;
}

/** One log format: bytes in, the same format out, every string visited. */
export interface Format {
  readonly name: FormatName;
  /** File name endings (before any `.gz`) that select this format. */
  readonly extensions: readonly string[];
  createTransform(options: FormatOptions): Transform;
  /**
   * Line-based formats (text, NDJSON): the mapping of one line, each line on its own. With it, the
   * worker pool maps blocks of lines in parallel and gets what createTransform gives, byte for byte.
   */
  lines?(options: FormatOptions): LineMapper;
}
