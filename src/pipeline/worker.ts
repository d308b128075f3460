import { workerData } from 'piscina';
import { Anonymizer } from '../anonymizer.js';
import { countersSince, NO_COUNTS, type CountersSnapshot } from '../counters.js';
import { errorKind, LogveilError } from '../errors.js';
import { CsvRows, formats, JsonRewriter, LineBlockMapper, type FormatName, type LineMapper } from '../formats/index.js';
import type { ValueVisitor } from '../record/index.js';
import { anonymizingVisitor, scanningVisitor, type FindingReport } from '../visitors.js';
import { importDetectors } from './detectors-module.js';
import type { CsvTask, JsonTask, LinesTask, Task, TaskResult, WindowTask, WorkerSetup } from './task.js';

/**
 * A pool worker: maps a batch of whole records (lines of text or NDJSON, elements of a JSON array,
 * CSV rows) exactly as the format's own transform would, given the state one thread would have at
 * the batch's start (line or row number, CSV columns, JSON record and path-step budget). The policy,
 * the master key and where the detector list is come once, as workerData, so every worker replaces
 * alike: keyed operators give the same output whatever thread a record lands on, and custom detectors
 * find in a worker what they find in one thread. In scan mode the findings come back instead.
 */

export type { Task, TaskResult, WorkerSetup } from './task.js';

let warnings: string[] = [];
let reports: FindingReport[] = [];
const warn = (message: string): void => {
  warnings.push(message);
};

/**
 * Compiled once per worker (detectors, policy, field rules, keys), not once per batch. A failure here
 * is every task's answer, so the caller gets its code and message instead of a worker that died.
 */
async function setUp(setup: WorkerSetup): Promise<{ anonymizer: Anonymizer; visitor: ValueVisitor } | LogveilError> {
  try {
    const detectors = setup.detectors === undefined ? undefined : await importDetectors(setup.detectors);
    const anonymizer = new Anonymizer({ policy: setup.policy, key: setup.key, detectors });
    const visitor = setup.mode === 'scan' ? scanningVisitor(anonymizer, (r) => reports.push(r)) : anonymizingVisitor(anonymizer);
    return { anonymizer, visitor };
  } catch (e) {
    return e instanceof LogveilError ? e : new LogveilError('LV_USAGE', `setting up a worker: ${messageOf(e)}`, { cause: e });
  }
}

/** A setup error's message: it names the detectors or policy at fault, it holds no log data. */
function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : errorKind(e);
}

const ready = await setUp(workerData as WorkerSetup);
/** The worker's counters when its last batch was done: each batch reports what it added. */
let counted = NO_COUNTS;

function countsOfBatch(a: Anonymizer): CountersSnapshot {
  const now = a.counters();
  const batch = countersSince(now, counted);
  counted = now;
  return batch;
}

/** The line mapper per input, reused across that input's blocks (text keeps SQL statements for later lines). */
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

function mapLines(visitor: ValueVisitor, task: LinesTask, block: Buffer): Buffer {
  return new LineBlockMapper(mapperFor(visitor, task.format, task.source, task.input), task.first).map(block);
}

function mapCsv(visitor: ValueVisitor, task: CsvTask, block: Buffer): Buffer {
  const rows = new CsvRows(visitor, task.source, warn, task.dialect, task.columns);
  return task.text ? rows.text(block, task.first) : rows.rows(block, task.first, task.count);
}

/**
 * JSON: fed piece by piece as one thread is fed chunk by chunk, so errors name the same bytes. The
 * path steps used are counted from 0 here and checked against the budget by the main thread, which
 * knows what the batches before used; `used` records them at each piece's end (or where it failed).
 */
function mapJson(visitor: ValueVisitor, task: JsonTask, block: Buffer, used: number[]): Buffer {
  const rewriter = new JsonRewriter(visitor, task.source, task.after === null ? undefined : { record: task.after, used: 0 });
  const out: string[] = [];
  const p = task.pieces;
  let at = 0;
  try {
    for (let k = 0; k < p.length; k += 3) {
      out.push(rewriter.write(block.subarray(at, at + p[k]), p[k + 1], p[k + 2]));
      at += p[k];
      used.push(rewriter.used);
    }
    if (task.total !== null) {
      out.push(rewriter.end(task.total));
      used.push(rewriter.used);
    }
  } catch (e) {
    used.push(rewriter.used);
    throw e;
  }
  return Buffer.from(out.join(''), 'utf8');
}

/** A window of a long line, scanned as plain text: its piece's text, and where that ends. */
function mapWindow(visitor: ValueVisitor, task: WindowTask, block: Buffer): { bytes: Buffer; end: number } {
  if (visitor.visitWindow === undefined) throw new LogveilError('LV_WORKER', 'the visitor cannot scan a long line in windows');
  if (task.warning !== null) warn(task.warning);
  const window = { text: block.toString('utf8'), from: task.from, to: task.to, offset: task.offset };
  const visited = visitor.visitWindow(window, { record: task.record, path: [] });
  return { bytes: Buffer.from(visited.text, 'utf8'), end: visited.end };
}

function map(visitor: ValueVisitor, task: Exclude<Task, WindowTask>, block: Buffer, used: number[]): Buffer {
  switch (task.kind) {
    case 'lines':
      return mapLines(visitor, task, block);
    case 'csv':
      return mapCsv(visitor, task, block);
    case 'json':
      return mapJson(visitor, task, block, used);
  }
}

export default function mapBatch(task: Task): TaskResult {
  warnings = [];
  reports = [];
  const used: number[] = [];
  if (ready instanceof LogveilError) return { bytes: null, warnings, reports, error: { code: ready.code, message: ready.message } };
  const { anonymizer, visitor } = ready;
  try {
    const block = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    if (task.kind === 'window') {
      // Its text is the piece's, not the window's bytes: always sent back, in scan mode too.
      const { bytes, end } = mapWindow(visitor, task, block);
      return { bytes, warnings, reports, used, counts: countsOfBatch(anonymizer), end };
    }
    const out = map(visitor, task, block, used);
    const scan = (workerData as WorkerSetup).mode === 'scan';
    return { bytes: scan || out === block ? null : out, warnings, reports, used, counts: countsOfBatch(anonymizer) };
  } catch (e) {
    countsOfBatch(anonymizer); // a failed batch's counts are not the next batch's
    if (e instanceof LogveilError) return { bytes: null, warnings, reports, used, error: { code: e.code, message: e.message } };
    // Another error's message may quote the data (V8's do): only its class crosses.
    return { bytes: null, warnings, reports, used, error: { code: 'LV_WORKER', message: `${errorKind(e)} in a worker (details withheld, they may quote the data)` } };
  }
}
