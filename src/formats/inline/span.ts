/**
 * What the readers of a text line find (pairs.ts, and JSON inside the line through json.ts): a
 * value's place in the line, its path, and how it is written there (its encoding, encoding.ts).
 */
import type { FieldPath } from '../../record/index.js';

/** How a value is written in the line, so a replacement can be written back the same way. */
export type KvEncoding =
  /** A bare `key: value` value: written back as is. */
  | 'plain'
  /** A bare logfmt value: written back as is, or quoted if the replacement has a space, `"` or `=`. */
  | 'logfmt'
  /** Inside double quotes, with backslash escapes (`\"`, `\\`, `\n`, `\r`, `\t`). */
  | 'quoted'
  /** Inside single quotes, with backslash escapes (`\'`, `\\`, `\n`, `\r`, `\t`). */
  | 'single'
  /** A bare value whose ends its notation fixes (an SQL number, a bound SQL value): written back as is. */
  | 'bare'
  /** An SQL string's content (sql.ts): `''` stands for `'`, and MySQL's backslash escapes. */
  | 'sql'
  /** A query-string value: %-encoded, `+` is a space. */
  | 'url'
  /** The content of a JSON string (JSON escapes). */
  | 'json'
  /** The raw text of a JSON number; a replacement that is not a number is written as a JSON string. */
  | 'number';

/** One value found in a line: [start, end) of its text in the line, its path, how it is written. */
export interface KvSpan {
  readonly start: number;
  readonly end: number;
  /** `[key]` for a pair; the JSON path inside the object for a value in embedded JSON. */
  readonly path: FieldPath;
  readonly encoding: KvEncoding;
  /**
   * An ASCII `key: value` pair with a bare key: prose, where the key is often the last word of a
   * phrase (`passport no: E55512345`, `Caused by: …`) and the words before it belong to the value.
   */
  readonly prose?: true;
  /**
   * A value whose place names it better than the words around it (an SQL value and its column: the
   * line around it holds the statement's other columns and values): always visited on its own.
   */
  readonly alone?: true;
  /**
   * A value whose ends its notation marks but whose field is not named (a bound SQL string whose
   * statement was not seen; its path is its position): the whole of it is one value (ScanPlace.whole).
   */
  readonly whole?: true;
}

export const NO_SPANS: readonly KvSpan[] = Object.freeze([]);
