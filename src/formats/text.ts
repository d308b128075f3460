/**
 * The text format: every line a record. Key-value pairs and JSON found inside a line (inline/) are
 * visited on their own, with their paths, when a field rule decides them or their text is encoded,
 * and so are SQL values with their columns (inline/sql.ts; the values MyBatis and Hibernate print on
 * later lines through the stream's SqlMemory, inline/statements.ts); the rest of the line as free
 * text (visitLine, which NDJSON and CSV also use for a record that is not what its format says).
 */
import { isDigit } from '../../detectors/lib/chars.js';
import { codeAt } from '../../detectors/lib/code-at.js';
import { isOperatorOutput } from '../../detectors/lib/operator-output.js';
import { isCjkWordChar } from '../../detectors/lib/scripts.js';
import { LogveilError } from '../errors.js';
import { DROP, type FieldPath, type ValueVisitor } from '../record/index.js';
import type { Format, FormatOptions } from './format.js';
import { TextLineTransform, type LineMapper } from './lines/transform.js';
import { decodeValue, droppedValue, encodeValue, isEncoded } from './inline/encoding.js';
import { placedUsers, withPlacedUsers } from './inline/placed-users.js';
import { startsKeyPhrase } from './inline/key-phrases.js';
import { findKeyValues } from './inline/pairs.js';
import type { KvSpan } from './inline/span.js';
import { SqlMemory, sqlValues, type SqlValues } from './inline/statements.js';

const WHOLE_LINE: readonly never[] = [];

/**
 * In the free text, a value visited on its own is stood in for by marks of its length (so offsets in
 * scan reports stay right): `OPEN … CLOSE`, or `SOLO` for one char, control chars that a log line
 * next to never holds (one that does is visited piece by piece). Inside, a lone `0` when the value had
 * a digit and `zz` when it had a word, so that, as in the whole line, the value stands between a
 * context word before it and a candidate after it (the scanner's "claimed" rule: `order_id=… call
 * 13800138000` is still a phone). None of it can begin a finding, no finding crosses a mark, and an
 * ASCII line stays a one-byte string for the scanner's regexes.
 */
const OPEN = '\x01';
const CLOSE = '\x02';
const FILL = '\x03';
const SOLO = '\x04';
const MARKS = /[\x01-\x04]/;
const MARK_START = /[\x01\x04]/g;
const SOLO_CODE = 4;
const QMARK = 63;

function standIn(line: string, start: number, end: number): string {
  const n = end - start;
  if (n === 1) return SOLO;
  let digit = false;
  let word = false;
  let letters = 0;
  let tokenDigit = false;
  let written = false; // a char an operator writes (`*`, `<`, `_`): worth asking whether the value is its output
  for (let i = start; i <= end; i++) {
    const c = i < end ? line.charCodeAt(i) : 32;
    if (c === 42 || c === 60 || c === 95) written = true;
    if (c >= 48 && c <= 57) digit = tokenDigit = true;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else {
      if (letters >= 2 && !tokenDigit) word = true;
      if (isCjkWordChar(c)) word = true;
      letters = 0;
      tokenDigit = false;
    }
  }
  // What an operator wrote (`<IBAN>`, `**** 1013`) stood for a value with its digits and words.
  if (written && isOperatorOutput(line.slice(start, end))) digit = word = true;
  let body = (digit ? '0' : '') + (digit && word ? FILL : '') + (word ? 'zz' : '');
  if (body.length > n - 2) body = digit ? '0' : word && n >= 4 ? 'zz' : '';
  if (body.length > n - 2) body = '';
  return OPEN + body + FILL.repeat(n - 2 - body.length) + CLOSE;
}

function visitText(visitor: ValueVisitor, text: string, record: number): string {
  const out = visitor.visit(text, { record, path: WHOLE_LINE });
  return out === DROP ? '' : out;
}

/**
 * One text line, with field rules for the key-value pairs in it (inline/pairs.ts finds them):
 *
 * 1. A value is visited on its own, with its path (`[key]`, or its JSON path in an embedded object),
 *    when a field rule decides it (`keep`, `drop`, `as TYPE`: the visitor's `decides`), or when its
 *    text is not its value (%-encoding, backslash escapes: it is visited decoded and written back
 *    encoded), or it is a JSON number (a replacement that is not a number is written as a JSON
 *    string). A visitor without `decides` gets every pair's value on its own except prose pairs
 *    (`passport no: E55512345`: the key is the last word of a phrase the scan needs as context).
 *    An SQL value is always visited on its own, its column as its path (see withSqlValues); with a
 *    `memory`, values bound on later lines are too (MyBatis Parameters, Hibernate binding).
 * 2. The rest of the line, those values stood in for, is visited as free text (path `[]`): every other
 *    value is scanned there, in its line, where its key and the words before it count as context,
 *    exactly as before pairs were looked for.
 *
 * So each value is visited once, and a scan report's offsets for free text are offsets in the line.
 * Where a bare value ends is inline/pairs.ts's call: at the next space, except a number in groups
 * (`card=4111 1111 1111 1111`, cut back here to what the visitor finds in it when groups follow that
 * are not the value's, `… 1111 200`: see withValueEnds) and, here, a name or address field's
 * capitalized words after it (`name=Zhang San`, see withWordRuns). A dropped value leaves
 * its key (`token=`, `token=""`, `"token":""`, `null` for a JSON number). A line with nothing replaced
 * comes back as the very same string.
 */
export function visitLine(visitor: ValueVisitor, line: string, record: number, memory: SqlMemory | null = null): string {
  // A visitor reads a value that holds pairs with visitLine again (visitors.ts): bounded, see MAX_NESTING.
  if (nesting >= MAX_NESTING) {
    throw new LogveilError('LV_FORMAT', `record ${record + 1}: values nested inside values more than ${MAX_NESTING} deep (not read)`);
  }
  nesting++;
  try {
    return visitPairs(visitor, line, record, memory);
  } finally {
    nesting--;
  }
}

/**
 * How deep values inside values are read for pairs (a JSON string that holds a query string that
 * holds …). Each level scans its value again: without a bound, a 2 MB line of nested %-encoded query
 * strings took 13 s and an 8 MB one ran out of memory. Deeper is an error (LV_FORMAT naming the
 * record), not free text: there a value would be scanned still encoded, and could pass unfound.
 */
export const MAX_NESTING = 32;
/** visitLine calls under way (visitLine is synchronous: one count per thread). */
let nesting = 0;

function visitPairs(visitor: ValueVisitor, line: string, record: number, memory: SqlMemory | null): string {
  const sql = sqlValues(line, record, memory);
  const pairs = sql === null ? findKeyValues(line) : withSqlValues(visitor, line, findKeyValues(line), sql);
  const found = withPlacedUsers(pairs, placedUsers(line));
  if (found.length === 0) return visitText(visitor, line, record);
  const worded = visitor.holdsWords ? withWordRuns(visitor.holdsWords, line, found) : found;
  const spans = visitor.valueEnd ? withValueEnds(visitor, line, worded) : worded;
  let free: string | null = null; // the line with the own-visited values stood in for
  let outs: string[] | null = null; // what each of them is written back as
  let changed = false;
  let at = 0;
  for (const span of spans) {
    if (!visitedAlone(visitor, line, span)) continue;
    const raw = line.slice(span.start, span.end);
    const value = decodeValue(raw, span.encoding);
    const r = visitor.visit(value, span.whole ? { record, path: span.path, whole: true } : { record, path: span.path });
    const out = r === DROP ? droppedValue(span.encoding) : r === value ? raw : encodeValue(r, span.encoding, raw);
    if (out !== raw) changed = true;
    (outs ??= []).push(out);
    free = (free ?? '') + line.slice(at, span.start) + standIn(line, span.start, span.end);
    at = span.end;
  }
  if (free === null || outs === null) return visitText(visitor, line, record);
  free += line.slice(at);
  if (MARKS.test(line)) return visitPieces(visitor, line, record, spans, outs);
  const text = visitText(visitor, free, record);
  if (text === free && !changed) return line;
  // Each written-back value where its stand-in is. A stand-in cut by a replacement (no detector does
  // that) or one too many: visit the pieces one by one instead.
  let result = '';
  let pos = 0;
  for (const out of outs) {
    MARK_START.lastIndex = pos;
    if (!MARK_START.test(text)) return visitPieces(visitor, line, record, spans, outs);
    const s = MARK_START.lastIndex - 1;
    const e = text.charCodeAt(s) === SOLO_CODE ? s + 1 : text.indexOf(CLOSE, s + 1) + 1;
    if (e === 0) return visitPieces(visitor, line, record, spans, outs);
    result += text.slice(pos, s) + out;
    pos = e;
  }
  MARK_START.lastIndex = pos;
  if (MARK_START.test(text)) return visitPieces(visitor, line, record, spans, outs);
  return result + text.slice(pos);
}

/**
 * Whether a pair's value is visited on its own: when a field rule decides it, its text is not its
 * value, its key is a dotted path (`order.detail=…`: the prefix groups fields, it does not label
 * this one, so its words must not count against the value as they would in the line), or it is an
 * SQL value (its column is its context; the words around it are other columns and values). A visitor that
 * cannot say (no `decides`) gets every value on its own but prose pairs (`passport no: E55512345`),
 * whose key may be the last word of a phrase that the scan needs as context.
 */
function visitedAlone(visitor: ValueVisitor, line: string, span: KvSpan): boolean {
  if (span.path.length > 1 || span.alone === true) return true;
  // After those: isEncoded reads the value's chars (most values are bare, and it says no at once).
  if (isEncoded(line, span)) return true;
  return visitor.decides === undefined ? span.prose !== true : visitor.decides(span.path);
}

/**
 * The pairs of a line that holds SQL values (inline/sql.ts, inline/statements.ts), with those values:
 * - a pair whose value holds the whole statement (`sql="select …"`) keeps it when the pair is
 *   visited on its own (a field rule decides it, or its value is encoded: the visitor reads the
 *   decoded value as a line, SQL and all);
 * - inside a statement the SQL reader says what a value is: a pair on the keyword (`Preparing:
 *   INSERT`), on a `?` (`set mobile=?`: no value at all) or on a quoted value (`mobile='…'`) is no
 *   pair; one that reads a number in groups (`set card_no=4111 1111 1111 1111`, a log's if not SQL)
 *   is kept, whole, instead of the statement's bare number, and written back as is (no word run, no
 *   logfmt quotes: `real_name=? WHERE` is no name);
 * - on a line of bound values (MyBatis Parameters, Hibernate binding), the values win.
 */
function withSqlValues(visitor: ValueVisitor, line: string, pairs: readonly KvSpan[], sql: SqlValues): readonly KvSpan[] {
  const { spans, keywordStart, keywordEnd, statementEnd } = sql;
  for (const p of pairs) {
    if (p.start <= keywordStart && p.end > keywordEnd && visitedAlone(visitor, line, p)) return pairs;
  }
  if (spans.length === 0 && keywordStart < 0) return pairs;
  const out: KvSpan[] = [];
  let k = 0;
  for (const p of pairs) {
    while (k < spans.length && spans[k].end <= p.start) out.push(spans[k++]);
    // The values it overlaps: [k, k2).
    let k2 = k;
    let bareOnly = true;
    for (; k2 < spans.length && spans[k2].start < p.end; k2++) if (spans[k2].encoding !== 'bare') bareOnly = false;
    const inStatement = keywordStart >= 0 && p.start < statementEnd && keywordStart < p.end;
    if (!inStatement) {
      if (k2 === k) out.push(p);
      continue;
    }
    if (p.start < keywordEnd || !bareOnly || line.charCodeAt(p.start) === QMARK) continue;
    out.push(p.encoding === 'logfmt' || p.encoding === 'plain' ? { ...p, encoding: 'bare' } : p);
    k = k2; // the statement's bare numbers under it give way
  }
  while (k < spans.length) out.push(spans[k++]);
  return out;
}

/**
 * A bare value visited on its own that ran on over a number's groups (inline/bare-value.ts: `card=4111
 * 1111 1111 1111 200`) ends where the visitor says the field's value does (ValueVisitor.valueEnd): the
 * groups after it (`200`) stay in the line as free text, neither replaced with the value nor quoted
 * into its replacement. Values that ran on over words (withWordRuns: names, addresses) the visitor
 * leaves whole.
 */
function withValueEnds(visitor: ValueVisitor, line: string, spans: readonly KvSpan[]): readonly KvSpan[] {
  let out: KvSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    let end = span.end;
    const bare = span.encoding === 'logfmt' || span.encoding === 'plain';
    if (bare && lastGroupStandsOut(line, span.start, span.end) && visitedAlone(visitor, line, span)) {
      end = span.start + visitor.valueEnd!(line.slice(span.start, span.end), span.path);
    }
    if (end < span.end) (out ??= spans.slice(0, k)).push({ ...span, end });
    else out?.push(span);
  }
  return out ?? spans;
}

/**
 * The value ran on over groups (it holds a space) and its last group may not be the value's: it has
 * no digit (`… 0130 00 GET`) or is not as long as the group before it (`4111 1111 1111 1111 200`).
 * A number in even groups (`138 0013 8000`, `4111 1111 1111 1111`) is taken whole without asking the
 * visitor, whose answer costs a scan of the value.
 */
function lastGroupStandsOut(line: string, start: number, end: number): boolean {
  // Spaces looked for inside the value only (lastIndexOf would run on back through the line).
  const last = spaceBefore(line, start, end);
  if (last < start) return false;
  let digit = last + 1;
  while (digit < end && !isDigit(line.charCodeAt(digit))) digit++;
  if (digit === end) return true;
  return end - last !== last - spaceBefore(line, start, last);
}

/** The last space in line[start, end), or start - 1. */
function spaceBefore(line: string, start: number, end: number): number {
  let i = end - 1;
  while (i >= start && line.charCodeAt(i) !== 32) i--;
  return i;
}

/** How many capitalized words a bare name or address value may run on over. */
const MAX_EXTRA_WORDS = 4;

/**
 * Bare values of fields that hold words (names, addresses) run on over the words after them that
 * start with a capital letter or a digit and are no key: `name=Zhang San age=30` names `Zhang San`,
 * `name=Bob logged in` names `Bob`. (logfmt wants such values quoted; logs do not always do it, and a
 * surname left behind is personal data.) The spans come from inline/pairs.ts, which knows no field types.
 */
function withWordRuns(holdsWords: (path: FieldPath) => boolean, line: string, spans: readonly KvSpan[]): readonly KvSpan[] {
  let out: KvSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    let end = span.end;
    const after = codeAt(line, end); // a span often ends the line
    if ((span.encoding === 'logfmt' || span.encoding === 'plain') && (after === 32 || after === 44) && holdsWords(span.path)) {
      end = wordRunEnd(line, end, k + 1 < spans.length ? spans[k + 1].start : line.length);
    }
    if (end > span.end) (out ??= spans.slice(0, k)).push({ ...span, end });
    else out?.push(span);
  }
  return out ?? spans;
}

/** The end of the capitalized words (at most MAX_EXTRA_WORDS, after a space or `, `) from `end`, before `limit`. */
function wordRunEnd(line: string, end: number, limit: number): number {
  let e = end;
  for (let words = 0; words < MAX_EXTRA_WORDS; words++) {
    // One space, or a comma and a space (`12 Main St, Springfield`, `Smith, John`).
    const comma = line.charCodeAt(e) === 44;
    if (line.charCodeAt(comma ? e + 1 : e) !== 32) break;
    const p = comma ? e + 2 : e + 1;
    if (p >= limit) break; // the next value starts there
    const c = line.charCodeAt(p);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
    let q = p + 1;
    while (q < limit && isWordChar(line.charCodeAt(q))) q++;
    const next = q < line.length ? line.charCodeAt(q) : 32;
    // A word that is a key (`Age=30`, `City: …`) or runs into the next value ends the run before it.
    if ((q === limit && limit < line.length) || isKeyEnd(next) || !(next === 32 || next === 44 || next === 59)) break;
    // So does the first word of a known key of several words (`… Account Domain: CORP`: inline/key-phrases.ts).
    if (startsKeyPhrase(line, p, q, limit)) break;
    e = q;
  }
  return e;
}

/** `=`, `:` or `：` right after a word: the word is a key. */
function isKeyEnd(c: number): boolean {
  return c === 61 || c === 58 || c === 0xff1a;
}

/** Letters (any script), digits, and the `-` `'` `.` inside names (`Jean-Luc`, `O'Neil`, `St.`). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 39 || c === 46 || c >= 0xc0;
}

/** The free text between the own-visited values, each piece visited on its own (the rare way). */
function visitPieces(
  visitor: ValueVisitor,
  line: string,
  record: number,
  spans: readonly KvSpan[],
  outs: readonly string[],
): string {
  let result = '';
  let at = 0;
  let k = 0;
  for (const span of spans) {
    if (!visitedAlone(visitor, line, span)) continue;
    result += visitText(visitor, line.slice(at, span.start), record) + outs[k++];
    at = span.end;
  }
  return result + visitText(visitor, line.slice(at), record);
}

/** One stream's line mapper: it remembers the SQL statements whose values later lines print. */
function textLines({ visitor }: FormatOptions): LineMapper {
  const memory = new SqlMemory();
  return (line, record) => visitLine(visitor, line, record, memory);
}

/** Plain-text logs: every line is visited, key-value pairs in it with their keys (see visitLine). */
export const textFormat: Format = {
  name: 'text',
  extensions: ['.log', '.txt', '.out', '.err'],
  createTransform(options) {
    return TextLineTransform.forFormat(textLines(options), options);
  },
  lines: textLines,
};
