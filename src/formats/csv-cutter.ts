import { LogveilError } from '../errors.js';
import type { CsvOptions } from './format.js';

/**
 * The byte scanner of CSV/TSV: cuts the input into blocks of complete rows (a row ends at a `\n`
 * outside quotes, the quote state carried across chunks so a quoted field may span any number of
 * them) and numbers them, without reading a cell. CsvTransform hands its blocks to a CsvRows in the
 * same thread; the worker pool sends them to workers. Either way the same blocks with the same row
 * numbers, so the same output.
 */

const LF = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const DETECT = [',', '\t', ';', '|'] as const;
/** How much of the first line delimiter detection waits for. */
const DETECT_LIMIT = 64 * 1024;

export const MAX_ROW_BYTES = 16 * 1024 * 1024;

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

export function checkChar(name: string, c: string): number {
  if (c.length !== 1 || c.charCodeAt(0) >= 0x80 || c === '\n' || c === '\r') {
    throw new LogveilError('LV_USAGE', `csv.${name}: must be one ASCII character other than CR and LF`);
  }
  return c.charCodeAt(0);
}

/** Where the cutter's blocks go, in input order. */
export interface CsvBlockSink {
  /** The delimiter is known (before any block). */
  start(delimiter: string): void;
  /** Bytes that are no row (a BOM), to be written as they are. */
  raw(bytes: Buffer): void;
  /** `count` complete rows (the last may lack its LF at end of input), the first numbered `first` (0-based). */
  rows(block: Buffer, first: number, count: number): void;
  /** Lines of a row whose quote is not closed, each to be read whole as text, one record each. */
  text(block: Buffer, first: number): void;
}

export class CsvCutter {
  private readonly givenDelimiter: string | undefined;
  private readonly quote: string;
  private readonly q: number;
  private readonly onBadRow: 'error' | 'text';
  private d = 0;
  private started = false;
  private sawLf = false;

  // Bytes of the row being read (no complete row in them), and the scanner's state at their end.
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private inQuotes = false;
  /** The last byte seen was a quote inside a quoted field: the next byte says if it closed it. */
  private quoteSeen = false;
  private atFieldStart = true;
  /** Rows (and lines read as text) in the blocks given so far. */
  private record = 0;

  constructor(
    private readonly source: string,
    csv: CsvOptions,
    defaultDelimiter: string | undefined,
    private readonly maxRowBytes: number,
    private readonly sink: CsvBlockSink,
  ) {
    this.onBadRow = csv.onBadRow ?? 'error';
    this.quote = csv.quote ?? '"';
    this.q = checkChar('quote', this.quote);
    this.givenDelimiter = csv.delimiter ?? defaultDelimiter;
    if (this.givenDelimiter !== undefined) {
      checkChar('delimiter', this.givenDelimiter);
      if (this.givenDelimiter === this.quote) throw new LogveilError('LV_USAGE', 'csv.delimiter: must differ from csv.quote');
    }
  }

  write(chunk: Buffer): void {
    if (this.started) return this.feed(chunk);
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (!this.sawLf) this.sawLf = chunk.indexOf(LF) >= 0;
    // Wait for the first line (and all of a BOM) before choosing the delimiter.
    if (this.pendingLength < DETECT_LIMIT && (this.pendingLength < 3 || !this.sawLf)) return;
    this.start(this.takePending());
  }

  end(): void {
    if (!this.started) this.start(this.takePending());
    if (this.pendingLength) {
      const rest = this.takePending();
      if (this.inQuotes && !this.quoteSeen) this.unclosedQuote(rest, true);
      else this.rows(rest, 1); // no LF outside quotes in it: one row
    }
  }

  private takePending(): Buffer {
    const all = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingLength);
    this.pending = [];
    this.pendingLength = 0;
    return all;
  }

  private rows(block: Buffer, n: number): void {
    const first = this.record;
    this.record += n;
    this.sink.rows(block, first, n);
  }

  /** The first bytes: the BOM goes out as it came, the delimiter is detected, then everything is fed. */
  private start(all: Buffer): void {
    this.started = true;
    let body = all;
    if (all.length >= 3 && all[0] === BOM[0] && all[1] === BOM[1] && all[2] === BOM[2]) {
      this.sink.raw(BOM);
      body = all.subarray(3);
    }
    let delimiter = this.givenDelimiter;
    if (delimiter === undefined) {
      // The first line, or its first DETECT_LIMIT bytes: however the input came in chunks, the same bytes.
      let nl = body.indexOf(LF);
      if (nl < 0 || nl > DETECT_LIMIT) nl = Math.min(body.length, DETECT_LIMIT);
      delimiter = detectDelimiter(body.toString('utf8', 0, nl), this.quote);
    }
    this.d = delimiter.charCodeAt(0);
    this.sink.start(delimiter);
    this.atFieldStart = true;
    if (body.length) this.feed(body);
  }

  /**
   * Scan new bytes for the ends of rows (a LF outside quotes), carrying the quote state across chunks;
   * give the complete rows as one block, counted.
   */
  private feed(chunk: Buffer): void {
    const q = this.q;
    const d = this.d;
    const n = chunk.length;
    let boundary = -1; // index in chunk just after the last row end
    let rows = 0; // row ends in chunk
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
      if (nextLf < i) nextLf = lfFrom(chunk, i);
      while (nextLf < end) {
        rows++;
        boundary = nextLf + 1;
        nextLf = lfFrom(chunk, boundary);
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
      this.rows(this.takePending(), rows);
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
   * complete line of it is read as text and reading starts afresh after the last one.
   */
  private unclosedQuote(rest: Buffer, atEnd: boolean): void {
    const row = this.record + 1;
    if (this.onBadRow !== 'text') throw new LogveilError('LV_FORMAT', `${this.source}: row ${row} has an unclosed quote`);
    const cut = atEnd ? rest.length : rest.lastIndexOf(LF) + 1;
    if (cut === 0) {
      throw new LogveilError('LV_FORMAT', `${this.source}: row ${row} is longer than ${this.maxRowBytes} bytes`);
    }
    const lines = rest.subarray(0, cut);
    const first = this.record;
    this.record += lineCount(lines);
    this.sink.text(lines, first);
    this.inQuotes = false;
    this.quoteSeen = false;
    this.atFieldStart = true;
    if (cut < rest.length) this.feed(rest.subarray(cut));
  }
}

/** The first LF at or after `from`, or the length. */
function lfFrom(chunk: Buffer, from: number): number {
  const k = chunk.indexOf(LF, from);
  return k < 0 ? chunk.length : k;
}

/** Lines in a block (the last may lack its LF). */
function lineCount(block: Buffer): number {
  let n = 0;
  for (let at = block.indexOf(LF); at >= 0; at = block.indexOf(LF, at + 1)) n++;
  return block.length > 0 && block[block.length - 1] !== LF ? n + 1 : n;
}
