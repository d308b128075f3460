import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, binEnv, sandbox, spawnLogveil } from './run.js';

/*
 * An interrupted run (SIGINT from Ctrl-C, SIGTERM from a job runner) leaves nothing partial under an
 * output's final name and no temporary: io.ts removes the temporaries being written, then the process
 * dies of the same signal, as a shell and a job runner expect (`$?` 130 for SIGINT). Each case starts
 * `logveil anonymize` on inputs large enough to still be running, waits until it is writing (its
 * temporary `.NAME.<hex>.tmp` exists and holds bytes: with --threads the workers' batches are coming
 * back), then signals it. The expected output is known by construction: every line plants an email
 * (example.com), a phone number (202-555-01xx) and an IP address (192.0.2.0/24), which the default
 * policy replaces by <EMAIL>, <PHONE> and <IP_ADDRESS>.
 */

const line = (k: number) => `2026-02-24T12:${String(k % 60).padStart(2, '0')}:41Z req=${k} user${k}@example.com called +1 202-555-01${String(k % 100).padStart(2, '0')} from 192.0.2.${k % 250} ok`;
const replaced = (k: number) => `2026-02-24T12:${String(k % 60).padStart(2, '0')}:41Z req=${k} <EMAIL> called <PHONE> from <IP_ADDRESS> ok`;
const lines = (n: number, of: (k: number) => string) => Array.from({ length: n }, (_, k) => of(k)).join('\n') + '\n';

/** About 19 MB: one thread takes seconds on it, so it is still being written when signalled. */
const BIG = 200_000;
/** A few KB: done at once. */
const SMALL = 200;

const isTemporary = (name: string) => /^\..+\.tmp$/.test(name);

/** The temporaries under `dir` (any depth), each with its size (0 for one removed meanwhile). */
function temporaries(dir: string): { name: string; size: number }[] {
  const names = statSync(dir, { throwIfNoEntry: false }) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []; // not made yet
  return names
    .filter((p) => isTemporary(p.split('/').pop() ?? ''))
    .map((name) => {
      const st = statSync(join(dir, name), { throwIfNoEntry: false });
      return { name, size: st?.size ?? 0 };
    });
}

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The child's end and what it wrote; `exited()` says whether it has ended yet. */
function ending(child: ChildProcessWithoutNullStreams): { ended: Promise<Ended>; exited: () => boolean; stdout: () => string } {
  let stdout = '';
  let stderr = '';
  let done = false;
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const ended = new Promise<Ended>((resolve) =>
    child.on('close', (code, signal) => {
      done = true;
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { ended, exited: () => done, stdout: () => stdout };
}

interface Interruption {
  /** The folder the outputs are written in, relative to the sandbox. */
  readonly outDir: string;
  /** Which temporary must hold bytes before the signal. */
  readonly of: RegExp;
  /** Also wait until the child's stdout shows this (a terminal's screen). */
  readonly shown?: RegExp;
  /** Send the signal (default: child.kill(signal)). */
  readonly send: (child: ChildProcessWithoutNullStreams) => void;
}

/**
 * Wait until a temporary under `outDir` whose name matches `of` holds bytes (and the screen shows
 * `shown`), send the signal, and say how the process ended and which temporary it was writing. A run
 * that has not ended 10 s after the signal is killed, and the test fails: it hung.
 */
async function interrupt(dir: string, child: ChildProcessWithoutNullStreams, how: Interruption): Promise<Ended & { writing: string }> {
  const { ended, exited, stdout } = ending(child);
  let writing: { name: string; size: number } | undefined;
  for (let waited = 0; waited < 15_000 && !exited(); waited += 10) {
    writing = temporaries(join(dir, how.outDir)).find((t) => t.size > 0 && how.of.test(t.name));
    if (writing && (how.shown === undefined || how.shown.test(stdout()))) break;
    writing = undefined;
    await new Promise((r) => setTimeout(r, 10));
  }
  if (!writing) {
    child.kill('SIGKILL');
    const end = await ended;
    throw new Error(`never saw a temporary being written (exit ${end.code}, signal ${end.signal}): ${end.stderr}`);
  }
  how.send(child);
  const watchdog = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const end = await ended;
  clearTimeout(watchdog);
  expect(end.signal, 'killed by the watchdog: the run hung after the signal').not.toBe('SIGKILL');
  return { ...end, writing: writing.name };
}

/** `logveil anonymize args` in `dir`, signalled with `signal` while it writes a temporary under `outDir` matching `of`. */
function anonymizeUntil(dir: string, args: string[], outDir: string, of: RegExp, signal: NodeJS.Signals) {
  return interrupt(dir, spawnLogveil(['anonymize', ...args], dir), { outDir, of, send: (child) => child.kill(signal) });
}

describe('anonymize interrupted by a signal', { timeout: 60_000 }, () => {
  it.each([
    ['SIGINT', '1'],
    ['SIGINT', '2'],
    ['SIGTERM', '2'],
  ] as const)('%s, --threads %s, one file: the process dies of it; no output, no temporary, nothing on stderr', async (signal, threads) => {
    const { dir, write, tree } = sandbox('signal');
    write('in/app.log', lines(BIG, line));
    const end = await anonymizeUntil(dir, ['--threads', threads, 'in/app.log', '-o', 'app.log'], '.', /app/, signal);
    // Died of the signal itself (a shell shows 128+2 = 130 for SIGINT), not an exit code of its own.
    expect([end.code, end.signal]).toEqual([null, signal]);
    expect(end.writing).toMatch(/^\.app\.log\.[0-9a-f]{12}\.tmp$/);
    expect(tree('.')).toEqual(['in/app.log']);
    // stderr is a pipe, not a terminal: no progress bar (the run lasted several of its redraws), and no message.
    expect(end.stderr).toBe('');
  });

  it.each(['1', '2'])('SIGINT, --threads %s, a folder into a folder: outputs done before it are whole, the others absent', async (threads) => {
    const { dir, write, tree, path } = sandbox('signal-dir');
    // In the order the jobs run: two small files done at once, then two large ones still being written.
    const sizes: Record<string, number> = { 'a.log': SMALL, 'b.log': SMALL, 'c.log': BIG, 'd.log': BIG };
    for (const [name, n] of Object.entries(sizes)) write(`in/${name}`, lines(n, line));
    const end = await anonymizeUntil(dir, ['--threads', threads, 'in', '-o', 'out/'], 'out', /^\.[cd]\.log\./, 'SIGINT');
    expect([end.code, end.signal]).toEqual([null, 'SIGINT']);
    const left = tree('out');
    expect(left.filter(isTemporary)).toEqual([]);
    // The file being written when the signal came is not there; anything that is, is whole.
    expect(left).not.toContain(end.writing.replace(/^\.(.+)\.[0-9a-f]{12}\.tmp$/, '$1'));
    for (const name of left) expect(readFileSync(path(`out/${name}`), 'utf8'), name).toBe(lines(sizes[name], replaced));
    // The large ones take seconds: neither could be finished. With one file at a time, both small ones
    // were done before a large one began; with two, at least the one whose lane went on to a large one.
    expect(left.filter((name) => sizes[name] === BIG)).toEqual([]);
    if (threads === '1') expect(left).toEqual(['a.log', 'b.log']);
    else expect(left.length).toBeGreaterThanOrEqual(1);
    expect(end.stderr).toBe('');
  });

  // The bar is drawn on a terminal (a pseudo-terminal made by util-linux `script`) and must not catch
  // the signal: Ctrl-C typed on it (^C, which the terminal turns into SIGINT for its foreground
  // process) ends the run as it does without the bar. `script -e` exits 128 + the signal's number.
  it('Ctrl-C on a terminal while the bar is drawn, --threads 2: exit 130, no output, no temporary', async () => {
    const { dir, write, tree } = sandbox('signal-tty');
    write('in/app.log', lines(BIG, line));
    const command = [bin, 'anonymize', '--threads', '2', 'in/app.log', '-o', 'app.log'].join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: dir, env: binEnv });
    const end = await interrupt(dir, child, { outDir: '.', of: /app/, shown: /MB\/s \| files 0\/1 \| findings/, send: (c) => c.stdin.write('\x03') });
    expect([end.code, end.signal]).toEqual([130, null]);
    // The terminal's echo of Ctrl-C; after it at most a redraw of the bar that was due before the
    // process saw the signal (on a loaded machine its timer can fire first), never a finished file
    // or the summary.
    const echo = end.stdout.lastIndexOf('^C');
    expect(echo).toBeGreaterThanOrEqual(0);
    const after = end.stdout.slice(echo + 2);
    expect(after).not.toMatch(/files 1\/1|anonymized|logveil:/);
    expect(after.replace(/\x1b\[[0-9;?]*[A-Za-z]|\r/g, '')).toMatch(/^(?:[^\n]*MB\/s \| files 0\/1 \| findings[^\n]*)?$/);
    expect(tree('.')).toEqual(['in/app.log']);
  });
});
