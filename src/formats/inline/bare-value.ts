/**
 * Where a bare (unquoted) value inside a line ends, once its first stop char is found: without the
 * punctuation and unmatched closing brackets after it (trimEnd), and on over the groups of a number
 * written with spaces (extendGroups: `4111 1111 1111 1111`, `+86 138 0013 8000`).
 */
import { APOS, COLON, COMMA, DASH, DOT, DQUOTE, FW_COMMA, FW_SEMI, IDEO_STOP, indexOfCode, isSpace, LBRACE, LBRACKET, PLUS, RBRACE, RBRACKET, SEMI, SP } from './chars.js';

/** The opener of a closing bracket, or -1. */
function openerOf(c: number): number {
  switch (c) {
    case 41:
      return 40; // ( )
    case RBRACKET:
      return LBRACKET;
    case RBRACE:
      return LBRACE;
    case 62:
      return 60; // < >
    case 0xff09:
      return 0xff08; // （ ）
    case 0x3011:
      return 0x3010; // 【 】
    case 0x300d:
      return 0x300c; // 「 」
    case 0x300b:
      return 0x300a; // 《 》
    default:
      return -1;
  }
}

/** End of a bare value without trailing `,` `;` `.` `:` and closing brackets it has no opener for. */
export function trimEnd(s: string, start: number, end: number): number {
  // At most 4 chars (`)),`): each looks for an opener in the whole value, so a value of closers
  // costs linear time, not quadratic.
  for (let k = 0; k < 4 && end > start; k++) {
    const c = s.charCodeAt(end - 1);
    if (c === COMMA || c === SEMI || c === DOT || c === COLON) {
      end--;
      continue;
    }
    // A quote with no partner in the value closes a quoted stretch around the pair (`"retry phone=…"`).
    if ((c === DQUOTE || c === APOS) && indexOfCode(s, c, start, end - 1) < 0) {
      end--;
      continue;
    }
    const open = openerOf(c);
    if (open < 0 || indexOfCode(s, open, start, end - 1) >= 0) break;
    end--;
  }
  return end;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

const STAR = 42;

/** A char of a number group: digits, capitals (`002X`, IBAN), `-`, `(` `)`, and a mask's `*`. */
function isGroupChar(c: number): boolean {
  return isDigit(c) || isUpper(c) || c === DASH || c === 40 || c === 41 || c === STAR;
}

/** A digit, or a digit the mask operator wrote over (`+44 740* **8608` is one masked number). */
function isDigitOrMasked(c: number): boolean {
  return isDigit(c) || c === STAR;
}

/** Chars that end a group and the value with it: `,` `;` `，` `；` `。`. */
function endsGroup(c: number): boolean {
  return c === COMMA || c === SEMI || c === FW_COMMA || c === FW_SEMI || c === IDEO_STOP;
}

const GROUP_MAX = 8;
const GROUPED_MAX = 48;

/**
 * A number written in groups is one value: `4111 1111 1111 1111`, `+86 138 0013 8000`,
 * `110105 19491231 002X`, `GB82 WEST 1234 5698 7654 32`. A bare value of one short group (at most 8
 * digits, capitals, `-` `(` `)`, with a digit; `+` may lead) goes on over single spaces while the next
 * token is such a group too, and ends with it (a group glued to `=`, `:` or lower-case letters is not
 * one). Four capitals count as a group after an IBAN's first group (`GB82`).
 */
export function extendGroups(s: string, vs: number, e: number): number {
  const n = s.length;
  if (e - vs > GROUP_MAX || e >= n || s.charCodeAt(e) !== SP) return e;
  let digit = false;
  for (let i = vs; i < e; i++) {
    const c = s.charCodeAt(i);
    if (isDigitOrMasked(c)) digit = true;
    else if (!isGroupChar(c) && !(i === vs && c === PLUS)) return e;
  }
  if (!digit) return e;
  const iban = e - vs === 4 && isUpper(s.charCodeAt(vs)) && isUpper(s.charCodeAt(vs + 1)) && isDigit(s.charCodeAt(vs + 2)) && isDigit(s.charCodeAt(vs + 3));
  let end = e;
  while (end < n && s.charCodeAt(end) === SP && end - vs < GROUPED_MAX) {
    const gs = end + 1;
    let ge = gs;
    let groupDigit = false;
    while (ge < n && ge - gs <= GROUP_MAX && isGroupChar(s.charCodeAt(ge))) {
      if (isDigitOrMasked(s.charCodeAt(ge))) groupDigit = true;
      ge++;
    }
    if (ge === gs || ge - gs > GROUP_MAX) break;
    const after = ge < n ? s.charCodeAt(ge) : SP;
    if (!isSpace(after) && !endsGroup(after)) break; // `1234=`, `12ab`: another token
    if (!groupDigit && !(iban && ge - gs === 4)) break;
    end = ge;
    if (endsGroup(after)) break;
  }
  return end;
}
