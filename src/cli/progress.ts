import { MultiBar, type SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { LogveilError, streamNamed, writeOutput, type CountersSnapshot } from '../index.js';
import type { ExpandedInputs, OutputPlan } from './inputs.js';
import type { Shard } from './shard.js';
import { Summary, type RunFigures } from './summary.js';

/**
 * What a user sees of an `anonymize` run on stderr, never on stdout (which carries data only): while
 * it runs, a progress bar when stderr is a terminal (`scan` draws it too); at the end, a summary
 * (files, lines, bytes, time, findings per type and field) and, with --report, the same as JSON in a
 * file. Numbers and names only, never a found value.
 *
 * Nothing here is on the hot path: bytes are polled from the read streams (fs and net count them
 * anyway) and findings from the counters, a few times a second, only while the bar is shown; the one
 * stage added per file counts the lines of each chunk (Buffer#indexOf, some GB/s).
 */

/** How often the bar is brought up to date and redrawn: often enough to look alive, rarely enough to cost nothing. */
const REDRAW_MS = 250;

/** `--quiet`, `--summary`, `--report FILE`: what `anonymize` shows besides warnings and errors. */
export interface ProgressOptions {
  quiet?: boolean;
  summary?: boolean;
  report?: string;
}

export function addProgressOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-q, --quiet', 'no progress bar and no summary on stderr (warnings and errors are still written)').conflicts('summary'))
    .option('--summary', 'print the summary on stderr also when stderr is not a terminal')
    .option('--report <file>', 'write the summary as JSON to this file, atomically (counts only, never a found value)');
}

interface RunProgressOptions {
  /** Input files, those that could not be listed included. */
  readonly files: number;
  /** Bytes of all inputs on disk (gzip: compressed): the bar's total; 0 when unknown (stdin). */
  readonly totalBytes: number;
  /** Draw a bar. */
  readonly bar: boolean;
  /** Replaced values so far, all threads together: read only when the bar is redrawn. */
  readonly findings: () => number;
  /** Where the bar goes (default stderr); a test may give a stream that says it is a TTY. */
  readonly stream?: NodeJS.WriteStream;
  /** Print the summary at the end (finishRun). */
  readonly summary?: boolean;
}

/** A run's meter: files, bytes and lines as they go, a bar that shows them, and the figures at the end. */
export class RunProgress {
  private readonly started = Date.now();
  private readonly bars: MultiBar | null = null;
  private readonly bar: SingleBar | null = null;
  private timer: NodeJS.Timeout | null = null;
  private filesDone = 0;
  private lines = 0;
  private textBytes = 0;
  /** Bytes read by files done; files being read (or failed) are polled. */
  private bytesDone = 0;
  private readonly polled = new Set<() => number>();

  /** Print the summary at the end (finishRun). */
  readonly summary: boolean;

  constructor(private readonly options: RunProgressOptions) {
    this.summary = options.summary === true;
    if (options.bar) [this.bars, this.bar] = this.startBar();
  }

  /**
   * A file is being read: `bytesRead` says how far (polled), and the stage returned, put after
   * decoding and before the format, counts its text's lines and bytes.
   */
  reading(bytesRead: () => number): Transform {
    this.polled.add(bytesRead);
    return new LineCounter((bytes, lines) => {
      this.textBytes += bytes;
      this.lines += lines;
    });
  }

  /** The file `reading` was given `bytesRead` for is written. */
  done(bytesRead: () => number): void {
    this.polled.delete(bytesRead);
    this.bytesDone += bytesRead();
    this.filesDone++;
  }

  /** Bytes read so far, all files. */
  private bytesRead(): number {
    let n = this.bytesDone;
    for (const bytesRead of this.polled) n += bytesRead();
    return n;
  }

  /** Stop the bar (cleared from the screen) and say what the run did. */
  finish(): RunFigures {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.bars !== null) {
      // The last frame shows the end (every byte, file and finding), not the last tick's figures:
      // MultiBar draws only on its own tick, so it is drawn here, then cleared by stop().
      this.update();
      this.bars.update();
      this.bars.stop();
    }
    return {
      files: this.options.files,
      // Every file is done or has failed by now (or the run stopped: stdout's reader went away).
      failed: this.options.files - this.filesDone,
      lines: this.lines,
      bytes: this.bytesRead(),
      textBytes: this.textBytes,
      seconds: (Date.now() - this.started) / 1000,
    };
  }

  /**
   * A MultiBar with one bar: it redraws by moving up from where it is rather than by restoring a saved
   * cursor position, so a warning or error written meanwhile (options.ts's stderrLine clears the
   * bar's line first) stays on screen, and the bar goes on below it.
   */
  private startBar(): [MultiBar, SingleBar] {
    const known = this.options.totalBytes > 0;
    const bars = new MultiBar({
      stream: this.options.stream ?? process.stderr,
      format: known
        ? '{bar} {percentage}% {done}/{size} MB {speed} MB/s | files {files} | findings {findings} | ETA {eta_formatted}'
        : '{done} MB {speed} MB/s | files {files} | findings {findings}',
      fps: 1000 / REDRAW_MS,
      clearOnComplete: true,
      hideCursor: false,
      // Cut to the terminal's width rather than turning the terminal's line wrapping off (warnings wrap).
      linewrap: true,
      barsize: 12, // the line fits 80 columns
      etaBuffer: 20,
      // io.ts's handler removes temporaries on SIGINT and dies of it: the bar must not catch the signal.
      gracefulExit: false,
    });
    const bar = bars.create(Math.max(this.options.totalBytes, 1), 0, this.payload(0, 0));
    this.timer = setInterval(() => this.update(), REDRAW_MS);
    this.timer.unref();
    return [bars, bar];
  }

  private update(): void {
    const bytes = this.bytesRead();
    this.bar?.update(Math.min(bytes, this.options.totalBytes || bytes), this.payload(bytes, this.options.findings()));
  }

  private payload(bytes: number, findings: number): Record<string, string> {
    const seconds = Math.max((Date.now() - this.started) / 1000, 1e-3);
    return {
      done: (bytes / 1e6).toFixed(1),
      size: (this.options.totalBytes / 1e6).toFixed(1),
      speed: (bytes / 1e6 / seconds).toFixed(1),
      files: `${this.filesDone}/${this.options.files}`,
      findings: findings.toLocaleString('en-US'),
    };
  }
}

/** Counts a text's bytes and lines as they pass (a last line without a newline is a line too). */
class LineCounter extends Transform {
  private lastWasNewline = true;

  constructor(private readonly count: (bytes: number, lines: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let lines = 0;
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) lines++;
    if (chunk.length > 0) this.lastWasNewline = chunk[chunk.length - 1] === 0x0a;
    this.count(chunk.length, lines);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (!this.lastWasNewline) this.count(0, 1);
    done();
  }
}

/** Size on disk; 0 for stdin or a file that went away (its job then fails naming it). */
export function sizeOnDisk(path: string): number {
  if (path === '-') return 0;
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * A run's meter. The bar is drawn only when stderr is a terminal, --quiet is not given, and no data
 * goes to that terminal (stdout on it, or stderr), where the bar would be drawn over it.
 */
export function startProgress(o: {
  readonly quiet: boolean | undefined;
  /** Input files, those that could not be listed included. */
  readonly files: number;
  readonly totalBytes: number;
  readonly findings: () => number;
  /** Where data is written: the process streams among the outputs. */
  readonly toStdout: boolean;
  readonly toStderr?: boolean;
  readonly summary?: boolean;
}): RunProgress {
  const dataOnTerminal = (o.toStdout && process.stdout.isTTY === true) || o.toStderr === true;
  return new RunProgress({
    files: o.files,
    totalBytes: o.totalBytes,
    bar: process.stderr.isTTY === true && !o.quiet && !dataOnTerminal,
    findings: o.findings,
    summary: o.summary,
  });
}

/**
 * The run's meter for `anonymize`; a --report file that is an input or an output is refused now
 * (LV_USAGE), before anything is written. The summary is shown on a terminal unless --quiet, or with
 * --summary; not when the data itself goes to stderr, unless asked.
 */
export function startRun(
  opts: ProgressOptions,
  inputs: ExpandedInputs,
  plan: OutputPlan,
  totalBytes: number,
  counts: () => CountersSnapshot[],
): RunProgress {
  if (opts.report !== undefined) refuseReportOver(opts.report, inputs, plan);
  const toStderr = plan.jobs.some((j) => streamNamed(j.output) === 'stderr');
  return startProgress({
    quiet: opts.quiet,
    files: inputs.files.length + inputs.problems.length,
    totalBytes,
    findings: () => counts().reduce((n, c) => n + c.replaced, 0),
    toStdout: plan.jobs.some((j) => streamNamed(j.output) === 'stdout'),
    toStderr,
    summary: opts.summary === true || (process.stderr.isTTY === true && !opts.quiet && !toStderr),
  });
}

/**
 * The end of a run: the bar cleared; the summary on stderr when startRun said so, but not when every
 * file failed (as `scan --summary`: stderr says what failed); the JSON report with --report whatever
 * happened, as it says how many files failed. Both name the key by its fingerprint, and the shard
 * when the run read one (its counts are then of the shard's files only).
 */
export async function finishRun(
  run: RunProgress,
  opts: ProgressOptions,
  counts: readonly CountersSnapshot[],
  about: { readonly key?: string; readonly shard?: Shard } = {},
): Promise<void> {
  const { key, shard } = about;
  const figures = run.finish();
  const summary = new Summary(shard);
  summary.setRun(key === undefined ? figures : { ...figures, key });
  for (const c of counts) summary.addCounts(c);
  if (run.summary && figures.failed < figures.files) process.stderr.write(summary.toTable());
  if (opts.report !== undefined) await writeOutput(opts.report, [Readable.from([JSON.stringify(summary.toJSON(), null, 2) + '\n'])]);
}

/** The report must not replace an input or an output, nor go to stdout when the data does. */
function refuseReportOver(report: string, inputs: ExpandedInputs, plan: OutputPlan): void {
  const stream = streamNamed(report);
  if (stream === 'stdout' && plan.jobs.some((j) => j.output === '-')) {
    throw new LogveilError('LV_USAGE', `--report ${report}: stdout carries the data; name a file`);
  }
  if (stream !== undefined) return;
  const target = resolve(report);
  if (plan.jobs.some((j) => j.output !== '-' && resolve(j.output) === target)) {
    throw new LogveilError('LV_USAGE', `--report ${report}: that is where an output is written`);
  }
  const st = statSync(report, { throwIfNoEntry: false });
  if (st === undefined) return;
  for (const input of inputs.files) {
    if (input.path === '-') continue;
    const other = statSync(input.path, { throwIfNoEntry: false });
    if (other && other.dev === st.dev && other.ino === st.ino) {
      throw new LogveilError('LV_USAGE', `--report ${report}: refusing to overwrite the input file ${input.display}`);
    }
  }
}
