import type { Command } from 'commander';
import { writeKeyFile } from '../index.js';

/** `logveil keygen`: a new random master key, as hex, to a file only its owner can read. */
export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('write a new random key for keyed operators (hash) to a file')
    .argument('<file>', 'where to write the key (refuses to overwrite)')
    .action((file: string) => writeKeyFile(file));
}
