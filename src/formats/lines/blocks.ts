import { isUtf8 } from 'node:buffer';
import { LogveilError } from '../../errors.js';
import { mapUtf8Stretches } from '../../encoding/utf8-stretches.js';

/**
 * The two halves of reading a line-based log: cutting bytes into blocks of whole lines (LineBlocks),
 * and mapping a block line by line (LineBlockMapper). TextLineTransform does both in turn; the worker
 * pool cuts in the main thread and maps in workers, with the same results byte for byte.
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

/** Bytes in, blocks of complete lines out; the start of an unfinished line is held until it ends. */
export class LineBlocks {
  /** The start of the line being read, in the chunks it came in. */
  private held: Buffer[] = [];
  private heldBytes = 0;

  constructor(
    /** For the message when a line is too long to hold. */
    private readonly source: string,
    /** The longest line held in memory: a longer one fails the file (fail closed, memory bounded). */
    private readonly maxLine: number,
    /** The 0-based number of the line being held, for that message. */
    private readonly lineNumber: () => number,
  ) {}

  /** The complete lines this chunk ends (with any held start), or null when it ends none. */
  cut(chunk: Buffer): Buffer | null {
    const lastLf = chunk.lastIndexOf(LF);
    if (lastLf < 0) {
      // No line ends here: hold the chunk (joined once, when the line ends, not on every chunk).
      this.held.push(chunk);
      this.heldBytes += chunk.length;
      if (this.heldBytes > this.maxLine) {
        throw new LogveilError(
          'LV_FORMAT',
          `${this.source}:${this.lineNumber() + 1}: a line longer than ${this.maxLine >> 20} MiB (not split, so not scanned)`,
        );
      }
      return null;
    }
    const head = chunk.subarray(0, lastLf + 1);
    const block = this.held.length ? Buffer.concat([...this.held, head]) : head;
    this.held = lastLf + 1 < chunk.length ? [chunk.subarray(lastLf + 1)] : [];
    this.heldBytes = chunk.length - lastLf - 1;
    return block;
  }

  /** At the end of the input: the last line if it has no `\n`, else null. */
  rest(): Buffer | null {
    const rest = this.heldBytes > 0 ? Buffer.concat(this.held) : null;
    this.held = [];
    this.heldBytes = 0;
    return rest;
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
