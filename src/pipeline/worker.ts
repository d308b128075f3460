import { workerData } from 'piscina';
import { Anonymizer } from '../anonymizer.js';
import { errorKind, LogveilError, type ErrorCode } from '../errors.js';
import { formats, LineBlockMapper, type FormatName, type LineMapper } from '../formats/index.js';
import type { Policy } from '../policy/schema.js';
import { anonymizingVisitor } from '../visitors.js';

/**
 * A pool worker: maps blocks of whole lines of a line-based format (text, NDJSON) exactly as the
 * format's own transform would. The policy and the master key come once, as workerData, so every
 * worker replaces alike: keyed operators give the same output whatever thread a line lands on.
 */

/** What every worker is made with. */
export interface WorkerSetup {
  readonly policy: Policy;
  readonly key: Uint8Array;
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
}

const setup = workerData as WorkerSetup;
// Compiled once per worker (detectors, policy, field rules, keys), not once per block.
const visitor = anonymizingVisitor(new Anonymizer({ policy: setup.policy, key: setup.key }));

let warnings: string[] = [];
const warn = (message: string): void => {
  warnings.push(message);
};
/** The line mapper per input, reused across that input's blocks. */
const mappers = new Map<number, LineMapper>();

function mapperFor(format: FormatName, source: string, id: number): LineMapper {
  let mapper = mappers.get(id);
  if (mapper === undefined) {
    const lines = formats[format]?.lines;
    if (lines === undefined) throw new LogveilError('LV_WORKER', `${format}: not a line-based format`);
    if (mappers.size >= 16) mappers.clear();
    mapper = lines({ visitor, source, warn });
    mappers.set(id, mapper);
  }
  return mapper;
}

export default function mapBlock(task: BlockTask): BlockResult {
  warnings = [];
  try {
    const block = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    const out = new LineBlockMapper(mapperFor(task.format, task.source, task.input), task.first).map(block);
    return { bytes: out === block ? null : out, warnings };
  } catch (e) {
    if (e instanceof LogveilError) return { bytes: null, warnings, error: { code: e.code, message: e.message } };
    // Another error's message may quote the data (V8's do): only its class crosses.
    return { bytes: null, warnings, error: { code: 'LV_WORKER', message: `${errorKind(e)} in a worker (details withheld, they may quote the data)` } };
  }
}

