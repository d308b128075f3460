import type { Transform } from 'node:stream';
import { Piscina } from 'piscina';
import { addCounters, NO_COUNTS, type CountersSnapshot } from '../counters.js';
import { LogveilError } from '../errors.js';
import type { CsvOptions, Format, LongLineSizes } from '../formats/index.js';
import { randomKey } from '../keys/key.js';
import { resolvePolicy } from '../policy/load.js';
import type { Policy, PolicyInput } from '../policy/schema.js';
import type { ValueVisitor } from '../record/index.js';
import type { FindingReport } from '../visitors.js';
import { CsvBatcher } from './batchers/csv.js';
import { JsonBatcher } from './batchers/json.js';
import { LinesBatcher } from './batchers/lines.js';
import { detectorsModuleUrl, type DetectorsModule } from './detectors-module.js';
import { OrderedTransform, type Batcher, type BatchQueue } from './ordered.js';
import type { Task, TaskResult, WorkerSetup } from './task.js';

/**
 * Worker threads for every format. The main thread reads, cuts the bytes into batches of whole
 * records (lines, JSON array elements, CSV rows) and writes; workers (piscina) parse, scan and
 * replace; results are written in input order (ordered.ts).
 */

/**
 * Bytes per task: large enough that messaging costs little, small enough to keep every worker busy
 * and each batch's strings few (the read chunk's size: one piece per JSON batch). Measured (2026-12-04,
 * 2 vCPUs, `anonymize --threads 2`, 64 MB of text, CSV and a JSON array, medians of 3 paired runs):
 * 512 KiB peaked at 270–345 MB RSS, 128 KiB at 264–293 MB, 64 KiB at 223–271 MB, CPU seconds the same
 * within the noise (64 KiB against 128 KiB: 0.97–1.04×).
 * Then 48 KiB: a batch's text, decoded, is then at most 48 Ki chars, 96 KiB as two-byte (any CJK char
 * makes the whole string two-byte), under V8's 128 KiB large-object threshold. A 64 KiB batch's
 * string landed in the large-object space, which only a full mark-compact frees, so dead batches piled
 * up in each worker (18–35 MB of it at 200 MB of CSV, against 1 MB now) and peak RSS grew with the
 * input: at 200 MB, 64 → 48 KiB took CSV 322 → 228 MB, NDJSON 317 → 239, a JSON array 309 → 266.
 */
export const BATCH_BYTES = 48 * 1024;
/** Tasks in flight per worker: one running, one queued, so a worker never waits for the reader. */
const IN_FLIGHT_PER_THREAD = 2;

/**
 * Each worker's V8 heap limits (piscina's `resourceLimits`). Measured as above: with no limits each
 * worker's heap grew to ~80 MB (a 32 MB young generation, and up to 23 MB of dead batch strings that
 * V8 collects late under its default ceiling of several GB). Any old-generation limit makes V8 collect
 * them sooner: 1024 MB cost 4–7% more CPU on CSV, 2048 MB none measurable (CPU 0.98–1.02× the old
 * pool's). A 16 MB young generation takes ~25 MB more off for ~2% CPU (8 MB: no less RSS, +10% CPU on
 * JSON and CSV). With 128 KiB batches: 250/249/274 MB peak for text/JSON/CSV, was 293/292/343.
 * The old-generation limit is also a ceiling, so it must hold the largest batch a worker is given: no
 * longer a whole line of up to 64 MiB (a 60 MB line needed 1024 MB), since a line over 1 MiB comes
 * in windows of 64 Ki chars (formats/lines/long-line.ts; a 64 MB heap maps a 12 MB line so), but still
 * a CSV row of up to 16 MiB (MAX_ROW_BYTES) or a JSON batch whose element is up to 6 MiB. Kept at
 * 2048 MB for the CPU figures above, not re-measured lower. A worker that reaches it is stopped by V8
 * and fails its input (LV_WORKER, see `run`); `--threads 1` has no such limit.
 */
export const WORKER_OLD_GENERATION_MB = 2048;
export const WORKER_YOUNG_GENERATION_MB = 16;

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
  /** Replace (the default), or only report what would be replaced: `transform` then passes the bytes through. */
  readonly mode?: 'anonymize' | 'scan';
  /** Each worker's old-generation heap limit in MB (WORKER_OLD_GENERATION_MB by default). */
  readonly heapLimitMb?: number;
}

/** What one input's transform is made with besides the format. */
export interface PooledInputOptions {
  /** CSV/TSV dialect, as the format's own transform takes it. */
  readonly csv?: CsvOptions;
  /**
   * JSON: the visitor for what the main thread rewrites itself (a document that is not a top-level
   * array, an element too large for a batch); the same as the workers' (an anonymizer's or a scanner's).
   */
  readonly visitor?: ValueVisitor;
  /** Scan mode: each finding, in input order. */
  readonly report?: (r: FindingReport) => void;
  /** Bytes per batch (BATCH_BYTES by default). */
  readonly batchBytes?: number;
  /** Text and NDJSON: when a line is too long to hold and how it is read in windows (LONG_LINE_SIZES by default). */
  readonly longLines?: LongLineSizes;
}

/** Inputs numbered across the process: workers keep a format's per-input state under this number. */
let inputs = 0;

/**
 * Worker threads that map every format with the output `createAnonymizer` with the same options gives
 * in one thread, byte for byte (or, in scan mode, report what it would find, in the same order).
 * `transform(format, source, warn, options)` per input; `close()` when done.
 */
export class AnonymizerPool {
  readonly threads: number;
  readonly mode: 'anonymize' | 'scan';
  private readonly piscina: Piscina;
  private readonly heapLimitMb: number;
  private counted = NO_COUNTS;

  constructor({ policy, key, detectors, threads, mode = 'anonymize', heapLimitMb = WORKER_OLD_GENERATION_MB }: PoolOptions) {
    if (!Number.isInteger(threads) || threads < 1) throw new LogveilError('LV_USAGE', `threads: expected a whole number >= 1, got ${threads}`);
    this.threads = threads;
    this.mode = mode;
    this.heapLimitMb = heapLimitMb;
    const workerData: WorkerSetup = {
      policy: resolvePolicy(policy),
      key: key ?? randomKey(),
      mode,
      ...(detectors === undefined ? {} : { detectors: { module: detectorsModuleUrl(detectors), export: detectors.export ?? 'default' } }),
    };
    this.piscina = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      workerData,
      minThreads: threads,
      maxThreads: threads,
      resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    // A worker that dies with no task (a replacement that fails as it starts) is reported by piscina as
    // an 'error' event, which would end the process unexplained; the tasks it could not take fail instead.
    this.piscina.on('error', () => {});
  }

  /** The format's transform, with the parsing and mapping done by the workers: the same bytes out. */
  transform(format: Format, source: string, warn: (message: string) => void, options: PooledInputOptions = {}): Transform {
    const size = options.batchBytes ?? BATCH_BYTES;
    const batcher = (queue: BatchQueue): Batcher => {
      if (format.lines !== undefined) return new LinesBatcher(queue, format.name, source, ++inputs, size, options.longLines);
      switch (format.name) {
        case 'csv':
          return new CsvBatcher(queue, source, options.csv ?? {}, undefined, size);
        case 'tsv':
          return new CsvBatcher(queue, source, options.csv ?? {}, '\t', size);
        case 'json':
          if (options.visitor === undefined) throw new LogveilError('LV_USAGE', `${format.name}: the pool needs the main thread's visitor for JSON`);
          return new JsonBatcher(queue, source, options.visitor, size);
        default:
          throw new LogveilError('LV_USAGE', `${format.name}: no batches for this format`);
      }
    };
    const written = { warn, report: options.report, count: (counts: CountersSnapshot) => this.addCounts(counts) };
    return new OrderedTransform((task) => this.run(task), this.threads * IN_FLIGHT_PER_THREAD, source, written, batcher);
  }

  /**
   * One batch mapped by a worker (what `transform` sends). A worker that reaches its heap limit is
   * stopped by V8 and its batch rejected; it is said as such (the transform fails the input with it).
   */
  run(task: Task): Promise<TaskResult> {
    return this.piscina.run(task).catch((e: unknown) => {
      if ((e as { code?: unknown } | null)?.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
      throw new LogveilError(
        'LV_WORKER',
        `a worker ran out of memory (its heap is limited to ${this.heapLimitMb} MB; --threads 1 maps the input in the main thread, without that limit)`,
        { cause: e },
      );
    });
  }

  /**
   * What the workers replaced in the batches written so far, per type and per field, in numbers only:
   * what `anonymizer.counters()` says in one thread. What the main thread maps itself (JSON that is not
   * an array, an element too large for a batch) is counted by the visitor given for it.
   */
  counters(): CountersSnapshot {
    return this.counted;
  }

  /** A written batch's counts (from its worker). */
  private addCounts(counts: CountersSnapshot): void {
    this.counted = addCounters(this.counted, counts);
  }

  /** Stop the threads; the pool cannot be used after. */
  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
