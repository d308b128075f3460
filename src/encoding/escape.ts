/**
 * How what is not text travels through the UTF-8 stream between the decode and encode stages.
 *
 * The formats read and write UTF-8, and keep bytes that are not valid UTF-8 exactly as they came
 * without scanning into them (see utf8Stretches in formats/lines/blocks.ts). So whatever the decode
 * stage cannot turn into text is written as bytes that are never valid UTF-8, and the encode stage
 * turns them back:
 *
 * - a byte that does not decode in the input's encoding: [0xF8 + (b >> 6), 0x80 + (b & 0x3F)]. No
 *   UTF-8 sequence starts with 0xF8-0xFB, so this cannot be mistaken for text.
 * - a lone UTF-16 surrogate (valid in UTF-16 logs, not in UTF-8): its 3-byte WTF-8 form, ED A0-BF xx.
 *
 * Real text never produces either, so nothing can collide.
 */

const ESCAPE_LEAD = 0xf8;

/** The two bytes that carry an undecodable input byte through the UTF-8 stream. */
export function escapeByte(b: number): [number, number] {
  return [ESCAPE_LEAD + (b >> 6), 0x80 + (b & 0x3f)];
}

/** Lone surrogates: a high one not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A decoded string as UTF-8, with each lone surrogate as its WTF-8 bytes (Buffer.from would make
 * them U+FFFD, and the encode stage could not give the original code unit back).
 */
export function toWtf8(text: string): Buffer {
  const utf8 = Buffer.from(text, 'utf8');
  // Buffer.from writes a lone surrogate as U+FFFD (EF BF BD): only then look for one (fast in C++).
  if (utf8.indexOf(REPLACEMENT) < 0) return utf8;
  LONE_SURROGATE.lastIndex = 0;
  if (!LONE_SURROGATE.test(text)) return utf8;
  const parts: Buffer[] = [];
  let at = 0;
  LONE_SURROGATE.lastIndex = 0;
  for (const m of text.matchAll(LONE_SURROGATE)) {
    const u = text.charCodeAt(m.index);
    parts.push(Buffer.from(text.slice(at, m.index), 'utf8'), Buffer.from([0xed, 0xa0 | ((u >> 6) & 0x1f), 0x80 | (u & 0x3f)]));
    at = m.index + 1;
  }
  parts.push(Buffer.from(text.slice(at), 'utf8'));
  return Buffer.concat(parts);
}

const REPLACEMENT = Buffer.from('\ufffd', 'utf8');

/** What one escape in the stream stands for. */
export type Escaped = { readonly byte: number } | { readonly surrogate: string };

/**
 * The escape at `buf[i]` and its length, or null when the bytes there are neither an escaped byte
 * nor a WTF-8 surrogate (so they did not come from the decode stage).
 */
export function readEscape(buf: Buffer, i: number): { escaped: Escaped; length: number } | null {
  const b = buf[i];
  if (b >= ESCAPE_LEAD && b <= ESCAPE_LEAD + 3 && i + 1 < buf.length && (buf[i + 1] & 0xc0) === 0x80) {
    return { escaped: { byte: ((b - ESCAPE_LEAD) << 6) | (buf[i + 1] & 0x3f) }, length: 2 };
  }
  if (b === 0xed && i + 2 < buf.length && (buf[i + 1] & 0xe0) === 0xa0 && (buf[i + 2] & 0xc0) === 0x80) {
    const u = 0xd800 | ((buf[i + 1] & 0x1f) << 6) | (buf[i + 2] & 0x3f);
    return { escaped: { surrogate: String.fromCharCode(u) }, length: 3 };
  }
  return null;
}

/**
 * Where the complete sequences of a UTF-8 chunk end: an escape or a UTF-8 sequence cut by the end of
 * the chunk starts there, and waits for the next chunk.
 */
export function completeEnd(buf: Buffer): number {
  // The last byte that is not a continuation byte, within the longest sequence (4 bytes).
  for (let i = buf.length - 1; i >= 0 && i >= buf.length - 4; i--) {
    const b = buf[i];
    if ((b & 0xc0) === 0x80) continue;
    const need = b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < ESCAPE_LEAD ? 4 : b <= ESCAPE_LEAD + 3 ? 2 : 1;
    return i + need > buf.length ? i : buf.length;
  }
  return buf.length;
}
