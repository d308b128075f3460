import { Transform, type TransformCallback } from 'node:stream';
import { Piscina } from 'piscina';
import { addCounters, NO_COUNTS, type CountersSnapshot } from '../counters.js';
import { errorKind, LogveilError } from '../errors.js';
import { countLines, LineBlocks, MAX_LINE_BYTES, type Format } from '../formats/index.js';
import { randomKey } from '../keys/key.js';
import { resolvePolicy } from '../policy/load.js';
import type { Policy, PolicyInput } from '../policy/schema.js';
import { detectorsModuleUrl, type DetectorsModule } from './detectors-module.js';
import type { BlockResult, BlockTask, WorkerSetup } from './worker.js';

/**
 * Worker threads for line-based formats (text, NDJSON). The main thread reads, cuts the bytes into
 * batches of whole lines and writes; workers (piscina) scan and replace; results are written in
 * input order. A few batches per worker are in flight at most, so memory stays bounded whatever the
 * input size, and a slow writer holds the reader back (stream backpressure).
 */

/** Bytes per task: large enough that messaging costs little, small enough to keep every worker busy. */
export const BATCH_BYTES = 512 * 1024;
/** Tasks in flight per worker: one running, one queued, so a worker never waits for the reader. */
const IN_FLIGHT_PER_THREAD = 2;

/** The same options as `createAnonymizer`'s, and the number of threads; the detector list as a module. */
export interface PoolOptions {
  /** A validated policy or its plain form (the default policy when absent); checked here, before any thread starts. */
  readonly policy?: Policy | PolicyInput;
  /** Master key for keyed operators; when absent, a random one made for the pool and shared by all its workers. */
  readonly key?: Uint8Array;
  /**
   * The detector list, as a module every worker imports (the default list when absent): the same list
   * given to `createAnonymizer({ detectors })` gives the same output. A list of detector objects is
   * refused (LV_USAGE), never dropped.
   */
  readonly detectors?: DetectorsModule;
  /** Worker threads, 1 or more. */
  readonly threads: number;
}

/**
 * Worker threads that map text and NDJSON with the output `createAnonymizer` with the same options
 * gives in one thread, byte for byte. `transform(format, source, warn)` per input; `close()` when done.
 */
export class AnonymizerPool {
  readonly threads: number;
  private readonly piscina: Piscina;
  private counted = NO_COUNTS;

  constructor({ policy, key, detectors, threads }: PoolOptions) {
    if (!Number.isInteger(threads) || threads < 1) throw new LogveilError('LV_USAGE', `threads: expected a whole number >= 1, got ${threads}`);
    this.threads = threads;
    const workerData: WorkerSetup = {
      policy: resolvePolicy(policy),
      key: key ?? randomKey(),
      ...(detectors === undefined ? {} : { detectors: { module: detectorsModuleUrl(detectors), export: detectors.export ?? 'default' } }),
    };
    this.piscina = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      workerData,
      minThreads: threads,
      maxThreads: threads,
    });
  }

  /** The format's transform, with the mapping done by the workers: the same bytes out. */
  transform(format: Format, source: string, warn: (message: string) => void, batchBytes = BATCH_BYTES): Transform {
    if (format.lines === undefined) throw new LogveilError('LV_USAGE', `${format.name}: the worker pool maps line-based formats only`);
    return new PooledLineTransform(this, format, source, warn, batchBytes);
  }

  /** One block of whole lines mapped by a worker (what `transform` sends). */
  run(task: BlockTask): Promise<BlockResult> {
    return this.piscina.run(task);
  }

  /**
   * What the workers replaced in the blocks written so far, per type and per field, in numbers only:
   * what `anonymizer.counters()` says in one thread.
   */
  counters(): CountersSnapshot {
    return this.counted;
  }

  /** A written block's counts (from its worker). */
  addCounts(counts: CountersSnapshot): void {
    this.counted = addCounters(this.counted, counts);
  }

  /** Stop the threads; the pool cannot be used after. */
  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}

interface Pending {
  readonly bytes: Buffer;
  readonly result: Promise<BlockResult | Error>;
}

/** Inputs numbered across the process: workers keep a format's per-input state under this number. */
let inputs = 0;

class PooledLineTransform extends Transform {
  private readonly blocks: LineBlocks;
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private batchLines = 0;
  /** The number of the first line of the batch being gathered. */
  private nextLine = 0;
  private readonly pending: Pending[] = [];
  private readonly maxPending: number;
  private readonly input = ++inputs;

  constructor(
    private readonly pool: AnonymizerPool,
    private readonly format: Format,
    private readonly source: string,
    private readonly warn: (message: string) => void,
    private readonly batchSize: number,
  ) {
    super();
    this.maxPending = pool.threads * IN_FLIGHT_PER_THREAD;
    this.blocks = new LineBlocks(source, MAX_LINE_BYTES, () => this.nextLine + this.batchLines);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const block = this.blocks.cut(chunk);
      if (block !== null) this.gather(block);
      if (this.batchBytes >= this.batchSize) this.dispatch();
    } catch (e) {
      return done(e as Error);
    }
    this.settle(this.maxPending).then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    try {
      const rest = this.blocks.rest();
      if (rest !== null) this.gather(rest);
      if (this.batchBytes > 0) this.dispatch();
    } catch (e) {
      return done(e as Error);
    }
    this.settle(0).then(() => done(), done);
  }

  private gather(block: Buffer): void {
    this.batch.push(block);
    this.batchBytes += block.length;
    this.batchLines += countLines(block);
  }

  private dispatch(): void {
    const bytes = this.batch.length === 1 ? this.batch[0] : Buffer.concat(this.batch);
    const task: BlockTask = { format: this.format.name, source: this.source, input: this.input, first: this.nextLine, bytes };
    // Settled into a value, so that a failure waits its turn (no unhandled rejection meanwhile).
    const result = this.pool.run(task).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    this.pending.push({ bytes, result });
    this.nextLine += this.batchLines;
    this.batch = [];
    this.batchBytes = this.batchLines = 0;
  }

  /** Write finished results in input order until at most `limit` are in flight. */
  private async settle(limit: number): Promise<void> {
    while (this.pending.length > limit) {
      const { bytes, result } = this.pending[0];
      const r = await result;
      this.pending.shift();
      if (r instanceof Error) {
        throw new LogveilError('LV_WORKER', `${this.source}: a worker failed (${errorKind(r)}; details withheld, they may quote the data)`, { cause: r });
      }
      for (const w of r.warnings) this.warn(w);
      if (r.error) throw new LogveilError(r.error.code, r.error.message);
      if (r.counts) this.pool.addCounts(r.counts);
      const out = r.bytes === null ? bytes : Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
      if (out.length > 0) this.push(out);
    }
  }
}
