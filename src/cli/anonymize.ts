import type { Command } from 'commander';
import { mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import {
  AnonymizerPool,
  anonymizingVisitor,
  encodingChoice,
  openInput,
  removeTemporariesOnSignal,
  writeOutput,
} from '../index.js';
import { runJobs } from './jobs.js';
import { boundHeapGrowth } from './heap-growth.js';
import { workerThreads } from './threads.js';
import { expandInputs, planOutputs } from './inputs.js';
import { addInputOptions, anonymizerFrom, csvOptionsOf, formatOf, threadsOf, warnToStderr, type CommonOptions } from './options.js';
import { addProgressOptions, finishRun, sizeOnDisk, startRun, type ProgressOptions } from './progress.js';
import { addShardOptions, jobsOfShard, shardOf } from './shard.js';

interface AnonymizeOptions extends CommonOptions, ProgressOptions {
  output?: string;
  threads?: string;
  /** `--shard K/N`; false for `--no-shard`. */
  shard?: string | false;
}

/**
 * `logveil anonymize`: each input with every finding replaced, streamed, every other byte unchanged.
 * Large inputs of every format are mapped by worker threads (pipeline/pool.ts), with the same output,
 * and then several files are done at a time; otherwise one after another. A file that fails leaves
 * nothing under its output name, the others are still written, and the run exits 1 naming it. An
 * output file gets its input's permission bits (read/write only, never more than the umask allows).
 */
export function registerAnonymize(program: Command): void {
  const cmd = program
    .command('anonymize')
    .description('write logs with every piece of personal data replaced as the policy says')
    .argument('<inputs...>', 'log files or directories (walked recursively), or - for stdin; .gz is read by its content')
    .option(
      '-o, --output <path>',
      'output file, or directory for several inputs or a directory (mirrors the tree; created if missing); default stdout',
    )
    .option('--key-file <file>', 'key for the keyed operators hash, pseudonym and encrypt (from `logveil keygen`); default: the file $LOGVEIL_KEY_FILE names')
    .option(
      '--threads <n>',
      'worker threads for inputs of any size, and files done at a time (default: one per CPU but one, at most 8, when that makes 2 or more and the inputs 32 MiB or more; else none, as with 1)',
    );
  addProgressOptions(addShardOptions(addInputOptions(cmd))).action(async (inputs: string[], opts: AnonymizeOptions) => {
    const csv = csvOptionsOf(opts);
    if (opts.format !== 'auto') formatOf(opts.format, '-'); // an unknown format is a usage error before any work
    const encoding = encodingChoice(opts.encoding);
    const expanded = expandInputs(inputs, warnToStderr);
    // Every shard plans every output, so each refuses the same clashes, then takes its own jobs.
    const plan = planOutputs(expanded, opts.output);
    const shard = shardOf(opts.shard);
    const jobs = jobsOfShard(plan.jobs, shard);
    const given = threadsOf(opts.threads); // a usage error before any work
    const { anonymizer, key, keyName } = anonymizerFrom(opts, true, shard !== undefined);
    if (plan.dir !== undefined) mkdirSync(plan.dir, { recursive: true });
    removeTemporariesOnSignal();
    const intoDir = plan.dir !== undefined;
    // Workers pay off for a large input, or many inputs that are large together, with cores to spare
    // (threads.ts): then every input goes through them and `threads` files are done at a time. The
    // pool is made on the first input that uses it, shared by all the others, closed at the end. The
    // size is that of all the inputs, not of this shard's, so that a shard decides as the whole run
    // would (and writes what it writes: see README "Threads" on SQL values across batches).
    const bytes = plan.jobs.reduce((n, j) => n + sizeOnDisk(j.input.path), 0);
    const threads = workerThreads(bytes, given, availableParallelism());
    const parallel = threads > 0;
    if (parallel) boundHeapGrowth(); // before any worker starts (heap-growth.ts)
    let pool: AnonymizerPool | undefined;
    const pooled = (path: string): boolean => parallel && (path !== '-' || opts.threads !== undefined);
    // Progress bar, summary and report (on stderr and in --report only), with this thread's and the pool's counts.
    const counts = () => [anonymizer.counters(), ...(pool ? [pool.counters()] : [])];
    // The bar counts this shard's files and bytes.
    const mine = shard === undefined ? expanded : { ...expanded, files: jobs.map((j) => j.input) };
    const run = startRun(opts, mine, plan, shard === undefined ? bytes : jobs.reduce((n, j) => n + sizeOnDisk(j.input.path), 0), counts);
    try {
      await runJobs(
        jobs,
        expanded.problems,
        async ({ input, output }, warn) => {
          const format = formatOf(opts.format, input.path);
          const opened = await openInput(input.path, { encoding, strictEncoding: opts.strictEncoding, source: input.display, warn });
          const { gzipped } = opened;
          const visitor = anonymizingVisitor(anonymizer);
          const transform = pooled(input.path)
            ? (pool ??= new AnonymizerPool({ policy: anonymizer.policy, key, threads })).transform(format, input.display, warn, { csv, visitor })
            : format.createTransform({ visitor, source: input.display, warn, csv });
          // Decoded from the input's encoding before the format, encoded back after it (none for UTF-8).
          const reencode = opened.encoding.encode();
          const stages = [...opened.stages, run.reading(opened.bytesRead), transform, ...(reencode ? [reencode] : [])];
          // Gzip out when the name says so, or when mirroring a gzipped input under its own name.
          const gzip = /\.gz$/i.test(output) || (intoDir && gzipped);
          if (intoDir) mkdirSync(dirname(output), { recursive: true });
          // An output is never readable by more people than its input (stdin: the umask decides).
          const mode = input.path === '-' ? undefined : statSync(input.path).mode & 0o666;
          // stdout, a FIFO or device in place, or a file (through its symlinks) replaced atomically
          await writeOutput(output, stages, { gzip, mode });
          run.done(opened.bytesRead);
        },
        '; nothing was written under their output names',
        parallel ? threads : 1,
      );
    } finally {
      await pool?.close();
      await finishRun(run, opts, counts(), { key: keyName, shard });
    }
  });
}
