import type { Command } from 'commander';
import { keyFingerprint, loadKeyFile, writeKeyFile } from '../index.js';

/**
 * `logveil keygen`: a new random master key, as hex, to a file only its owner can read; prints its
 * fingerprint and name (`1a2b3c4d  my.key`), never the key.
 */
export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('write a new random key for keyed operators (hash, pseudonym) to a file; print its fingerprint')
    .argument('<file>', 'where to write the key (refuses to overwrite)')
    .action((file: string) => {
      writeKeyFile(file);
      process.stdout.write(`${keyFingerprint(loadKeyFile(file))}  ${file}\n`);
    });
}

/**
 * `logveil fingerprint`: the fingerprint of each key file (`1a2b3c4d  my.key`), checked as `--key-file`
 * checks it, to tell keys apart (which one made an output, which one a backup holds) without showing one.
 */
export function registerFingerprint(program: Command): void {
  program
    .command('fingerprint')
    .description("print a key file's fingerprint (8 hex chars that name the key, never the key)")
    .argument('<files...>', 'key files')
    .action((files: string[]) => {
      for (const file of files) process.stdout.write(`${keyFingerprint(loadKeyFile(file))}  ${file}\n`);
    });
}
