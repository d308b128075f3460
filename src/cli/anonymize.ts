import type { Command } from 'commander';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { openInput, removeTemporariesOnSignal, writeFileAtomically, writeToStdout } from '../io.js';
import { anonymizingVisitor } from '../visitors.js';
import { runJobs } from './batch.js';
import { expandInputs, planOutputs } from './inputs.js';
import { addInputOptions, anonymizerFrom, csvOptionsOf, formatOf, warnToStderr, type CommonOptions } from './options.js';

interface AnonymizeOptions extends CommonOptions {
  output?: string;
}

/**
 * `logveil anonymize`: each input with every finding replaced, streamed, every other byte unchanged.
 * Files are done one after another; a file that fails leaves nothing under its output name, the others
 * are still written, and the run exits 1 naming it. An output file gets its input's permission bits
 * (read/write only, never more than the umask allows).
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
    .option('--key-file <file>', 'key for the hash operator (from `logveil keygen`)');
  addInputOptions(cmd).action(async (inputs: string[], opts: AnonymizeOptions) => {
    const csv = csvOptionsOf(opts);
    if (opts.format !== 'auto') formatOf(opts.format, '-'); // an unknown format is a usage error before any work
    const expanded = expandInputs(inputs, warnToStderr);
    const plan = planOutputs(expanded, opts.output);
    const anonymizer = anonymizerFrom(opts, true);
    if (plan.dir !== undefined) mkdirSync(plan.dir, { recursive: true });
    removeTemporariesOnSignal();
    const intoDir = plan.dir !== undefined;
    await runJobs(
      plan.jobs,
      expanded.problems,
      async ({ input, output }) => {
        const format = formatOf(opts.format, input.path);
        const { stages, gzipped } = await openInput(input.path);
        const transform = format.createTransform({
          visitor: anonymizingVisitor(anonymizer),
          source: input.display,
          warn: warnToStderr,
          csv,
        });
        if (output === '-') return writeToStdout([...stages, transform]);
        // Gzip out when the name says so, or when mirroring a gzipped input under its own name.
        const gzip = /\.gz$/i.test(output) || (intoDir && gzipped);
        if (intoDir) mkdirSync(dirname(output), { recursive: true });
        // An output is never readable by more people than its input (stdin: the umask decides).
        const mode = input.path === '-' ? undefined : statSync(input.path).mode & 0o666;
        await writeFileAtomically(output, [...stages, transform], { gzip, mode });
      },
      '; nothing was written under their output names',
    );
  });
}
