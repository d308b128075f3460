import type { Command } from 'commander';
import { closeSync, fchmodSync, openSync, rmSync, writeSync } from 'node:fs';
import { LogveilError, randomKey } from '../index.js';
import { SYSTEM_ERRORS } from './jobs.js';

/**
 * Write a new random master key, as hex, to a new file that only its owner can read and write (mode
 * 0600 whatever the umask). Never overwrites; any refusal is LV_KEY naming the file.
 */
export function writeNewKeyFile(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'EEXIST' ? 'already exists (keygen never overwrites a key)' : (SYSTEM_ERRORS[code] ?? code);
    throw new LogveilError('LV_KEY', `${file}: cannot write key file: ${why}`);
  }
  try {
    fchmodSync(fd, 0o600); // the umask may have taken the owner's own bits away
    writeSync(fd, randomKey().toString('hex') + '\n');
  } catch (e) {
    closeSync(fd);
    rmSync(file, { force: true }); // no half-written key left behind
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new LogveilError('LV_KEY', `${file}: cannot write key file: ${SYSTEM_ERRORS[code] ?? code}`);
  }
  closeSync(fd);
}

/** `logveil keygen`: a new random master key, as hex, to a file only its owner can read. */
export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('write a new random key for keyed operators (hash) to a file')
    .argument('<file>', 'where to write the key (refuses to overwrite)')
    .action((file: string) => writeNewKeyFile(file));
}
