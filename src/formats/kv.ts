// Over 400 lines, and not a format: key-value pairs inside text lines plus a JSON span reader. Issue 9
// splits it (one JSON span reader shared with NDJSON) and moves it out of formats/.
import { isWideLetter } from '../../detectors/lib/scripts.js';
import type { FieldPath } from '../record/index.js';
import { isJsonNumber, JsonKind, JsonReader } from './inline/json.js';

/**
 * Key-value structure inside a plain-text log line, found in one left-to-right pass:
 *
 * - logfmt `user=alice msg="quoted \"value\""`: a key is letters, digits, `_`, `-`, `.` (CJK letters
 *   too) right before `=`. A bare value ends at whitespace, or at a `,` `;` `&` that starts the next
 *   pair (`User(name=alice, email=…)`), so `name=Zhang San` gives the value `Zhang` and leaves `San`
 *   to the free text (the text format runs a name or address field's value on over such capitalized
 *   words: text.ts, withWordRuns). A value in double quotes runs to the closing quote.
 *   One exception: a number written in groups is one value (`card=4111 1111 1111 1111`, see
 *   extendGroups), since a part of it would no longer look like what it is.
 * - `key: value` (a space or tab after the ASCII colon), `key：value` (full-width colon, no space
 *   needed), and quoted keys `"key": value` / `'key': 'value'` (Python dicts, JSON that did not parse).
 *   A bare value ends at whitespace (but for a number in groups, as above), `,` `;` `，` `；` `。` `：`.
 * - URL query strings: a pair whose key follows `?` or `&` (`?name=Zhang%20San&page=2`). The value
 *   ends at `&`, `#`, whitespace or `"`; it is %-decoded (and `+` read as a space) before it is
 *   visited.
 * - JSON objects embedded in a line (`payload={"user":{"name":"张三"}}`, or a whole NDJSON line):
 *   parsed strictly; each string value and each number is a span whose path is its JSON path inside
 *   the object (`['user','name']`), so rules written for NDJSON fields apply. An object that does not
 *   parse is no JSON at all; its text is looked at as text (quoted keys may still give pairs).
 *
 * Trailing `,` `;` `.` `:` and closing brackets with no opener inside the value (`(user=alice)`) are not
 * part of a bare value. Empty values give no span. Spans never overlap and come sorted: once a value
 * is taken, the search resumes after it, so no value is offered twice (a pair inside a quoted value
 * or a JSON string stays part of that value). Only a key may lie inside the value before it, when
 * that value runs into a colon (`收货人信息：联系人：周八`).
 *
 * Cost: a line with none of `=` `:` `{` `：` is rejected by one native regex test; otherwise the same
 * regex jumps from one such char to the next, and each is checked locally (a timestamp's `12:00` is
 * rejected by its next char). Nothing is allocated until a pair is found.
 */

/** How a value is written in the line, so a replacement can be written back the same way. */
export type KvEncoding =
  /** A bare `key: value` value: written back as is. */
  | 'plain'
  /** A bare logfmt value: written back as is, or quoted if the replacement has a space, `"` or `=`. */
  | 'logfmt'
  /** Inside double quotes, with backslash escapes (`\"`, `\\`, `\n`, `\r`, `\t`). */
  | 'quoted'
  /** Inside single quotes, with backslash escapes (`\'`, `\\`, `\n`, `\r`, `\t`). */
  | 'single'
  /** A query-string value: %-encoded, `+` is a space. */
  | 'url'
  /** The content of a JSON string (JSON escapes). */
  | 'json'
  /** The raw text of a JSON number; a replacement that is not a number is written as a JSON string. */
  | 'number';

/** One value found in a line: [start, end) of its text in the line, its path, how it is written. */
export interface KvSpan {
  readonly start: number;
  readonly end: number;
  /** `[key]` for a pair; the JSON path inside the object for a value in embedded JSON. */
  readonly path: FieldPath;
  readonly encoding: KvEncoding;
  /**
   * An ASCII `key: value` pair with a bare key: prose, where the key is often the last word of a
   * phrase (`passport no: E55512345`, `Caused by: …`) and the words before it belong to the value.
   */
  readonly prose?: true;
}

export const NO_SPANS: readonly KvSpan[] = Object.freeze([]);

/**
 * Where a pair can be: `=`, `{`, `：`, and a `:` followed by a space or tab or after a quote (the
 * colons of timestamps and URLs are passed over by the regex engine itself).
 */
const TRIGGER = /[={\uff1a]|:[ \t]|["']:/g;
/** Longest key: deep dotted paths (`a.b.c.…`) are long; longer runs are prose, not keys. */
const KEY_MAX = 128;
/** Objects and arrays nested deeper than this are not read as JSON. */
const JSON_DEPTH_MAX = 64;

const TAB = 9;
const SP = 32;
const DQUOTE = 34;
const HASH = 35;
const PERCENT = 37;
const AMP = 38;
const APOS = 39;
const PLUS = 43;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const SEMI = 59;
const EQ = 61;
const QMARK = 63;
const LBRACKET = 91;
const BSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const FW_COLON = 0xff1a;
const FW_COMMA = 0xff0c;
const FW_SEMI = 0xff1b;
const IDEO_STOP = 0x3002;

function isSpace(c: number): boolean {
  return c === SP || (c >= TAB && c <= 13) || c === 0x3000 || c === 0xa0;
}


/** What ends a value (found natively: values are often long hashes and ids). */
const LOGFMT_STOP = /[\t-\r \u00a0\u3000,;&]/g;
const QUERY_STOP = /[\t-\r \u00a0\u3000&#"]/g;

/** The first char at or after `from` that `re` matches, or the end of `s`. */
function stopAt(re: RegExp, s: string, from: number): number {
  re.lastIndex = from;
  return re.test(s) ? re.lastIndex - 1 : s.length;
}

/** ASCII char classes: a key's first char, a key char, a query key char (also `%` `[` `]` `+`). */
const KEY_START = 1;
const KEY = 2;
const QUERY_KEY = 4;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  const key = start || (c >= 48 && c <= 57) || c === DASH || c === DOT;
  const query = key || c === PERCENT || c === LBRACKET || c === RBRACKET || c === PLUS;
  ASCII[c] = (start ? KEY_START : 0) | (key ? KEY : 0) | (query ? QUERY_KEY : 0);
}

function isKeyStart(c: number): boolean {
  return c < 128 ? (ASCII[c] & KEY_START) !== 0 : isWideLetter(c);
}

function isKeyChar(c: number): boolean {
  return c < 128 ? (ASCII[c] & KEY) !== 0 : isWideLetter(c);
}

/** Query keys may also hold %-escapes and brackets (`user%5Bname%5D`, `user[name]`). */
function isQueryKeyChar(c: number): boolean {
  return c < 128 ? (ASCII[c] & QUERY_KEY) !== 0 : isWideLetter(c);
}

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

function indexOfCode(s: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}

/** End of a bare value without trailing `,` `;` `.` `:` and closing brackets it has no opener for. */
function trimEnd(s: string, start: number, end: number): number {
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

/** A char of a number group: digits, capitals (`002X`, IBAN), `-`, `(` `)`. */
function isGroupChar(c: number): boolean {
  return isDigit(c) || isUpper(c) || c === DASH || c === 40 || c === 41;
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
function extendGroups(s: string, vs: number, e: number): number {
  const n = s.length;
  if (e - vs > GROUP_MAX || e >= n || s.charCodeAt(e) !== SP) return e;
  let digit = false;
  for (let i = vs; i < e; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digit = true;
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
      if (isDigit(s.charCodeAt(ge))) groupDigit = true;
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

/** Start of the key that ends at `end` (exclusive), or -1: key chars back to `floor`, at most KEY_MAX. */
function keyStart(s: string, end: number, floor: number): number {
  const limit = Math.max(floor, end - KEY_MAX);
  let k = end;
  while (k > limit && isKeyChar(s.charCodeAt(k - 1))) k--;
  if (k === limit && k > floor && isKeyChar(s.charCodeAt(k - 1))) return -1; // longer than KEY_MAX: prose, not a key
  return keyStartFrom(s, k, end);
}

/** The key in [k, end) without leading chars that cannot begin one; -1 if none is left. */
function keyStartFrom(s: string, k: number, end: number): number {
  while (k < end && !isKeyStart(s.charCodeAt(k))) k++;
  return k < end ? k : -1;
}

/** End of a key that starts at `start` and ends before `end`, without trailing `.` and `-`. */
function keyEnd(s: string, start: number, end: number): number {
  while (end > start && (s.charCodeAt(end - 1) === DOT || s.charCodeAt(end - 1) === DASH)) end--;
  return end;
}

/** Does a pair (`key=`, after optional spaces) start at `p`? Used to end a bare value at `,` `;` `&`. */
function pairStartsAt(s: string, p: number): boolean {
  const n = s.length;
  while (p < n && s.charCodeAt(p) === SP) p++;
  if (p >= n || !isKeyStart(s.charCodeAt(p))) return false;
  const limit = Math.min(n, p + KEY_MAX);
  let q = p + 1;
  while (q < limit && isQueryKeyChar(s.charCodeAt(q))) q++;
  return q < n && s.charCodeAt(q) === EQ && s.charCodeAt(q + 1) !== EQ;
}

/** A value that starts with `{` or `[{`: left to the JSON reader (and to the free text if it is no JSON). */
function opensJson(s: string, p: number): boolean {
  const c = s.charCodeAt(p);
  return c === LBRACE || (c === LBRACKET && s.charCodeAt(p + 1) === LBRACE);
}

/** Index of the quote closing a value that starts after `open` (backslash escapes skipped), or -1. */
function closingQuote(s: string, from: number, quote: number): number {
  const n = s.length;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === BSLASH) i++;
    else if (c === quote) return i;
  }
  return -1;
}

/** Decode a query key's %-escapes (keys are paths, so they are compared decoded). */
function queryKey(raw: string): string {
  if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) return raw;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** The spans found so far and where the search may look back to; one per call of findKeyValues. */
interface State {
  line: string;
  spans: KvSpan[] | null;
  /** End of the last value taken: keys are never looked for before it. */
  floor: number;
  /** Chars that failed JSON attempts may still read (keeps a line of unbalanced `{` linear). */
  jsonBudget: number;
}

/** Reused by every call (findKeyValues is synchronous and calls nothing that could re-enter it). */
const state: State = { line: '', spans: null, floor: 0, jsonBudget: 0 };

function push(st: State, start: number, end: number, key: string, encoding: KvEncoding, prose = false): void {
  // A dotted key (`user.phone=`, as Go's slog writes nested fields) is a path: field rules see the
  // nearest key, and its prefix words are not the value's context.
  const path = key.length > 2 && key.includes('.') ? keyPath(key) : [key];
  (st.spans ??= []).push(prose ? { start, end, path, encoding, prose } : { start, end, path, encoding });
  st.floor = end;
}

function keyPath(key: string): string[] {
  const parts = key.split('.').filter((p) => p.length > 0);
  return parts.length ? parts : [key];
}

/**
 * Every key-value value in the line, sorted and non-overlapping; NO_SPANS when there is none.
 */
export function findKeyValues(line: string): readonly KvSpan[] {
  TRIGGER.lastIndex = 0;
  if (!TRIGGER.test(line)) return NO_SPANS;
  const st = state;
  st.line = line;
  st.spans = null;
  st.floor = 0;
  st.jsonBudget = 4 * line.length + 1024;
  do {
    // The trigger's char: the last one matched, or the colon before a space or tab.
    let i = TRIGGER.lastIndex - 1;
    let c = line.charCodeAt(i);
    if (c === SP || c === TAB) c = line.charCodeAt(--i);
    const next = c === EQ ? onEquals(st, i) : c === COLON ? onColon(st, i) : c === LBRACE ? onBrace(st, i) : onWideColon(st, i);
    TRIGGER.lastIndex = next;
  } while (TRIGGER.test(line));
  const spans = st.spans;
  st.line = '';
  st.spans = null;
  return spans ?? NO_SPANS;
}

/** `=` at i: a query pair (key after `?`/`&`) or a logfmt pair. Returns where the search resumes. */
function onEquals(st: State, i: number): number {
  const s = st.line;
  const n = s.length;
  if (s.charCodeAt(i + 1) === EQ) {
    let j = i + 2;
    while (s.charCodeAt(j) === EQ) j++;
    return j; // `==`, base64 padding
  }
  // Query pair: the key (which may hold %-escapes and brackets) follows `?` or `&`.
  const limit = Math.max(st.floor, i - KEY_MAX);
  let q = i;
  let strict = -1; // where the logfmt key (no `%` `[` `]` `+`) starts
  while (q > limit) {
    const c = s.charCodeAt(q - 1);
    if (!isQueryKeyChar(c)) break;
    if (strict < 0 && !isKeyChar(c)) strict = q;
    q--;
  }
  const before = q > 0 ? s.charCodeAt(q - 1) : -1;
  if (q < i && (before === QMARK || before === AMP)) {
    let e = stopAt(QUERY_STOP, s, i + 1);
    e = trimEnd(s, i + 1, e);
    if (e > i + 1) push(st, i + 1, e, queryKey(s.slice(q, i)), 'url');
    return Math.max(e, i + 1);
  }
  // The logfmt key: the key chars before `=`, found by the same walk (a run of KEY_MAX is too long).
  if (strict < 0 && q === limit && q > st.floor && isKeyChar(s.charCodeAt(q - 1))) return i + 1;
  const k = keyStartFrom(s, strict >= 0 ? strict : q, i);
  if (k < 0) return i + 1;
  const ke = keyEnd(s, k, i);
  if (ke === k) return i + 1;
  const vs = i + 1;
  if (vs >= n) return vs;
  const c = s.charCodeAt(vs);
  if (isSpace(c)) return vs;
  if (opensJson(s, vs)) return vs; // an embedded object: the search goes on at its `{`
  if (c === DQUOTE) {
    const close = closingQuote(s, vs + 1, DQUOTE);
    if (close >= 0) {
      if (close > vs + 1) push(st, vs + 1, close, s.slice(k, ke), 'quoted');
      else st.floor = close + 1;
      return close + 1;
    }
  }
  let e = vs;
  for (;;) {
    e = stopAt(LOGFMT_STOP, s, e);
    if (e >= n || isSpace(s.charCodeAt(e)) || pairStartsAt(s, e + 1)) break;
    e++; // a `,` `;` `&` inside the value
  }
  e = trimEnd(s, vs, extendGroups(s, vs, e));
  if (e > vs) push(st, vs, e, s.slice(k, ke), 'logfmt');
  return Math.max(e, vs);
}

/** ASCII `:` at i: `key: value` (space or tab after the colon), or `"key": value` / `'key': value`. */
function onColon(st: State, i: number): number {
  const s = st.line;
  const prev = i > 0 ? s.charCodeAt(i - 1) : -1;
  if (prev === DQUOTE || prev === APOS) {
    // A quoted key: find its opening quote, no further back than the last value and KEY_MAX.
    const limit = Math.max(st.floor, i - 2 - KEY_MAX);
    let q = i - 2;
    while (q >= limit && s.charCodeAt(q) !== prev) {
      if (s.charCodeAt(q) === BSLASH) return i + 1;
      q--;
    }
    if (q < limit || q + 1 >= i - 1) return i + 1;
    return colonValue(st, i + 1, s.slice(q + 1, i - 1), false);
  }
  const after = s.charCodeAt(i + 1);
  if (after !== SP && after !== TAB) return i + 1;
  const k = keyStart(s, i, st.floor);
  if (k < 0) return i + 1;
  const ke = keyEnd(s, k, i);
  if (ke === k) return i + 1;
  return colonValue(st, i + 1, s.slice(k, ke), true);
}

/** Full-width `：` at i: `姓名：张三`. */
function onWideColon(st: State, i: number): number {
  const k = keyStart(st.line, i, st.floor);
  if (k < 0) return i + 1;
  const ke = keyEnd(st.line, k, i);
  if (ke === k) return i + 1;
  return colonValue(st, i + 1, st.line.slice(k, ke), false);
}

/** The value of a colon pair whose separator ends before `from`. */
function colonValue(st: State, from: number, key: string, prose: boolean): number {
  const s = st.line;
  const n = s.length;
  let vs = from;
  while (vs < n && (s.charCodeAt(vs) === SP || s.charCodeAt(vs) === TAB || s.charCodeAt(vs) === 0x3000)) vs++;
  if (vs >= n) return vs;
  const c = s.charCodeAt(vs);
  if (opensJson(s, vs)) return vs;
  if (c === DQUOTE || c === APOS) {
    const close = closingQuote(s, vs + 1, c);
    if (close >= 0) {
      if (close > vs + 1) push(st, vs + 1, close, key, c === DQUOTE ? 'quoted' : 'single', prose);
      else st.floor = close + 1;
      return close + 1;
    }
  }
  let e = vs;
  let pair = false;
  while (e < n) {
    const d = s.charCodeAt(e);
    if (isSpace(d) || d === COMMA || d === SEMI || d === FW_COMMA || d === FW_SEMI || d === IDEO_STOP || d === FW_COLON) break;
    if (d === EQ && e > vs && isKeyChar(s.charCodeAt(e - 1)) && e + 1 < n && s.charCodeAt(e + 1) !== EQ) pair = true;
    e++;
  }
  // A value with pairs inside (`body: name=x&phone=y`, `url: /a?b=c`) is not one value: its pairs are.
  if (pair) return vs;
  // A value that runs into a colon is also the next pair's key (`收货人信息：联系人：周八`,
  // `姓名：张三手机：13800138000`, `user: name: alice`): the next key may be looked for inside it.
  const runsOn = (e < n && s.charCodeAt(e) === FW_COLON) || s.charCodeAt(e - 1) === COLON;
  e = trimEnd(s, vs, extendGroups(s, vs, e));
  if (e > vs) push(st, vs, e, key, 'plain', prose);
  if (runsOn) st.floor = vs;
  return Math.max(e, vs);
}

/** Reads the JSON objects embedded in lines (one reader: findKeyValues does not re-enter). */
const json = new JsonReader({ maxDepth: JSON_DEPTH_MAX, stepsPerChar: Infinity, keys: false });

/** `{` at i: an embedded JSON object, or nothing. */
function onBrace(st: State, i: number): number {
  if (st.jsonBudget <= 0) return i + 1;
  const end = json.readObject(st.line, i);
  if (end < 0) {
    st.jsonBudget -= json.reach - i + 1;
    return i + 1;
  }
  for (let k = 0; k < json.count; k++) {
    const start = json.starts[k];
    const stop = json.ends[k];
    const path = json.paths[k];
    if (json.kinds[k] === JsonKind.Number) (st.spans ??= []).push({ start, end: stop, path, encoding: 'number' });
    else if (stop - start > 2) (st.spans ??= []).push({ start: start + 1, end: stop - 1, path, encoding: 'json' }); // quotes off; '' is no value
  }
  json.release();
  st.floor = end;
  return end;
}

// ---------------------------------------------------------------------------------------------
// Reading values and writing replacements back.

/** Whether the span's text differs from its value (escapes, %-encoding), or it is a JSON number. */
export function isEncoded(line: string, span: KvSpan): boolean {
  switch (span.encoding) {
    case 'number':
      return true;
    case 'url':
      for (let i = span.start; i < span.end; i++) {
        const c = line.charCodeAt(i);
        if (c === PERCENT || c === PLUS) return true;
      }
      return false;
    case 'quoted':
    case 'single':
    case 'json':
      return indexOfCode(line, BSLASH, span.start, span.end) >= 0;
    default:
      return false;
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'" };

/** The value the span's text stands for (the same string when it has no escapes). */
export function decodeValue(raw: string, encoding: KvEncoding): string {
  switch (encoding) {
    case 'url':
      if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) return raw;
      try {
        return decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch {
        return raw; // malformed %-escapes: the text as it is
      }
    case 'json':
      return raw.indexOf('\\') < 0 ? raw : (JSON.parse(`"${raw}"`) as string);
    case 'quoted':
    case 'single':
      // Known escapes only; any other backslash stays as written.
      return raw.indexOf('\\') < 0 ? raw : raw.replace(/\\([nrt\\"'])/g, (_m, e: string) => SIMPLE_ESCAPES[e]);
    default:
      return raw;
  }
}

/** What a query value may not hold as is: the pair syntax, spaces and controls, non-ASCII. */
const URL_UNSAFE = /[%&=+#"\s\u0000-\u001f\u007f-\uffff]+/g;

function percentEncode(chunk: string): string {
  try {
    return encodeURIComponent(chunk);
  } catch {
    return encodeURIComponent(chunk.replace(/[\ud800-\udfff]/g, '\ufffd')); // a lone surrogate
  }
}

/** Write a replacement back in the span's encoding. */
export function encodeValue(value: string, encoding: KvEncoding): string {
  switch (encoding) {
    case 'logfmt':
      return /[\s"=]/.test(value) ? `"${escapeQuoted(value, '"')}"` : value;
    case 'quoted':
      return escapeQuoted(value, '"');
    case 'single':
      return escapeQuoted(value, "'");
    case 'url':
      return value.replace(URL_UNSAFE, percentEncode);
    case 'json':
      return JSON.stringify(value).slice(1, -1);
    case 'number':
      return isJsonNumber(value) ? value : JSON.stringify(value);
    default:
      return value;
  }
}

function escapeQuoted(value: string, quote: '"' | "'"): string {
  return value.replace(quote === '"' ? /[\\"\n\r\t]/g : /[\\'\n\r\t]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\${c}`,
  );
}

/** What a dropped value leaves: nothing (the key stays), or `null` for a JSON number. */
export function droppedValue(encoding: KvEncoding): string {
  return encoding === 'number' ? 'null' : '';
}
