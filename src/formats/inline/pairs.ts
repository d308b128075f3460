/**
 * Key-value structure inside a plain-text log line, found in one left-to-right pass (over 400 lines
 * on purpose: see below):
 *
 * - logfmt `user=alice msg="quoted \"value\""`: a key is letters, digits, `_`, `-`, `.` (CJK letters
 *   too) right before `=`. A bare value ends at whitespace, or at a `,` `;` `&` that starts the next
 *   pair (`User(name=alice, email=…)`), so `name=Zhang San` gives the value `Zhang` and leaves `San`
 *   to the free text (the text format runs a name or address field's value on over such capitalized
 *   words: text.ts, withWordRuns). A value in double quotes runs to the closing quote.
 *   One exception: a number written in groups is one value (`card=4111 1111 1111 1111`, see
 *   numberEnd in bare-value.ts), since a part of it would no longer look like what it is.
 * - `key: value` (a space or tab after the ASCII colon), `key：value` (full-width colon, no space
 *   needed), and quoted keys `"key": value` / `'key': 'value'` (Python dicts, JSON that did not parse).
 *   A bare value ends at whitespace (but for a number in groups, as above), `,` `;` `，` `；` `。` `：`.
 * - hashes as Ruby, Perl and PHP print them: `"name"=>"Olivia Brown"` (Rails' `Parameters: {…}`),
 *   `'name' => 'x'`, `:name => x`, PHP print_r's `[name] => Olivia Brown` (its bare value runs to the
 *   next `[key] =>` or the line's end).
 * - URL query strings: a pair whose key follows `?` or `&` (`?name=Zhang%20San&page=2`). The value
 *   ends at `&`, `#`, whitespace or `"`; it is %-decoded (and `+` read as a space) before it is
 *   visited.
 * - JSON objects embedded in a line (`payload={"user":{"name":"张三"}}`, or a whole NDJSON line):
 *   parsed strictly (json.ts, the reader NDJSON uses too); each string value and each number is a span whose path is its JSON path inside
 *   the object (`['user','name']`), so rules written for NDJSON fields apply. An object that does not
 *   parse is no JSON at all; its text is looked at as text (quoted keys may still give pairs).
 *
 * Trailing `,` `;` `.` `:` and closing brackets with no opener inside the value (`(user=alice)`) are not
 * part of a bare value. Empty values give no span. Spans never overlap and come sorted: once a value
 * is taken, the search resumes after it, so no value is offered twice (a pair inside a quoted value
 * or a JSON string stays part of that value). Only a key may lie inside the value before it, when
 * that value runs into a colon (`收货人信息：联系人：周八`).
 *
 * One file on purpose (over 400 lines): the notations share one pass, its state, and the quote and
 * key readers.
 *
 * Cost: a line with none of `=` `:` `{` `：` is rejected by one native regex test; otherwise the same
 * regex jumps from one such char to the next, and each is checked locally (a timestamp's `12:00` is
 * rejected by its next char). Nothing is allocated until a pair is found.
 */
import { isAlnum, isLetter } from '../../../detectors/lib/chars.js';
import { noteStart } from '../../../detectors/lib/note.js';
import { isWideLetter } from '../../../detectors/lib/scripts.js';
import { numberEnd, trimEnd } from './bare-value.js';
import { AMP, APOS, BSLASH, COLON, COMMA, DASH, DOT, DQUOTE, EQ, FW_COLON, FW_COMMA, FW_SEMI, IDEO_STOP, indexOfCode, isSpace, LBRACE, LBRACKET, PERCENT, PLUS, QMARK, RBRACE, RBRACKET, SEMI, SP, TAB } from './chars.js';
import { JsonKind, JsonReader } from './json.js';
import { NO_SPANS, type KvEncoding, type KvSpan } from './span.js';

/**
 * Where a pair can be: `=`, `{`, `：`, and a `:` followed by a space or tab or after a quote (the
 * colons of timestamps and URLs are passed over by the regex engine itself).
 */
const TRIGGER = /[={\uff1a]|:[ \t]|["']:/g;
const LPAREN = 40;
const RPAREN = 41;

/** Longest key: deep dotted paths (`a.b.c.…`) are long; longer runs are prose, not keys. */
const KEY_MAX = 128;
/** Objects and arrays nested deeper than this are not read as JSON. */
const JSON_DEPTH_MAX = 64;

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

/**
 * Start of the key that ends at `end` (exclusive), or -1: key chars back to `floor`, at most KEY_MAX.
 * A note right before the colon belongs to the key (`Name (full): `, `姓名（中文）：`): the key's words
 * are read around it (src/policy/key-words.ts).
 */
function keyStart(s: string, end: number, floor: number): number {
  let k = end;
  const note = end > floor + 1 ? noteStart(s, end - 1) : -1;
  if (note > floor) {
    const before = s.charCodeAt(note - 1) === SP ? note - 1 : note; // `Name (full)` or `姓名（中文）`
    if (before > floor && isKeyChar(s.charCodeAt(before - 1))) k = end = before;
  }
  const limit = Math.max(floor, end - KEY_MAX);
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

/**
 * Index of the `'` closing a single-quoted value that starts at `from`, or -1: backslash escapes are
 * skipped, and so is a `'` with a letter or digit after it (an apostrophe: `O'Brien`, `it's`).
 */
function closingApostrophe(s: string, from: number): number {
  for (let i = from; ; i++) {
    i = closingQuote(s, i, APOS);
    if (i < 0 || !isAlnumCode(s.charCodeAt(i + 1))) return i;
  }
}

function isAlnumCode(c: number): boolean {
  return c < 128 ? isAlnum(c) : isWideLetter(c);
}

/** Index of the `"` or `'` (quote char `c`) closing a value opened at `open`, or -1. */
function closingOf(s: string, open: number, c: number): number {
  return c === DQUOTE ? closingQuote(s, open + 1, DQUOTE) : closingApostrophe(s, open + 1);
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
  if (s.charCodeAt(i + 1) === GT) return onArrow(st, i);
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
    e = trimEnd(s, i + 1, numberEnd(s, i + 1, e, true));
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
  if (c === DQUOTE || c === APOS) {
    // `key="value"`, and `key='value'` (Python's repr, XML attributes, Java toString): the value is what
    // the quotes hold, the quotes stay. A `'` inside a word is an apostrophe (`name='O'Brien'`).
    const close = closingOf(s, vs, c);
    // Single quotes around pairs hold those pairs (Linux audit's `msg='op=login acct="alice" …'`).
    if (c === APOS && close >= 0 && holdsPair(s, vs + 1, close)) return vs + 1;
    if (close >= 0) {
      if (s.charCodeAt(close + 1) === GT && isDataName(s, k, ke, vs + 1, close)) return dataElement(st, vs + 1, close);
      if (close > vs + 1) pushPair(st, vs + 1, close, k, ke, c === DQUOTE ? 'quoted' : 'single');
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
  e = trimEnd(s, vs, numberEnd(s, vs, e));
  if (e > vs) pushPair(st, vs, e, k, ke, 'logfmt');
  return Math.max(e, vs);
}

/**
 * A `key=value` pair's value. A `name` attribute of an XML element is the element's name, not a
 * person's (`<Provider Name='Microsoft-Windows-Security-Auditing'`, `<user name="…"`): its path is
 * [element, '#attributes', key], as evtx_dump writes it, so the field rules read it under its owner
 * (src/policy/name-owners.ts).
 */
function pushPair(st: State, start: number, end: number, k: number, ke: number, encoding: KvEncoding): void {
  const s = st.line;
  const element = ke - k === 4 && (s.charCodeAt(k) | 32) === 110 && s.startsWith('ame', k + 1) ? elementOf(s, k) : '';
  if (element === '') push(st, start, end, s.slice(k, ke), encoding);
  else {
    (st.spans ??= []).push({ start, end, path: [element, ATTRIBUTES, s.slice(k, ke)], encoding });
    st.floor = end;
  }
}

/** Whether s[from, to) holds a `key=value` pair (a `=` right after a key char, not `==`). */
function holdsPair(s: string, from: number, to: number): boolean {
  for (let e = indexOfCode(s, EQ, from, to); e >= 0; e = indexOfCode(s, EQ, e + 1, to)) {
    if (e > from && isKeyChar(s.charCodeAt(e - 1)) && s.charCodeAt(e + 1) !== EQ) return true;
  }
  return false;
}

/** The name of the XML start tag the attribute at k is in (`<Provider Name=…`: `Provider`), or ''. */
function elementOf(s: string, k: number): string {
  const lt = s.lastIndexOf('<', k);
  if (lt < 0 || k - lt > ELEMENT_HEAD_MAX || indexOfCode(s, GT, lt, k) >= 0) return '';
  let e = lt + 1;
  while (e < k && isKeyChar(s.charCodeAt(e))) e++;
  return e > lt + 1 && isSpace(s.charCodeAt(e)) && isLetter(s.charCodeAt(lt + 1)) ? s.slice(lt + 1, e) : '';
}

const ATTRIBUTES = '#attributes';
/** How far before a `name` attribute its element's `<` is looked for. */
const ELEMENT_HEAD_MAX = 512;

/** `=>` at i: a hash as Ruby, Perl or PHP prints it (see the top). Returns where the search resumes. */
function onArrow(st: State, i: number): number {
  const s = st.line;
  const n = s.length;
  // The key: quoted, in brackets (print_r) or bare (a Ruby symbol `:name`, a Perl bareword).
  let ke = i;
  while (ke > st.floor && s.charCodeAt(ke - 1) === SP) ke--;
  const q = s.charCodeAt(ke - 1);
  let key: string;
  const bracketed = q === RBRACKET;
  if (q === DQUOTE || q === APOS || bracketed) {
    const open = lastIndexWithin(s, bracketed ? LBRACKET : q, ke - 2, Math.max(st.floor, ke - 2 - KEY_MAX));
    if (open < 0) return i + 2;
    key = s.slice(open + 1, ke - 1);
  } else {
    const k = keyStart(s, ke, st.floor);
    key = k < 0 ? '' : s.slice(k, ke);
  }
  if (key === '') return i + 2;
  let vs = i + 2;
  while (vs < n && s.charCodeAt(vs) === SP) vs++;
  if (vs >= n) return vs;
  const c = s.charCodeAt(vs);
  if (c === DQUOTE || c === APOS) {
    const close = closingOf(s, vs, c);
    if (close < 0) return vs + 1;
    if (close > vs + 1) push(st, vs + 1, close, key, c === DQUOTE ? 'quoted' : 'single');
    else st.floor = close + 1;
    return close + 1;
  }
  if (c === LBRACE || c === LBRACKET || c === LPAREN) return vs; // a nested hash or array: its own pairs
  let e = vs;
  if (bracketed) {
    // print_r: the value runs to the next `[key] =>`, or to the line's end.
    const next = s.indexOf('] =>', vs);
    const open = next < 0 ? -1 : s.lastIndexOf('[', next);
    e = open > vs ? open : n;
  } else {
    while (e < n && !isSpace(s.charCodeAt(e)) && s.charCodeAt(e) !== COMMA && s.charCodeAt(e) !== RBRACE && s.charCodeAt(e) !== RPAREN && s.charCodeAt(e) !== RBRACKET) e++;
  }
  e = trimEnd(s, vs, e);
  while (e > vs && isSpace(s.charCodeAt(e - 1))) e--;
  if (e > vs) push(st, vs, e, key, 'plain');
  return Math.max(e, vs);
}

/** The last index of `code` in [floor, from], or -1 (also at a backslash: an escaped quote is none). */
function lastIndexWithin(s: string, code: number, from: number, floor: number): number {
  for (let j = from; j >= floor; j--) {
    const c = s.charCodeAt(j);
    if (c === code) return j;
    if (c === BSLASH) return -1;
  }
  return -1;
}

/**
 * Windows event XML writes every field as an element that names it (`<Data Name="TargetUserName">jdoe</Data>`):
 * the attribute's value is the field's name, not a value, and the element's text is that field's
 * value. At `">` after `<Data Name="…"` (the name at [from, close)): the text up to the next `<`, at
 * most ELEMENT_TEXT_MAX chars and with no `>` in it, becomes the named field's pair. Returns where
 * the search resumes.
 */
function dataElement(st: State, from: number, close: number): number {
  const s = st.line;
  st.floor = close + 1;
  const start = close + 2;
  const limit = Math.min(s.length, start + ELEMENT_TEXT_MAX + 1);
  let lt = start;
  while (lt < limit && s.charCodeAt(lt) !== LT && s.charCodeAt(lt) !== GT) lt++;
  if (lt === start || lt === limit || s.charCodeAt(lt) !== LT) return close + 1;
  push(st, start, lt, s.slice(from, close), 'bare');
  return lt;
}

/** Longest element text read as a named field's value (a Windows event field is short). */
const ELEMENT_TEXT_MAX = 256;
const LT = 60;
const GT = 62;

/** `<Data Name="X"`: the key [k, ke) is `Name` right after `<Data `, and X [from, to) a field name. */
function isDataName(s: string, k: number, ke: number, from: number, to: number): boolean {
  if (ke - k !== 4 || !s.startsWith('Name', k) || k < 6 || !s.startsWith('<Data ', k - 6)) return false;
  if (to - from > KEY_MAX || to === from || !isLetter(s.charCodeAt(from))) return false;
  for (let i = from + 1; i < to; i++) if (!isKeyChar(s.charCodeAt(i))) return false;
  return true;
}

/** ASCII `:` at i: `key: value` (space or tab after the colon), or `"key": value` / `'key': value`. */
function onColon(st: State, i: number): number {
  const s = st.line;
  const prev = i > 0 ? s.charCodeAt(i - 1) : -1;
  if (prev === DQUOTE || prev === APOS) {
    // A quoted key: find its opening quote, no further back than the last value and KEY_MAX.
    const q = lastIndexWithin(s, prev, i - 2, Math.max(st.floor, i - 2 - KEY_MAX));
    if (q < 0 || q + 1 >= i - 1) return i + 1;
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
  // Nor is a bracket opened and not closed before a space (`session.log: [alice@web01 ~]$ sudo …`, a
  // shell prompt; `note: (see below)`): the bracketed stretch runs on, and is read in its line.
  if ((c === LBRACKET || c === LPAREN) && e < n && isSpace(s.charCodeAt(e)) && indexOfCode(s, c === LBRACKET ? RBRACKET : RPAREN, vs + 1, e) < 0) return vs;
  // A value that runs into a colon is also the next pair's key (`收货人信息：联系人：周八`,
  // `姓名：张三手机：13800138000`, `user: name: alice`): the next key may be looked for inside it.
  const runsOn = (e < n && s.charCodeAt(e) === FW_COLON) || s.charCodeAt(e - 1) === COLON;
  e = trimEnd(s, vs, numberEnd(s, vs, e));
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
