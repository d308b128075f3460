/**
 * Values bound to a statement's `?`s, printed on the lines after it, paired with the statement's
 * columns (sql.ts finds each `?`'s column):
 *
 * - MyBatis: `… ==>  Preparing: INSERT INTO t (id, mobile, real_name) VALUES (?, ?, ?)`, then
 *   `… ==> Parameters: 1001(Long), 13800138000(String), 张三(String)` (a value may hold `, ` and `(`:
 *   values are cut at the `(Type)` suffixes MyBatis writes, `null` has none). The two lines are
 *   paired by what comes before `==>` (logger and thread), without the parts that change from line to
 *   line (timestamps, pids), and only when the counts agree; a batch repeats Parameters lines.
 * - MyBatis result rows: `<==    Columns: id, mobile, real_name`, then `<==        Row: 1001, …, 张三`
 *   (no types: a row whose values hold `, ` does not cut into as many values as there are columns,
 *   and is not paired).
 * - Hibernate: `… org.hibernate.SQL - insert into t (a, b) values (?, ?)` or `Hibernate: insert …`,
 *   then `… binding parameter [1] as [VARCHAR] - [13800138000]` (Hibernate 6: `binding parameter
 *   (1:VARCHAR) <- […]`). The logger differs between the two, so they are paired by the thread and
 *   the rest of what comes before, without logger names; a binding line with no statement of its own
 *   takes the last unprefixed one (`Hibernate: …` on stdout). Indexes must come in order.
 *
 * One SqlMemory reads one stream's lines in order. It keeps the latest statement per prefix, at most
 * MAX_STATEMENTS of them, and forgets them all when the lines it is given are not consecutive (the
 * worker pool maps blocks of lines, not always the next block after the last one). A value whose
 * column is not known (no statement seen, or a `?` the reader gives no column) is not paired. A bound
 * string (`(String)`, `[VARCHAR]`, `(2:NVARCHAR)`) is then still visited on its own, its path its
 * position (`[4]`) and marked `whole`: it is one value whose ends the line's notation marks, as a CSV
 * cell is, and a detector may read it as such (a national phone number of a configured region is
 * one, though no phone word names it: detectors/phone). Other bound values (`(Long)`, `[BIGINT]`,
 * `(Timestamp)`) are scanned as text like any other (fail closed).
 */
import { readSql } from './sql.js';
import type { KvSpan } from './span.js';

/** The values of one line that SQL pairs with columns, and where the statement's keyword is if any. */
export interface SqlValues {
  readonly spans: readonly KvSpan[];
  /** Where a statement's first keyword is (-1 on a line of bound values): a pair holding more holds the statement. */
  readonly keywordStart: number;
  readonly keywordEnd: number;
  /** Where the statement ends (-1 on a line of bound values). */
  readonly statementEnd: number;
}

/** Statements kept per stream at most (one per thread and logger, typically a few dozen). */
export const MAX_STATEMENTS = 256;
/** Placeholders of a statement kept at most; a bigger statement is not remembered. */
const MAX_PLACEHOLDERS = 10_000;

interface Remembered {
  readonly columns: readonly (string | null)[];
  /** Hibernate: the index the next binding line should have (bindings come in order). */
  next: number;
}

/** What a line needs to hold for anything here: a MyBatis arrow, a Hibernate binding, a statement keyword. */
const GATE = /==>|<==|binding parameter |hibernate[:.]|\bo\.h\.SQL\b|\b(?:insert|replace|update|select|delete)\s/gi;
/** A Hibernate statement line (`Hibernate: …`, `org.hibernate.SQL - …`), also one whose statement follows on other lines. */
const HIBERNATE_SQL = /Hibernate:|\bhibernate\.SQL\b|\bo\.h\.SQL\b/;
const ARROW = '==>';
const PREPARING = 'Preparing:';
const PARAMETERS = 'Parameters:';
const RESULT_ARROW = '<==';
const COLUMNS = 'Columns:';
const ROW = 'Row:';
const BINDING = 'binding parameter ';

/** The statement memory of one stream of lines (the text format makes one per input). */
export class SqlMemory {
  private readonly statements = new Map<string, Remembered>();
  private last = -2;

  /** Forget everything unless `record` follows the last line read (or is it: a line in pieces). */
  at(record: number): void {
    if (record !== this.last && record !== this.last + 1) this.statements.clear();
    this.last = record;
  }

  remember(key: string, columns: readonly (string | null)[] | null): void {
    this.statements.delete(key); // the latest statement of a prefix replaces the one before
    if (columns === null || columns.length > MAX_PLACEHOLDERS) return;
    if (this.statements.size >= MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value as string);
    this.statements.set(key, { columns, next: 1 });
  }

  get(key: string): Remembered | undefined {
    return this.statements.get(key);
  }
}

/**
 * The values in `line` that SQL pairs with columns: a statement's own literals (sql.ts), or the values
 * a Parameters or binding line binds to the statement `memory` holds for it. Null when there are none
 * and the line holds no statement. Without a memory (a value read as a line), statements only.
 */
export function sqlValues(line: string, record: number, memory: SqlMemory | null): SqlValues | null {
  if (memory !== null) memory.at(record);
  // Most lines have none of it: one native test, and nothing more for them.
  GATE.lastIndex = 0;
  if (!GATE.test(line)) return null;
  if (memory !== null) {
    const arrow = line.indexOf(ARROW);
    if (arrow >= 0) {
      const after = skipSpaces(line, arrow + ARROW.length);
      if (line.startsWith(PARAMETERS, after)) return myBatisParameters(line, arrow, skipSpaces(line, after + PARAMETERS.length), memory);
      if (line.startsWith(PREPARING, after)) {
        // From after the label: a mapper method named like a keyword (`UserMapper.select :`) is no statement.
        const statement = readSql(line, after + PREPARING.length);
        memory.remember(`m${prefixKey(line, arrow, true)}`, statement?.placeholders ?? null);
        return statement && { spans: statement.values, keywordStart: statement.start, keywordEnd: statement.keywordEnd, statementEnd: statement.end };
      }
    }
    const back = line.indexOf(RESULT_ARROW);
    if (back >= 0) {
      const after = skipSpaces(line, back + RESULT_ARROW.length);
      const key = () => `r${prefixKey(line, back, true)}`;
      if (line.startsWith(COLUMNS, after)) {
        memory.remember(key(), resultColumns(line, skipSpaces(line, after + COLUMNS.length)));
        return null;
      }
      if (line.startsWith(ROW, after)) return myBatisRow(line, skipSpaces(line, after + ROW.length), memory.get(key()));
    }
    const binding = line.indexOf(BINDING);
    if (binding >= 0) {
      const bound = hibernateBinding(line, binding, memory);
      if (bound !== null) return bound;
    }
  }
  const statement = readSql(line);
  if (memory !== null) {
    // The statement's ?s, for the binding lines after it; a Hibernate line whose statement cannot be
    // read here (format_sql writes it on the lines after) forgets the one before, so that its
    // bindings are not paired with another statement's columns.
    const hibernate = HIBERNATE_SQL.exec(line);
    const end = statement !== null ? statement.start : hibernate !== null ? hibernate.index : -1;
    if (end >= 0) {
      let at = hibernate !== null && hibernate.index < end ? hibernate.index : end;
      while (at > 0 && !isBlank(line.charCodeAt(at - 1))) at--; // the whole logger name goes
      memory.remember(`h${prefixKey(line, at, false)}`, statement?.placeholders ?? null);
    }
  }
  return statement && { spans: statement.values, keywordStart: statement.start, keywordEnd: statement.keywordEnd, statementEnd: statement.end };
}

/**
 * `==> Parameters: v1(Type), null, v3(Type)` from `from`, paired with the remembered `?` columns; a
 * String whose column is not known is a whole value with its position as its path.
 */
function myBatisParameters(line: string, arrow: number, from: number, memory: SqlMemory): SqlValues | null {
  const statement = memory.get(`m${prefixKey(line, arrow, true)}`);
  const end = skipSpacesBack(line, line.length);
  const columns = statement?.columns ?? null;
  const count = columns === null ? ANY_COUNT : columns.length;
  // The usual type names first; any class name only if they do not give the right count.
  const cut = parameterValues(line, from, end, KNOWN_TYPE, count) ?? parameterValues(line, from, end, ANY_TYPE, count);
  if (cut === null) return null;
  const spans: KvSpan[] = [];
  for (let i = 0; 2 * i < cut.length; i++) {
    const column = columns === null ? null : columns[i];
    const s = cut[2 * i];
    const e = cut[2 * i + 1];
    if (e === s) continue;
    if (column !== null) spans.push({ start: s, end: e, path: [column], encoding: 'bare', alone: true });
    else if (line.startsWith(STRING_TYPE, e)) spans.push(unnamed(s, e, i + 1));
  }
  return spans.length === 0 && columns === null ? null : { spans, keywordStart: -1, keywordEnd: -1, statementEnd: -1 };
}

/** A bound string whose column is not known: visited on its own as a whole value, at its position. */
function unnamed(start: number, end: number, position: number): KvSpan {
  return { start, end, path: [position], encoding: 'bare', alone: true, whole: true };
}

/** `<==    Columns: id, mobile, real_name`: the names, null for an empty one. */
function resultColumns(line: string, from: number): (string | null)[] {
  const text = line.slice(from, skipSpacesBack(line, line.length));
  return text === '' ? [] : text.split(', ').map((name) => name.trim() || null);
}

/**
 * `<==        Row: 1001, 13912345678, 张三`: each value with the column the Columns line before it
 * named; when a value holds `, ` the count is off and nothing is paired.
 */
function myBatisRow(line: string, from: number, columns: Remembered | undefined): SqlValues | null {
  if (columns === undefined) return null;
  const end = skipSpacesBack(line, line.length);
  const names = columns.columns;
  const spans: KvSpan[] = [];
  let p = from;
  for (let i = 0; i < names.length; i++) {
    const comma = line.indexOf(', ', p);
    const last = i + 1 === names.length;
    if (last ? comma >= 0 && comma < end : comma < 0 || comma > end) return null; // more values, or fewer
    const e = last ? end : comma;
    const name = names[i];
    if (name !== null && e > p && !(e - p === 4 && line.startsWith('null', p))) spans.push({ start: p, end: e, path: [name], encoding: 'bare', alone: true });
    p = e + 2;
  }
  return { spans, keywordStart: -1, keywordEnd: -1, statementEnd: -1 };
}

/** MyBatis writes a value's class's simple name after it; these are nearly all of them. */
const KNOWN_TYPE = /\((?:String|Long|Integer|Short|Byte|Double|Float|BigDecimal|BigInteger|Boolean|Character|Timestamp|Date|Time|LocalDate|LocalDateTime|LocalTime|OffsetDateTime|ZonedDateTime|Instant|UUID|byte\[\])\)/y;
/** Any other class (an enum, a custom type). */
const ANY_TYPE = /\([A-Z][A-Za-z0-9_$]*(?:\[\])?\)/y;
const STRING_TYPE = '(String)';
/** parameterValues' count when no statement says how many values there are: as many as the line cuts into. */
const ANY_COUNT = -1;

/**
 * Start and end of each value in [from, end), `count` of them (ANY_COUNT: any number), or null if the
 * text does not cut into that many: each value ends at a `(Type)` that is followed by `, ` or the end;
 * `null` alone is a value with no type (and no text worth pairing: it comes back empty).
 */
function parameterValues(line: string, from: number, end: number, type: RegExp, count: number): number[] | null {
  const cut: number[] = [];
  let p = from;
  if (count === 0) return p === end ? cut : null;
  for (;;) {
    if (cut.length === 2 * count) return null;
    if (line.startsWith('null', p) && (p + 4 === end || line.startsWith(', ', p + 4))) {
      cut.push(p, p); // no value
      p += 4;
    } else {
      let q = line.indexOf('(', p);
      for (;;) {
        if (q < 0 || q >= end) return null;
        type.lastIndex = q;
        if (type.test(line) && (type.lastIndex === end || line.startsWith(', ', type.lastIndex))) break;
        q = line.indexOf('(', q + 1);
      }
      cut.push(p, q);
      p = type.lastIndex;
    }
    if (p === end) return cut.length === 2 * count || count === ANY_COUNT ? cut : null;
    p += 2; // `, `
  }
}

/** `binding parameter [n] as [TYPE] - [value]` or `binding parameter (n:TYPE) <- [value]` at `at`. */
const BINDING_HEAD = /binding parameter (?:\[(\d{1,6})\] as \[([^\]]*)\] - |\((\d{1,6}):([^)]*)\) <- )\[/y;
/** JDBC's string types (java.sql.Types), as Hibernate names a binding's type. */
const STRING_JDBC = /^(?:VARCHAR|CHAR|LONGVARCHAR|NVARCHAR|NCHAR|LONGNVARCHAR)$/;

function hibernateBinding(line: string, at: number, memory: SqlMemory): SqlValues | null {
  BINDING_HEAD.lastIndex = at;
  const m = BINDING_HEAD.exec(line);
  if (m === null) return null;
  const start = BINDING_HEAD.lastIndex;
  const close = skipSpacesBack(line, line.length) - 1;
  if (close < start || line.charCodeAt(close) !== 93) return null; // `]`
  const index = Number(m[1] ?? m[3]);
  const value = line.slice(start, close);
  const statement = memory.get(`h${prefixKey(line, at, false)}`) ?? memory.get('h');
  // Out of order: not this statement's.
  const paired = statement !== undefined && (index === statement.next || index === 1);
  const columns = paired ? statement.columns : null;
  if (paired) statement.next = index + 1;
  const column = columns !== null && index <= columns.length ? columns[index - 1] : null;
  if (close === start || value === 'null') return paired ? NO_VALUES : null;
  if (column !== null) return { spans: [{ start, end: close, path: [column], encoding: 'bare', alone: true }], keywordStart: -1, keywordEnd: -1, statementEnd: -1 };
  if (STRING_JDBC.test(m[2] ?? m[4])) return { spans: [unnamed(start, close, index)], keywordStart: -1, keywordEnd: -1, statementEnd: -1 };
  return paired ? NO_VALUES : null;
}

const NO_VALUES: SqlValues = { spans: [], keywordStart: -1, keywordEnd: -1, statementEnd: -1 };

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'severe', 'fine', 'finer', 'finest', 'config']);

/**
 * What identifies the writer of a line, from the text before `end`: its words without those that
 * change from line to line or between a statement and its values: tokens with no letter or starting
 * with a digit (dates, times, pids, `---`), levels, and, unless `loggers`, dotted logger names
 * (`org.hibernate.SQL` writes the statement, `o.h.t.d.s.BasicBinder` the values). The thread stays.
 */
function prefixKey(line: string, end: number, loggers: boolean): string {
  let key = '';
  let i = 0;
  while (i < end) {
    while (i < end && isBlank(line.charCodeAt(i))) i++;
    const s = i;
    while (i < end && !isBlank(line.charCodeAt(i))) i++;
    if (i > s && keepsToken(line, s, i, loggers)) key += ' ' + line.slice(s, i);
  }
  return key;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function keepsToken(line: string, s: number, e: number, loggers: boolean): boolean {
  let letters = false;
  let dotted = false;
  let first = -1;
  for (let i = s; i < e; i++) {
    const c = line.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80;
    const digit = c >= 48 && c <= 57;
    if (first < 0 && (letter || digit)) first = c;
    if (letter) letters = true;
    if (c === 46 && i > s && i + 1 < e) dotted = true;
  }
  if (!letters || (first >= 48 && first <= 57)) return false;
  if (!loggers && dotted) return false;
  const bare = line.slice(s, e).replace(/[^A-Za-z]/g, '').toLowerCase();
  return !LEVELS.has(bare);
}

function skipSpaces(line: string, i: number): number {
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return i;
}

function skipSpacesBack(line: string, i: number): number {
  while (i > 0 && isBlank(line.charCodeAt(i - 1))) i--;
  return i;
}
