import { isUtf8 } from 'node:buffer';
import { LogveilError } from '../../errors.js';
import { mapUtf8Stretches } from '../../encoding/utf8-stretches.js';

/**
 * The two halves of reading a line-based log: cutting bytes into blocks of whole lines (LineBlocks),
 * and mapping a block line by line (LineBlockMapper). TextLineTransform does both in turn; the worker
 * pool cuts in the main thread and maps in workers, with the same results byte for byte. A line too
 * long to hold is given apart, as it comes, and read in windows (long-line.ts).
 */

/**
 * The mapping of one line of a line-based log (text, NDJSON), given its 0-based number. The line is
 * what lies between `\n`s, without a trailing `\r`; terminators, a missing final newline and bytes
 * that are not valid UTF-8 come out exactly as they went in. A line the mapper returns unchanged is
 * written as its original bytes.
 */
export type LineMapper = (line: string, index: number) => string;

const LF = 0x0a;
const CR = 0x0d;

/**
 * What LineBlocks gives: blocks of complete lines, or the bytes of a line too long to hold, in order
 * (long-line.ts reads it in windows): without its `\n`, and with how it goes on (`more` bytes follow;
 * it ends at a `newline`, or at the end of the `input`).
 */
export type LinePart =
  | { readonly kind: 'lines'; readonly bytes: Buffer }
  | { readonly kind: 'long'; readonly bytes: Buffer; readonly end: 'more' | 'newline' | 'input' };

/**
 * Bytes in, blocks of complete lines out; the start of an unfinished line is held until it ends. A
 * line longer than `longLine` bytes is not held: it is given as it comes, in `long` parts. Without
 * `longLine`, a line is held up to `maxLine` bytes, and a longer one fails the input.
 */
export class LineBlocks {
  /** The start of the line being read, in the chunks it came in. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** A long line is being given: the bytes up to the next `\n` are its. */
  private inLong = false;
  private readonly threshold: number;

  constructor(
    /** For the message when a line is too long to hold. */
    private readonly source: string,
    /** The longest line held in memory when long lines are not read in windows: a longer one fails the file. */
    private readonly maxLine: number,
    /** The 0-based number of the line being held, for that message. */
    private readonly lineNumber: () => number,
    /** Lines longer than this (bytes) are given in `long` parts; null: held up to maxLine. */
    longLine: number | null = null,
  ) {
    this.threshold = longLine ?? Infinity;
  }

  /** The parts this chunk ends or continues, in order (none when it only extends a held line). */
  cut(chunk: Buffer): LinePart[] {
    const parts: LinePart[] = [];
    if (this.inLong) {
      const lf = chunk.indexOf(LF);
      if (lf < 0) {
        parts.push({ kind: 'long', bytes: chunk, end: 'more' });
        return parts;
      }
      parts.push({ kind: 'long', bytes: chunk.subarray(0, lf), end: 'newline' });
      this.inLong = false;
      chunk = chunk.subarray(lf + 1);
    }
    if (this.heldBytes + chunk.length <= this.threshold) this.cutShort(chunk, parts);
    else this.cutLong(chunk, parts);
    return parts;
  }

  /** At the end of the input: the last line if it has no `\n` (or the end of a long one). */
  rest(): LinePart[] {
    if (this.inLong) {
      this.inLong = false;
      return [{ kind: 'long', bytes: Buffer.alloc(0), end: 'input' }];
    }
    const rest = this.heldBytes > 0 ? Buffer.concat(this.held) : null;
    this.held = [];
    this.heldBytes = 0;
    return rest === null ? [] : [{ kind: 'lines', bytes: rest }];
  }

  /** No line here is long (the chunk and what is held are not): complete lines, the rest held. */
  private cutShort(chunk: Buffer, parts: LinePart[]): void {
    const lastLf = chunk.lastIndexOf(LF);
    if (lastLf < 0) {
      // No line ends here: hold the chunk (joined once, when the line ends, not on every chunk).
      this.hold(chunk);
      return;
    }
    this.lines(chunk, 0, lastLf + 1, parts);
    if (lastLf + 1 < chunk.length) this.hold(chunk.subarray(lastLf + 1));
  }

  /** Some line here may be long: line by line, each long one given as its bytes. */
  private cutLong(chunk: Buffer, parts: LinePart[]): void {
    let blockStart = 0; // the first complete line not yet given
    let at = 0; // the line being looked at
    while (at < chunk.length) {
      const lf = chunk.indexOf(LF, at);
      const lineEnd = lf < 0 ? chunk.length : lf;
      const lineBytes = (at === 0 ? this.heldBytes : 0) + lineEnd - at;
      if (lineBytes > this.threshold) {
        if (at > blockStart) this.lines(chunk, blockStart, at, parts);
        else if (at === 0) this.heldAsLong(parts);
        if (lf < 0) {
          parts.push({ kind: 'long', bytes: chunk.subarray(at), end: 'more' });
          this.inLong = true;
          return;
        }
        parts.push({ kind: 'long', bytes: chunk.subarray(at, lf), end: 'newline' });
        blockStart = lf + 1;
      } else if (lf < 0) {
        break;
      }
      at = lf + 1;
    }
    if (at > blockStart) this.lines(chunk, blockStart, at, parts);
    if (at < chunk.length) this.hold(chunk.subarray(at));
  }

  /** Complete lines chunk[from, to), after what is held when there is any (then from is 0). */
  private lines(chunk: Buffer, from: number, to: number, parts: LinePart[]): void {
    const head = chunk.subarray(from, to);
    const block = this.held.length ? Buffer.concat([...this.held, head]) : head;
    this.held = [];
    this.heldBytes = 0;
    if (block.length) parts.push({ kind: 'lines', bytes: block });
  }

  /** The held start of a line that turned out long: given as its first bytes. */
  private heldAsLong(parts: LinePart[]): void {
    for (const bytes of this.held) parts.push({ kind: 'long', bytes, end: 'more' });
    this.held = [];
    this.heldBytes = 0;
  }

  /** The start of a line that is not long (so far): held until it ends. */
  private hold(bytes: Buffer): void {
    this.held.push(bytes);
    this.heldBytes += bytes.length;
    if (this.heldBytes > this.maxLine) {
      throw new LogveilError(
        'LV_FORMAT',
        `${this.source}:${this.lineNumber() + 1}: a line longer than ${this.maxLine >> 20} MiB (not split, so not scanned)`,
      );
    }
  }
}

/** How many lines a block of complete lines holds (the last one may lack its `\n` at end of input). */
export function countLines(block: Buffer): number {
  let n = 0;
  for (let at = block.indexOf(LF); at >= 0; at = block.indexOf(LF, at + 1)) n++;
  return block.length > 0 && block[block.length - 1] !== LF ? n + 1 : n;
}

/** Maps the lines of blocks in order; `index` is the 0-based number of the next line. */
export class LineBlockMapper {
  constructor(
    private readonly mapLine: LineMapper,
    public index = 0,
  ) {}

  /** Complete lines (the last one may lack its `\n` at end of input). */
  map(block: Buffer): Buffer {
    if (isUtf8(block)) return this.mapText(block);
    // Some line holds invalid UTF-8: go line by line so valid lines still round-trip exactly.
    const parts: Buffer[] = [];
    let at = 0;
    while (at < block.length) {
      let nl = block.indexOf(LF, at);
      nl = nl < 0 ? block.length : nl + 1;
      parts.push(this.mapLineBytes(block.subarray(at, nl)));
      at = nl;
    }
    return Buffer.concat(parts);
  }

  /**
   * A block of valid UTF-8, decoded once and split in the string. What comes out is the block's own
   * bytes but for the lines that changed, each encoded on its own: the same bytes as encoding the
   * whole mapped text (a line ends before a `\r` or `\n`, so no surrogate pair spans two pieces),
   * without joining the text or encoding its unchanged lines again. The byte offsets follow the
   * char offsets line by line (every `\n` is one byte); an ASCII block's are the same.
   */
  private mapText(block: Buffer): Buffer {
    const text = block.toString('utf8');
    const ascii = text.length === block.length;
    let parts: Buffer[] | null = null;
    let piece = 0; // the first byte not yet in parts
    let at = 0; // the line's first char
    let byteAt = 0; // and its first byte
    while (at < text.length) {
      let nl = text.indexOf('\n', at);
      const next = nl < 0 ? text.length : nl + 1;
      if (nl < 0) nl = text.length;
      const end = nl > at && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const line = text.slice(at, end);
      const mapped = this.mapLine(line, this.index++);
      let byteNext = next;
      if (!ascii) {
        const lf = block.indexOf(LF, byteAt);
        byteNext = lf < 0 ? block.length : lf + 1;
      }
      if (mapped !== line) {
        (parts ??= []).push(block.subarray(piece, byteAt), Buffer.from(mapped, 'utf8'));
        piece = byteNext - (next - end); // the terminator's bytes (`\r\n`, `\n`, none) are its chars
      }
      at = next;
      byteAt = byteNext;
    }
    if (parts === null) return block;
    parts.push(block.subarray(piece));
    return Buffer.concat(parts);
  }

  /** One line with invalid UTF-8: scan each valid stretch on its own, keep invalid bytes as they are. */
  private mapLineBytes(line: Buffer): Buffer {
    let end = line.length;
    if (end && line[end - 1] === LF) end--;
    if (end && line[end - 1] === CR) end--;
    const body = line.subarray(0, end);
    const index = this.index++;
    const mapped = mapUtf8Stretches<never>(body, (text) => this.mapLine(text, index));
    return mapped === null ? line : Buffer.concat([mapped, line.subarray(end)]);
  }
}
