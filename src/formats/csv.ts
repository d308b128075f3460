// Over 400 lines: the RFC 4180 row splitter (raw bytes and quoting per field, which fast-csv does not
// give), dialect detection and the writer of changed rows are one format; the splitter could move to a
// file of its own, and visitBytes walks invalid UTF-8 with the helper lines/blocks.ts uses.
import { Transform, type TransformCallback } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { LogveilError } from '../errors.js';
import { DROP, type FieldPath, type Place, type ValueVisitor, type Visited } from '../record/index.js';
import type { CsvOptions, Format, FormatOptions } from './format.js';
import { mapUtf8Stretches } from '../encoding/utf8-stretches.js';
import { visitLine } from './text.js';

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
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const DETECT = [',', '\t', ';', '|'] as const;
/** How much of the first line delimiter detection waits for. */
const DETECT_LIMIT = 64 * 1024;
const NO_PATH: FieldPath = [];

export const MAX_ROW_BYTES = 16 * 1024 * 1024;

/** A Place reused for every cell of one column (the visitor must not keep it past the call). */
class ColumnPlace implements Place {
  record = 0;
  constructor(readonly path: FieldPath) {}
}

/** The delimiter of a first line: the most frequent candidate outside quotes, ties in DETECT order. */
export function detectDelimiter(line: string, quote = '"'): string {
  const counts = [0, 0, 0, 0];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === quote) quoted = !quoted;
    else if (!quoted) {
      const k = DETECT.indexOf(c as (typeof DETECT)[number]);
      if (k >= 0) counts[k]++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return DETECT[best];
}

function checkChar(name: string, c: string): number {
  if (c.length !== 1 || c.charCodeAt(0) >= 0x80 || c === '\n' || c === '\r') {
    throw new LogveilError('LV_USAGE', `csv.${name}: must be one ASCII character other than CR and LF`);
  }
  return c.charCodeAt(0);
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

export class CsvTransform extends Transform {
  private readonly visitor: ValueVisitor;
  private readonly source: string;
  private readonly warn: (message: string) => void;
  private readonly header: boolean;
  private readonly onBadRow: 'error' | 'text';
  private readonly maxRowBytes: number;
  private readonly givenDelimiter: string | undefined;
  private readonly quote: string;
  private readonly q: number;
  private d = 0;
  private delimiter = ',';
  private started = false;
  private sawLf = false;

  // Bytes of the row being read (no complete row in them), and the scanner's state at their end.
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private inQuotes = false;
  /** The last byte seen was a quote inside a quoted field: the next byte says if it closed it. */
  private quoteSeen = false;
  private atFieldStart = true;

  private record = 0;
  private expected = -1;
  private places: ColumnPlace[] = [];
  private readonly wholeRow = new ColumnPlace(NO_PATH);
  private readonly cells: Cells = { n: 0, rowEnd: 0, next: 0, delim: -1, start: [], end: [], quoted: [] };
  /** Rows visited as text instead (csv.onBadRow: 'text'). */
  badRows = 0;

  constructor(options: CsvTransformOptions) {
    super();
    const csv: CsvOptions = options.csv ?? {};
    this.visitor = options.visitor;
    this.source = options.source;
    this.warn = options.warn;
    this.header = csv.header ?? true;
    this.onBadRow = csv.onBadRow ?? 'error';
    this.maxRowBytes = options.maxRowBytes ?? MAX_ROW_BYTES;
    this.quote = csv.quote ?? '"';
    this.q = checkChar('quote', this.quote);
    this.givenDelimiter = csv.delimiter ?? options.defaultDelimiter;
    if (this.givenDelimiter !== undefined) {
      checkChar('delimiter', this.givenDelimiter);
      if (this.givenDelimiter === this.quote) throw new LogveilError('LV_USAGE', 'csv.delimiter: must differ from csv.quote');
    }
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      if (!this.started) {
        this.pending.push(chunk);
        this.pendingLength += chunk.length;
        if (!this.sawLf) this.sawLf = chunk.indexOf(LF) >= 0;
        // Wait for the first line (and all of a BOM) before choosing the delimiter.
        if (this.pendingLength < DETECT_LIMIT && (this.pendingLength < 3 || !this.sawLf)) return done();
        this.start(this.takePending());
      } else {
        this.feed(chunk);
      }
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.started) this.start(this.takePending());
      if (this.pendingLength) {
        const rest = this.takePending();
        if (this.inQuotes && !this.quoteSeen) this.unclosedQuote(rest, true);
        else this.processBlock(rest);
      }
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  private takePending(): Buffer {
    const all = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingLength);
    this.pending = [];
    this.pendingLength = 0;
    return all;
  }

  /** The first bytes: the BOM goes out as it came, the delimiter is detected, then everything is fed. */
  private start(all: Buffer): void {
    this.started = true;
    let body = all;
    if (all.length >= 3 && all[0] === BOM[0] && all[1] === BOM[1] && all[2] === BOM[2]) {
      this.push(BOM);
      body = all.subarray(3);
    }
    if (this.givenDelimiter !== undefined) this.delimiter = this.givenDelimiter;
    else {
      // The first line, or its first DETECT_LIMIT bytes: however the input came in chunks, the same bytes.
      let nl = body.indexOf(LF);
      if (nl < 0 || nl > DETECT_LIMIT) nl = Math.min(body.length, DETECT_LIMIT);
      this.delimiter = detectDelimiter(body.toString('utf8', 0, nl), this.quote);
    }
    this.d = this.delimiter.charCodeAt(0);
    this.atFieldStart = true;
    if (body.length) this.feed(body);
  }

  /**
   * Scan new bytes for the end of the last complete row (a LF outside quotes), carrying the quote
   * state across chunks so a quoted field may span any number of them; process the complete rows.
   */
  private feed(chunk: Buffer): void {
    const q = this.q;
    const d = this.d;
    const n = chunk.length;
    let boundary = -1; // index in chunk just after the last row end
    let nextLf = -1; // the first LF at or after some earlier position (n when none)
    let i = 0;
    while (i < n) {
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (chunk[i] === q) {
          i++; // an escaped quote: still quoted
          continue;
        }
        this.inQuotes = false;
        this.atFieldStart = false;
      }
      if (this.inQuotes) {
        const k = chunk.indexOf(q, i);
        if (k < 0) {
          i = n;
        } else if (k + 1 === n) {
          this.quoteSeen = true;
          i = n;
        } else if (chunk[k + 1] === q) {
          i = k + 2;
        } else {
          this.inQuotes = false;
          this.atFieldStart = false;
          i = k + 1;
        }
        continue;
      }
      if (this.atFieldStart && chunk[i] === q) {
        this.inQuotes = true;
        this.atFieldStart = false;
        i++;
        continue;
      }
      // Unquoted: every LF before the next quote ends a row.
      const k = chunk.indexOf(q, i);
      const end = k < 0 ? n : k;
      if (end > i) {
        if (nextLf < i) {
          nextLf = chunk.indexOf(LF, i);
          if (nextLf < 0) nextLf = n;
        }
        if (nextLf < end) boundary = chunk.lastIndexOf(LF, end - 1) + 1;
      }
      if (k < 0) {
        const last = chunk[n - 1];
        this.atFieldStart = last === d || last === LF;
        i = n;
      } else {
        const prev = k > i ? chunk[k - 1] : -1;
        if (prev === -1 ? this.atFieldStart : prev === d || prev === LF) this.inQuotes = true;
        this.atFieldStart = false;
        i = k + 1;
      }
    }
    if (boundary < 0) {
      this.pending.push(chunk);
      this.pendingLength += n;
    } else {
      this.pending.push(chunk.subarray(0, boundary));
      this.pendingLength += boundary;
      this.processBlock(this.takePending());
      if (boundary < n) {
        this.pending.push(chunk.subarray(boundary));
        this.pendingLength += n - boundary;
      }
    }
    if (this.pendingLength > this.maxRowBytes) {
      const row = this.record + 1;
      if (this.onBadRow !== 'text' || !this.inQuotes) {
        throw new LogveilError('LV_FORMAT', `${this.source}: row ${row} is longer than ${this.maxRowBytes} bytes (an unclosed quote?)`);
      }
      this.unclosedQuote(this.takePending(), false);
    }
  }

  /**
   * A row whose quote is not closed (at the end of input, or after maxRowBytes): an error, or every
   * complete line of it is visited as text and reading starts afresh after the last one.
   */
  private unclosedQuote(rest: Buffer, atEnd: boolean): void {
    const row = this.record + 1;
    if (this.onBadRow !== 'text') throw new LogveilError('LV_FORMAT', `${this.source}: row ${row} has an unclosed quote`);
    this.countBad(`${this.source}: row ${row} has an unclosed quote; its lines scanned as text`);
    const cut = atEnd ? rest.length : rest.lastIndexOf(LF) + 1;
    if (cut === 0) {
      throw new LogveilError('LV_FORMAT', `${this.source}: row ${row} is longer than ${this.maxRowBytes} bytes`);
    }
    this.textLines(rest.subarray(0, cut));
    this.inQuotes = false;
    this.quoteSeen = false;
    this.atFieldStart = true;
    if (cut < rest.length) this.feed(rest.subarray(cut));
  }

  /** Visit each line of `block` whole as text (path []), one record each. */
  private textLines(block: Buffer): void {
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
    this.push(Buffer.concat(parts));
  }

  /** One warning per bad row: the CLI shows the first few per file and counts the rest (cli/warnings.ts). */
  private countBad(message: string): void {
    this.badRows++;
    this.warn(message);
  }

  /**
   * Complete rows (the last may lack its LF at end of input). Valid UTF-8 is decoded once and the
   * block is written back untouched when no cell changed; otherwise the rows are parsed on a latin1
   * view (one char per byte) so that bytes outside changed cells are kept exactly.
   */
  private processBlock(block: Buffer): void {
    if (block.length === 0) return;
    const utf8 = isUtf8(block);
    const text = block.toString(utf8 ? 'utf8' : 'latin1');
    const out = this.processText(text, utf8 ? null : block);
    if (out === null) this.push(block);
    else this.push(Buffer.from(out, utf8 ? 'utf8' : 'latin1'));
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
      this.expected = cells.n;
      const places: ColumnPlace[] = [];
      for (let c = 0; c < cells.n; c++) {
        let path: FieldPath = [c];
        if (this.header) {
          const name = this.cellValue(text, c, bytes);
          if (name !== '') path = [name];
        }
        places.push(new ColumnPlace(path));
      }
      this.places = places;
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
