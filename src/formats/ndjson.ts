import { DROP, type ValueVisitor } from '../record/index.js';
import type { Format, FormatOptions } from './format.js';
import { isJsonNumber, JsonKind, JsonReader, skipSpace, skipSpaceBack } from './inline/json.js';
import { TextLineTransform, type LineMapper } from './lines/transform.js';
import { visitLine } from './text.js';

/**
 * NDJSON / JSON Lines: one JSON value per line, read by the JSON reader that records offsets
 * (inline/json.ts, shared with JSON embedded in text lines): strict JSON, one value per line.
 *
 * Every string value at any depth is visited (unescaped) with its path; every number with its raw
 * text. A key is visited (as text, path `[]`) only when it may hold data (a digit or `@`, see
 * mayHoldData); no rule matches it. Only the spans of values the visitor changes are
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
    return TextLineTransform.forFormat(ndjsonLines(options), options);
  },
  lines: ndjsonLines,
};

function ndjsonLines(options: FormatOptions): LineMapper {
  const lines = new NdjsonLines(options);
  return (line, record) => lines.map(line, record);
}

const BOM = 0xfeff;
/**
 * The path steps a line's values may have in all, per char of the line. Every value keeps its path
 * until the line is visited: without a bound, a line of values at every depth (`[1,[1,[1,…`) costs
 * time and memory quadratic in its length (a 120 KB line ran out of memory). Any depth is read (a
 * value under 200,000 brackets too), as long as the values are not deep and many at once.
 */
export const PATH_STEPS = 16;

/**
 * Maps one line at a time. The values of a line are first collected (so nothing is visited for a
 * line that turns out not to be JSON) into arrays reused from line to line, then visited in order.
 */
export class NdjsonLines {
  private readonly visitor: ValueVisitor;
  private readonly source: string;
  private readonly warn: (message: string) => void;
  /** This input's own reader: a visitor may read JSON inside a value while the line's values are held. */
  private readonly json = new JsonReader({ maxDepth: Infinity, stepsPerChar: PATH_STEPS, keys: true });

  // Edits of the current line, in document order, non-overlapping.
  private text = '';
  private edits = 0;
  private readonly editStart: number[] = [];
  private readonly editEnd: number[] = [];
  private readonly editText: string[] = [];
  private readonly editDrop: boolean[] = [];

  private warnedLine = -1;

  constructor({ visitor, source, warn }: FormatOptions) {
    this.visitor = visitor;
    this.source = source;
    this.warn = warn;
  }

  /** The line with its values replaced; the same string when nothing changes. */
  map(line: string, record: number): string {
    if (isBlank(line)) return line;
    // A byte-order mark may start the file (or a file concatenated to it): not JSON, so read after it.
    const base = line.charCodeAt(0) === BOM ? 1 : 0;
    const text = base ? line.slice(1) : line;
    const json = this.json;
    if (!json.readWhole(text)) return this.asText(line, record);

    this.text = text;
    this.edits = 0;
    const loggerName = loggerNameAt(json);
    for (let i = 0; i < json.count; i++) {
      const kind = json.kinds[i];
      const start = json.starts[i];
      const end = json.ends[i];
      const value = kind === JsonKind.Number ? text.slice(start, end) : json.escaped[i] ? (JSON.parse(text.slice(start, end)) as string) : text.slice(start + 1, end - 1);
      // A logger's name is scanned as text, without the `name` field rule meant for a person's.
      const out = this.visitor.visit(value, { record, path: i === loggerName ? NO_FIELD : json.paths[i] });
      if (out === value) continue;
      if (kind === JsonKind.Key) this.edit(start, end, JSON.stringify(out === DROP ? '' : out), false);
      else if (out === DROP) this.drop(i);
      else this.edit(start, end, kind === JsonKind.Number && isJsonNumber(out) ? out : JSON.stringify(out), false);
    }
    json.release();
    this.text = '';
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

  /** Not JSON (or too deep): the whole line is one text value (fail closed), with one warning per line. */
  private asText(line: string, record: number): string {
    if (this.warnedLine !== record) {
      this.warnedLine = record;
      this.warn(`${this.source}:${record + 1}: ${this.json.tooDeep ? 'JSON nested too deep for its length' : 'not valid JSON'}, scanned as text`);
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
    const json = this.json;
    let start = json.keyStarts[i];
    const end = json.ends[i];
    if (start < 0) return this.edit(json.starts[i], end, 'null', false);
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

const NO_FIELD: readonly never[] = [];

/**
 * The index of the top-level `name` of a pino or bunyan record, -1 if the line is none: both write the
 * logger's name there (`{"level":30,…,"pid":4242,"hostname":"web-1","name":"api",…}`), which the
 * dictionary's `name` (a person's) would replace on every line. A record is one when it also has a
 * numeric `pid` and a string `hostname` at the top, as both loggers write them by default.
 */
function loggerNameAt(json: JsonReader): number {
  let name = -1;
  let pid = false;
  let hostname = false;
  for (let i = 0; i < json.count; i++) {
    const path = json.paths[i];
    if (path.length !== 1) continue;
    const key = path[0];
    if (key === 'name' && json.kinds[i] === JsonKind.String) name = i;
    else if (key === 'pid' && json.kinds[i] === JsonKind.Number) pid = true;
    else if (key === 'hostname' && json.kinds[i] === JsonKind.String) hostname = true;
  }
  return pid && hostname ? name : -1;
}

function isBlank(line: string): boolean {
  return skipSpace(line, 0) === line.length;
}
