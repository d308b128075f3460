/**
 * The contract between a format and what is done with the values it finds: the format walks a
 * record and calls a ValueVisitor for every string with its Place; the visitor answers with the
 * replacement. The two standard visitors (anonymize, scan) sit beside the anonymizer (src/visitors.ts).
 */
import type { FieldPath } from './path.js';

/** Returned by a visitor for a value whose field a rule drops (the key or the column's value goes). */
export const DROP: unique symbol = Symbol('logveil.drop');
export type Visited = string | typeof DROP;

/** Where a value sits: its record (0-based line, row or array element) and its path in the record. */
export interface Place {
  readonly record: number;
  /** JSON keys and indexes from the record's root, `[column]` for CSV, `[key]` in a text line, `[]` for a whole line. */
  readonly path: FieldPath;
  /**
   * The value is one whole value of a field the path does not name (a bound SQL string whose
   * statement was not seen, at its position `[4]`): its notation marks its ends, as a CSV cell's.
   */
  readonly whole?: boolean;
}

/**
 * What a format calls for every string it finds (and for the raw text of every JSON number). A format
 * knows bytes and structure; the visitor knows what to do with a value (anonymize it, report it).
 */
export interface ValueVisitor {
  /**
   * The value's replacement: the very same string when nothing changes, or DROP. A format may reuse
   * one Place object across calls: a visitor must not keep it after returning.
   */
  visit(value: string, place: Place): Visited;
  /**
   * Whether a field rule decides the value at `path` (keep, drop, as TYPE) rather than it being
   * scanned. Text lines ask, to visit such values alone and leave the rest of the line to the scanner.
   */
  decides?(path: FieldPath): boolean;
  /**
   * Whether the field at `path` holds several words (a person's name, an address), so that a bare
   * text value (`name=Zhang San`) runs on over the capitalized words after it (see visitLine).
   */
  holdsWords?(path: FieldPath): boolean;
  /**
   * How much of a bare text value that ran on over groups of a number (`card=4111 1111 1111 1111
   * 200`) is the field's value: the end of its last finding when groups with none follow it (the
   * status `200` is the line's, not the card's), else its length. Text lines ask before visiting such
   * a value alone, so that what follows the value is neither replaced with it nor quoted into it.
   */
  valueEnd?(value: string, path: FieldPath): number;
  /**
   * A line too long to hold whole is scanned in windows as plain text (formats/lines/long-line.ts):
   * scan all of `window.text`, replace only what starts in the piece [from, to), and answer with the
   * piece's text so replaced, from `from` to `end` (`to`, or the end of a value that starts in the
   * piece and runs past it; the next piece starts there). A visitor without it gets such a line whole.
   */
  visitWindow?(window: TextWindow, place: Place): WindowVisited;
}

/** A window of a long line: context, the piece [from, to), context (offsets in UTF-16 units of `text`). */
export interface TextWindow {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  /** Chars of the line (of its stretch of valid UTF-8) before `text`: reports give offsets in the line. */
  readonly offset: number;
}

/** What a visitor gives for a window: the piece's text with its values replaced, and where it ends in `text`. */
export interface WindowVisited {
  readonly text: string;
  readonly end: number;
}
