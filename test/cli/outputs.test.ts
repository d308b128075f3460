import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bin, binEnv, root, sandbox } from './run.js';

// Checked by hand: the default policy tags the IP address; the timestamp line has nothing to replace.
const LOG = 'login from 192.0.2.10 ok\n2026-02-24T12:26:41Z nothing here\n';
const LOG_OUT = 'login from <IP_ADDRESS> ok\n2026-02-24T12:26:41Z nothing here\n';

/** Every child is killed after this long, so a bug (a FIFO nobody opens) cannot hang the suite. */
const KILL_AFTER = 30_000;
const TEST_TIMEOUT = 60_000;

interface Done {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run logveil without blocking this process (a FIFO's reader must run at the same time). */
function start(dir: string, args: string[]): Promise<Done> {
  const child = spawn(bin, args, { cwd: dir, env: binEnv, timeout: KILL_AFTER, stdio: ['ignore', 'pipe', 'pipe'] });
  return collect(child);
}

function collect(child: ReturnType<typeof spawn>): Promise<Done> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => out.push(c));
  child.stderr?.on('data', (c: Buffer) => err.push(c));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path], { timeout: KILL_AFTER });
  expect(r.status).toBe(0);
}

/**
 * A reader of `fifo` in another process, as `cat fifo > captured` (or `head -c N` when `bytes` is
 * given, which goes away early). Resolves when it exits; `stop` kills it if it is still waiting.
 */
function readFifo(dir: string, fifo: string, captured: string, bytes?: number) {
  const command = bytes === undefined ? 'exec cat -- "$0" > "$1"' : `exec head -c ${bytes} -- "$0" > "$1"`;
  const child = spawn('sh', ['-c', command, fifo, captured], { cwd: dir, timeout: KILL_AFTER, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { exited, stop: () => child.exitCode === null && child.kill() };
}

/** Listen on a Unix socket at `path` (nothing ever connects). */
async function socketAt(path: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(path, resolve));
  return server;
}

describe('-o a symbolic link', () => {
  it('writes the end of a chain of links, atomically in its folder; the links stay links', { timeout: TEST_TIMEOUT }, () => {
    const { logveil, write, path, tree } = sandbox('out-link');
    write('in.log', LOG);
    write('data/real.log', 'old\n');
    mkdirSync(path('links'));
    symlinkSync('../data/real.log', path('links/b.log'));
    symlinkSync('b.log', path('links/a.log'));
    const r = logveil(['anonymize', 'in.log', '-o', 'links/a.log']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path('data/real.log'), 'utf8')).toBe(LOG_OUT);
    expect(lstatSync(path('links/a.log')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path('links/a.log'))).toBe('b.log');
    expect(readlinkSync(path('links/b.log'))).toBe('../data/real.log');
    expect(tree('.')).toEqual(['data/real.log', 'in.log', 'links/a.log', 'links/b.log']);
  });

  it('a dangling link is written through when its target folder exists, else fails naming it', { timeout: TEST_TIMEOUT }, () => {
    const { logveil, write, path, tree } = sandbox('out-dangling');
    write('in.log', LOG);
    mkdirSync(path('data'));
    symlinkSync('data/new.log', path('dangling.log'));
    const r = logveil(['anonymize', 'in.log', '-o', 'dangling.log']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path('data/new.log'), 'utf8')).toBe(LOG_OUT);
    expect(lstatSync(path('dangling.log')).isSymbolicLink()).toBe(true);

    symlinkSync('nowhere/x.log', path('lost.log'));
    const lost = logveil(['anonymize', 'in.log', '-o', 'lost.log']);
    expect(lost.code).toBe(1);
    expect(lost.stderr).toBe(
      'logveil: in.log: lost.log: symbolic link to nowhere/x.log, whose folder does not exist; nothing was written [LV_IO]\n',
    );
    expect(lstatSync(path('lost.log')).isSymbolicLink()).toBe(true);
    expect(tree('.')).toEqual(['dangling.log', 'data/new.log', 'in.log', 'lost.log']);
  });

  it('a chain of links to the input is still refused, before anything is written', { timeout: TEST_TIMEOUT }, () => {
    const { logveil, write, path } = sandbox('out-link-input');
    write('in.log', LOG);
    symlinkSync('in.log', path('b.log'));
    symlinkSync('b.log', path('a.log'));
    const r = logveil(['anonymize', 'in.log', '-o', 'a.log']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.log: refusing to overwrite the input file in\.log/);
    expect(readFileSync(path('in.log'), 'utf8')).toBe(LOG);
    expect(lstatSync(path('a.log')).isSymbolicLink()).toBe(true);
  });
});

describe('-o a FIFO', () => {
  it('is written in place: its reader gets the output and it stays a FIFO', { timeout: TEST_TIMEOUT }, async () => {
    const { dir, write, path, tree } = sandbox('out-fifo');
    write('in.log', LOG);
    mkfifo(path('out.fifo'));
    const reader = readFifo(dir, 'out.fifo', 'captured');
    try {
      const r = await start(dir, ['anonymize', 'in.log', '-o', 'out.fifo']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(await reader.exited).toBe(0);
    } finally {
      reader.stop();
    }
    expect(readFileSync(path('captured'), 'utf8')).toBe(LOG_OUT);
    expect(lstatSync(path('out.fifo')).isFIFO()).toBe(true);
    expect(tree('.')).toEqual(['captured', 'in.log', 'out.fifo']);
  });

  it('behind a symlink, too (the link stays a link, the FIFO a FIFO)', { timeout: TEST_TIMEOUT }, async () => {
    const { dir, write, path, tree } = sandbox('out-fifo-link');
    write('in.log', LOG);
    mkdirSync(path('pipes'));
    mkfifo(path('pipes/out.fifo'));
    symlinkSync('pipes/out.fifo', path('out.log'));
    const reader = readFifo(dir, 'pipes/out.fifo', 'captured');
    try {
      const r = await start(dir, ['anonymize', 'in.log', '-o', 'out.log']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(await reader.exited).toBe(0);
    } finally {
      reader.stop();
    }
    expect(readFileSync(path('captured'), 'utf8')).toBe(LOG_OUT);
    expect(lstatSync(path('out.log')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path('pipes/out.fifo')).isFIFO()).toBe(true);
    expect(tree('.')).toEqual(['captured', 'in.log', 'out.log', 'pipes/out.fifo']);
  });

  it('a reader that goes away before the end fails that output (exit 1), it is not a quiet stop', { timeout: TEST_TIMEOUT }, async () => {
    const { dir, write, path } = sandbox('out-fifo-gone');
    write('in.log', LOG.repeat(50_000)); // 3 MB: far more than a pipe holds
    mkfifo(path('out.fifo'));
    const reader = readFifo(dir, 'out.fifo', 'captured', 10);
    try {
      const r = await start(dir, ['anonymize', 'in.log', '-o', 'out.fifo']);
      expect(await reader.exited).toBe(0);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('logveil: in.log: out.fifo: broken pipe (its reader went away before the end) [LV_IO]\n');
    } finally {
      reader.stop();
    }
    expect(readFileSync(path('captured'), 'utf8')).toBe(LOG_OUT.slice(0, 10));
  });
});

describe('-o a socket', () => {
  it('is refused naming the output (exit 1) and left as it was', { timeout: TEST_TIMEOUT }, async () => {
    const { logveil, write, path } = sandbox('out-sock');
    write('in.log', LOG);
    const server = await socketAt(path('out.sock'));
    try {
      symlinkSync('out.sock', path('link.sock'));
      for (const out of ['out.sock', 'link.sock']) {
        const r = logveil(['anonymize', 'in.log', '-o', out]);
        expect(r.code).toBe(1);
        expect(r.stderr).toBe(`logveil: in.log: ${out}: is a socket, which cannot be written as a file; nothing was written [LV_IO]\n`);
        expect(lstatSync(path('out.sock')).isSocket()).toBe(true);
      }
      expect(lstatSync(path('link.sock')).isSymbolicLink()).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe('mirroring into a directory', () => {
  it('follows the same rules for each output name that already exists as a FIFO, symlink or socket', { timeout: TEST_TIMEOUT }, async () => {
    const { dir, write, path, tree } = sandbox('out-mirror');
    for (const name of ['a.log', 'b.log', 'c.log', 'd.log']) write(`logs/${name}`, LOG);
    mkdirSync(path('out'));
    mkfifo(path('out/a.log'));
    write('elsewhere/b.log', 'old\n');
    symlinkSync('../elsewhere/b.log', path('out/b.log'));
    const server = await socketAt(path('out/c.log'));
    const reader = readFifo(dir, 'out/a.log', 'captured');
    try {
      const r = await start(dir, ['anonymize', 'logs', '-o', 'out']);
      expect(await reader.exited).toBe(0);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        'logveil: logs/c.log: out/c.log: is a socket, which cannot be written as a file; nothing was written [LV_IO]\n' +
          'logveil: 1 of 4 input files failed; nothing was written under their output names [LV_IO]\n',
      );
    } finally {
      reader.stop();
      server.close();
    }
    expect(readFileSync(path('captured'), 'utf8')).toBe(LOG_OUT);
    expect(readFileSync(path('elsewhere/b.log'), 'utf8')).toBe(LOG_OUT);
    expect(readFileSync(path('out/d.log'), 'utf8')).toBe(LOG_OUT);
    expect(lstatSync(path('out/a.log')).isFIFO()).toBe(true);
    expect(lstatSync(path('out/b.log')).isSymbolicLink()).toBe(true);
    expect(existsSync(path('out/c.log'))).toBe(false); // server.close() removes its socket
    expect(tree('out')).toEqual(['a.log', 'b.log', 'd.log']);
  });
});

describe('-o -, /dev/stdout and /dev/stderr', () => {
  it('write to the process stream, never opening or renaming those paths', { timeout: TEST_TIMEOUT }, async () => {
    // Guard: a build that still renamed a temporary onto /dev/stdout would replace the system's
    // /dev/stdout (tests run as root here). Check the built code's choice before running it.
    const built = (await import(pathToFileURL(join(root, 'dist', 'src', 'output.js')).href)) as typeof import('../../src/output.js');
    for (const name of ['-', '/dev/stdout']) expect(built.classifyOutput(name)).toEqual({ kind: 'stream', name: 'stdout' });
    expect(built.classifyOutput('/dev/stderr')).toEqual({ kind: 'stream', name: 'stderr' });

    const { logveil, write, tree } = sandbox('out-streams');
    write('in.log', LOG);
    const devices = () => ['/dev/stdout', '/dev/stderr'].map((p) => lstatSync(p)).map((s) => [s.ino, s.mode, s.mtimeMs]);
    const before = devices();
    for (const out of ['-', '/dev/stdout']) {
      const r = logveil(['anonymize', 'in.log', '-o', out]);
      expect(r).toMatchObject({ code: 0, stdout: LOG_OUT, stderr: '' });
    }
    const e = logveil(['anonymize', 'in.log', '-o', '/dev/stderr']);
    expect(e).toMatchObject({ code: 0, stdout: '', stderr: LOG_OUT });
    expect(devices()).toEqual(before);
    expect(tree('.')).toEqual(['in.log']);
  });
});

describe('-o /dev/fd/1, /dev/fd/2 and /proc/self/fd/N', () => {
  // They are what /dev/stdout and /dev/stderr are links to, but were written as files through their
  // links: to a pipe it failed (no such file .../fd/pipe:[…]); appended to a file (>> history.log),
  // the temporary was renamed over it, and what the file held before was gone.
  it.each(['/dev/fd/1', '/proc/self/fd/1'])('%s appended to a file (>>) appends, keeping what was there', { timeout: TEST_TIMEOUT }, (out) => {
    const { sh, write, path, tree } = sandbox('out-fd');
    write('in.log', LOG);
    write('history.log', 'earlier run\n');
    const r = sh(`logveil anonymize in.log -o ${out} >> history.log`);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path('history.log'), 'utf8')).toBe('earlier run\n' + LOG_OUT);
    expect(tree('.')).toEqual(['history.log', 'in.log']);
  });

  it.each([
    ['/dev/fd/1', 'stdout'],
    ['/proc/self/fd/1', 'stdout'],
    ['/dev/fd/2', 'stderr'],
    ['/proc/self/fd/2', 'stderr'],
  ])('%s to a pipe writes to %s', { timeout: TEST_TIMEOUT }, (out, stream) => {
    const { logveil, write } = sandbox('out-fd-pipe');
    write('in.log', LOG);
    const r = logveil(['anonymize', 'in.log', '-o', out]);
    expect(r.code).toBe(0);
    expect(stream === 'stdout' ? [r.stdout, r.stderr] : [r.stderr, r.stdout]).toEqual([LOG_OUT, '']);
  });

  it('a symlink to /dev/stdout (or /dev/fd/1) writes to stdout: appended to a file, it appends', { timeout: TEST_TIMEOUT }, () => {
    const { sh, write, path, dir } = sandbox('out-fd-link');
    write('in.log', LOG);
    write('history.log', 'earlier run\n');
    symlinkSync('/dev/stdout', join(dir, 'out.log'));
    symlinkSync('/dev/fd/1', join(dir, 'fd.log'));
    symlinkSync('out.log', join(dir, 'chain.log'));
    const r = sh('logveil anonymize in.log -o out.log >> history.log && logveil anonymize in.log -o fd.log >> history.log && logveil anonymize in.log -o chain.log | cat >> history.log');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path('history.log'), 'utf8')).toBe('earlier run\n' + LOG_OUT.repeat(3));
    expect(readlinkSync(join(dir, 'out.log'))).toBe('/dev/stdout');
  });

  it('a symlink to a file named - is to that file, not to stdout', { timeout: TEST_TIMEOUT }, () => {
    const { logveil, write, path, dir } = sandbox('out-dash-link');
    write('in.log', LOG);
    symlinkSync('-', join(dir, 'out.log'));
    const r = logveil(['anonymize', 'in.log', '-o', 'out.log']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path('-'), 'utf8')).toBe(LOG_OUT);
  });

  it('appended to the input (>> in.log) is refused (exit 2)', { timeout: TEST_TIMEOUT }, () => {
    const { sh, write, path } = sandbox('out-fd-input');
    write('in.log', LOG);
    const r = sh('logveil anonymize in.log -o /dev/fd/1 >> in.log');
    expect(r).toMatchObject({ code: 2, stderr: 'logveil: /dev/fd/1: refusing to overwrite the input file in.log [LV_USAGE]\n' });
    expect(readFileSync(path('in.log'), 'utf8')).toBe(LOG);
  });
});

describe('stdout that cannot be written', () => {
  /** `logveil ARGS` with stdout redirected as `redirect` says, through sh (`>&-` closes it). */
  const withStdout = (dir: string, redirect: string, args: string[], timeout = KILL_AFTER) => {
    const quoted = [bin, ...args].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('sh', ['-c', `exec ${quoted} ${redirect}`], { cwd: dir, env: binEnv, timeout });
    return { code: r.status, stderr: r.stderr.toString() };
  };

  it('closed (>&-): anonymize and scan exit 1 saying so', { timeout: TEST_TIMEOUT }, () => {
    const { dir, write } = sandbox('stdout-closed');
    write('in.log', LOG);
    expect(withStdout(dir, '>&-', ['anonymize', 'in.log'])).toEqual({
      code: 1,
      stderr: 'logveil: in.log: stdout: bad file descriptor (it was closed); nothing was written [LV_IO]\n',
    });
    for (const scan of [['scan', 'in.log'], ['scan', '--summary', 'in.log']]) {
      expect(withStdout(dir, '>&-', scan)).toEqual({
        code: 1,
        stderr: 'logveil: stdout: bad file descriptor (it was closed); nothing was written [LV_IO]\n',
      });
    }
  });

  it('open for reading only (every write fails): exit 1 naming stdout', { timeout: TEST_TIMEOUT }, () => {
    const { dir, write, path } = sandbox('stdout-readonly');
    write('in.log', LOG);
    write('other.txt', 'unchanged\n');
    for (const args of [['anonymize', 'in.log'], ['scan', 'in.log'], ['scan', '--summary', 'in.log']]) {
      const r = withStdout(dir, '1<other.txt', args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^logveil: (in\.log: )?stdout: bad file descriptor/);
    }
    expect(readFileSync(path('other.txt'), 'utf8')).toBe('unchanged\n');
  });

  it('appended to the input (>> in.log) is refused before anything is read (exit 2)', { timeout: TEST_TIMEOUT }, () => {
    const { dir, write, path } = sandbox('stdout-input');
    const log = LOG.repeat(2_000); // more than one read: it used to read its own output back, without end
    write('in.log', log);
    // killed after 10 s: a regression would grow in.log by megabytes a second
    expect(withStdout(dir, '>> in.log', ['anonymize', 'in.log'], 10_000)).toEqual({
      code: 2,
      stderr: 'logveil: stdout: refusing to overwrite the input file in.log [LV_USAGE]\n',
    });
    expect(readFileSync(path('in.log'), 'utf8')).toBe(log);
  });

  it('a reader that goes away (| head) is a quiet, successful stop', { timeout: TEST_TIMEOUT }, async () => {
    const { dir, write } = sandbox('stdout-epipe');
    // 40,000 lines of 2 findings each: megabytes of output, far more than a pipe holds
    write('big.log', Array.from({ length: 40_000 }, (_, i) => `line ${i} from 192.0.2.${i % 250} mail u${i}@example.com\n`).join(''));
    for (const args of [['anonymize', 'big.log'], ['anonymize', '--threads', '2', 'big.log'], ['scan', 'big.log']]) {
      const child = spawn(bin, args, { cwd: dir, env: binEnv, timeout: KILL_AFTER, stdio: ['ignore', 'pipe', 'pipe'] });
      let read = 0;
      child.stdout.once('data', (chunk: Buffer) => {
        read = chunk.length;
        child.stdout.destroy(); // the reader goes away after its first chunk
      });
      const r = await collect(child);
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(1 << 20);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });
});
