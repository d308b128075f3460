// Over 400 lines: the RFC 4180 row splitter (raw bytes and quoting per field, which fast-csv does not
// give) and the writer of changed rows are one reader of rows; cutting the bytes into rows is in
// csv-cutter.ts, and visitBytes walks invalid UTF-8 with the helper lines/blocks.ts uses.
import { Transform, type TransformCallback } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { LogveilError } from '../errors.js';
import { DROP, type FieldPath, type Place, type ValueVisitor, type Visited } from '../record/index.js';
import type { CsvOptions, Format, FormatOptions } from './format.js';
import { mapUtf8Stretches } from '../encoding/utf8-stretches.js';
import { visitLine } from './text.js';
import { CsvCutter, MAX_ROW_BYTES } from './csv-cutter.js';

/**
 * CSV and TSV (RFC 4180 and the usual variants), streamed, written back byte for byte.
 *
 * - A record ends at a `\n` outside quotes; a `\r` before it belongs to the terminator. A quote opens
 *   a quoted field only at the start of a field (`""` inside is a quote); elsewhere it is a plain
 *   character. A lone `\r` is data, not a row end.
 * - The delimiter is the most frequent of `,` `\t` `;` `|` outside quotes in the first line (ties in that
 *   order; `,` when none occurs) unless `csv.delimiter` gives it; the quote is `"` unless `csv.quote`
 *   gives it. Both are single ASCII characters.
 * - A UTF-8 BOM is written back as it came and is not part of the first column's name.
 * - With a header (the default) the first row names the columns: every later cell is visited with
 *   path `[name]` (`[index]` for an empty name), and the header cells themselves are visited as text
 *   (path `[]`, fail closed); a header cell the visitor changes is written changed, but rules keep
 *   matching the original name. Without a header (`csv.header: false`) paths are `[index]` (0-based).
 * - `Place.record` is the 0-based row, header and empty lines included, so `record + 1` is the row a
 *   spreadsheet shows.
 * - A row the visitor does not change is written as its original bytes; in a changed row, unchanged
 *   cells keep their bytes and a changed cell is quoted if it was quoted or needs to be (delimiter,
 *   quote, CR or LF in it). DROP empties the cell (`""` if it was quoted): the column stays, so every
 *   row keeps its number of fields.
 * - Empty lines hold no data and are written back as they are.
 * - A row with a different number of fields than the first row, or with text after a closing quote,
 *   or an unclosed quote: an LV_FORMAT error naming the row, or with `csv.onBadRow: 'text'` each such
 *   row (each line of an unclosed quote) is visited whole as text (path `[]`), with a warning.
 * - Memory: one block of complete rows at a time, plus the row being read. A row longer than
 *   `maxRowBytes` (16 MiB) is an error; with `onBadRow: 'text'` and an open quote (the usual cause),
 *   its complete lines are visited as text and reading starts afresh after them.
 * - Bytes that are not valid UTF-8 are kept, in changed cells and rows too: a value that holds them is
 *   visited stretch by stretch (see visitBytes), never with them replaced by U+FFFD.
 *
 * Not fast-csv: its parser yields unquoted values only (no raw bytes, no sign of which fields were
 * quoted, whitespace around quotes and the BOM dropped, an empty line indistinguishable from one empty
 * field), so it cannot write unchanged rows back byte for byte; its quoting helper is internal and
 * strips NULs. The splitter here follows the byte scanner's rules exactly, and is ~10× faster.
 */

const LF = 0x0a;
const CR = 0x0d;
const NO_PATH: FieldPath = [];

export { detectDelimiter, MAX_ROW_BYTES } from './csv-cutter.js';

/** A Place reused for every cell of one column (the visitor must not keep it past the call). */
class ColumnPlace implements Place {
  record = 0;
  constructor(readonly path: FieldPath) {}
}

export interface CsvTransformOptions extends FormatOptions {
  /** The delimiter when `csv.delimiter` is absent; detected from the first line when this is absent too. */
  readonly defaultDelimiter?: string;
  /** Longest row (bytes) held in memory; longer is a bad row. */
  readonly maxRowBytes?: number;
}

/** Cell extents of one parsed record (reused from row to row). */
interface Cells {
  n: number;
  /** The row's end before its CRLF/LF, and where the next row starts. */
  rowEnd: number;
  next: number;
  /** The next delimiter at or after some earlier position of the block's text (len when none): cached so
   * that rows without the delimiter (one column) do not search the rest of the block row after row. */
  delim: number;
  start: number[];
  end: number[];
  quoted: boolean[];
}

/** What reading rows needs besides the visitor: the dialect, known once the first line is read. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly quote: string;
  readonly header: boolean;
  readonly onBadRow: 'error' | 'text';
}

/** The column paths, fixed by the first row that is not empty (its names, or indexes without a header). */
export type CsvColumns = readonly FieldPath[];

/**
 * The reading of blocks of complete rows, cut by CsvCutter: splits each row into cells, visits them
 * and writes changed rows. What it carries from block to block is the row number and the columns, so
 * a worker given both reads a block as this thread would.
 */
export class CsvRows {
  private readonly quote: string;
  private readonly q: number;
  private readonly delimiter: string;
  private readonly d: number;
  private readonly header: boolean;
  private readonly onBadRow: 'error' | 'text';
  /** The 0-based number of the next row. */
  record = 0;
  private expected = -1;
  private places: ColumnPlace[] = [];
  private readonly wholeRow = new ColumnPlace(NO_PATH);
  private readonly cells: Cells = { n: 0, rowEnd: 0, next: 0, delim: -1, start: [], end: [], quoted: [] };
  /** Rows visited as text instead (csv.onBadRow: 'text'). */
  badRows = 0;

  constructor(
    private readonly visitor: ValueVisitor,
    private readonly source: string,
    private readonly warn: (message: string) => void,
    dialect: CsvDialect,
    columns?: CsvColumns | null,
  ) {
    this.quote = dialect.quote;
    this.q = dialect.quote.charCodeAt(0);
    this.delimiter = dialect.delimiter;
    this.d = dialect.delimiter.charCodeAt(0);
    this.header = dialect.header;
    this.onBadRow = dialect.onBadRow;
    if (columns) this.setColumns(columns);
  }

  /** The columns, once the first row that is not empty has been read; else null. */
  get columns(): CsvColumns | null {
    return this.expected < 0 ? null : this.places.map((p) => p.path);
  }

  private setColumns(columns: CsvColumns): void {
    this.expected = columns.length;
    this.places = columns.map((path) => new ColumnPlace(path));
  }

  /**
   * The columns the first row that is not empty in `block` fixes, without visiting anything; null
   * when every row is empty or that row is not valid (reading it says so, in its turn).
   */
  columnsIn(block: Buffer): CsvColumns | null {
    const utf8 = isUtf8(block);
    const text = block.toString(utf8 ? 'utf8' : 'latin1');
    const bytes = utf8 ? null : block;
    const cells = this.cells;
    cells.delim = -1;
    for (let at = 0; at < text.length; at = cells.next) {
      const ok = this.split(text, at);
      if (cells.rowEnd === at) continue;
      return ok ? this.columnsOfRow(text, bytes) : null;
    }
    return null;
  }

  private columnsOfRow(text: string, bytes: Buffer | null): FieldPath[] {
    const columns: FieldPath[] = [];
    for (let c = 0; c < this.cells.n; c++) {
      let path: FieldPath = [c];
      if (this.header) {
        const name = this.cellValue(text, c, bytes);
        if (name !== '') path = [name];
      }
      columns.push(path);
    }
    return columns;
  }

  /**
   * A block of `count` complete rows numbered from `first`, read; the same bytes when nothing changed.
   * Valid UTF-8 is decoded once; otherwise the rows are parsed on a latin1 view (one char per byte) so
   * that bytes outside changed cells are kept exactly.
   */
  rows(block: Buffer, first: number, count: number): Buffer {
    this.record = first;
    if (block.length === 0) return block;
    const utf8 = isUtf8(block);
    const text = block.toString(utf8 ? 'utf8' : 'latin1');
    const out = this.processText(text, utf8 ? null : block);
    // The cutter counted the rows without reading them; numbers given to later blocks rely on it.
    if (this.record !== first + count) {
      throw new LogveilError('LV_FORMAT', `${this.source}: rows ${first + 1}–${first + count}: the row cutter and reader disagree (a logveil bug); not written`);
    }
    return out === null ? block : Buffer.from(out, utf8 ? 'utf8' : 'latin1');
  }

  /** Lines of a row whose quote is not closed, numbered from `first`: each visited whole as text. */
  text(block: Buffer, first: number): Buffer {
    this.record = first;
    this.countBad(`${this.source}: row ${first + 1} has an unclosed quote; its lines scanned as text`);
    return this.textLines(block);
  }

  /** Visit each line of `block` whole as text (path []), one record each. */
  private textLines(block: Buffer): Buffer {
    const parts: Buffer[] = [];
    let at = 0;
    while (at < block.length) {
      let nl = block.indexOf(LF, at);
      nl = nl < 0 ? block.length : nl + 1;
      const line = block.subarray(at, nl);
      let end = line.length;
      if (end && line[end - 1] === LF) end--;
      if (end && line[end - 1] === CR) end--;
      const place = this.wholeRow;
      place.record = this.record++;
      const out = visitBytes(line.subarray(0, end), (text) => this.visitor.visit(text, place));
      parts.push(out === null ? line : out === DROP ? line.subarray(end) : Buffer.concat([out, line.subarray(end)]));
      at = nl;
    }
    return Buffer.concat(parts);
  }

  /** One warning per bad row: the CLI shows the first few per file and counts the rest (cli/warnings.ts). */
  private countBad(message: string): void {
    this.badRows++;
    this.warn(message);
  }

  /** The block with changed rows rewritten, or null when nothing changed. */
  private processText(text: string, bytes: Buffer | null): string | null {
    let out: string[] | null = null;
    let piece = 0;
    let at = 0;
    const len = text.length;
    const cells = this.cells;
    cells.delim = -1;
    while (at < len) {
      const ok = this.split(text, at);
      const mapped = this.processRow(text, at, ok, bytes);
      if (mapped !== null) {
        out ??= [];
        out.push(text.slice(piece, at), mapped);
        piece = cells.rowEnd;
      }
      at = cells.next;
    }
    if (out === null) return null;
    out.push(text.slice(piece));
    return out.join('');
  }

  /**
   * Split the row starting at `start` into cells (with the same rules as the byte scanner in feed()),
   * setting where it ends (before CRLF/LF) and where the next begins. False when the row is not
   * valid CSV: text after a closing quote, or a quote not closed before the end of the text.
   */
  private split(text: string, start: number): boolean {
    const cells = this.cells;
    const quote = this.quote;
    const q = this.q;
    const d = this.d;
    const len = text.length;
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = len;
    let end = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    let ok = true;
    let n = 0;
    let i = start;
    for (;;) {
      const cs = i;
      let quoted = false;
      if (i < end && text.charCodeAt(i) === q) {
        quoted = true;
        let k = i + 1;
        for (;;) {
          k = text.indexOf(quote, k);
          if (k < 0) break;
          if (text.charCodeAt(k + 1) === q) k += 2;
          else break;
        }
        if (k < 0) {
          ok = false; // unclosed: only possible at the end of input
          i = len;
          nl = end = len;
        } else {
          i = k + 1;
          if (i > end) {
            // The quoted field held line ends: the row ends at the first LF after it.
            nl = text.indexOf('\n', i);
            if (nl < 0) nl = len;
            end = nl > i && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
          }
          if (i < end && text.charCodeAt(i) !== d) {
            ok = false; // text after the closing quote: the field runs on to the next delimiter
            const k2 = this.nextDelimiter(text, i);
            i = k2 > end ? end : k2;
          }
        }
      } else {
        const k = this.nextDelimiter(text, i);
        i = k > end ? end : k;
      }
      cells.start[n] = cs;
      cells.end[n] = i;
      cells.quoted[n] = quoted;
      n++;
      if (i >= end) break;
      i++; // past the delimiter: a field follows, empty if the row ends here
    }
    cells.n = n;
    cells.rowEnd = end;
    cells.next = nl < len ? nl + 1 : len;
    return ok;
  }

  /** The first delimiter at or after `i` in the block's text, or its length. */
  private nextDelimiter(text: string, i: number): number {
    const cells = this.cells;
    if (cells.delim < i) {
      const k = text.indexOf(this.delimiter, i);
      cells.delim = k < 0 ? text.length : k;
    }
    return cells.delim;
  }

  /** One row: visit its cells; the rewritten row, or null when nothing changed. */
  private processRow(text: string, start: number, ok: boolean, bytes: Buffer | null): string | null {
    const record = this.record++;
    const cells = this.cells;
    const end = cells.rowEnd;
    if (end === start) return null; // an empty line: no data
    if (this.expected < 0) {
      if (!ok) throw new LogveilError('LV_FORMAT', `${this.source}: row ${record + 1} is not valid CSV (text after a closing quote)`);
      this.setColumns(this.columnsOfRow(text, bytes));
      if (this.header) return this.visitCells(text, record, bytes, true);
    } else if (!ok || cells.n !== this.expected) {
      const why = ok ? `has ${cells.n} fields, expected ${this.expected}` : 'is not valid CSV (text after a closing quote)';
      const message = `${this.source}: row ${record + 1} ${why}`;
      if (this.onBadRow !== 'text') throw new LogveilError('LV_FORMAT', message);
      this.countBad(`${message}; scanned as text`);
      return this.visitWhole(text, start, end, record, bytes);
    }
    return this.visitCells(text, record, bytes, false);
  }

  private cellValue(text: string, c: number, bytes: Buffer | null): string {
    const cells = this.cells;
    let s = cells.start[c];
    let e = cells.end[c];
    if (cells.quoted[c]) {
      s++;
      e--;
    }
    const raw = bytes ? bytes.toString('utf8', s, e) : text.slice(s, e);
    if (!cells.quoted[c] || raw.indexOf(this.quote) < 0) return raw;
    return raw.replaceAll(this.quote + this.quote, this.quote);
  }

  private visitCells(text: string, record: number, bytes: Buffer | null, isHeader: boolean): string | null {
    const cells = this.cells;
    let out: string | null = null;
    for (let c = 0; c < cells.n; c++) {
      const place = isHeader ? this.wholeRow : this.places[c];
      place.record = record;
      const written = this.visitCell(text, c, bytes, place);
      if (written === null && out === null) continue;
      if (out === null) {
        // First change in this row: copy the cells before it as they are.
        out = c === 0 ? '' : text.slice(cells.start[0], cells.end[c - 1]) + this.delimiter;
      } else out += this.delimiter;
      out += written ?? text.slice(cells.start[c], cells.end[c]);
    }
    return out;
  }

  /** Visit cell `c`: its new text as written (in the block's view: latin1 in byte mode), or null when unchanged. */
  private visitCell(text: string, c: number, bytes: Buffer | null, place: ColumnPlace): string | null {
    const quoted = this.cells.quoted[c];
    if (bytes !== null) {
      const raw = this.cellBytes(text, c);
      if (!isUtf8(raw)) {
        const got = visitBytes(raw, (value) => this.visitor.visit(value, place));
        return got === null ? null : this.quoted(got === DROP ? '' : got.toString('latin1'), quoted);
      }
    }
    const value = this.cellValue(text, c, bytes);
    const got = this.visitor.visit(value, place);
    if (got === value) return null;
    const s = got === DROP ? '' : got;
    return this.quoted(bytes !== null ? Buffer.from(s, 'utf8').toString('latin1') : s, quoted);
  }

  /** The bytes of cell `c` (quotes removed, `""` unescaped) from the block's latin1 view. */
  private cellBytes(text: string, c: number): Buffer {
    const cells = this.cells;
    const quoted = cells.quoted[c];
    const view = text.slice(cells.start[c] + (quoted ? 1 : 0), cells.end[c] - (quoted ? 1 : 0));
    return Buffer.from(quoted && view.indexOf(this.quote) >= 0 ? view.replaceAll(this.quote + this.quote, this.quote) : view, 'latin1');
  }

  /** A bad row visited whole as text. */
  private visitWhole(text: string, start: number, end: number, record: number, bytes: Buffer | null): string | null {
    // As the text format reads it: `key=value` pairs inside still get their field rules.
    if (bytes !== null) {
      const got = visitBytes(bytes.subarray(start, end), (value) => visitLine(this.visitor, value, record));
      return got === null ? null : got === DROP ? '' : got.toString('latin1');
    }
    const value = text.slice(start, end);
    const s = visitLine(this.visitor, value, record);
    return s === value ? null : s;
  }

  /**
   * A new cell as written: quoted when it was or must be. `s` is in the block's view (latin1 in byte
   * mode); the delimiter, quote, CR and LF are ASCII, the same in either.
   */
  private quoted(s: string, wasQuoted: boolean): string {
    const quote = this.quote;
    const needs =
      wasQuoted || s.indexOf(this.delimiter) >= 0 || s.indexOf(quote) >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return needs ? quote + (s.indexOf(quote) >= 0 ? s.replaceAll(quote, quote + quote) : s) + quote : s;
  }
}

/** CSV read in this thread: the cutter's blocks read by CsvRows as they come. */
export class CsvTransform extends Transform {
  private readonly cutter: CsvCutter;
  private rowReader: CsvRows | null = null;

  constructor(options: CsvTransformOptions) {
    super();
    const csv: CsvOptions = options.csv ?? {};
    const { visitor, source, warn } = options;
    this.cutter = new CsvCutter(source, csv, options.defaultDelimiter, options.maxRowBytes ?? MAX_ROW_BYTES, {
      start: (delimiter) => {
        this.rowReader = new CsvRows(visitor, source, warn, csvDialect(csv, delimiter));
      },
      raw: (bytes) => this.push(bytes),
      rows: (block, first, count) => this.push(this.reader.rows(block, first, count)),
      text: (block, first) => this.push(this.reader.text(block, first)),
    });
  }

  /** Rows visited as text instead (csv.onBadRow: 'text'). */
  get badRows(): number {
    return this.rowReader?.badRows ?? 0;
  }

  private get reader(): CsvRows {
    if (this.rowReader === null) throw new LogveilError('LV_FORMAT', 'csv: rows before the delimiter is known (a logveil bug)');
    return this.rowReader;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.cutter.write(chunk);
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.cutter.end();
      done();
    } catch (e) {
      done(e as Error);
    }
  }
}

/** The dialect rows are read in, once the delimiter is known (given or detected). */
export function csvDialect(csv: CsvOptions, delimiter: string): CsvDialect {
  return { delimiter, quote: csv.quote ?? '"', header: csv.header ?? true, onBadRow: csv.onBadRow ?? 'error' };
}

/**
 * Visit a value given as bytes: all UTF-8, as one string; otherwise each valid stretch on its own,
 * with the bytes that are not UTF-8 kept as they are between them (fail closed: never dropped, never
 * replaced by U+FFFD), as the text format does. The new bytes, DROP, or null when nothing changed.
 */
function visitBytes(raw: Buffer, visit: (value: string) => Visited): Buffer | typeof DROP | null {
  if (isUtf8(raw)) {
    const value = raw.toString('utf8');
    const got = visit(value);
    return got === value ? null : got === DROP ? DROP : Buffer.from(got, 'utf8');
  }
  return mapUtf8Stretches(raw, visit); // DROP from any stretch: a field rule drops the whole value
}

/** Comma-separated values (the delimiter detected from the first line unless given). */
export const csvFormat: Format = {
  name: 'csv',
  extensions: ['.csv'],
  createTransform(options) {
    return new CsvTransform(options);
  },
};

/** Tab-separated values: CSV with a tab delimiter unless `csv.delimiter` says otherwise. */
export const tsvFormat: Format = {
  name: 'tsv',
  extensions: ['.tsv'],
  createTransform(options) {
    return new CsvTransform({ ...options, defaultDelimiter: '\t' });
  },
};
