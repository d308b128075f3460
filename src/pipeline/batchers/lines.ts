import { countLines, LineBlocks, MAX_LINE_BYTES, type FormatName } from '../../formats/index.js';
import type { Batcher, BatchQueue } from '../ordered.js';

/** Text and NDJSON: batches of whole lines, numbered; the format's line mapper maps them in a worker. */
export class LinesBatcher implements Batcher {
  private readonly blocks: LineBlocks;
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private batchLines = 0;
  /** The number of the first line of the batch being gathered. */
  private nextLine = 0;

  constructor(
    private readonly queue: BatchQueue,
    private readonly format: FormatName,
    private readonly source: string,
    /** Which input of this process: workers keep a format's per-input state (SQL statements) under it. */
    private readonly input: number,
    private readonly size: number,
  ) {
    this.blocks = new LineBlocks(source, MAX_LINE_BYTES, () => this.nextLine + this.batchLines);
  }

  write(chunk: Buffer): void {
    let block: Buffer | null;
    try {
      block = this.blocks.cut(chunk);
    } catch (e) {
      // A line too long fails the input after the lines before it are mapped (one may fail first).
      if (this.batchBytes > 0) this.dispatch();
      throw e;
    }
    if (block !== null) this.gather(block);
    if (this.batchBytes >= this.size) this.dispatch();
  }

  end(): void {
    const rest = this.blocks.rest();
    if (rest !== null) this.gather(rest);
    if (this.batchBytes > 0) this.dispatch();
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
