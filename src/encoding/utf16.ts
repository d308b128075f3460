/**
 * Recognising UTF-16 from the first bytes of an input, with no option: Windows tools write UTF-16
 * logs, with or without a byte-order mark. Read as UTF-8 they would pass through unscanned.
 */

import { isUtf8 } from 'node:buffer';

export type Utf16 = 'utf-16le' | 'utf-16be';

/** Fewest bytes to judge by the NUL pattern (with fewer, only a BOM counts). */
const MIN_SAMPLE = 4;
/** Bytes looked at: the first chunk of a file, so a long first line of non-ASCII text is not all there is. */
const MAX_SAMPLE = 64 * 1024;
/**
 * Fewest NULs on the ASCII side: 2, and one code unit in 64 (a newline every 63 chars of Chinese
 * text). Half of them when the bytes are valid UTF-8 (NULs are), which UTF-16 with any share of
 * Chinese text hardly ever is: a UTF-8 log with a UTF-16 string in it stays UTF-8.
 */
const MIN_NULS = 2;
const MIN_NUL_SHARE = 1 / 64;
const MIN_NUL_SHARE_IN_UTF8 = 1 / 2;
/** Most NULs on the other side, per NUL on the ASCII side (some chars have a 00 byte: 一 is U+4E00). */
const MAX_OTHER_SIDE = 1 / 4;

/**
 * UTF-16 LE or BE by its BOM (FF FE, FE FF), or without one by the NUL pattern of text with some
 * ASCII in it: each ASCII char (each newline, at least) has a 00 byte on one side of its code unit,
 * while UTF-8 text has no NULs at all, and zero-filled blocks have them on both sides. UTF-16 text
 * with hardly any ASCII and no BOM is not recognised (it has too few NULs to go by); `--encoding
 * utf-16le` reads it. Null when the head does not look like UTF-16.
 */
export function detectUtf16(head: Buffer): Utf16 | null {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return utf16ByNuls(head);
}

/** The byte order by the NUL pattern alone (UTF-16 without a BOM). */
function utf16ByNuls(head: Buffer): Utf16 | null {
  const n = Math.min(head.length, MAX_SAMPLE) & ~1;
  if (n < MIN_SAMPLE) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  const share = isUtf8(head.subarray(0, n)) ? MIN_NUL_SHARE_IN_UTF8 : MIN_NUL_SHARE;
  const enough = Math.max(MIN_NULS, (n / 2) * share);
  if (oddNuls >= enough && evenNuls <= oddNuls * MAX_OTHER_SIDE) return 'utf-16le';
  if (evenNuls >= enough && oddNuls <= evenNuls * MAX_OTHER_SIDE) return 'utf-16be';
  return null;
}
