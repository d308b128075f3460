import { Option, type Command } from 'commander';
import {
  Anonymizer,
  createRevealer,
  FORMAT_NAMES,
  formatForPath,
  formats,
  KEY_FILE_ENV,
  keyFingerprint,
  keyFromEnvironment,
  loadKeyFile,
  loadPolicyFile,
  LogveilError,
  namesOperator,
  randomKey,
  type CsvOptions,
  type Format,
  type FormatName,
  type OperatorName,
  type PiiType,
  type Revealer,
} from '../index.js';

export interface CommonOptions {
  format: string;
  policy?: string;
  keyFile?: string;
  /** Commander's `--no-header`: false when given. */
  header: boolean;
  delimiter?: string;
  quote?: string;
  onBadRow?: 'text' | 'error';
  encoding?: string;
  strictEncoding?: boolean;
}

/** `--format` takes a format's name, or `auto`. */
const FORMAT_CHOICES = ['auto', ...FORMAT_NAMES];

/** Options every command that reads logs takes: format, CSV dialect, policy. */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--format <format>', 'input format; auto chooses by file name (without .gz), stdin is text')
        .choices(FORMAT_CHOICES)
        .default('auto'),
    )
    .option('--no-header', 'CSV/TSV: the first row is data, not column names (fields are reported as [0], [1], …)')
    .option('--delimiter <char>', 'CSV/TSV: field delimiter, one character or \\t (default: detected from the first line)')
    .option('--quote <char>', 'CSV/TSV: quote character (default ")')
    .addOption(
      new Option('--on-bad-row <what>', 'CSV/TSV: a row with the wrong number of fields is an error, or scanned as text')
        .choices(['error', 'text'])
        .default('error'),
    )
    .option('--policy <file>', 'policy file (YAML or JSON): operator and threshold per type, field rules')
    .option(
      '--encoding <name>',
      'input encoding, written back the same: gb18030, gbk, big5, shift_jis, euc-kr, latin1, utf-16le, … (default: UTF-8, or UTF-16 by its BOM or NULs, UTF-32 by its BOM)',
    )
    .option('--strict-encoding', 'a file read as UTF-8 that does not look like UTF-8 fails (exit 1) instead of a warning');
}

/** `--format auto` picks by file name (stdin: text); otherwise the format named. */
export function formatOf(option: string, input: string): Format {
  if (option === 'auto') return input === '-' ? formatForPath('stdin.log') : formatForPath(input);
  if (!Object.hasOwn(formats, option)) {
    throw new LogveilError('LV_USAGE', `--format: unknown format '${option}' (known: auto, ${FORMAT_NAMES.join(', ')})`);
  }
  return formats[option as FormatName];
}

/** The CSV dialect the command line gives; absent settings are left to the format (detected or default). */
export function csvOptionsOf(opts: CommonOptions): CsvOptions {
  const delimiter = opts.delimiter === undefined ? undefined : oneChar('--delimiter', opts.delimiter);
  const quote = opts.quote === undefined ? undefined : oneChar('--quote', opts.quote);
  if (delimiter !== undefined && delimiter === (quote ?? '"')) {
    throw new LogveilError('LV_USAGE', '--delimiter and --quote must differ');
  }
  return {
    ...(opts.header === false ? { header: false } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(quote !== undefined ? { quote } : {}),
    onBadRow: opts.onBadRow ?? 'error',
  };
}

const NAMED_CHARS: Record<string, string> = { '\\t': '\t', tab: '\t', TAB: '\t' };

function oneChar(option: string, value: string): string {
  const c = NAMED_CHARS[value] ?? value;
  if ([...c].length !== 1 || c === '\n' || c === '\r') {
    throw new LogveilError('LV_USAGE', `${option}: expected one character (or \\t for tab)`);
  }
  return c;
}

/** The operators that use the key: without a key file, their pseudonyms hold only within the run. */
const KEYED_OPERATORS: readonly OperatorName[] = ['hash', 'pseudonym'];

/** The master key: from `--key-file`, else from the file LOGVEIL_KEY_FILE names, else undefined. */
function keyOf(opts: CommonOptions): Uint8Array | undefined {
  return opts.keyFile ? loadKeyFile(opts.keyFile) : keyFromEnvironment();
}

/**
 * Policy and key from the command line. `keyed`: the command replaces values (anonymize), so it reads
 * the key (`--key-file` or LOGVEIL_KEY_FILE) and says on stderr when keyed operators use a key made
 * for this run; scan needs none. The key (given or made) is returned too, for worker threads that must
 * replace alike. `sharded`: this run is one shard of several (shard.ts), so keyed operators need a
 * key given: a key made per shard would give one value another pseudonym in each shard.
 */
export function anonymizerFrom(
  opts: CommonOptions,
  keyed: boolean,
  sharded = false,
): { anonymizer: Anonymizer; key: Uint8Array; keyName: string | undefined } {
  const policy = opts.policy ? loadPolicyFile(opts.policy) : undefined;
  const given = keyed ? keyOf(opts) : undefined;
  const key = given ?? randomKey();
  const a = new Anonymizer({ policy, key });
  // `scan` (keyed false) replaces nothing and needs no key.
  if (keyed && namesOperator(a.policy, ['encrypt']) && given === undefined) {
    // A key made for the run would be lost with it, and what it encrypted with it: refused, not warned.
    throw new LogveilError('LV_KEY', 'the encrypt operator needs --key-file (what a random key encrypts could never be revealed)');
  }
  if (keyed && namesOperator(a.policy, KEYED_OPERATORS) && given === undefined) {
    if (sharded) {
      throw new LogveilError(
        'LV_KEY',
        `a shard needs --key-file or ${KEY_FILE_ENV} for the keyed operators (hash, pseudonym): a key made for each shard would give a value another pseudonym in each`,
      );
    }
    process.stderr.write(
      `logveil: no --key-file or ${KEY_FILE_ENV} given: keyed operators (hash, pseudonym) use a random key made for this run (consistent within it, irreversible after)\n`,
    );
  }
  // The given key is named in summaries and reports by its fingerprint; a random one is nobody's to name.
  return { anonymizer: a, key, keyName: given === undefined ? undefined : keyFingerprint(given) };
}

/** `--threads`: a whole number from 1 (no worker threads) up; undefined when not given (threads.ts decides). */
export function threadsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new LogveilError('LV_USAGE', `--threads: expected a whole number from 1 to 256, got '${value}'`);
  return n;
}

/** Warnings go to stderr as they come; they name the place, never the data. */
export function warnToStderr(message: string): void {
  stderrLine(`logveil: warning: ${message}`);
}

/**
 * A line of its own on stderr, written at once (so messages keep their order). On a terminal it starts
 * from the start of a cleared line: the progress bar may be on the current one, and is drawn again
 * below at its next tick (cli-progress's MultiBar.log would hold the line until then).
 */
export function stderrLine(text: string): void {
  process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}${text}\n`);
}

/** The revealer of `logveil reveal`: the key (required) and the policy the values were written with. */
export function revealerFrom(opts: CommonOptions, types: readonly PiiType[] | undefined, fingerprint?: string): Revealer {
  const policy = opts.policy ? loadPolicyFile(opts.policy) : undefined;
  if (!opts.keyFile) throw new LogveilError('LV_USAGE', 'reveal needs --key-file');
  const key = loadKeyFile(opts.keyFile);
  // With a fingerprint, createRevealer checks the key against it (LV_KEY) before anything is read.
  return createRevealer({ policy, key, types, ...(fingerprint === undefined ? {} : { fingerprint }) });
}
