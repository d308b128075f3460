import type { Command } from 'commander';
import { runToOutput } from '../io.js';
import { anonymizingVisitor } from '../visitors.js';
import { anonymizerFrom, formatOf, warnToStderr, type CommonOptions } from './options.js';

interface AnonymizeOptions extends CommonOptions {
  output?: string;
}

/** `logveil anonymize`: the input with every finding replaced, streamed, every other byte unchanged. */
export function registerAnonymize(program: Command): void {
  program
    .command('anonymize')
    .description('write the log with every piece of personal data replaced as the policy says')
    .argument('<input>', 'log file, or - for stdin')
    .option('--format <format>', 'input format: auto (by file name), text, ndjson, json, csv, tsv', 'auto')
    .option('--policy <file>', 'policy file (YAML or JSON): operator and threshold per type, field rules')
    .option('--key-file <file>', 'key for the hash operator (from `logveil keygen`)')
    .option('-o, --output <file>', 'output file (default: stdout); written under a temporary name, then renamed')
    .action(async (input: string, opts: AnonymizeOptions) => {
      const format = formatOf(opts.format, input);
      const anonymizer = anonymizerFrom(opts, true);
      const transform = format.createTransform({ visitor: anonymizingVisitor(anonymizer), source: input, warn: warnToStderr });
      await runToOutput(input, opts.output, [transform]);
    });
}
