/**
 * Where a JSON document may be cut into batches of whole records: just after a comma between two
 * elements of a top-level array. A byte scanner (strings, escapes, nesting depth; no values read) that
 * the worker pool runs in the main thread; the workers parse (JsonRewriter, resumed after the comma).
 *
 * It decides nothing about validity: on a valid prefix of JSON its depth and string state are the
 * parser's, so a cut lies where the parser, reading from the start, would be just after that comma;
 * on input that is not JSON the parser fails in the batch where one thread would, before any later
 * cut matters. After the top-level array closes (or when the document is not an array) it cuts no more.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

const START = 0;
const ARRAY = 1;
const DONE = 2;

export class JsonArrayCuts {
  private phase = START;
  private offset = 0;
  private depth = 0;
  private inString = false;
  /** Inside a string, just after an odd number of backslashes. */
  private escaped = false;
  /** Commas between top-level elements so far. */
  private commas = 0;
  /** False once the document is known not to begin with `[` (after a BOM and whitespace). */
  array = true;
  /** The number of commas before the last cut `scan` found. */
  commasAtCut = 0;

  /** Scans the next chunk: the offset in it just after the last comma between top-level elements, or -1. */
  scan(chunk: Buffer): number {
    let cut = -1;
    let i = 0;
    const n = chunk.length;
    if (this.phase === START) i = this.skipPrefix(chunk);
    if (this.phase !== ARRAY) {
      this.offset += n;
      return -1;
    }
    let depth = this.depth;
    while (i < n) {
      if (this.inString) {
        const k = chunk.indexOf(QUOTE, i);
        if (k < 0) {
          this.escaped = oddBackslashesBefore(chunk, i, n, this.escaped);
          i = n;
          break;
        }
        if (oddBackslashesBefore(chunk, i, k, this.escaped)) {
          this.escaped = false;
          i = k + 1;
          continue;
        }
        this.inString = false;
        this.escaped = false;
        i = k + 1;
        continue;
      }
      const c = chunk[i++];
      if (c === QUOTE) this.inString = true;
      else if (c === COMMA) {
        if (depth === 1) {
          this.commas++;
          cut = i;
          this.commasAtCut = this.commas;
        }
      } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) depth++;
      else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
        if (--depth === 0) {
          this.phase = DONE;
          break;
        }
      }
    }
    this.depth = depth;
    this.offset += n;
    return cut;
  }

  /** Before the document: a BOM at the input's first byte, whitespace, then `[` or not an array. */
  private skipPrefix(chunk: Buffer): number {
    let i = 0;
    if (this.offset === 0 && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    for (; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
      if (c === OPEN_ARRAY) {
        this.phase = ARRAY;
        this.depth = 1;
        return i + 1;
      }
      this.phase = DONE;
      this.array = false;
      return chunk.length;
    }
    return chunk.length;
  }
}

/**
 * Whether the quote at `k` is escaped: an odd number of backslashes right before it, counting
 * those before `from` (the chunk's or stretch's start) as `carried` says.
 */
function oddBackslashesBefore(chunk: Buffer, from: number, k: number, carried: boolean): boolean {
  let j = k - 1;
  while (j >= from && chunk[j] === BACKSLASH) j--;
  const run = k - 1 - j;
  return j < from ? (run % 2 === 1) !== carried : run % 2 === 1;
}
