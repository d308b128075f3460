import { Transform, type TransformCallback } from 'node:stream';
import type { CountersSnapshot } from '../counters.js';
import { errorKind, LogveilError } from '../errors.js';
import type { FindingReport } from '../visitors.js';
import type { Task, TaskResult } from './task.js';

/**
 * The stream around a format's batcher: chunks in, batches to the workers, results written in input
 * order. At most `maxPending` batches are in flight, so memory stays bounded whatever the input size,
 * and a slow writer holds the reader back (stream backpressure). A failure is the first one in input
 * order, as in one thread: an error of the batcher waits for the batches sent before it.
 */

/** Where a batcher sends its batches, in input order. */
export interface BatchQueue {
  /** A batch for a worker; `check` sees its result first, in order, and may fail it. */
  send(task: Task, check?: (result: TaskResult) => void): void;
  /** Bytes to write as they are (a BOM, or what the main thread mapped itself), in order. */
  bytes(bytes: Buffer): void;
  /** Write results in order until at most `limit` batches are in flight. */
  settle(limit: number): Promise<void>;
}

/** A format's cutting of its input into batches of whole records. */
export interface Batcher {
  write(chunk: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
}

/** What a written batch's result is handed to, in input order. */
export interface Written {
  readonly warn: (message: string) => void;
  /** Scan mode: each finding. */
  readonly report?: (r: FindingReport) => void;
  /** What the batch replaced (not for a batch that failed). */
  readonly count?: (counts: CountersSnapshot) => void;
}

interface Pending {
  readonly original: Buffer;
  readonly result: Promise<TaskResult | Error> | null;
  readonly check?: (result: TaskResult) => void;
}

export class OrderedTransform extends Transform implements BatchQueue {
  private readonly pending: Pending[] = [];
  private readonly batcher: Batcher;

  constructor(
    private readonly run: (task: Task) => Promise<TaskResult>,
    private readonly maxPending: number,
    private readonly source: string,
    private readonly written: Written,
    makeBatcher: (queue: BatchQueue) => Batcher,
  ) {
    super();
    this.batcher = makeBatcher(this);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.step(() => this.batcher.write(chunk), this.maxPending, done);
  }

  override _flush(done: TransformCallback): void {
    this.step(() => this.batcher.end(), 0, done);
  }

  private step(work: () => void | Promise<void>, limit: number, done: TransformCallback): void {
    Promise.resolve()
      .then(work)
      .then(
        () => this.settle(limit).then(() => done(), done),
        // The batches sent before the batcher failed come first: one of them may fail earlier in the input.
        (e: unknown) => this.settle(0).then(() => done(e as Error), done),
      );
  }

  send(task: Task, check?: (result: TaskResult) => void): void {
    const original = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    // Settled into a value, so that a failure waits its turn (no unhandled rejection meanwhile).
    const result = this.run(task).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    this.pending.push({ original, result, check });
  }

  bytes(bytes: Buffer): void {
    if (bytes.length) this.pending.push({ original: bytes, result: null });
  }

  async settle(limit: number): Promise<void> {
    while (this.pending.length > limit) {
      const { original, result, check } = this.pending[0];
      const r = result === null ? null : await result;
      this.pending.shift();
      if (r instanceof LogveilError) throw new LogveilError(r.code, `${this.source}: ${r.message}`, { cause: r });
      if (r instanceof Error) {
        throw new LogveilError('LV_WORKER', `${this.source}: a worker failed (${errorKind(r)}; details withheld, they may quote the data)`, { cause: r });
      }
      if (r !== null) {
        check?.(r);
        const { warn, report, count } = this.written;
        for (const w of r.warnings) warn(w);
        if (report) for (const found of r.reports) report(found);
        if (r.error) throw new LogveilError(r.error.code, r.error.message);
        if (r.counts && count) count(r.counts);
      }
      const out = r === null || r.bytes === null ? original : Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
      if (out.length > 0) this.push(out);
    }
  }
}
