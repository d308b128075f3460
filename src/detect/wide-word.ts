/**
 * Where a `word` or `at` candidate is written with letters beyond ASCII (`Øyvind`, `иван`, `m|üller`,
 * `[józef@web01 ~]$`), for the detectors that read such values with a `wideShape`. Asked only at a
 * non-ASCII char shortly after an anchor word, at the end of an ASCII match, or at an `@` whose local
 * part runs back into a non-ASCII char: on ASCII text the scan loop never gets here, and the end of
 * an ASCII match costs one char-code compare.
 */
import { isAlnum } from '../../detectors/lib/chars.js';
import { isCjkWordChar } from '../../detectors/lib/scripts.js';

/** A char of a word in any script: a letter, a combining mark or a digit. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/uy;
/** A char of a name's local part before an `@`: a letter, a mark, an ASCII digit, `.`, `_`, `-`. */
const NAME_CHAR = /[\p{L}\p{M}0-9._\-]/uy;

/** The chars a run of name chars may go on past `.`/`-` to reach (the ASCII shapes stop before them). */
const DOTS_REACH = 64;

/**
 * Whether the non-ASCII char at `i` may start a word: not a CJK char (those words have their own
 * conventions), and not preceded by a letter, mark or digit (the `üller` of `müller` starts nothing)
 * other than a CJK char, which is written glued to other scripts' words. The detector's wide shape
 * says whether it is a letter it reads.
 */
export function startsWideWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xc0 || isCjkWordChar(c)) return false;
  if (i === 0) return true;
  const b = text.charCodeAt(i - 1);
  if (b < 128) return !isAlnum(b);
  if (isCjkWordChar(b)) return true; // glued to a CJK label: `用户Громов登录失败`
  WORD_CHAR.lastIndex = i - 1;
  return !WORD_CHAR.test(text);
}

/**
 * Whether the word an ASCII match ends at `end` goes on in non-ASCII chars (`m` of `müller`, `jean`
 * of `jean-émile`): the next char, past any `.` and `-` the ASCII shape left out, is not ASCII.
 */
export function runsIntoWide(text: string, end: number): boolean {
  // Never read past the end: an out-of-range charCodeAt makes V8 call the builtin here from then on
  // (see code-at.ts), and most names end their value.
  const stop = Math.min(text.length, end + DOTS_REACH);
  let i = end;
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 45) return c >= 128;
    i++;
  }
  return false;
}

/**
 * Start of the name before an `@` whose ASCII local part, read back to `from`, stops at a non-ASCII
 * char (`józef@`): read back further over letters, marks, ASCII digits and `._-`, not past `floor`.
 */
export function wideLocalStart(text: string, from: number, floor: number): number {
  let s = from;
  while (s > floor) {
    NAME_CHAR.lastIndex = s - 1;
    if (!NAME_CHAR.test(text)) break;
    s--;
  }
  return s;
}
