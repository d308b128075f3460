import iconv from 'iconv-lite';
import { escapeByte, toWtf8 } from './escape.js';

/**
 * Bytes in some encoding in, UTF-8 out, losing nothing: iconv-lite turns bytes that do not decode
 * into U+FFFD (or drops an odd final byte of UTF-16), so each chunk's text is checked by encoding it
 * again. When that gives the input back (the common case), nothing was lost; otherwise the text is
 * lined up with the bytes piece by piece, and each byte that does not come back is carried as an
 * escape (escape.ts) that the encoder writes back as that byte.
 */
export class LosslessDecoder {
  /** The start of a sequence cut by the end of the last chunk, decoded with the next one. */
  private pending: Buffer = Buffer.alloc(0);
  private replacementBytes: Buffer | null | undefined;

  constructor(private readonly encoding: iconv.Encoding) {}

  /** UTF-8 for as much of the input as is complete; the rest waits for the next chunk. */
  write(chunk: Buffer): Buffer {
    return this.decode(this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk, false);
  }

  /** UTF-8 for whatever is left at the end of the input. */
  end(): Buffer {
    return this.pending.length ? this.decode(this.pending, true) : Buffer.alloc(0);
  }

  private decode(all: Buffer, final: boolean): Buffer {
    const text = this.text(all, final);
    const encoded = iconv.encode(text, this.encoding);
    const rest = all.length - encoded.length;
    if (rest >= 0 && rest <= (final ? 0 : MAX_HELD) && all.compare(encoded, 0, encoded.length, 0, encoded.length) === 0) {
      this.pending = Buffer.from(all.subarray(encoded.length));
      return toWtf8(text);
    }
    return this.align(all, final);
  }

  /** The text of `bytes`, with a fresh decoder (no state carried over from other bytes). */
  private text(bytes: Buffer, final: boolean): string {
    const decoder = iconv.getDecoder(this.encoding, { stripBOM: false });
    const text = decoder.write(bytes);
    if (final) return text + (decoder.end() ?? '');
    // A high surrogate at the end may be the first half of a pair cut by the chunk: wait for the rest.
    return isHigh(text.charCodeAt(text.length - 1)) ? text.slice(0, -1) : text;
  }

  /**
   * Line the text up with the bytes: decode a window, keep each piece whose encoding is the bytes
   * at that place, and escape the first byte that is not given back, then decode again after it.
   * Windows grow while all goes well and start small after a bad byte, so dense bad bytes do not
   * make each one re-decode a whole chunk.
   */
  private align(all: Buffer, final: boolean): Buffer {
    const out: Buffer[] = [];
    let pos = 0;
    let window = MIN_WINDOW;
    while (pos < all.length) {
      const end = Math.min(all.length, pos + window);
      const atEnd = end === all.length;
      const start = pos;
      const taken = this.take(this.text(all.subarray(pos, end), final && atEnd), all, pos, end, out);
      pos = taken.pos;
      if (taken.complete) {
        if (pos > start) {
          window = Math.min(window * 2, MAX_WINDOW);
          continue;
        }
        // Nothing decoded: the start of a sequence that the next chunk may complete.
        if (atEnd && !final && all.length - pos <= MAX_HELD) break;
      }
      if (pos === all.length) break; // text left over with no bytes for it: every byte is accounted for
      out.push(Buffer.from(escapeByte(all[pos])));
      pos++;
      window = MIN_WINDOW;
    }
    this.pending = Buffer.from(all.subarray(pos));
    return Buffer.concat(out);
  }

  /**
   * Take the pieces of `text` whose encoding is the bytes from `pos`, and put their UTF-8 in `out`.
   * A U+FFFD that is not the encoding of U+FFFD stands for one byte the decoder skipped (iconv-lite
   * skips one byte and goes on): that byte is escaped, and the text after it lines up with the bytes
   * after it. `complete` when all of the text was taken; `pos` is where the bytes not taken start.
   */
  private take(text: string, all: Buffer, pos: number, end: number, out: Buffer[]): { pos: number; complete: boolean } {
    let i = 0;
    while (i < text.length) {
      const fffd = text.indexOf(REPLACEMENT_CHAR, i);
      const stop = fffd < 0 ? text.length : fffd;
      const taken = this.takeText(text, i, stop, all, pos, end, out);
      pos = taken.pos;
      if (taken.i < stop) return { pos, complete: false };
      i = stop;
      if (fffd < 0) break;
      const real = this.replacement();
      if (real !== null && matchesAt(all, pos, end, real)) {
        out.push(REPLACEMENT_UTF8);
        pos += real.length;
      } else {
        if (pos >= end) return { pos, complete: false };
        out.push(Buffer.from(escapeByte(all[pos])));
          pos++;
      }
      i++;
    }
    return { pos, complete: true };
  }

  /** takeText for text[i, stop): in blocks, then char by char in the block that does not match. */
  private takeText(text: string, i: number, stop: number, all: Buffer, pos: number, end: number, out: Buffer[]): { i: number; pos: number } {
    while (i < stop) {
      let j = Math.min(stop, i + BLOCK);
      if (j < stop && isHigh(text.charCodeAt(j - 1))) j--;
      const block = text.slice(i, j);
      const bytes = iconv.encode(block, this.encoding);
      if (matchesAt(all, pos, end, bytes)) {
        out.push(toWtf8(block));
        pos += bytes.length;
        i = j;
        continue;
      }
      while (i < j) {
        const n = isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
        const char = text.slice(i, i + n);
        const charBytes = iconv.encode(char, this.encoding);
        if (charBytes.length === 0 || !matchesAt(all, pos, end, charBytes)) return { i, pos };
        out.push(toWtf8(char));
        pos += charBytes.length;
        i += n;
      }
    }
    return { i, pos };
  }

  /** The bytes of U+FFFD in this encoding, or null if it has none (GBK writes '?'). */
  private replacement(): Buffer | null {
    if (this.replacementBytes === undefined) {
      const bytes = iconv.encode(REPLACEMENT_CHAR, this.encoding);
      this.replacementBytes = iconv.decode(bytes, this.encoding, { stripBOM: false }) === REPLACEMENT_CHAR ? bytes : null;
    }
    return this.replacementBytes;
  }
}

const REPLACEMENT_CHAR = '\ufffd';
const REPLACEMENT_UTF8 = Buffer.from(REPLACEMENT_CHAR, 'utf8');

/** More bytes than any encoding leaves unfinished at the end of a chunk (4 for GB18030). */
const MAX_HELD = 16;
/** Bytes decoded at a time while lining up, at first and at most. */
const MIN_WINDOW = 64;
const MAX_WINDOW = 64 * 1024;
/** Chars encoded at a time while lining up, before going char by char. */
const BLOCK = 256;

function matchesAt(all: Buffer, pos: number, end: number, bytes: Buffer): boolean {
  return pos + bytes.length <= end && all.compare(bytes, 0, bytes.length, pos, pos + bytes.length) === 0;
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;
