import {
  countLines,
  LineBlocks,
  LONG_LINE_SIZES,
  LongLine,
  longLineWarning,
  MAX_LINE_BYTES,
  type FormatName,
  type LinePart,
  type LongLineSizes,
} from '../../formats/index.js';
import type { Batcher, BatchQueue } from '../ordered.js';

/**
 * Text and NDJSON: batches of whole lines, numbered; the format's line mapper maps them in a worker.
 * A line too long to hold (formats/lines/long-line.ts) is cut into windows here and each window is
 * scanned by a worker, one at a time: where a piece ends (past its cut, when a value runs over it) is
 * where the next one starts, so the next window waits for the last one's result. A long line is rare
 * and one record; what matters there is that memory stays one window and that its output, warning,
 * findings and counts come in input order, through the same queue as every batch (the main thread
 * has no visitor of its own for lines).
 */
export class LinesBatcher implements Batcher {
  private readonly blocks: LineBlocks;
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private batchLines = 0;
  /** The number of the first line of the batch being gathered. */
  private nextLine = 0;
  /** The long line being read, if any. */
  private long: LongLine | null = null;

  constructor(
    private readonly queue: BatchQueue,
    private readonly format: FormatName,
    private readonly source: string,
    /** Which input of this process: workers keep a format's per-input state (SQL statements) under it. */
    private readonly input: number,
    private readonly size: number,
    private readonly sizes: LongLineSizes = LONG_LINE_SIZES,
  ) {
    this.blocks = new LineBlocks(source, MAX_LINE_BYTES, () => this.nextLine + this.batchLines, sizes.threshold);
  }

  write(chunk: Buffer): void | Promise<void> {
    const parts = this.blocks.cut(chunk);
    // Only a long line needs to wait for workers: the common chunk stays synchronous.
    if (parts.some((p) => p.kind === 'long')) return this.takeAll(parts);
    for (const part of parts) this.gather(part.bytes);
    if (this.batchBytes >= this.size) this.dispatch();
  }

  async end(): Promise<void> {
    await this.takeAll(this.blocks.rest());
    if (this.batchBytes > 0) this.dispatch();
  }

  private async takeAll(parts: readonly LinePart[]): Promise<void> {
    for (const part of parts) {
      if (part.kind === 'lines') this.gather(part.bytes);
      else await this.takeLong(part.bytes, part.end);
    }
    if (this.batchBytes >= this.size) this.dispatch();
  }

  private async takeLong(bytes: Buffer, end: 'more' | 'newline' | 'input'): Promise<void> {
    if (this.long === null) {
      if (this.batchBytes > 0) this.dispatch(); // the lines before it come first
      this.long = new LongLine(this.nextLine, this.sizes);
    }
    const long = this.long;
    long.add(bytes);
    if (end !== 'more') long.end(end === 'newline');
    for (let step = long.next(); step !== null; step = long.next()) {
      if (step.kind === 'bytes') {
        this.queue.bytes(step.bytes);
        continue;
      }
      const { text, from, to, offset } = step.window;
      const warning = step.first ? longLineWarning(this.source, long.record, this.sizes) : null;
      let pieceEnd = -1;
      const task = { kind: 'window' as const, source: this.source, record: long.record, from, to, offset, warning, bytes: Buffer.from(text, 'utf8') };
      this.queue.send(task, (result) => {
        pieceEnd = result.end ?? -1;
      });
      await this.queue.settle(0);
      long.wrote(pieceEnd);
    }
    if (end !== 'more') {
      this.long = null;
      this.nextLine++;
    }
  }

  private gather(block: Buffer): void {
    this.batch.push(block);
    this.batchBytes += block.length;
    this.batchLines += countLines(block);
  }

  private dispatch(): void {
    const bytes = this.batch.length === 1 ? this.batch[0] : Buffer.concat(this.batch);
    this.queue.send({ kind: 'lines', format: this.format, source: this.source, input: this.input, first: this.nextLine, bytes });
    this.nextLine += this.batchLines;
    this.batch = [];
    this.batchBytes = this.batchLines = 0;
  }
}
