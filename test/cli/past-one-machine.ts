import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './run.js';

/** The command lines of the ```sh blocks of README's "Past one machine" section, in order. */
export function pastOneMachine(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((x) => x.startsWith('Past one machine\n'));
  if (!section) throw new Error('README.md has no "## Past one machine" section');
  return [...section.matchAll(/^```sh\n([^]*?)^```/gm)].flatMap((m) => m[1].split('\n')).filter((l) => l.trim() !== '');
}
