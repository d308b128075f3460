import { createReadStream, createWriteStream, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Duplex, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { LogveilError } from './errors.js';

/** `-` is stdin. */
export function openInput(path: string): Readable {
  return path === '-' ? process.stdin : createReadStream(path);
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Run `input → ...transforms → output`. A file output is written under a temporary name in the same
 * folder and renamed when complete, so a failed run leaves nothing under the final name; an output
 * that is the input is refused before anything is opened.
 */
export async function runToOutput(
  input: string,
  output: string | undefined,
  transforms: readonly Duplex[],
): Promise<void> {
  if (output === undefined || output === '-') {
    await pipeline([openInput(input), ...transforms, process.stdout as Writable], { end: false });
    return;
  }
  if (input !== '-' && sameFile(input, output)) {
    throw new LogveilError('LV_USAGE', `${output}: refusing to overwrite the input file`);
  }
  const tmp = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await pipeline([openInput(input), ...transforms, createWriteStream(tmp, { flags: 'wx' })]);
    renameSync(tmp, output);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
