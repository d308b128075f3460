import { LogveilError } from '../../errors.js';
import { csvDialect, CsvCutter, CsvRows, MAX_ROW_BYTES, type CsvColumns, type CsvDialect, type CsvOptions } from '../../formats/index.js';
import type { ValueVisitor } from '../../record/index.js';
import type { Batcher, BatchQueue } from '../ordered.js';

/** Reads column names only: a visit would be a bug. */
const NO_VISITS: ValueVisitor = {
  visit() {
    throw new LogveilError('LV_WORKER', 'csv: the main thread visited a cell (a logveil bug)');
  },
};

/**
 * CSV and TSV: the cutter's blocks of whole rows (quoted line ends respected) gathered into batches,
 * each sent with its first row's number and the columns. The columns are the first non-empty row's:
 * this thread reads that one row's names (visiting nothing) so that every later batch has them; the
 * batch that holds it is read by a worker like any other, which visits the names as one thread would.
 */
export class CsvBatcher implements Batcher {
  private readonly cutter: CsvCutter;
  private dialect: CsvDialect | null = null;
  private names: CsvRows | null = null;
  /** The columns once known; null before the first non-empty row. */
  private columns: CsvColumns | null = null;
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private first = 0;
  private count = 0;
  /** The columns as they were at the batch's first row. */
  private batchColumns: CsvColumns | null = null;

  constructor(
    private readonly queue: BatchQueue,
    private readonly source: string,
    csv: CsvOptions,
    defaultDelimiter: string | undefined,
    private readonly size: number,
  ) {
    this.cutter = new CsvCutter(source, csv, defaultDelimiter, MAX_ROW_BYTES, {
      start: (delimiter) => {
        this.dialect = csvDialect(csv, delimiter);
        this.names = new CsvRows(NO_VISITS, source, () => {}, this.dialect);
      },
      raw: (bytes) => queue.bytes(bytes),
      rows: (block, first, count) => this.rows(block, first, count),
      text: (block, first) => {
        this.dispatch();
        this.queue.send({ ...this.base(block), text: true, columns: this.columns, first, count: 0 });
      },
    });
  }

  write(chunk: Buffer): void {
    this.cutting(() => this.cutter.write(chunk));
  }

  end(): void {
    this.cutting(() => this.cutter.end());
    this.dispatch();
  }

  /** A row the cutter refuses fails the input after the rows before it are read (one may fail first). */
  private cutting(cut: () => void): void {
    try {
      cut();
    } catch (e) {
      this.dispatch();
      throw e;
    }
  }

  private rows(block: Buffer, first: number, count: number): void {
    if (this.batch.length === 0) {
      this.first = first;
      this.batchColumns = this.columns;
    }
    this.batch.push(block);
    this.batchBytes += block.length;
    this.count += count;
    if (this.columns === null) this.columns = this.names?.columnsIn(block) ?? null;
    if (this.batchBytes >= this.size) this.dispatch();
  }

  private dispatch(): void {
    if (this.batch.length === 0) return;
    const bytes = this.batch.length === 1 ? this.batch[0] : Buffer.concat(this.batch);
    this.queue.send({ ...this.base(bytes), text: false, columns: this.batchColumns, first: this.first, count: this.count });
    this.batch = [];
    this.batchBytes = this.count = 0;
  }

  private base(bytes: Buffer) {
    if (this.dialect === null) throw new LogveilError('LV_WORKER', 'csv: rows before the delimiter is known (a logveil bug)');
    return { kind: 'csv' as const, source: this.source, dialect: this.dialect, bytes };
  }
}
