/**
 * Where a bare (unquoted) value inside a line ends, once its first stop char is found: without the
 * punctuation and unmatched closing brackets after it (trimEnd), and on over the groups of a number
 * written with spaces and a phone's extension after it (numberEnd: `4111 1111 1111 1111`,
 * `+86 138 0013 8000`, `+55 11 91234-5678`, `201-555-0123 x1234`).
 */
import { usccCheckChar } from '../../../detectors/lib/checksum.js';
import { extensionEnd } from '../../../detectors/lib/extension.js';
import { AMP, APOS, COLON, COMMA, HASH, DASH, DOT, DQUOTE, FW_COMMA, FW_SEMI, IDEO_STOP, indexOfCode, isSpace, LBRACE, LBRACKET, PLUS, RBRACE, RBRACKET, SEMI, SP } from './chars.js';

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
      // A trailing `::` after hex groups is an IPv6 address's compression (`2001:db8:a1b2::`), not
      // punctuation: without it the address left is no address.
      if (c === COLON && endsCompressedV6(s, start, end)) break;
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

/** s[start, end) is hex groups and colons ending in `::` (`2001:db8:a1b2::`, `fe80::`), not `std::`. */
function endsCompressedV6(s: string, start: number, end: number): boolean {
  if (end - start < 4 || s.charCodeAt(end - 2) !== COLON || s.charCodeAt(start) === COLON) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c !== COLON && !((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102))) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
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
/** An unbroken subscriber number after a bracketed area code (`(81) 918003845`) may be this long. */
const SUBSCRIBER_MAX = 10;
/** An unbroken national number after a country code (`+34 612345678`) may be this long (E.164: 15 digits in all). */
const NATIONAL_MAX = 14;
/** A later group with dashes (`91234-5678`, `345-67-89`) may be this long. */
const DASHED_GROUP_MAX = 12;
/**
 * A phone's last group after a short all-digit head may be this long (`030 727242413`,
 * `+49 491 690583496`: German subscriber numbers run to 9 or 10 digits); it ends the value.
 */
const LAST_GROUP_MAX = 10;

function allUpper(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isUpper(s.charCodeAt(i))) return false;
  return true;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/**
 * s[gs, ge) is digits in at most four dash-joined pieces of 1–5 digits, as phones end (`91234-5678`,
 * `345-67-89`), and not grouped as a date (`2026-12-03`, `03-12-2026`).
 */
function dashedDigits(s: string, gs: number, ge: number): boolean {
  const pieces: number[] = [0];
  for (let i = gs; i < ge; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) pieces[pieces.length - 1]++;
    else if (c === DASH && pieces[pieces.length - 1] > 0 && pieces.length < 4) pieces.push(0);
    else return false;
  }
  if (pieces.length < 2 || pieces.some((n) => n === 0 || n > 5)) return false;
  const date = pieces.length === 3 && pieces[1] === 2 && ((pieces[0] === 4 && pieces[2] === 2) || (pieces[0] === 2 && pieces[2] === 4));
  return !date;
}

/**
 * A number written in groups is one value: `4111 1111 1111 1111`, `+86 138 0013 8000`,
 * `110105 19491231 002X`, `GB82 WEST 1234 5698 7654 32`. A bare value of one short group (at most 8
 * digits, capitals, `-` `(` `)`, with a digit; `+` may lead) goes on over single spaces while the next
 * token is such a group too, and ends with it (a group glued to `=`, `:` or lower-case letters is not
 * one). Four capitals count as a group after an IBAN's first group (`GB82`); after a lower-case one
 * (`nl37 ingb 8064 2658 50`), lower-case groups do. Two capitals then two digits (`DE 89 37040 …`) are
 * an IBAN's country code and check digits written apart. Two phone notations have a longer token:
 * after a country code the national number unbroken (`+34 612345678`), and a CN landline's area code
 * dashed to the first half of its subscriber number, then the other half (`0755-8888 1234`); either
 * ends the value (`+34 612345678 200`: the status is no part of it).
 */
export function extendGroups(s: string, vs: number, e: number, query = false): number {
  const n = s.length;
  if (e >= n || s.charCodeAt(e) !== SP) return e;
  // A CN landline's area code and the first half of its subscriber number (`0755-8888 1234`): one
  // more group, the other half, ends it.
  const landline = e - vs > GROUP_MAX;
  if (landline && !(e - vs <= DASHED_GROUP_MAX && dashedDigits(s, vs, e))) return e;
  // An IBAN's first group in lower case (`nl37 ingb 8064 2658 50`): its later groups may be too.
  const lowerIban = e - vs === 4 && isLower(s.charCodeAt(vs)) && isLower(s.charCodeAt(vs + 1)) && isDigit(s.charCodeAt(vs + 2)) && isDigit(s.charCodeAt(vs + 3));
  // An IBAN's country code apart from its check digits (`DE 89 37040 044 053201 3000`): upper case only.
  const countryApart =
    e - vs === 2 && isUpper(s.charCodeAt(vs)) && isUpper(s.charCodeAt(vs + 1)) && isDigit(s.charCodeAt(e + 1)) && isDigit(s.charCodeAt(e + 2)) && s.charCodeAt(e + 3) === SP;
  let digit = lowerIban || countryApart;
  for (let i = vs; i < e && !lowerIban; i++) {
    const c = s.charCodeAt(i);
    if (isDigitOrMasked(c)) digit = true;
    else if (!isGroupChar(c) && !(i === vs && c === PLUS)) return e;
  }
  if (!digit) return e;
  const iban = lowerIban || countryApart || (e - vs === 4 && isUpper(s.charCodeAt(vs)) && isUpper(s.charCodeAt(vs + 1)) && isDigit(s.charCodeAt(vs + 2)) && isDigit(s.charCodeAt(vs + 3)));
  const areaCode = s.charCodeAt(vs) === 40 && s.charCodeAt(e - 1) === 41;
  // `+34 612345678`: a country code, then the national number unbroken.
  const countryCode = s.charCodeAt(vs) === PLUS && e - vs >= 2 && e - vs <= 4 && allDigits(s, vs + 1, e);
  // Printed in fours so far (`9261 0113 GXLE WEQ0 67`, a credit code): a group of four capitals is
  // taken on trust, kept only when a group with a digit follows it (`id=1234 ABCD` stays `1234`).
  let fours = e - vs === 4;
  let end = e;
  let trusted = e; // the end of the last group with a digit (or an IBAN's letter group)
  while (end < n && s.charCodeAt(end) === SP && end - vs < GROUPED_MAX) {
    const gs = end + 1;
    let ge = gs;
    let groupDigit = false;
    while (ge < n && ge - gs <= NATIONAL_MAX && (isGroupChar(s.charCodeAt(ge)) || (lowerIban && isLower(s.charCodeAt(ge))))) {
      if (isDigitOrMasked(s.charCodeAt(ge))) groupDigit = true;
      ge++;
    }
    // After an area code in brackets the subscriber number may be unbroken: `(81) 918003845`; after a
    // country code the national number, unbroken or dashed (`+86 138-0013-8000`).
    const unbroken = (areaCode && ge - gs <= SUBSCRIBER_MAX) || (countryCode && end === e && ge - gs <= NATIONAL_MAX);
    // A phone head (`030`, `+49 491`) then one long digit group: the subscriber number.
    const lastGroup = ge - gs > GROUP_MAX && ge - gs <= LAST_GROUP_MAX && phoneHead(s, vs, end) && allDigits(s, gs, ge);
    const long = ge - gs > GROUP_MAX && !(unbroken && (allDigits(s, gs, ge) || dashedDigits(s, gs, ge))) && !lastGroup;
    if (ge === gs || (long && (ge - gs > DASHED_GROUP_MAX || !dashedDigits(s, gs, ge)))) break;
    const after = ge < n ? s.charCodeAt(ge) : SP;
    // In a URL's query a value ends at `&` or `#` (`?mobile=+33 6 12 34 56 78&x=1`).
    const queryEnd = query && (after === AMP || after === HASH);
    // A phone's extension glued to its last group (`(027) 8809-4121转0831`) ends the value after it.
    if (!isSpace(after) && !endsGroup(after) && !queryEnd) {
      if (groupDigit && extensionEnd(s, ge) > ge) trusted = end = ge;
      break; // `1234=`, `12ab`: another token
    }
    // A credit code printed 4-4-4-4-2 may end in two capitals (`… JBB7 XH`): taken when its check char holds.
    const creditCodeTail = fours && gs - vs === 20 && ge - gs === 2 && allUpper(s, gs, ge) && usccSpaced(s.slice(vs, ge));
    const onTrust = !groupDigit && !(iban && ge - gs <= 4) && ((fours && ge - gs === 4 && allUpper(s, gs, ge)) || creditCodeTail);
    if (!groupDigit && !(iban && ge - gs <= 4) && !onTrust) break; // an IBAN's letter group: `WEST`, irregular `RA`
    if (landline && (ge - gs < 3 || ge - gs > 4 || !allDigits(s, gs, ge))) break;
    if (ge - gs !== 4) fours = false;
    end = ge;
    if (!onTrust || creditCodeTail) trusted = end;
    if (creditCodeTail) break; // 18 characters: the code is whole
    // An unbroken national number is the whole rest of the number (`+34 612345678 200`: a status follows).
    if (endsGroup(after) || queryEnd || landline || lastGroup || (countryCode && ge - gs > GROUP_MAX)) break;
  }
  end = trusted;
  // Two capitals and a number (`OK 12 items`, `DE 89`) are no IBAN: the shortest (Norway's) has 15 chars.
  if (countryApart && end - vs < 18) return e;
  return end;
}

/** A credit code written 4-4-4-4-2 with spaces whose GB 32100 check char holds. */
function usccSpaced(value: string): boolean {
  const code = value.replaceAll(' ', '');
  return code.length === 18 && usccCheckChar(code, 0) === code[17];
}

/**
 * s[vs, e) is a phone's head: a trunk prefix 0 or a country code's `+` first, then at most two groups
 * of 1–4 digits (`030`, `0241`, `+49 491`). `12 918003845` is a count and an id.
 */
function phoneHead(s: string, vs: number, e: number): boolean {
  const first = s.charCodeAt(vs);
  if (first !== PLUS && first !== 48 /* 0 */) return false;
  let groups = 1;
  let run = 0;
  for (let i = s.charCodeAt(vs) === PLUS ? vs + 1 : vs; i < e; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      if (++run > 4) return false;
    } else if (c === SP && run > 0 && groups < 2) {
      groups++;
      run = 0;
    } else return false;
  }
  return run > 0;
}

/** Phones' digits: the value holds at least seven digits and nothing but digits, `+`, `(` `)`, `-`, `.` and spaces. */
function phoneLike(s: string, vs: number, e: number): boolean {
  let digits = 0;
  for (let i = vs; i < e; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c !== PLUS && c !== SP && c !== DASH && c !== DOT && c !== 40 && c !== 41) return false;
  }
  return digits >= 7;
}

/**
 * The end of a bare value that starts at vs and whose first stop char is at e: on over the groups of
 * a number written with spaces (extendGroups) and a phone's extension after the number (`x1234`,
 * `ext. 12`, `转 8001`), so that the value is the whole number. `query`: a URL query's value
 * (`?mobile=+33 6 12 34 56 78&x=1`).
 */
export function numberEnd(s: string, vs: number, e: number, query = false): number {
  let end = extendGroups(s, vs, e, query);
  // A query's value runs on over spaces only up to the next pair or the fragment, or when it starts
  // with `+` (a decoded `%2B33 6 12…`): in `GET /p?page=2 200 512` the status and size are no part of it.
  if (query && end > e && s.charCodeAt(vs) !== PLUS && s.charCodeAt(end) !== AMP && s.charCodeAt(end) !== HASH) end = e;
  return phoneLike(s, vs, end) ? extensionEnd(s, end) : end;
}
