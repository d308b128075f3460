/**
 * Char tests shared by the readers of what is inside a text line (pairs.ts, bare-value.ts,
 * encoding.ts): char codes, not regexes, since they run on every candidate char.
 */

/** Whitespace inside a line: ASCII controls \t to \r, space, NBSP, the ideographic space. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x3000 || c === 0xa0;
}

/** The first index of `code` in [from, to), or -1 (bounded, unlike indexOf, so a caller stays linear). */
export function indexOfCode(s: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}
