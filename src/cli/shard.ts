import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { sep } from 'node:path';
import { LogveilError } from '../index.js';
import type { InputFile } from './inputs.js';

/**
 * One share of a run's input files, so that a large job can be split across machines by a scheduler
 * that already exists (Kubernetes Indexed Jobs, GNU parallel, a CI matrix). Shards are numbered from
 * 0, as Kubernetes numbers its completion indexes: shard K of N, 0 ≤ K < N.
 */
export interface Shard {
  readonly index: number;
  readonly count: number;
  /** Where it was given, for messages: `--shard` or the environment variables. */
  readonly from: string;
}

/** Set by Kubernetes in every pod of an Indexed Job: the pod's index, from 0. */
export const INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** Kubernetes sets no count: the Job's manifest sets this to the same number as `completions`. */
export const COUNT_ENV = 'LOGVEIL_SHARDS';

/** `--shard K/N` and `--no-shard`, for the commands that read many files. */
export function addShardOptions(cmd: Command): Command {
  return cmd
    .option(
      '--shard <K/N>',
      `read only shard K of N of the input files, K from 0 to N-1, chosen by a hash of each file's path under its input argument (the same on every machine; the shards together are every file once); default: $${INDEX_ENV} of $${COUNT_ENV} when set, as in a Kubernetes Indexed Job`,
    )
    .option('--no-shard', `read every input file, even when $${INDEX_ENV} is set`);
}

const WHOLE = /^\d{1,9}$/;

/**
 * The shard a run takes: `--shard K/N`; with `--no-shard` none; otherwise JOB_COMPLETION_INDEX of
 * LOGVEIL_SHARDS when the environment sets them (an empty value counts as unset). One of the two
 * without the other is a usage error, not every file: N pods each doing all the work, or one pod
 * missing its share, is what the user did not ask for.
 */
export function shardOf(option: string | boolean | undefined, env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  if (option === false) return undefined;
  if (typeof option === 'string') {
    const m = /^(\d{1,9})\/(\d{1,9})$/.exec(option);
    if (!m) throw new LogveilError('LV_USAGE', `--shard: expected K/N, shard K of N counted from 0 (0/4 … 3/4), got '${option}'`);
    return checked(Number(m[1]), Number(m[2]), '--shard');
  }
  const index = env[INDEX_ENV] || undefined;
  const count = env[COUNT_ENV] || undefined;
  if (index === undefined && count === undefined) return undefined;
  const from = `${INDEX_ENV}/${COUNT_ENV}`;
  if (index === undefined || count === undefined) {
    const [set, unset] = index === undefined ? [COUNT_ENV, INDEX_ENV] : [INDEX_ENV, COUNT_ENV];
    throw new LogveilError(
      'LV_USAGE',
      `${set} is set but ${unset} is not: set both (${COUNT_ENV} to the Job's completions), pass --shard K/N, or --no-shard for every file`,
    );
  }
  if (!WHOLE.test(index)) throw new LogveilError('LV_USAGE', `${INDEX_ENV}: expected a whole number from 0, got '${index}'`);
  if (!WHOLE.test(count)) throw new LogveilError('LV_USAGE', `${COUNT_ENV}: expected a whole number from 1, got '${count}'`);
  return checked(Number(index), Number(count), from);
}

function checked(index: number, count: number, from: string): Shard {
  if (count < 1) throw new LogveilError('LV_USAGE', `${from}: the number of shards must be at least 1, got ${count}`);
  if (index >= count) {
    throw new LogveilError('LV_USAGE', `${from}: shard ${index} of ${count} does not exist (shards are counted from 0: 0 to ${count - 1})`);
  }
  return { index, count, from };
}

/**
 * The shard a file belongs to among `count`: the first 8 bytes of the SHA-256 of its path under its
 * input argument (InputFile.rel, with `/` between folders, as UTF-8), read as a big-endian unsigned
 * integer, modulo `count`. Only that path counts, so the same tree mounted anywhere, on any machine,
 * splits the same, and a file added or removed moves no other file.
 */
export function shardNumber(rel: string, count: number): number {
  const digest = createHash('sha256').update(rel.split(sep).join('/'), 'utf8').digest();
  return Number(digest.readBigUInt64BE(0) % BigInt(count));
}

/**
 * The jobs of one shard, in their order; all of them without a shard. stdin is refused: it is one
 * stream that every shard would read (or none), so it is given to a run of its own (with --no-shard
 * when the environment sets a shard).
 */
export function jobsOfShard<J extends { readonly input: InputFile }>(jobs: readonly J[], shard: Shard | undefined): readonly J[] {
  if (shard === undefined) return jobs;
  if (jobs.some((j) => j.input.path === '-')) {
    const alone = shard.from === '--shard' ? 'without --shard' : 'with --no-shard';
    throw new LogveilError('LV_USAGE', `- (stdin) cannot be split into shards (${shard.from}): give it to a run of its own, ${alone}`);
  }
  return jobs.filter((j) => shardNumber(j.input.rel, shard.count) === shard.index);
}
