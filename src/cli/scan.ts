import { Option, type Command } from 'commander';
import { availableParallelism } from 'node:os';
import { AnonymizerPool, drain, encodingChoice, openInput, refuseClosedStream, scanningVisitor, type FindingReport } from '../index.js';
import { runJobs } from './jobs.js';
import { expandInputs } from './inputs.js';
import { addInputOptions, anonymizerFrom, csvOptionsOf, formatOf, threadsOf, warnToStderr, type CommonOptions } from './options.js';
import { sizeOnDisk, startProgress } from './progress.js';
import { addShardOptions, jobsOfShard, shardOf } from './shard.js';
import { boundHeapGrowth } from './heap-growth.js';
import { workerThreads } from './threads.js';
import { Summary } from './summary.js';

interface ScanOptions extends CommonOptions {
  values?: boolean;
  summary?: boolean;
  summaryJson?: boolean;
  threads?: string;
  /** `--shard K/N`; false for `--no-shard`. */
  shard?: string | false;
  quiet?: boolean;
}

/** Array indexes inside a path grouped (`items[*].card`); a CSV column index (`[3]`) stays. */
const summaryField = (field: string | null) => (field === null ? null : field.replace(/(?<=.)\[\d+\]/g, '[*]'));

/**
 * `logveil scan`: one JSON line per finding (`file` when several files are read, `record`, `field`,
 * `type`, `start`, `end`, `score`; the value only with --values), or with --summary / --summary-json
 * the counts per type and field. No summary ever holds a found value.
 */
export function registerScan(program: Command): void {
  const cmd = program
    .command('scan')
    .description('report personal data found in logs, one JSON object per finding per line')
    .argument('<inputs...>', 'log files or directories (walked recursively), or - for stdin; .gz is read by its content')
    .addOption(new Option('--values', 'include the found value in each report line (it is personal data!)').conflicts(['summary', 'summaryJson']))
    .addOption(new Option('--summary', 'print a table of counts per type and per field instead').conflicts('summaryJson'))
    .option('--summary-json', 'print the counts per type, field and file as one JSON object instead')
    .option(
      '--threads <n>',
      'worker threads for inputs of any size; files are still read one at a time, findings in input order (default: one per CPU but one, at most 8, when that makes 2 or more and the inputs 32 MiB or more; else none, as with 1)',
    )
    .option('-q, --quiet', 'no progress bar on stderr (drawn only when stderr is a terminal and stdout is not)');
  addShardOptions(addInputOptions(cmd)).action(async (inputs: string[], opts: ScanOptions) => {
    const csv = csvOptionsOf(opts);
    if (opts.format !== 'auto') formatOf(opts.format, '-');
    refuseClosedStream('stdout'); // the report would be lost
    const encoding = encodingChoice(opts.encoding);
    const expanded = expandInputs(inputs, warnToStderr);
    const shard = shardOf(opts.shard);
    const jobs = jobsOfShard(expanded.files.map((input) => ({ input })), shard);
    const { anonymizer } = anonymizerFrom(opts, false);
    const summary = opts.summary || opts.summaryJson ? new Summary(shard) : null;
    const withFile = !expanded.single;
    // Made on the first input that uses it, shared by the others, closed at the end.
    let pool: AnonymizerPool | undefined;
    let lines: string[] = [];
    const flush = () => {
      if (lines.length) process.stdout.write(lines.join(''));
      lines = [];
    };
    for (const p of expanded.problems) summary?.failFile(p.display);
    // A bar on stderr when it is a terminal and the report is not written to it; findings counted as reported.
    let found = 0;
    const files = jobs.length + expanded.problems.length;
    // Workers when all the inputs (not this shard's: a shard decides as the whole run would) are large
    // together; their findings come back in input order and are counted for the bar as reported.
    const bytes = expanded.files.reduce((n, f) => n + sizeOnDisk(f.path), 0);
    const threads = workerThreads(bytes, threadsOf(opts.threads), availableParallelism());
    const parallel = threads > 0;
    if (parallel) boundHeapGrowth(); // before any worker starts (heap-growth.ts)
    const totalBytes = shard === undefined ? bytes : jobs.reduce((n, j) => n + sizeOnDisk(j.input.path), 0);
    const progress = startProgress({ quiet: opts.quiet, files, totalBytes, findings: () => found, toStdout: true });
    try {
      await runJobs(
        jobs,
        expanded.problems,
        async ({ input }, warn) => {
          summary?.startFile(input.display);
          const report = summary
            ? ({ field, finding }: FindingReport) => {
                found++;
                summary.add(finding.type, summaryField(field));
              }
            : ({ record, field, finding, value }: FindingReport) => {
                found++;
                const row: Record<string, unknown> = withFile ? { file: input.display } : {};
                row.record = record;
                row.field = field;
                row.type = finding.type;
                row.start = finding.start;
                row.end = finding.end;
                row.score = Math.round(finding.score * 1000) / 1000;
                if (opts.values) row.value = value;
                lines.push(JSON.stringify(row) + '\n');
                if (lines.length >= 512) flush();
              };
          try {
            const { stages, bytesRead } = await openInput(input.path, {
              encoding,
              strictEncoding: opts.strictEncoding,
              source: input.display,
              warn,
            });
            const format = formatOf(opts.format, input.path);
            const visitor = scanningVisitor(anonymizer, report);
            const transform =
              parallel && (input.path !== '-' || opts.threads !== undefined)
                ? (pool ??= new AnonymizerPool({ policy: anonymizer.policy, threads, mode: 'scan' })).transform(format, input.display, warn, { csv, visitor, report })
                : format.createTransform({ visitor, source: input.display, warn, csv });
            await drain([...stages, progress.reading(bytesRead), transform]);
            progress.done(bytesRead);
          } catch (e) {
            summary?.failFile(input.display);
            throw e;
          } finally {
            flush();
          }
        },
      );
    } finally {
      await pool?.close();
      progress.finish();
      // Not when every file failed: stderr says what failed, and stdout holds no summary of nothing.
      if (summary && !summary.allFailed()) process.stdout.write(opts.summaryJson ? JSON.stringify(summary.toJSON()) + '\n' : summary.toTable());
    }
  });
}
