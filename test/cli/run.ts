import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

// Every test here spawns the CLI, often several times: 0.3 s each on an idle machine, over 1 s on a
// shared, loaded one. Their time is not what they test, so the 5 s default must not fail them.
vi.setConfig({ testTimeout: 60_000 });

/** The checkout; the built binary is `dist/src/cli/main.js` (`npm test` builds before it runs the suite). */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const builtMain = join(root, 'dist', 'src', 'cli', 'main.js');

/**
 * Make `dir/node_modules` as `npm install logveil` makes it: `logveil` a link to this checkout and
 * `.bin/logveil` a link to its bin, so `npx logveil` (and a `.bin` on PATH) run this checkout's build.
 * Returns the `.bin` folder.
 */
export function installInto(dir: string): string {
  const binDir = join(dir, 'node_modules', '.bin');
  mkdirSync(binDir, { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'logveil'));
  symlinkSync(builtMain, join(binDir, 'logveil'));
  return binDir;
}

const installed = installInto(mkdtempSync(join(tmpdir(), 'logveil-installed-')));

/**
 * The installed bin, `node_modules/.bin/logveil`: it runs through its shebang and exec bit, as a user's
 * shell or npx runs it, not as `node dist/...`.
 */
export const bin = join(installed, 'logveil');

/** The environment a spawned logveil gets: `node` on PATH is the node running the tests (the shebang is `env node`). */
export const binEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
};

/** A build that lost its exec bit would fail every test with EACCES; say what to do instead. */
function checkExecutable(): void {
  try {
    accessSync(builtMain, constants.X_OK);
  } catch {
    throw new Error(`${builtMain} is not executable (or not built): run \`npm run build\`, which marks it executable`);
  }
}

/** What a test may read from a run's stdout or stderr (spawnSync's default is 1 MiB). */
const MAX_OUTPUT = 256 << 20;

/**
 * A run that has not ended by then is killed and fails its test: spawnSync blocks the test's thread,
 * so vitest's own timeout cannot stop a hung child, and CI would wait for it until its limit.
 */
const KILL_AFTER_MS = 120_000;

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly raw: Buffer;
}

/** Run the installed `logveil` with `args` in `cwd`, `input` on stdin, and wait for it. */
export function runLogveil(args: readonly string[], options: { cwd: string; input?: string | Buffer; env?: NodeJS.ProcessEnv }): Run {
  const r = spawnSync(bin, args, { input: options.input, cwd: options.cwd, env: options.env ?? binEnv, maxBuffer: MAX_OUTPUT, timeout: KILL_AFTER_MS, killSignal: 'SIGKILL' });
  if (r.error) {
    checkExecutable();
    throw r.error;
  }
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

/**
 * Run a `sh -c` script in `cwd` with the installed `.bin` first on PATH, so `logveil` is this
 * checkout's; with `binOnPath: false`, as after `npm install` in a clone (only `npx logveil` finds it).
 */
export function runShell(script: string, options: { cwd: string; input?: string | Buffer; binOnPath?: boolean; env?: NodeJS.ProcessEnv }): Run {
  const env = { ...binEnv, ...options.env, ...(options.binOnPath === false ? {} : { PATH: [installed, binEnv.PATH].join(delimiter) }) };
  const r = spawnSync('sh', ['-c', script], { input: options.input, cwd: options.cwd, env, maxBuffer: MAX_OUTPUT, timeout: KILL_AFTER_MS, killSignal: 'SIGKILL' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

/** Start the installed `logveil` in `cwd` without waiting (signals, streams), stdin, stdout and stderr piped. */
export function spawnLogveil(args: readonly string[], cwd: string): ChildProcessWithoutNullStreams {
  checkExecutable();
  return spawn(bin, args, { cwd, env: binEnv });
}

/** A fresh working folder and a `logveil` that runs in it. */
export function sandbox(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `logveil-${prefix}-`));
  const logveil = (args: string[], input?: string | Buffer): Run => runLogveil(args, { cwd: dir, input });
  const sh = (script: string, input?: string | Buffer): Run => runShell(script, { cwd: dir, input });
  /** Write a file (creating its folders) and return its absolute path. */
  const write = (name: string, content: string | Buffer): string => {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  };
  /** Every file and symlink under a folder, relative, sorted (temporaries included, so tests can see leftovers). */
  const tree = (sub: string): string[] => {
    const base = join(dir, sub);
    return (readdirSync(base, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => !e.isDirectory())
      .map((e) => relative(base, join(e.parentPath, e.name)))
      .sort();
  };
  return { dir, logveil, sh, write, tree, path: (name: string) => join(dir, name) };
}
