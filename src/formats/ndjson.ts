import { visit, type JSONVisitor, type ParseOptions } from 'jsonc-parser';
import type { FieldPath } from '../policy/fields.js';
import type { Format, FormatOptions } from './format.js';
import { isJsonNumber } from './json-number.js';
import { TextLineTransform } from './text.js';
import { DROP, type ValueVisitor } from './visitor.js';

/**
 * NDJSON / JSON Lines: one JSON value per line, read with jsonc-parser's `visit` in strict mode (no
 * comments, no trailing commas, no empty content), which reports the offset of every value.
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
 * A line that is not valid JSON is visited whole as text (path `[]`) and a warning names its
 * 1-based line number. Empty and whitespace-only lines pass through. Line handling (CRLF, a missing
 * final newline, invalid UTF-8) is TextLineTransform's: a line with invalid UTF-8 is not JSON.
 *
 * Extensions: `.ndjson` and `.jsonl`. Docker's `*-json.log` files are NDJSON too, but `.log` selects
 * the text format first in the registry; use `--format ndjson` for them.
 */
export const ndjsonFormat: Format = {
  name: 'ndjson',
  extensions: ['.ndjson', '.jsonl'],
  createTransform(options: FormatOptions) {
    const lines = new NdjsonLines(options);
    return new TextLineTransform((line, record) => lines.map(line, record));
  },
};

const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };
const WHOLE_LINE: readonly never[] = [];
const BOM = 0xfeff;

const enum Kind {
  String,
  Number,
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
  private failed = false;
  private lastKey = -1;
  private readonly kinds: Kind[] = [];
  private readonly values: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly keys: number[] = []; // offset of the member's key, or -1 (array element, bare value)
  private readonly paths: FieldPath[] = [];

  // Edits of the current line, in document order, non-overlapping.
  private edits = 0;
  private readonly editStart: number[] = [];
  private readonly editEnd: number[] = [];
  private readonly editText: string[] = [];
  private readonly editDrop: boolean[] = [];

  private warnedLine = -1;
  private readonly callbacks: JSONVisitor;

  constructor({ visitor, source, warn }: FormatOptions) {
    this.visitor = visitor;
    this.source = source;
    this.warn = warn;
    this.callbacks = {
      onObjectProperty: (_name, offset) => {
        this.lastKey = offset;
      },
      onLiteralValue: (value, offset, length, _line, _char, pathSupplier) => {
        let kind: Kind;
        if (typeof value === 'string') kind = Kind.String;
        else if (typeof value === 'number') kind = Kind.Number;
        else return; // null, true, false
        const i = this.count++;
        const path = pathSupplier();
        this.kinds[i] = kind;
        this.values[i] = typeof value === 'string' ? value : this.text.slice(offset, offset + length);
        this.starts[i] = offset;
        this.ends[i] = offset + length;
        // A literal right after a key is that key's value (nothing else is visited in between).
        this.keys[i] = path.length && typeof path[path.length - 1] === 'string' ? this.lastKey : -1;
        this.paths[i] = path;
      },
      onError: () => {
        this.failed = true;
      },
    };
  }

  /** The line with its values replaced; the same string when nothing changes. */
  map(line: string, record: number): string {
    if (isBlank(line)) return line;
    // A byte-order mark may start the file; it is not JSON whitespace, so parse after it.
    const base = line.charCodeAt(0) === BOM ? 1 : 0;
    const text = base ? line.slice(1) : line;
    this.text = text;
    this.count = 0;
    this.failed = false;
    this.lastKey = -1;
    try {
      visit(text, this.callbacks, STRICT);
    } catch {
      this.failed = true; // nesting deeper than the parser's recursion allows: not a log record
    }
    if (this.failed) return this.asText(line, record);

    this.edits = 0;
    for (let i = 0; i < this.count; i++) {
      const value = this.values[i];
      const out = this.visitor.visit(value, { record, path: this.paths[i] });
      if (out === value) continue;
      if (out === DROP) this.drop(i);
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

  /** Not JSON: the whole line is one text value (fail closed), with one warning per line. */
  private asText(line: string, record: number): string {
    if (this.warnedLine !== record) {
      this.warnedLine = record;
      this.warn(`${this.source}:${record + 1}: not valid JSON, scanned as text`);
    }
    const out = this.visitor.visit(line, { record, path: WHOLE_LINE });
    return out === DROP ? '' : out;
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
