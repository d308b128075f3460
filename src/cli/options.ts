import { Anonymizer } from '../anonymizer.js';
import { LogveilError } from '../errors.js';
import { loadKeyFile } from '../keys/key.js';
import { loadPolicyFile } from '../policy/load.js';

export interface CommonOptions {
  format: string;
  policy?: string;
  keyFile?: string;
}

export const FORMATS = ['text'] as const;

export function checkFormat(format: string): void {
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new LogveilError('LV_USAGE', `--format: unknown format '${format}' (known: ${FORMATS.join(', ')})`);
  }
}

/** Policy and key from the command line; says on stderr when hashes use a key made for this run. */
export function anonymizerFrom(opts: CommonOptions, warnEphemeral: boolean): Anonymizer {
  const policy = opts.policy ? loadPolicyFile(opts.policy) : undefined;
  const key = opts.keyFile ? loadKeyFile(opts.keyFile) : undefined;
  const a = new Anonymizer({ policy, key });
  const usesKey = Object.values(a.policy.types).some((r) => r?.operator === 'hash') || a.policy.operator === 'hash';
  if (warnEphemeral && usesKey && a.keyIsEphemeral) {
    process.stderr.write(
      'logveil: no --key-file given: hashes use a random key made for this run (consistent within it, irreversible after)\n',
    );
  }
  return a;
}
