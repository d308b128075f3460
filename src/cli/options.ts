import { Anonymizer } from '../anonymizer.js';
import { LogveilError } from '../errors.js';
import { FORMAT_NAMES, formatForPath, formats, type Format, type FormatName } from '../formats/index.js';
import { loadKeyFile } from '../keys/key.js';
import { loadPolicyFile } from '../policy/load.js';

export interface CommonOptions {
  format: string;
  policy?: string;
  keyFile?: string;
}

/** `--format auto` picks by file name (stdin: text). */
export function formatOf(option: string, input: string): Format {
  if (option === 'auto') return input === '-' ? formatForPath('stdin.log') : formatForPath(input);
  const f = formats[option as FormatName];
  if (!f) {
    throw new LogveilError('LV_USAGE', `--format: unknown format '${option}' (known: auto, ${FORMAT_NAMES.join(', ')})`);
  }
  return f;
}

/** Policy and key from the command line; says on stderr when hashes use a key made for this run. */
export function anonymizerFrom(opts: CommonOptions, warnEphemeral: boolean): Anonymizer {
  const policy = opts.policy ? loadPolicyFile(opts.policy) : undefined;
  const key = opts.keyFile ? loadKeyFile(opts.keyFile) : undefined;
  const a = new Anonymizer({ policy, key });
  const usesKey =
    a.policy.operator === 'hash' ||
    Object.values(a.policy.types).some((r) => r?.operator === 'hash') ||
    a.policy.fields.rules.some((r) => r.operator === 'hash');
  if (warnEphemeral && usesKey && a.keyIsEphemeral) {
    process.stderr.write(
      'logveil: no --key-file given: hashes use a random key made for this run (consistent within it, irreversible after)\n',
    );
  }
  return a;
}

/** Warnings go to stderr as they come; they name the place, never the data. */
export function warnToStderr(message: string): void {
  process.stderr.write(`logveil: warning: ${message}\n`);
}
