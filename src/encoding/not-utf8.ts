import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { utf8Stretches } from './utf8-stretches.js';

/**
 * Telling a file that is not UTF-8 (a GBK log read without `--encoding`) from a UTF-8 file with a
 * stray bad byte, on its first bytes. The first is worth a warning: its text is kept as bytes but not
 * read, so nothing in it is found. The second is normal in logs and is not.
 */

/** Fewest invalid sequences that make "many": a few stray bytes in a big UTF-8 log do not. */
const MIN_INVALID_SEQUENCES = 4;
/** ...and at least this share of the bytes that are not ASCII are not valid UTF-8. */
const MIN_INVALID_SHARE = 1 / 4;
/** Bytes judged: the first chunk of a file holds this much. */
const SAMPLE = 64 * 1024;

export interface NotUtf8 {
  /** Where the sample starts in the input (0: its first bytes). */
  readonly from: number;
  /** Invalid UTF-8 sequences in the sample. */
  readonly invalidSequences: number;
  /** Bytes judged. */
  readonly sampled: number;
  /** The iconv-lite name of the encoding the sample is most probably in, if chardet can tell. */
  readonly likely: string | null;
}

/**
 * Whether `head` (the first bytes of an input, or the bytes from `from` on) has many invalid UTF-8
 * sequences, and then which encoding it probably is. Null for UTF-8, or a few stray bytes.
 */
export function judgeNotUtf8(head: Buffer, from = 0): NotUtf8 | null {
  const sample = head.subarray(0, SAMPLE);
  if (isUtf8(sample) || clearlyUtf8(sample)) return null;
  let invalidSequences = 0;
  let invalidBytes = 0;
  for (const [start, end, valid] of utf8Stretches(sample)) {
    if (valid) continue;
    invalidSequences++;
    invalidBytes += end - start;
  }
  let nonAscii = 0;
  for (const b of sample) if (b >= 0x80) nonAscii++;
  if (invalidSequences < MIN_INVALID_SEQUENCES || invalidBytes < nonAscii * MIN_INVALID_SHARE) return null;
  return { from, invalidSequences, sampled: sample.length, likely: likelyEncoding(sample) };
}

/**
 * True when even the most the sample could hold is too few invalid sequences, found by the native
 * decoder, so that a UTF-8 log with a stray byte in every chunk is not walked byte by byte in
 * JavaScript. Each invalid sequence decodes to one U+FFFD or more, and each U+FFFD stands for at most
 * 3 bytes; ASCII bytes, and only they, decode to ASCII chars.
 */
function clearlyUtf8(sample: Buffer): boolean {
  const text = sample.toString('utf8');
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replacements++;
  if (replacements < MIN_INVALID_SEQUENCES) return true;
  let ascii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x80) ascii++;
  return replacements * 3 < (sample.length - ascii) * MIN_INVALID_SHARE;
}

/** chardet's best guess, as a name iconv-lite (so `--encoding`) knows; never UTF-8 here. */
function likelyEncoding(sample: Buffer): string | null {
  const name = chardet.detect(sample)?.toLowerCase() ?? null;
  if (name === null || /^utf-?8$/.test(name) || !iconv.encodingExists(name)) return null;
  return name;
}

/**
 * What to tell about an input that does not look like UTF-8: its name, how much looked wrong, the
 * encoding it probably is and the option that reads it. Never any of its bytes.
 */
export function notUtf8Message(source: string, n: NotUtf8): string {
  const where = n.from === 0 ? `its first ${n.sampled} bytes` : `${n.sampled} bytes from byte ${n.from.toLocaleString('en-US')}`;
  const what = `${source}: not UTF-8 (${n.invalidSequences} invalid sequences in ${where})`;
  return n.likely
    ? `${what}, probably ${n.likely}: pass --encoding ${n.likely} to read it`
    : `${what}: pass its encoding to read it, e.g. --encoding gb18030`;
}
