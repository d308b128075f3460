import { LogveilError, systemErrorText } from '../index.js';
import type { InputFile, InputProblem } from './inputs.js';
import { stderrLine } from './options.js';
import { FileWarnings } from './warnings.js';

/**
 * What went wrong with one file, as a LogveilError whose message names the file and never the data.
 * logveil's own errors name the place already; system errors are described by their code and path;
 * zlib's messages are fixed texts. Anything else (a parser's message may quote the input: V8's
 * JSON.parse does) is described by its class and code only.
 */
export function describeFailure(display: string, e: unknown): LogveilError {
  if (e instanceof LogveilError) {
    if (e.message.startsWith(display)) return e;
    return new LogveilError(e.code, `${display}: ${e.message}`, { cause: e });
  }
  const err = e as NodeJS.ErrnoException | undefined;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  if (code?.startsWith('Z_')) {
    return new LogveilError('LV_FORMAT', `${display}: not valid gzip data (${err?.message ?? code})`, { cause: e });
  }
  if (code && err?.syscall) {
    const why = systemErrorText(code) ?? code;
    // Another file than the input (its output): named before the error, which is about it, not the input.
    const other = err.path && err.path !== display ? `${err.path}: ` : '';
    return new LogveilError('LV_IO', `${display}: ${other}${why}`, { cause: e });
  }
  const kind = err instanceof Error ? err.name : typeof e;
  return new LogveilError('LV_IO', `${display}: failed (${kind}${code ? ` ${code}` : ''}; details withheld, they may quote the data)`, {
    cause: e,
  });
}

/** The reader of stdout went away (`| head`): not a failure of this file, the run stops quietly. */
function isBrokenPipe(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === 'EPIPE';
}

/**
 * Run every job, in order, `concurrency` at a time (their outputs are distinct files; messages name
 * their file). A failing file does not stop the others: its error is printed (naming the file) and
 * the run ends with LV_IO (exit 1) saying how many failed. With a single input the error is thrown as
 * it is, so exit codes and messages are those of that file. Inputs that could not be listed count as
 * failed files. Each job gets its file's `warn`, capped per file (warnings.ts).
 */
export async function runJobs<J extends { readonly input: InputFile }>(
  jobs: readonly J[],
  problems: readonly InputProblem[],
  run: (job: J, warn: (message: string) => void) => Promise<void>,
  failedNote = '',
  concurrency = 1,
): Promise<void> {
  const total = jobs.length + problems.length;
  if (total === 1 && problems.length === 1) throw describeFailure(problems[0].display, problems[0].error);
  let failed = 0;
  const report = (display: string, e: unknown) => {
    const err = describeFailure(display, e);
    stderrLine(`logveil: ${err.message} [${err.code}]`); // not after the progress bar on its line
    failed++;
  };
  for (const p of problems) report(p.display, p.error);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const warnings = new FileWarnings(job.input.display);
      try {
        await run(job, warnings.warn);
        warnings.end();
      } catch (e) {
        warnings.end(); // before the file's error, which is the last word on it
        if (isBrokenPipe(e)) throw e;
        if (total === 1) throw describeFailure(job.input.display, e);
        report(job.input.display, e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
  if (failed) {
    throw new LogveilError('LV_IO', `${failed} of ${total} input files failed${failedNote}`);
  }
}
