import { fstatSync, lstatSync, readlinkSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { LogveilError } from './errors.js';
import { writeFileAtomically, writeInPlace, writeToStream, type Stage, type WriteOptions } from './io.js';

/** The process's own streams, by the names `-o` may give them. */
export type StreamName = 'stdout' | 'stderr';
const STREAMS: Readonly<Record<string, StreamName>> = {
  '-': 'stdout',
  '/dev/stdout': 'stdout',
  '/dev/stderr': 'stderr',
  // What /dev/stdout and /dev/stderr link to: followed as links, they would be renamed over (a file
  // stdout is appended to, `>> history.log`, replaced) or fail (a pipe has no path).
  '/dev/fd/1': 'stdout',
  '/dev/fd/2': 'stderr',
  '/proc/self/fd/1': 'stdout',
  '/proc/self/fd/2': 'stderr',
};

/** The process stream `output` names (`-`, `/dev/stdout`, `/dev/fd/2` …), if it names one. */
export function streamNamed(output: string): StreamName | undefined {
  return Object.hasOwn(STREAMS, output) ? STREAMS[output] : undefined;
}

/**
 * How an output is written:
 * - `stream`: `-`, `/dev/stdout`, `/dev/stderr` (`/dev/fd/1` …): the process's stream, never opened or renamed by name;
 * - `special`: a FIFO or a character or block device (also behind symlinks): written in place;
 * - `file`: a regular file, or nothing yet: written under a temporary name beside `path`, then renamed
 *   onto it. Behind a symlink, `path` is the link's final target, so the link stays a link.
 */
export type OutputTarget =
  | { readonly kind: 'stream'; readonly name: StreamName }
  | { readonly kind: 'special'; readonly path: string }
  | { readonly kind: 'file'; readonly path: string };

/** As Linux's limit on symlinks followed in one path (ELOOP). */
const MAX_LINKS = 40;

/**
 * What `output` is, symlinks followed. Throws LV_IO naming `output` for what cannot be written: a
 * socket (open(2) refuses it), a directory, a loop of links, a link whose target's folder is missing.
 */
export function classifyOutput(output: string): OutputTarget {
  const end = followLinks(output);
  if (typeof end !== 'string') return { kind: 'stream', name: end.stream };
  const path = end;
  const st = statSync(path, { throwIfNoEntry: false });
  if (st === undefined || st.isFile()) return { kind: 'file', path };
  if (st.isFIFO() || st.isCharacterDevice() || st.isBlockDevice()) return { kind: 'special', path };
  if (st.isSocket()) throw new LogveilError('LV_IO', `${output}: is a socket, which cannot be written as a file; nothing was written`);
  throw new LogveilError('LV_IO', `${output}: is a directory; nothing was written`);
}

/**
 * `output` itself when it is not a symlink; else the end of its chain of links, as `<real folder>/<name>`,
 * so that a temporary file made beside it is in the target's folder (a rename cannot cross file systems).
 * The end may not exist yet (a dangling link is written through), but its folder must. A chain that
 * reaches a name of a process stream (a link to /dev/stdout) ends there: followed further, it would
 * end at what stdout is open on, a pipe with no path or a file that would be renamed over.
 */
function followLinks(output: string): string | { readonly stream: StreamName } {
  let at = output;
  for (let hops = 0; ; hops++) {
    // (A link to `-` is to a file of that name: only `-o -` itself means stdout.)
    const stream = hops === 0 || at !== '-' ? streamNamed(at) : undefined;
    if (stream) return { stream };
    if (!lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink()) break;
    if (hops === MAX_LINKS) throw new LogveilError('LV_IO', `${output}: too many levels of symbolic links; nothing was written`);
    const link = readlinkSync(at);
    // Not path.join: it folds `dir/..` by name, the system by where `dir` really is (it may be a link).
    at = isAbsolute(link) || dirname(at) === '.' ? link : `${dirname(at)}/${link}`;
  }
  if (at === output) return output;
  let folder: string;
  try {
    folder = realpathSync.native(dirname(at)); // not realpathSync: it folds `..` by name first
  } catch {
    throw new LogveilError('LV_IO', `${output}: symbolic link to ${at}, whose folder does not exist; nothing was written`);
  }
  return join(folder, basename(at));
}

/**
 * Refuse a standard stream that was closed when logveil started (`logveil anonymize app.log >&-`).
 * Node reopens a closed stdio descriptor on /dev/null for reading and writing, so every write would
 * succeed and the output vanish. A shell's `>/dev/null` opens it for writing only; reading tells the
 * two apart (a write-only descriptor refuses with EBADF). A caller that hands logveil /dev/null opened
 * for reading and writing (Node's `stdio: 'ignore'`, Python's `subprocess.DEVNULL`) looks the same and
 * is refused too; `-o /dev/null` discards the output on purpose.
 */
export function refuseClosedStream(name: StreamName): void {
  const fd = name === 'stdout' ? 1 : 2;
  let reopened = false;
  try {
    const st = fstatSync(fd);
    const devNull = statSync('/dev/null');
    reopened = st.isCharacterDevice() && st.rdev === devNull.rdev && readSync(fd, Buffer.alloc(1), 0, 1, null) === 0;
  } catch {
    // not /dev/null, opened write-only, or a system without /dev/null: not Node's stand-in
  }
  if (reopened) throw new LogveilError('LV_IO', `${name}: bad file descriptor (it was closed); nothing was written`);
}

/**
 * Run `...stages → output` the way `classifyOutput` says: the process's stream; a FIFO or device
 * written in place (no temporary, no rename: atomicity does not apply to them); or a file written
 * under a temporary name and renamed when complete. Checking that `output` is not an input is the
 * caller's job (inputs.ts's planOutputs).
 */
export async function writeOutput(output: string, stages: readonly Stage[], options: WriteOptions = {}): Promise<void> {
  const target = classifyOutput(output);
  switch (target.kind) {
    case 'stream':
      refuseClosedStream(target.name);
      return writeToStream(target.name === 'stdout' ? process.stdout : process.stderr, stages, options);
    case 'special':
      return writeInPlace(target.path, stages, options);
    case 'file':
      return writeFileAtomically(target.path, stages, options);
  }
}
