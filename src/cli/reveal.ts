import type { Command } from 'commander';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { drain, encodingChoice, LogveilError, openInput, PII_TYPES, removeTemporariesOnSignal, writeOutput, type PiiType, type Revealer } from '../index.js';
import { runJobs } from './jobs.js';
import { expandInputs, planOutputs } from './inputs.js';
import { addInputOptions, csvOptionsOf, formatOf, revealerFrom, type CommonOptions } from './options.js';

interface RevealOptions extends CommonOptions {
  output?: string;
  types?: string;
  fingerprint?: string;
}

/**
 * FF1 values carry no authentication: under another key they decrypt to other values of the right
 * shape, and a file of them alone cannot tell the key is wrong. The key is proven by a token of the
 * same file that opens (AES-SIV authenticates), or by `--fingerprint`, the fingerprint of the key the
 * anonymize run used (its summary and report name it); without either, revealing such a file would
 * be a guess, and it fails instead (LV_KEY).
 */
function checkKeyProven(display: string, revealer: Revealer, before: { tokens: number; shaped: number }, confirmed: boolean): void {
  const shaped = revealer.shapedRevealed - before.shaped;
  if (confirmed || shaped === 0 || revealer.tokensOpened > before.tokens) return;
  throw new LogveilError(
    'LV_KEY',
    `${display}: ${shaped} format-preserving value${shaped === 1 ? '' : 's'} to reveal and no ⟦…⟧ token to check the key against: ` +
      'give --fingerprint with the key fingerprint the anonymize run reported (a wrong key would turn them into other valid-looking values)',
  );
}

/**
 * `logveil reveal`: what `anonymize` encrypted (operator `encrypt`) turned back into the original, in
 * every format, written as anonymize writes (same inputs, outputs, atomic files). Tokens `⟦TYPE:…⟧`
 * are found by their shape; FF1 values by the detectors under the policy they were written with
 * (`--policy`). A token that does not open under the key fails its file: each file is read once to
 * check every token before anything is written (stdin, which cannot be read twice, is checked as it
 * is written: a failure there may follow lines already written to stdout).
 */
export function registerReveal(program: Command): void {
  const cmd = program
    .command('reveal')
    .description('turn what the encrypt operator wrote back into the original values (needs the key)')
    .argument('<inputs...>', 'files or directories written by anonymize, or - for stdin')
    .option('-o, --output <path>', 'output file, or directory for several inputs or a directory; default stdout')
    .requiredOption('--key-file <file>', 'the key the values were encrypted with')
    .option('--types <list>', 'reveal only these types, comma-separated (EMAIL,PHONE,…); default all')
    .option(
      '--fingerprint <hex>',
      "the fingerprint of the key the anonymize run used (its summary or report; `logveil fingerprint KEY`): checked against --key-file before anything is read; needed for files whose encrypted values are all format-preserving (no ⟦…⟧ token proves the key)",
    );
  addInputOptions(cmd).action(async (inputs: string[], opts: RevealOptions) => {
    const csv = csvOptionsOf(opts);
    if (opts.format !== 'auto') formatOf(opts.format, '-');
    const encoding = encodingChoice(opts.encoding);
    const types = opts.types === undefined ? undefined : typesOf(opts.types);
    const revealer = revealerFrom(opts, types, opts.fingerprint);
    const confirmed = opts.fingerprint !== undefined;
    const expanded = expandInputs(inputs, () => {});
    const plan = planOutputs(expanded, opts.output);
    if (plan.dir !== undefined) mkdirSync(plan.dir, { recursive: true });
    removeTemporariesOnSignal();
    const intoDir = plan.dir !== undefined;
    await runJobs(
      plan.jobs,
      expanded.problems,
      async ({ input, output }, warn) => {
        const format = formatOf(opts.format, input.path);
        const open = () => openInput(input.path, { encoding, strictEncoding: opts.strictEncoding, source: input.display, warn });
        const transform = () => format.createTransform({ visitor: revealer.visitor(), source: input.display, warn: () => {}, csv });
        const counts = () => ({ tokens: revealer.tokensOpened, shaped: revealer.shapedRevealed });
        if (input.path !== '-') {
          const before = counts();
          const checked = await open();
          await drain([...checked.stages, transform()]); // every token opens, or nothing is written
          checkKeyProven(input.display, revealer, before, confirmed);
        }
        const before = counts();
        const opened = await open();
        const reencode = opened.encoding.encode();
        const stages = [...opened.stages, transform(), ...(reencode ? [reencode] : [])];
        const gzip = /\.gz$/i.test(output) || (intoDir && opened.gzipped);
        if (intoDir) mkdirSync(dirname(output), { recursive: true });
        const mode = input.path === '-' ? undefined : statSync(input.path).mode & 0o666;
        await writeOutput(output, stages, { gzip, mode });
        // stdin, read once, is checked as it is written: the failure then follows what was written.
        if (input.path === '-') checkKeyProven(input.display, revealer, before, confirmed);
      },
      '; nothing was written under their output names',
      1,
    );
  });
}

function typesOf(list: string): PiiType[] {
  const types = list.split(',').map((t) => t.trim());
  for (const t of types) {
    if (!(PII_TYPES as readonly string[]).includes(t)) throw new LogveilError('LV_USAGE', `--types: unknown type '${t}' (known: ${PII_TYPES.join(', ')})`);
  }
  return types as PiiType[];
}
