import type { Command } from 'commander';
import { TextLineTransform } from '../formats/text.js';
import { runToOutput } from '../io.js';
import { anonymizerFrom, checkFormat, type CommonOptions } from './options.js';

interface AnonymizeOptions extends CommonOptions {
  output?: string;
}

/** `logveil anonymize`: the input with every finding replaced, streamed, every other byte unchanged. */
export function registerAnonymize(program: Command): void {
  program
    .command('anonymize')
    .description('write the log with every piece of personal data replaced as the policy says')
    .argument('<input>', 'log file, or - for stdin')
    .option('--format <format>', 'input format', 'text')
    .option('--policy <file>', 'policy file (YAML or JSON): operator and threshold per type')
    .option('--key-file <file>', 'key for the hash operator (from `logveil keygen`)')
    .option('-o, --output <file>', 'output file (default: stdout); written under a temporary name, then renamed')
    .action(async (input: string, opts: AnonymizeOptions) => {
      checkFormat(opts.format);
      const anonymizer = anonymizerFrom(opts, true);
      await runToOutput(input, opts.output, [new TextLineTransform((line) => anonymizer.anonymize(line))]);
    });
}
