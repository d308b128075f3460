/**
 * An SQL statement inside a text line (`… Preparing: INSERT INTO t_user (id, mobile) VALUES (?, ?)`,
 * `Hibernate: update t set real_name='张三' where id=7`, `select … where mobile = '13800138000'`):
 * each literal value with the column it is written to or compared with, so field rules apply to it as
 * they do to `key=value` (a name in `real_name`, a passport in `passport_no`), and the column of each
 * `?` placeholder in order, for the bound values a later line prints (statements.ts).
 *
 * Where a value's column comes from:
 * - `insert|replace into t (c1, c2, …) values (v1, v2, …), (…)`: the n-th value of each row has the
 *   n-th column (a row with another count of values pairs nothing);
 * - `c = v`, `c <> v`, `c >= v`, … (so `update … set c = v` and `where c = v`), `c [not] like v`,
 *   `c [not] in (v1, v2)`, `c between v1 and v2`; a qualified column (`u.mobile`, `` `u`.`mobile` ``)
 *   is its last name;
 * - a value is a string (`'O''Brien'`, MySQL's `"…"` and `\'` too), a number or `?`; inside a function
 *   call (`c = lower(?)`, `aes_encrypt(?, …)` as an inserted value) only the `?`s take the column.
 *
 * Anything else is left to the text scan, as a value with no column: the reader never decides that a
 * value is safe, only which column names it. A line is read up to the first `;` or to a string that
 * does not close (a truncated statement: the values before it are paired, the rest is text).
 *
 * Cost: one native regex test rejects a line without a statement keyword; the tokens of a statement
 * are read once, into arrays reused from line to line.
 */
import { isWideLetter } from '../../../detectors/lib/scripts.js';
import type { KvSpan } from './span.js';

/** A statement found in a line. */
export interface SqlStatement {
  /** Where its first keyword starts and ends in the line. */
  readonly start: number;
  readonly keywordEnd: number;
  /** Where what was read of it ends: before a `;`, a string that does not close, or at the line's end. */
  readonly end: number;
  /** Its literal values that have a column, in line order (path `[column]`). */
  readonly values: readonly KvSpan[];
  /** The column of each `?` in order, null where none is known. */
  readonly placeholders: readonly (string | null)[];
}

/** A statement's first word, as a whole word, followed by a space. */
const KEYWORD = /\b(?:insert|replace|update|select|delete)\s/gi;
/** How many keyword hits a line may try before it is taken for prose (`select a file, then update …`). */
const MAX_TRIES = 4;
/** Tokens of a function call whose `?`s take the column it is compared with or inserted as. */
const MAX_CALL_TOKENS = 32;
/** Tokens read per statement at most: a batch insert longer than this pairs its first rows only. */
const MAX_TOKENS = 200_000;

const enum Tok {
  /** An unquoted name or keyword (`t_user`, `u.mobile`, `VALUES`). */
  Word,
  /** A name in backticks or brackets. */
  Name,
  /** `"…"`: a name (standard SQL) or a string (MySQL), by where it stands. */
  Dq,
  /** `'…'` (also `N'…'`, `E'…'`). */
  Str,
  Num,
  Param,
  LParen,
  RParen,
  Comma,
  /** `=` `<>` `!=` `<` `>` `<=` `>=`. */
  Cmp,
  Other,
}

/** The tokens of the statement being read (reused: readSql does not re-enter). */
const kinds: Tok[] = [];
const starts: number[] = [];
const ends: number[] = [];
let count = 0;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0x80 && isWideLetter(c));
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 36 || c === 46; // $ and `.` (qualified names)
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function add(kind: Tok, start: number, end: number): void {
  kinds[count] = kind;
  starts[count] = start;
  ends[count] = end;
  count++;
}

/** The index after a quoted token that opens at `at` with `quote`, or -1 if it does not close. */
function quoteEnd(s: string, at: number, quote: number, backslash: boolean): number {
  const n = s.length;
  for (let i = at + 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (backslash && c === 92) i++;
    else if (c === quote) {
      if (s.charCodeAt(i + 1) !== quote) return i + 1;
      i++; // a doubled quote stands for one
    }
  }
  return -1;
}

/** Tokens from `from` to the first `;`, the end, or a quote that does not close. */
function tokenize(s: string, from: number): void {
  count = 0;
  const n = s.length;
  let i = from;
  while (i < n && count < MAX_TOKENS) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (c === 59) return; // `;`
    const start = i;
    if (c === 39 || c === 34 || c === 96) {
      const end = quoteEnd(s, i, c, c !== 96);
      if (end < 0) return; // truncated: what follows is text
      add(c === 39 ? Tok.Str : c === 34 ? Tok.Dq : Tok.Name, start, end);
      i = end;
    } else if (c === 91) {
      const end = s.indexOf(']', i + 1);
      if (end < 0) return;
      add(Tok.Name, start, end + 1);
      i = end + 1;
    } else if (isNameStart(c)) {
      i++;
      while (i < n && isNameChar(s.charCodeAt(i))) i++;
      // N'…', E'…', X'…', B'…': a string with a prefix.
      if (i === start + 1 && s.charCodeAt(i) === 39 && /[NEXBnexb]/.test(s[start])) continue;
      add(Tok.Word, start, i);
    } else if (isDigit(c) || ((c === 45 || c === 46) && isDigit(s.charCodeAt(i + 1)) && signMayStart())) {
      i++;
      while (i < n && (isNameChar(s.charCodeAt(i)) || ((s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) && /[eE]/.test(s[i - 1])))) i++;
      add(Tok.Num, start, i);
    } else if (c === 63) {
      add(Tok.Param, start, ++i);
    } else if (c === 40) {
      add(Tok.LParen, start, ++i);
    } else if (c === 41) {
      add(Tok.RParen, start, ++i);
    } else if (c === 44) {
      add(Tok.Comma, start, ++i);
    } else if (c === 61 || c === 60 || c === 62 || (c === 33 && s.charCodeAt(i + 1) === 61)) {
      i++;
      while (i < n && i < start + 2 && (s.charCodeAt(i) === 61 || s.charCodeAt(i) === 62)) i++;
      add(Tok.Cmp, start, i);
    } else {
      add(Tok.Other, start, ++i);
    }
  }
}

/** A `-` or `.` before a digit starts a number only where a value may start. */
function signMayStart(): boolean {
  if (count === 0) return true;
  const k = kinds[count - 1];
  return k === Tok.Cmp || k === Tok.LParen || k === Tok.Comma || k === Tok.Word;
}

let line = '';

/** The kind of token `t`, or -1 past the last one (the arrays hold older lines' tokens there). */
function kind(t: number): Tok | -1 {
  return t < count ? kinds[t] : -1;
}

function word(t: number): string {
  return kind(t) === Tok.Word ? line.slice(starts[t], ends[t]).toLowerCase() : '';
}

/** Whether token `t` is the word `w` (lower case), in any case, without making a string. */
function isWord(t: number, w: string): boolean {
  if (kind(t) !== Tok.Word || ends[t] - starts[t] !== w.length) return false;
  for (let i = 0; i < w.length; i++) if ((line.charCodeAt(starts[t] + i) | 0x20) !== w.charCodeAt(i)) return false;
  return true;
}

/** Words that are never a column name in front of a comparison. */
const KEYWORDS = new Set(['and', 'or', 'not', 'where', 'set', 'on', 'when', 'then', 'else', 'case', 'having', 'select', 'from', 'values', 'value', 'is', 'null', 'like', 'in', 'between', 'exists', 'as', 'by', 'limit', 'offset', 'join', 'using', 'returning']);

/** The column name token `t` stands for (the last part of a qualified name, unquoted), or null. */
function columnAt(t: number): string | null {
  if (t < 0) return null;
  const k = kinds[t];
  let s = starts[t];
  let e = ends[t];
  if (k === Tok.Word) {
    if (KEYWORDS.has(word(t))) return null;
    for (let i = e - 1; i > s; i--) {
      if (line.charCodeAt(i) === 46) {
        s = i + 1; // `u.mobile` → `mobile`
        break;
      }
    }
  } else if (k === Tok.Name || k === Tok.Dq) {
    s++;
    e--;
  } else {
    return null;
  }
  return e > s ? line.slice(s, e) : null;
}

/** The column each value token has: token index → column. */
const columns = new Map<number, string>();

/**
 * The value at token `t` takes `column`: a literal or `?` directly; in a function call, the `?`s in
 * it; a typed literal (`date '2026-01-01'`) its string. Returns the token after the value.
 */
function operand(t: number, column: string): number {
  const k = kind(t);
  if (k === Tok.Str || k === Tok.Num || k === Tok.Param || k === Tok.Dq) {
    columns.set(t, column);
    return t + 1;
  }
  if (k === Tok.Word) {
    if (kind(t + 1) === Tok.Str) {
      columns.set(t + 1, column);
      return t + 2;
    }
    if (kind(t + 1) === Tok.LParen) {
      let depth = 0;
      let u = t + 1;
      // A call longer than MAX_CALL_TOKENS gives no column (nested calls would make this quadratic).
      for (const limit = Math.min(count, t + MAX_CALL_TOKENS); u < limit; u++) {
        if (kinds[u] === Tok.LParen) depth++;
        else if (kinds[u] === Tok.RParen && --depth === 0) break;
        else if (kinds[u] === Tok.Param) columns.set(u, column);
      }
      return u + 1;
    }
  }
  return t + 1;
}

/** `c op v`, `c like v`, `c in (…)`, `c between v and v`, anywhere in the statement. */
function comparisons(): void {
  for (let t = 0; t + 1 < count; t++) {
    if (kinds[t + 1] === Tok.Cmp) {
      const column = columnAt(t);
      if (column !== null) operand(t + 2, column);
      continue;
    }
    if (kinds[t + 1] !== Tok.Word) continue;
    let u = t + 1;
    if (isWord(u, 'not')) u++;
    const w = isWord(u, 'in') ? 'in' : isWord(u, 'like') || isWord(u, 'ilike') ? 'like' : isWord(u, 'between') ? 'between' : '';
    if (w === '') continue;
    const column = columnAt(t);
    if (column === null) continue;
    if (w === 'between') {
      const next = operand(u + 1, column);
      if (isWord(next, 'and')) operand(next + 1, column);
    } else if (w === 'in') {
      if (kind(u + 1) !== Tok.LParen) continue;
      for (let v = u + 2; kind(v) !== Tok.RParen && v < count; ) {
        v = operand(v, column);
        if (kind(v) === Tok.Comma) v++;
        else break;
      }
    } else {
      operand(u + 1, column);
    }
  }
}

/** `insert into t (c1, …) values (v1, …), (…)`: each row's n-th value has the n-th column. */
function insertRows(): void {
  let t = 1;
  while (t < count && kinds[t] !== Tok.LParen && !isWord(t, 'values') && !isWord(t, 'value')) t++;
  if (kind(t) !== Tok.LParen) return; // no column list
  const names: (string | null)[] = [];
  for (t++; t < count && kinds[t] !== Tok.RParen; t++) {
    if (kinds[t] === Tok.Comma) continue;
    names.push(columnAt(t));
    if (kind(t + 1) !== Tok.Comma && kind(t + 1) !== Tok.RParen) return; // not a column list
  }
  t++;
  if (!isWord(t, 'values') && !isWord(t, 'value')) return;
  for (t++; kind(t) === Tok.LParen; ) {
    // One row: its values, each up to a `,` or the `)` at its depth.
    const items: number[] = [];
    let u = t + 1;
    let depth = 0;
    let itemStart = u;
    for (; u < count; u++) {
      const k = kinds[u];
      if (k === Tok.LParen) depth++;
      else if (k === Tok.RParen && depth > 0) depth--;
      else if (depth === 0 && (k === Tok.Comma || k === Tok.RParen)) {
        items.push(itemStart);
        itemStart = u + 1;
        if (k === Tok.RParen) break;
      }
    }
    if (u >= count) return; // a row cut short: its values are text
    if (items.length === names.length) {
      for (let i = 0; i < items.length; i++) {
        const name = names[i];
        if (name !== null) operand(items[i], name);
      }
    }
    t = u + 1;
    if (kind(t) === Tok.Comma) t++;
  }
}

/**
 * The first statement in the line from `from`, or null: a keyword (insert, replace, update, select,
 * delete) that starts one, tried at most MAX_TRIES times.
 */
export function readSql(s: string, from = 0): SqlStatement | null {
  KEYWORD.lastIndex = from;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const m = KEYWORD.exec(s);
    if (m === null) break;
    const next = KEYWORD.lastIndex;
    const found = statementAt(s, m.index);
    if (found !== null) return found;
    KEYWORD.lastIndex = next;
  }
  return null;
}

function statementAt(s: string, start: number): SqlStatement | null {
  line = s;
  tokenize(s, start);
  try {
    if (count < 3) return null;
    const kw = word(0);
    // What makes the keyword a statement and not a word of prose.
    if (kw === 'insert' || kw === 'replace') {
      let t = 1;
      if (isWord(t, 'ignore') || isWord(t, 'or')) t += isWord(t, 'or') ? 2 : 1;
      if (!isWord(t, 'into')) return null;
    } else if (kw === 'update') {
      if (!hasWord(2, 4, 'set')) return null;
    } else if (kw === 'delete') {
      if (!isWord(1, 'from')) return null;
    } else if (kw === 'select') {
      if (!hasWord(2, count, 'from')) return null;
    } else {
      return null;
    }
    columns.clear();
    if (kw === 'insert' || kw === 'replace') insertRows();
    comparisons();
    const values: KvSpan[] = [];
    const placeholders: (string | null)[] = [];
    for (let t = 0; t < count; t++) {
      const k = kinds[t];
      const column = columns.get(t) ?? null;
      if (k === Tok.Param) placeholders.push(column);
      else if (column !== null && (k === Tok.Str || k === Tok.Dq || k === Tok.Num)) {
        const quoted = k !== Tok.Num;
        const vs = quoted ? starts[t] + 1 : starts[t];
        const ve = quoted ? ends[t] - 1 : ends[t];
        if (ve > vs) values.push({ start: vs, end: ve, path: [column], encoding: k === Tok.Str ? 'sql' : k === Tok.Dq ? 'quoted' : 'bare', alone: true });
      }
    }
    return { start, keywordEnd: ends[0], end: ends[count - 1], values, placeholders };
  } finally {
    line = '';
    columns.clear();
  }
}

/** Whether the word `w` is among tokens [from, to). */
function hasWord(from: number, to: number, w: string): boolean {
  for (let t = from; t < to && t < count; t++) if (isWord(t, w)) return true;
  return false;
}
