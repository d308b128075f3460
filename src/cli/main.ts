#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { LogveilError, systemErrorText } from '../index.js';
import { registerAnonymize } from './anonymize.js';
import { registerFingerprint, registerKeygen } from './keygen.js';
import { registerReveal } from './reveal.js';
import { registerScan } from './scan.js';

/** Exit codes: 0 ok, 2 usage or policy error, 1 runtime failure. */
const USAGE = 2;
const RUNTIME = 1;

/**
 * The version in logveil's package.json, found from this file (dist/src/cli/main.js, three folders
 * down), so that it is right in a clone and when installed (node resolves the bin's symlink first).
 */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

const program = new Command()
  .name('logveil')
  .description('find personal data in logs and pseudonymize or anonymize it')
  .version(packageVersion(), '-V, --version', 'print the version of logveil')
  .exitOverride()
  .showHelpAfterError();
registerScan(program);
registerAnonymize(program);
registerReveal(program);
registerKeygen(program);
registerFingerprint(program);

/** Report `e` and exit; `place` names what failed when the error does not (stdout's own errors). */
function fail(e: unknown, place?: string): never {
  if (e instanceof CommanderError) {
    // Help and version are not errors; commander has already printed its message.
    process.exit(e.exitCode === 0 ? 0 : USAGE);
  }
  if (e instanceof LogveilError) {
    process.stderr.write(`logveil: ${e.message} [${e.code}]\n`);
    process.exit(e.code === 'LV_USAGE' || e.code === 'LV_POLICY' || e.code === 'LV_KEY' ? USAGE : RUNTIME);
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EPIPE') process.exit(0); // the reader went away (`| head`)
  const where = place ? `${place}: ` : err?.path ? `${err.path}: ` : '';
  // Never the message of an unknown error: some quote their input (JSON.parse does), which may be
  // personal data. A system error's code, or the error's kind, is enough to act on.
  const kind = e instanceof Error ? e.name : typeof e;
  const why = systemErrorText(err?.code ?? '') ?? err?.code ?? `unexpected ${kind} (set LOGVEIL_DEBUG=1 for the stack)`;
  process.stderr.write(`logveil: ${where}${why}\n`);
  if (process.env.LOGVEIL_DEBUG === '1' && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
  process.exit(RUNTIME);
}

// A write to stdout that fails (other than EPIPE) is an output lost: exit 1 naming it.
process.stdout.on('error', (e) => fail(e, 'stdout'));
program.parseAsync(process.argv).catch(fail);
