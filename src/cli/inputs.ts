import { fstatSync, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { LogveilError, streamNamed } from '../index.js';

/** One file to read. */
export interface InputFile {
  /** What to open: a path, or `-` for stdin. */
  readonly path: string;
  /** How messages and reports name it: the path as given, or as given joined with its place in a directory. */
  readonly display: string;
  /** Its place under an output directory: the base name of a file given by name, or its path inside the directory given. */
  readonly rel: string;
}

/** An input that could not be listed (missing file, unreadable directory): a failure, reported like one. */
export interface InputProblem {
  readonly display: string;
  readonly error: unknown;
}

export interface ExpandedInputs {
  readonly files: InputFile[];
  readonly problems: InputProblem[];
  /** The real paths of the directories given. */
  readonly dirs: string[];
  /** Exactly one input was named and it is not a directory: reports and output need no file names. */
  readonly single: boolean;
}

/**
 * The files behind the command line's inputs, in order; directories are walked recursively in name
 * order. Inside a directory only regular files are read: symbolic links (to files or directories) and
 * special files (FIFOs, sockets, devices) are skipped with a warning, so a walk never leaves the tree
 * it was given, never loops, and never blocks on a pipe. An input named on the command line is read
 * whatever it is (a symlink is followed, a FIFO or `/dev/stdin` is streamed).
 */
export function expandInputs(args: readonly string[], warn: (message: string) => void): ExpandedInputs {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const dirs: string[] = [];
  let stdin = 0;
  for (const arg of args) {
    if (arg === '-') {
      if (++stdin > 1) throw new LogveilError('LV_USAGE', '- (stdin) can be given only once');
      files.push({ path: '-', display: '-', rel: '-' });
      continue;
    }
    let st: Stats;
    try {
      st = statSync(arg);
    } catch (error) {
      problems.push({ display: arg, error });
      continue;
    }
    if (!st.isDirectory()) {
      files.push({ path: arg, display: arg, rel: basename(arg) });
      continue;
    }
    dirs.push(realpathSync(arg));
    walk(arg, '', files, problems, warn);
  }
  const single = args.length === 1 && dirs.length === 0;
  return { files, problems, dirs, single };
}

function walk(root: string, rel: string, files: InputFile[], problems: InputProblem[], warn: (m: string) => void): void {
  const dir = rel ? join(root, rel) : root;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ display: dir, error });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const r = rel ? join(rel, e.name) : e.name;
    const path = join(root, r);
    if (e.isDirectory()) walk(root, r, files, problems, warn);
    else if (e.isFile()) files.push({ path, display: path, rel: r });
    else if (e.isSymbolicLink()) warn(`${path}: symbolic link skipped (name it on the command line to read it)`);
    else warn(`${path}: not a regular file, skipped`);
  }
}

/** One unit of work: an input and where its output goes (`-` for stdout). */
export interface Job {
  readonly input: InputFile;
  readonly output: string;
}

export interface OutputPlan {
  readonly jobs: Job[];
  /** The output directory to create, when writing into one. */
  readonly dir?: string;
}

const endsWithSep = (p: string) => p.endsWith('/') || p.endsWith(sep);

/**
 * Where each input goes. One input that is not a directory: stdout without -o or with `-o -`, the
 * file -o names, or into -o when it is an existing directory or ends with `/`. Several inputs or a
 * directory: -o must name a directory (created if missing) and the tree is mirrored under it. Refused
 * before anything is written (LV_USAGE, exit 2): two inputs that would write the same output, an
 * output that is an input (same file, however reached), and an output directory that is an input
 * directory or lies inside one.
 */
export function planOutputs(inputs: ExpandedInputs, output: string | undefined): OutputPlan {
  const { files, single } = inputs;
  if (single && (output === undefined || output === '-')) {
    const jobs = files.map((input) => ({ input, output: '-' }));
    refuseOverwritingInputs(jobs); // `logveil anonymize app.log >> app.log` would read its own output forever
    return { jobs };
  }
  if (output === undefined || output === '-') {
    throw new LogveilError('LV_USAGE', 'several inputs or a directory need -o <directory> to write into');
  }
  const outStat = statSync(output, { throwIfNoEntry: false });
  const intoDir = !single || endsWithSep(output) || outStat?.isDirectory() === true;
  if (!intoDir) {
    const jobs = files.map((input) => ({ input, output }));
    refuseOverwritingInputs(jobs);
    return { jobs };
  }
  if (outStat && !outStat.isDirectory()) {
    throw new LogveilError('LV_USAGE', `-o ${output}: not a directory (several inputs or a directory are written into one)`);
  }
  if (files.some((f) => f.path === '-')) {
    throw new LogveilError('LV_USAGE', `- (stdin) has no name to write under ${output}; give it alone with -o <file>`);
  }
  const outReal = realPathOf(output);
  for (const d of inputs.dirs) {
    if (outReal === d || outReal.startsWith(d.endsWith(sep) ? d : d + sep)) {
      throw new LogveilError(
        'LV_USAGE',
        `-o ${output}: refusing to write inside input directory ${relativeOrSelf(d)} (its files would be written over or read back as input)`,
      );
    }
  }
  const jobs: Job[] = [];
  const byOutput = new Map<string, InputFile>();
  for (const input of files) {
    const target = join(output, input.rel);
    const seen = byOutput.get(target);
    if (seen) {
      if (resolve(seen.path) === resolve(input.path)) continue; // the same file named twice
      throw new LogveilError('LV_USAGE', `${seen.display} and ${input.display} would both be written to ${target}`);
    }
    byOutput.set(target, input);
    jobs.push({ input, output: target });
  }
  refuseOverwritingInputs(jobs);
  return { jobs, dir: output };
}

/**
 * An output that already exists and is the same file as some input (same device and inode: the same
 * path, a symlink to it or a hard link) is refused. An output that does not exist yet is no input.
 * stdout (`-`, /dev/stdout) and /dev/stderr are what their descriptors are redirected to, when that
 * is a regular file (`>> app.log`).
 */
function refuseOverwritingInputs(jobs: readonly Job[]): void {
  const existing = new Map<string, string>();
  for (const { output } of jobs) {
    const st = statOutput(output);
    if (st) existing.set(`${st.dev}:${st.ino}`, output === '-' ? 'stdout' : output);
  }
  if (existing.size === 0) return;
  for (const { input } of jobs) {
    if (input.path === '-') continue;
    const st = statSync(input.path, { throwIfNoEntry: false });
    const hit = st && existing.get(`${st.dev}:${st.ino}`);
    if (hit) throw new LogveilError('LV_USAGE', `${hit}: refusing to overwrite the input file ${input.display}`);
  }
}

/** What `output` is now: for the process streams, the regular file their descriptor writes to, if any. */
function statOutput(output: string): Stats | undefined {
  const stream = streamNamed(output);
  if (stream === undefined) return statSync(output, { throwIfNoEntry: false });
  try {
    const st = fstatSync(stream === 'stdout' ? 1 : 2);
    return st.isFile() ? st : undefined;
  } catch {
    return undefined; // not open: output.ts refuses it when it is written
  }
}

/** The real path a path has or would have: its nearest existing ancestor resolved, the rest appended. */
function realPathOf(path: string): string {
  const abs = resolve(path);
  const rest: string[] = [];
  let at = abs;
  for (;;) {
    try {
      lstatSync(at);
      return join(realpathSync(at), ...rest.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return abs;
      rest.push(basename(at));
      at = parent;
    }
  }
}

function relativeOrSelf(real: string): string {
  const r = relative(process.cwd(), real);
  return r === '' ? '.' : r.startsWith('..') ? real : r;
}
