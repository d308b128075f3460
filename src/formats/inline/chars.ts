/**
 * Char tests shared by the readers of what is inside a text line (pairs.ts, bare-value.ts,
 * encoding.ts): char codes, not regexes, since they run on every candidate char.
 */

/** Char codes the readers test. */
export const TAB = 9;
export const SP = 32;
export const DQUOTE = 34;
export const PERCENT = 37;
export const AMP = 38;
export const HASH = 35;
export const APOS = 39;
export const PLUS = 43;
export const COMMA = 44;
export const DASH = 45;
export const DOT = 46;
export const COLON = 58;
export const SEMI = 59;
export const EQ = 61;
export const QMARK = 63;
export const LBRACKET = 91;
export const BSLASH = 92;
export const RBRACKET = 93;
export const LBRACE = 123;
export const RBRACE = 125;
export const IDEO_STOP = 0x3002;
export const FW_COMMA = 0xff0c;
export const FW_COLON = 0xff1a;
export const FW_SEMI = 0xff1b;

/** Whitespace inside a line: ASCII controls \t to \r, space, NBSP, the ideographic space. */
export function isSpace(c: number): boolean {
  return c === SP || (c >= TAB && c <= 13) || c === 0x3000 || c === 0xa0;
}

/** The first index of `code` in [from, to), or -1 (bounded, unlike indexOf, so a caller stays linear). */
export function indexOfCode(s: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}
