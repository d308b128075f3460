import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LogveilError } from '../src/errors.js';
import { writeFileAtomically } from '../src/io.js';
import { classifyOutput } from '../src/output.js';

/** A fresh folder, by its real path (tmpdir may itself be a link). */
const tempDir = (prefix: string) => realpathSync(mkdtempSync(join(tmpdir(), `logveil-${prefix}-`)));

function mkfifo(path: string): void {
  expect(spawnSync('mkfifo', [path], { timeout: 30_000 }).status).toBe(0);
}

describe('classifyOutput', () => {
  it('-, /dev/stdout and /dev/stderr are the process streams (no file is looked at)', () => {
    expect(classifyOutput('-')).toEqual({ kind: 'stream', name: 'stdout' });
    expect(classifyOutput('/dev/stdout')).toEqual({ kind: 'stream', name: 'stdout' });
    expect(classifyOutput('/dev/stderr')).toEqual({ kind: 'stream', name: 'stderr' });
  });

  it('a link to /dev/stdout, /dev/fd/1 or /dev/stderr, or a chain ending in one, is that stream', () => {
    const dir = tempDir('classify');
    symlinkSync('/dev/stdout', join(dir, 'out.log'));
    symlinkSync('out.log', join(dir, 'chain.log'));
    symlinkSync('/dev/fd/2', join(dir, 'err.log'));
    expect(classifyOutput(join(dir, 'out.log'))).toEqual({ kind: 'stream', name: 'stdout' });
    expect(classifyOutput(join(dir, 'chain.log'))).toEqual({ kind: 'stream', name: 'stdout' });
    expect(classifyOutput(join(dir, 'err.log'))).toEqual({ kind: 'stream', name: 'stderr' });
    expect(classifyOutput('/proc/self/fd/1')).toEqual({ kind: 'stream', name: 'stdout' });
  });

  it('a regular file or a new name is a file, under the name as given', () => {
    const dir = tempDir('classify');
    writeFileSync(join(dir, 'old.log'), 'x');
    expect(classifyOutput(join(dir, 'old.log'))).toEqual({ kind: 'file', path: join(dir, 'old.log') });
    expect(classifyOutput(join(dir, 'new.log'))).toEqual({ kind: 'file', path: join(dir, 'new.log') });
    // a missing folder is the writer's error (it names the output), not a classification one
    expect(classifyOutput(join(dir, 'nowhere/new.log'))).toEqual({ kind: 'file', path: join(dir, 'nowhere/new.log') });
  });

  it('a chain of links is followed to its end, in the real folder of the end', () => {
    const dir = tempDir('classify');
    mkdirSync(join(dir, 'data/deep'), { recursive: true });
    writeFileSync(join(dir, 'data/deep/real.log'), 'x');
    mkdirSync(join(dir, 'links'));
    symlinkSync('data/deep', join(dir, 'deep')); // a linked folder: `deep/..` is data/, not the sandbox
    symlinkSync('../deep/../deep/real.log', join(dir, 'links/b.log'));
    symlinkSync('b.log', join(dir, 'links/a.log'));
    expect(classifyOutput(join(dir, 'links/a.log'))).toEqual({ kind: 'file', path: join(dir, 'data/deep/real.log') });
    // dangling: the name it points at, when that folder exists
    symlinkSync('deep/../new.log', join(dir, 'dangling.log'));
    expect(classifyOutput(join(dir, 'dangling.log'))).toEqual({ kind: 'file', path: join(dir, 'data/new.log') });
  });

  it('a FIFO, also behind a link, is special; /dev/null too (only looked at, never opened)', () => {
    const dir = tempDir('classify');
    mkfifo(join(dir, 'out.fifo'));
    symlinkSync('out.fifo', join(dir, 'link'));
    expect(classifyOutput(join(dir, 'out.fifo'))).toEqual({ kind: 'special', path: join(dir, 'out.fifo') });
    expect(classifyOutput(join(dir, 'link'))).toEqual({ kind: 'special', path: join(dir, 'out.fifo') });
    expect(classifyOutput('/dev/null')).toEqual({ kind: 'special', path: '/dev/null' });
  });

  it('refuses a socket, a directory, a loop of links and a dangling link into a missing folder, naming the output', async () => {
    const dir = tempDir('classify');
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(join(dir, 'sock'), resolve));
    try {
      const refused = (name: string) => {
        try {
          classifyOutput(join(dir, name));
        } catch (e) {
          expect(e).toBeInstanceOf(LogveilError);
          expect((e as LogveilError).code).toBe('LV_IO');
          return (e as Error).message.replace(dir, '<dir>');
        }
        throw new Error(`${name} was not refused`);
      };
      expect(refused('sock')).toBe('<dir>/sock: is a socket, which cannot be written as a file; nothing was written');
      mkdirSync(join(dir, 'folder'));
      expect(refused('folder')).toBe('<dir>/folder: is a directory; nothing was written');
      symlinkSync('loop2', join(dir, 'loop1'));
      symlinkSync('loop1', join(dir, 'loop2'));
      expect(refused('loop1')).toBe('<dir>/loop1: too many levels of symbolic links; nothing was written');
      symlinkSync('nowhere/x.log', join(dir, 'lost'));
      expect(refused('lost')).toBe(`<dir>/lost: symbolic link to ${dir}/nowhere/x.log, whose folder does not exist; nothing was written`);
    } finally {
      server.close();
    }
  });
});

describe('writeFileAtomically', () => {
  it('leaves no temporary file behind when the input fails on its very first read', async () => {
    // The temporary must exist before the pipeline can fail: opened later (asynchronously), it was
    // created after the clean-up had already run, and stayed.
    const dir = tempDir('atomic');
    const target = join(dir, 'out.log');
    for (let i = 0; i < 200; i++) {
      const failing = new Readable({
        read() {
          this.destroy(new Error('input failed'));
        },
      });
      await expect(writeFileAtomically(target, [failing])).rejects.toThrow('input failed');
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
