import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real built binary (`npm test` compiles before it runs the suite). */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = join(root, 'dist', 'src', 'cli', 'main.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly raw: Buffer;
}

/** A fresh working folder and a `logveil` that runs in it. */
export function sandbox(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `logveil-${prefix}-`));
  const logveil = (args: string[], input?: string | Buffer): Run => {
    const r = spawnSync(process.execPath, [bin, ...args], { input, cwd: dir });
    return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
  };
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
  return { dir, logveil, write, tree, path: (name: string) => join(dir, name) };
}
