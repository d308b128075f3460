import { workerData } from 'piscina';
import { Anonymizer } from '../anonymizer.js';
import { countersSince, NO_COUNTS, type CountersSnapshot } from '../counters.js';
import { errorKind, LogveilError, type ErrorCode } from '../errors.js';
import { formats, LineBlockMapper, type FormatName, type LineMapper } from '../formats/index.js';
import type { Policy } from '../policy/schema.js';
import type { ValueVisitor } from '../record/index.js';
import { anonymizingVisitor } from '../visitors.js';
import { importDetectors } from './detectors-module.js';

/**
 * A pool worker: maps blocks of whole lines of a line-based format (text, NDJSON) exactly as the
 * format's own transform would. The policy, the master key and where the detector list is come once,
 * as workerData, so every worker replaces alike: keyed operators give the same output whatever thread
 * a line lands on, and custom detectors find in a worker what they find in one thread.
 */

/** What every worker is made with. */
export interface WorkerSetup {
  readonly policy: Policy;
  readonly key: Uint8Array;
  /** A module to import the detector list from (its URL and the export's name); the default list when absent. */
  readonly detectors?: { readonly module: string; readonly export: string };
}

/** One block of whole lines of one input. */
export interface BlockTask {
  readonly format: FormatName;
  /** The input's name for messages. */
  readonly source: string;
  /** Which input (transform) of this process the block is from: a format may keep state per input. */
  readonly input: number;
  /** The 0-based number of the block's first line in its input. */
  readonly first: number;
  readonly bytes: Uint8Array;
}

export interface BlockResult {
  /** The mapped block; null when it is unchanged (the caller still has the bytes). */
  readonly bytes: Uint8Array | null;
  /** Warnings the format gave (they name places, never data), in line order. */
  readonly warnings: readonly string[];
  /** A failure, as code and message: the error class does not cross threads. */
  readonly error?: { readonly code: ErrorCode; readonly message: string };
  /** What this block's mapping replaced, per type and per field (numbers only): the caller adds them up. */
  readonly counts?: CountersSnapshot;
}

/**
 * Compiled once per worker (detectors, policy, field rules, keys), not once per block. A failure here
 * is every task's answer, so the caller gets its code and message instead of a worker that died.
 */
async function setUp(setup: WorkerSetup): Promise<{ anonymizer: Anonymizer; visitor: ValueVisitor } | LogveilError> {
  try {
    const detectors = setup.detectors === undefined ? undefined : await importDetectors(setup.detectors);
    const anonymizer = new Anonymizer({ policy: setup.policy, key: setup.key, detectors });
    return { anonymizer, visitor: anonymizingVisitor(anonymizer) };
  } catch (e) {
    return e instanceof LogveilError ? e : new LogveilError('LV_USAGE', `setting up a worker: ${messageOf(e)}`, { cause: e });
  }
}

/** A setup error's message: it names the detectors or policy at fault, it holds no log data. */
function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : errorKind(e);
}

const ready = await setUp(workerData as WorkerSetup);
/** The worker's counters when its last block was done: each block reports what it added. */
let counted = NO_COUNTS;

function countsOfBlock(a: Anonymizer): CountersSnapshot {
  const now = a.counters();
  const block = countersSince(now, counted);
  counted = now;
  return block;
}

let warnings: string[] = [];
const warn = (message: string): void => {
  warnings.push(message);
};
/** The line mapper per input, reused across that input's blocks. */
const mappers = new Map<number, LineMapper>();

function mapperFor(visitor: ValueVisitor, format: FormatName, source: string, id: number): LineMapper {
  let mapper = mappers.get(id);
  if (mapper === undefined) {
    const lines = formats[format].lines;
    if (lines === undefined) throw new LogveilError('LV_WORKER', `${format}: not a line-based format`);
    if (mappers.size >= 16) mappers.clear();
    mapper = lines({ visitor, source, warn });
    mappers.set(id, mapper);
  }
  return mapper;
}

export default function mapBlock(task: BlockTask): BlockResult {
  warnings = [];
  if (ready instanceof LogveilError) return { bytes: null, warnings, error: { code: ready.code, message: ready.message } };
  const { anonymizer, visitor } = ready;
  try {
    const block = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    const out = new LineBlockMapper(mapperFor(visitor, task.format, task.source, task.input), task.first).map(block);
    return { bytes: out === block ? null : out, warnings, counts: countsOfBlock(anonymizer) };
  } catch (e) {
    countsOfBlock(anonymizer); // a failed block's counts are not the next block's
    if (e instanceof LogveilError) return { bytes: null, warnings, error: { code: e.code, message: e.message } };
    // Another error's message may quote the data (V8's do): only its class crosses.
    return { bytes: null, warnings, error: { code: 'LV_WORKER', message: `${errorKind(e)} in a worker (details withheld, they may quote the data)` } };
  }
}

