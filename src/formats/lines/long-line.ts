import { isUtf8 } from 'node:buffer';
import { LogveilError } from '../../errors.js';
import { utf8Stretches } from '../../encoding/utf8-stretches.js';
import type { TextWindow } from '../../record/index.js';

/**
 * A line too long to hold whole, read in windows (issue 13: memory must not grow with a line). Held
 * whole, a line costs about fourteen times its size while it is mapped (a 60 MB line peaked at
 * 850 MB RSS); so a line longer than `threshold` bytes is not held: its bytes come in as they are
 * read, and it goes out piece by piece, each piece scanned as plain text inside a window with
 * MARGIN chars of the line on each side (TextWindow; ValueVisitor.visitWindow replaces what starts
 * in the piece). What a value and its context words look like near a cut is then what they look like
 * in the whole line, so a value that straddles a cut is found whole, by the piece it starts in, and
 * replaced once; the next piece starts where it ends. Memory: one piece and its margins, whatever
 * the line's length.
 *
 * What is lost: the line's structure. Key-value pairs, JSON and SQL in it (the text format's
 * visitLine, NDJSON's parse) are not read, so field rules do not apply there; the line's values are
 * found as the scanner finds them in free text. Whoever scans the first window warns once per line.
 *
 * Bytes that are not valid UTF-8 are kept as they are and end a stretch, as in a line held whole
 * (encoding/utf8-stretches.ts): each valid stretch is scanned on its own. A `\r` before the line's end
 * is its terminator's, not scanned, as LineBlockMapper reads a line.
 */

/** How long a line may be before it is read in windows, and how long a piece is. */
export interface LongLineSizes {
  /** Bytes: a longer line is read in windows (smaller in tests, to keep them fast). */
  readonly threshold: number;
  /** Chars (UTF-16 units) per piece. */
  readonly piece: number;
}

/**
 * 1 MiB. Measured (2026-12-04, 2 shared vCPUs, `anonymize`, files of lines of one size from the bench
 * corpus, held whole as before): lines of 0.25 / 0.5 / 1 / 2 / 4 MB peaked at 147 / 155 / 205 / 234 /
 * 293 MB RSS with `--threads 1` and 259 / 319 / 344 / 443 / 582 MB with `--threads 2` (V8 collects the
 * large strings of a long line late), against 118 and 193 MB for short lines. Lower keeps more lines'
 * structure from being read (field rules for their pairs and JSON); the bench corpus's longest line is
 * 378 bytes, so its output is unchanged.
 *
 * 64 Ki chars a piece: a window (piece and margins) of an ASCII line stays a string small enough for
 * V8's young generation, collected at once; 1 Mi-char pieces peaked 100 MB higher with two threads
 * (335 against 228 MB on a 60 MB line) for no measurable gain in speed on this machine. The margins
 * rescan 2 x MARGIN chars a piece (6%).
 */
export const LONG_LINE_SIZES: LongLineSizes = { threshold: 1 << 20, piece: 64 << 10 };

/**
 * Chars of the line a window shows on each side of its piece. What the scanner reads around a value is
 * far less: a value is at most 128 chars (defineDetector's maxLen bound), a context word counts up to
 * 32 chars before it (CONTEXT_WINDOW), an anchor 16 chars, a Message-ID at most 256. Only the chars of
 * a `References:` thread of many ids reach further back (64 x 256): past the margin, its later ids are
 * scanned as text (more is replaced, nothing missed).
 */
export const MARGIN = 2048;

/** What to do next with a long line: write bytes as they are, or scan a window and write its piece. */
export type LongLineStep =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  | { readonly kind: 'window'; readonly window: TextWindow; readonly first: boolean };

const CR = '\r';
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The one warning for a long line: file and line number, never its content. */
export function longLineWarning(source: string, record: number, sizes: LongLineSizes): string {
  const mib = sizes.threshold >= 1 << 20 ? `${sizes.threshold / (1 << 20)} MiB` : `${sizes.threshold} bytes`;
  return `${source}:${record + 1}: a line longer than ${mib}, scanned in pieces as plain text (key-value pairs, JSON and SQL in it not read as such)`;
}

/**
 * One long line: its bytes in order (`add`, then `end`), and out of `next` the steps that write it, in
 * order. A window step waits for `wrote(end)`, where its piece ended, before the next step.
 */
export class LongLine {
  /** The current stretch's chars still needed: [0, from) are written (the next window's context), [from, …) are not. */
  private text = '';
  private from = 0;
  /** Chars of the stretch before text[0]. */
  private offset = 0;
  /** After the current stretch: bytes that are not UTF-8 and the stretches after them (strings), in order. */
  private readonly later: Array<string | Buffer> = [];
  /** The start of a UTF-8 sequence the bytes so far end in the middle of. */
  private carry: Buffer | null = null;
  private ended = false;
  private first = true;
  /** The window handed out and not yet written: its start in `text`. */
  private windowStart = -1;

  constructor(
    /** The line's 0-based number. */
    readonly record: number,
    private readonly sizes: LongLineSizes = LONG_LINE_SIZES,
  ) {}

  /** More of the line's bytes (without its `\n`). */
  add(bytes: Buffer): void {
    if (this.ended) throw new LogveilError('LV_FORMAT', 'a long line was given bytes after its end');
    let buf = this.carry === null ? bytes : Buffer.concat([this.carry, bytes]);
    this.carry = null;
    const whole = completeLength(buf);
    if (whole < buf.length) {
      this.carry = Buffer.from(buf.subarray(whole)); // a copy: 1 to 3 bytes, not the chunk they came in
      buf = buf.subarray(0, whole);
    }
    if (isUtf8(buf)) return this.addText(buf.toString('utf8'));
    for (const [start, end, valid] of utf8Stretches(buf)) {
      if (valid) this.addText(buf.toString('utf8', start, end));
      else this.later.push(Buffer.from(buf.subarray(start, end)));
    }
  }

  /** The line ends, with a `\n` or (at the end of the input) without. */
  end(newline: boolean): void {
    if (this.carry !== null) this.later.push(this.carry); // a sequence cut short by the line's end: not UTF-8
    this.carry = null;
    this.ended = true;
    // A `\r` before the end is the terminator's: kept out of the scan, as LineBlockMapper keeps it.
    // (The last MARGIN chars of a stretch are never written before it ends, so it is still here.)
    let cr = false;
    const n = this.later.length;
    if (n > 0) {
      const last = this.later[n - 1];
      if (typeof last === 'string' && last.endsWith(CR)) {
        this.later[n - 1] = last.slice(0, -1);
        cr = true;
      }
    } else if (this.text.length > this.from && this.text.endsWith(CR)) {
      this.text = this.text.slice(0, -1);
      cr = true;
    }
    const terminator = (cr ? CR : '') + (newline ? '\n' : '');
    if (terminator) this.later.push(Buffer.from(terminator, 'latin1'));
  }

  /** The next step, or null when it needs more bytes (or, after `end`, when the line is written). */
  next(): LongLineStep | null {
    if (this.windowStart >= 0) throw new LogveilError('LV_FORMAT', 'a long line window was not written before the next');
    for (;;) {
      const pending = this.text.length - this.from;
      const stretchDone = this.later.length > 0 || this.ended;
      if (pending >= this.sizes.piece + MARGIN || (stretchDone && pending > 0)) return this.window();
      if (!stretchDone) return null;
      // The stretch is written: on to what follows it.
      const item = this.later.shift();
      if (item === undefined) return null;
      this.text = '';
      this.from = this.offset = 0;
      if (typeof item !== 'string') return { kind: 'bytes', bytes: item };
      this.text = item;
    }
  }

  /** The window handed out last was written up to `end` (in its text): the next piece starts there. */
  wrote(end: number): void {
    const start = this.windowStart;
    this.windowStart = -1;
    const at = start + end;
    if (start < 0 || at <= this.from || at > this.text.length) {
      throw new LogveilError('LV_FORMAT', `line ${this.record + 1}: a long line's piece was written to a place outside its window`);
    }
    this.from = at;
    // Keep MARGIN chars before it as the next window's context; let the rest go.
    let keep = Math.max(0, at - MARGIN);
    if (keep > 0 && isLow(this.text.charCodeAt(keep))) keep--;
    if (keep > 0) {
      this.text = this.text.slice(keep);
      this.offset += keep;
      this.from -= keep;
    }
  }

  private addText(s: string): void {
    if (s.length === 0) return;
    const n = this.later.length;
    if (n === 0) this.text += s;
    else if (typeof this.later[n - 1] === 'string') this.later[n - 1] += s;
    else this.later.push(s);
  }

  /** The next piece with its margins; no cut falls inside a surrogate pair. */
  private window(): LongLineStep {
    const text = this.text;
    const from = this.from;
    let to = Math.min(text.length, from + this.sizes.piece);
    if (to < text.length && isHigh(text.charCodeAt(to - 1))) to++;
    let start = Math.max(0, from - MARGIN);
    if (start > 0 && isLow(text.charCodeAt(start))) start--;
    let end = Math.min(text.length, to + MARGIN);
    if (end < text.length && isHigh(text.charCodeAt(end - 1))) end++;
    this.windowStart = start;
    const first = this.first;
    this.first = false;
    return { kind: 'window', first, window: { text: text.slice(start, end), from: from - start, to: to - start, offset: this.offset + start } };
  }
}

/**
 * How many bytes of `buf` end on a whole UTF-8 sequence: a lead byte in the last three whose sequence
 * needs more bytes than are there is held back for the next bytes (whether it is valid is decided
 * then, as it would be with the line whole).
 */
function completeLength(buf: Buffer): number {
  const n = buf.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = buf[n - k];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    return need > k ? n - k : n;
  }
  return n;
}
