import { createScanner } from 'jsonc-parser';
import { DROP, type FieldPath, type ValueVisitor } from '../record/index.js';
import type { Format, FormatOptions } from './format.js';
import { isJsonNumber } from './json-number.js';
import { mayHoldData } from './json-key.js';
import { TextLineTransform, visitLine, type LineMapper } from './text.js';

/**
 * NDJSON / JSON Lines: one JSON value per line, tokenized by jsonc-parser's scanner (which gives the
 * offset of every token) and checked against the strict JSON grammar here: no comments, no trailing
 * commas, one value per line. (jsonc-parser's own `visit` does the same checks at about 1.5× the
 * cost per line, and recursively.)
 *
 * Every string value at any depth is visited (unescaped) with its path; every number with its raw
 * text. Keys are never visited or changed. Only the spans of values the visitor changes are
 * rewritten; every other byte of the line (key order, whitespace, escapes, `1.50`, `1e3`, nulls,
 * booleans) stays as written, and a line with no change is written back as its original bytes.
 * - A changed string is written as `JSON.stringify(replacement)`.
 * - A changed number is written bare when the replacement is a JSON number (an operator that keeps
 *   digits), else as a JSON string (`<PHONE>`).
 * - DROP removes the member (key, value and one comma) from an object; in an array, and for a line
 *   that is a bare value, it writes `null`. The line stays valid JSON.
 * A line that is not valid JSON, or whose values are nested too deep for its length (PATH_STEPS), is
 * visited whole as text (path `[]`) and a warning names its 1-based line number. Empty and
 * whitespace-only lines pass through. Line handling (CRLF, a missing final newline, invalid UTF-8) is
 * TextLineTransform's: a line with invalid UTF-8 is not JSON.
 *
 * Extensions: `.ndjson` and `.jsonl`. Docker's `*-json.log` files are NDJSON too, but `.log` selects
 * the text format first in the registry; use `--format ndjson` for them.
 */
export const ndjsonFormat: Format = {
  name: 'ndjson',
  extensions: ['.ndjson', '.jsonl', '-json.log', '.json.log'],
  createTransform(options: FormatOptions) {
    return new TextLineTransform(ndjsonLines(options), options.source);
  },
  lines: ndjsonLines,
};

function ndjsonLines(options: FormatOptions): LineMapper {
  const lines = new NdjsonLines(options);
  return (line, record) => lines.map(line, record);
}

const WHOLE_LINE: readonly never[] = [];
const BOM = 0xfeff;
/**
 * The path steps a line's values may have in all, per char of the line. Every value keeps its path
 * until the line is visited: without a bound, a line of values at every depth (`[1,[1,[1,…`) costs
 * time and memory quadratic in its length (a 120 KB line ran out of memory). Any depth is read (a
 * value under 200,000 brackets too), as long as the values are not deep and many at once.
 */
export const PATH_STEPS = 16;

const enum Kind {
  String,
  Number,
  /** An object key: scanned as text (a log keyed by email or phone), never matched by field rules. */
  Key,
}

/** jsonc-parser's SyntaxKind and ScanError values (declared there as const enums). */
const enum Tok {
  OpenBrace = 1,
  CloseBrace = 2,
  OpenBracket = 3,
  CloseBracket = 4,
  Comma = 5,
  Colon = 6,
  Null = 7,
  True = 8,
  False = 9,
  String = 10,
  Number = 11,
  LineBreak = 14,
  Space = 15,
  EOF = 17,
}
const NO_SCAN_ERROR = 0;

/** What the grammar expects next. */
const enum Expect {
  Value,
  ValueOrClose, // after `[`
  Key,
  KeyOrClose, // after `{`
  Colon,
  CommaOrClose, // after a value
}

/**
 * Maps one line at a time. The values of a line are first collected (so nothing is visited for a
 * line that turns out not to be JSON) into arrays reused from line to line, then visited in order.
 */
export class NdjsonLines {
  private readonly visitor: ValueVisitor;
  private readonly source: string;
  private readonly warn: (message: string) => void;

  // The current line's values: kind, unescaped string or raw number text, span, path, key offset.
  private text = '';
  private count = 0;
  private readonly kinds: Kind[] = [];
  private readonly values: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly keys: number[] = []; // offset of the member's key, or -1 (array element, bare value)
  private readonly paths: FieldPath[] = [];

  // The parser's stack: whether each open container is an array, and the path to the current value.
  private readonly arrays: boolean[] = [];
  private readonly path: (string | number)[] = [];

  // Edits of the current line, in document order, non-overlapping.
  private edits = 0;
  private readonly editStart: number[] = [];
  private readonly editEnd: number[] = [];
  private readonly editText: string[] = [];
  private readonly editDrop: boolean[] = [];

  private warnedLine = -1;
  /** The last line parsed was JSON whose paths exceed PATH_STEPS. */
  private tooDeep = false;

  constructor({ visitor, source, warn }: FormatOptions) {
    this.visitor = visitor;
    this.source = source;
    this.warn = warn;
  }

  /** The line with its values replaced; the same string when nothing changes. */
  map(line: string, record: number): string {
    if (isBlank(line)) return line;
    // A byte-order mark may start the file (or a file concatenated to it): not JSON, so parse after it.
    const base = line.charCodeAt(0) === BOM ? 1 : 0;
    const text = base ? line.slice(1) : line;
    if (!this.parse(text)) return this.asText(line, record);

    this.edits = 0;
    for (let i = 0; i < this.count; i++) {
      const value = this.values[i];
      const out = this.visitor.visit(value, { record, path: this.paths[i] });
      if (out === value) continue;
      if (this.kinds[i] === Kind.Key) this.edit(this.starts[i], this.ends[i], JSON.stringify(out === DROP ? '' : out), false);
      else if (out === DROP) this.drop(i);
      else this.edit(this.starts[i], this.ends[i], this.kinds[i] === Kind.Number && isJsonNumber(out) ? out : JSON.stringify(out), false);
    }
    for (let i = 0; i < this.count; i++) this.paths[i] = WHOLE_LINE; // let the paths go
    this.values.fill('', 0, this.count);
    if (this.edits === 0) return line;

    let out = base ? line.slice(0, base) : '';
    let at = 0;
    for (let e = 0; e < this.edits; e++) {
      out += text.slice(at, this.editStart[e]) + this.editText[e];
      at = this.editEnd[e];
    }
    this.editText.fill('', 0, this.edits);
    return out + text.slice(at);
  }

  /**
   * Check the line against the JSON grammar over jsonc-parser's scanner tokens (no comments, no
   * trailing commas, exactly one value) and collect its string and number values. Iterative, so
   * nesting depth costs memory, not stack.
   */
  private parse(text: string): boolean {
    this.text = text;
    this.count = 0;
    this.tooDeep = false;
    let steps = PATH_STEPS * text.length + 1024;
    const arrays = this.arrays;
    const path = this.path;
    arrays.length = 0;
    path.length = 0;
    const scanner = createScanner(text, false);
    let expect = Expect.Value;
    let key = -1;
    for (;;) {
      let t = scanner.scan() as number;
      while (t === Tok.Space || t === Tok.LineBreak) t = scanner.scan() as number;
      if (scanner.getTokenError() !== NO_SCAN_ERROR) return false;
      if ((expect === Expect.ValueOrClose && t === Tok.CloseBracket) || (expect === Expect.KeyOrClose && t === Tok.CloseBrace)) {
        arrays.pop(); // an empty array or object
        path.pop();
        expect = Expect.CommaOrClose;
        continue;
      }
      const depth = arrays.length;
      switch (expect) {
        case Expect.ValueOrClose:
        case Expect.Value:
          if (t === Tok.OpenBrace || t === Tok.OpenBracket) {
            const isArray = t === Tok.OpenBracket;
            arrays.push(isArray);
            path.push(isArray ? 0 : '');
            expect = isArray ? Expect.ValueOrClose : Expect.KeyOrClose;
            continue;
          }
          if (t === Tok.String || t === Tok.Number) {
            const i = this.count++;
            const start = scanner.getTokenOffset();
            const end = start + scanner.getTokenLength();
            this.kinds[i] = t === Tok.String ? Kind.String : Kind.Number;
            this.values[i] = t === Tok.String ? scanner.getTokenValue() : text.slice(start, end);
            this.starts[i] = start;
            this.ends[i] = end;
            this.keys[i] = depth && !arrays[depth - 1] ? key : -1;
            this.paths[i] = depth ? path.slice() : WHOLE_LINE;
            steps -= depth;
            if (steps < 0) {
              this.tooDeep = true;
              return false;
            }
          } else if (t !== Tok.Null && t !== Tok.True && t !== Tok.False) return false;
          expect = Expect.CommaOrClose;
          continue;
        case Expect.KeyOrClose:
        case Expect.Key:
          if (t !== Tok.String) return false;
          path[depth - 1] = scanner.getTokenValue();
          key = scanner.getTokenOffset();
          if (mayHoldData(path[depth - 1] as string)) {
            const i = this.count++;
            this.kinds[i] = Kind.Key;
            this.values[i] = path[depth - 1] as string;
            this.starts[i] = key;
            this.ends[i] = key + scanner.getTokenLength();
            this.keys[i] = -1;
            this.paths[i] = WHOLE_LINE;
          }
          expect = Expect.Colon;
          continue;
        case Expect.Colon:
          if (t !== Tok.Colon) return false;
          expect = Expect.Value;
          continue;
        case Expect.CommaOrClose:
          if (depth === 0) return t === Tok.EOF;
          if (t === Tok.Comma) {
            if (arrays[depth - 1]) {
              (path[depth - 1] as number)++;
              expect = Expect.Value;
            } else expect = Expect.Key;
            continue;
          }
          if (t !== (arrays[depth - 1] ? Tok.CloseBracket : Tok.CloseBrace)) return false;
          arrays.pop();
          path.pop();
          continue;
      }
    }
  }

  /** Not JSON (or too deep): the whole line is one text value (fail closed), with one warning per line. */
  private asText(line: string, record: number): string {
    if (this.warnedLine !== record) {
      this.warnedLine = record;
      this.warn(`${this.source}:${record + 1}: ${this.tooDeep ? 'JSON nested too deep for its length' : 'not valid JSON'}, scanned as text`);
    }
    // As the text format reads it: `"key": value` pairs inside still get their field rules.
    return visitLine(this.visitor, line, record);
  }

  private edit(start: number, end: number, text: string, drop: boolean): void {
    const e = this.edits++;
    this.editStart[e] = start;
    this.editEnd[e] = end;
    this.editText[e] = text;
    this.editDrop[e] = drop;
  }

  /**
   * Remove a member and one comma: the member and the comma after it up to the next key, or, for
   * the last member, the comma before it (from the last member kept) to its end. A value outside an
   * object becomes `null`.
   */
  private drop(i: number): void {
    const text = this.text;
    let start = this.keys[i];
    const end = this.ends[i];
    if (start < 0) return this.edit(this.starts[i], end, 'null', false);
    // The member goes whole: an edit of its key (personal data in the key) goes with it.
    while (this.edits > 0 && !this.editDrop[this.edits - 1] && this.editStart[this.edits - 1] >= start) this.edits--;
    const after = skipSpace(text, end);
    if (text.charCodeAt(after) === 0x2c /* , */) return this.edit(start, skipSpace(text, after + 1), '', true);
    // The last member: earlier members dropped right before it go with it, then the comma before them.
    while (this.edits > 0 && this.editDrop[this.edits - 1] && this.editEnd[this.edits - 1] === start) {
      start = this.editStart[--this.edits];
    }
    const before = skipSpaceBack(text, start);
    if (text.charCodeAt(before - 1) === 0x2c) start = before - 1;
    this.edit(start, end, '', true);
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false;
  return true;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function skipSpaceBack(text: string, i: number): number {
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}
