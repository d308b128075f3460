import { describe, expect, it } from 'vitest';
import { workerThreads } from '../../src/cli/threads.js';

// The rule (src/cli/threads.ts): `--threads N` gives N workers (1: none) at any size; otherwise one
// worker per core but one, at most 8, and none unless that makes 2 or more and the inputs 32 MiB.
const MiB = 1 << 20;

describe('workerThreads', () => {
  it('on 2 cores never chooses workers by itself, whatever the size (measured slower there)', () => {
    for (const bytes of [0, 32 * MiB, 64 * MiB, 10 * 1024 * MiB]) expect(workerThreads(bytes, undefined, 2)).toBe(0);
    expect(workerThreads(10 * 1024 * MiB, undefined, 1)).toBe(0);
  });

  it('with 3 or more cores: cores - 1 workers from 32 MiB of input on, none below', () => {
    expect(workerThreads(32 * MiB, undefined, 3)).toBe(2);
    expect(workerThreads(32 * MiB - 1, undefined, 3)).toBe(0);
    expect(workerThreads(100 * MiB, undefined, 4)).toBe(3);
    expect(workerThreads(0, undefined, 4)).toBe(0);
  });

  it('stops at 8 workers', () => {
    expect(workerThreads(1024 * MiB, undefined, 9)).toBe(8);
    expect(workerThreads(1024 * MiB, undefined, 64)).toBe(8);
  });

  it('--threads N: N workers for inputs of any size, on any machine; --threads 1: none', () => {
    expect(workerThreads(0, 2, 2)).toBe(2);
    expect(workerThreads(10, 4, 1)).toBe(4);
    expect(workerThreads(1024 * MiB, 12, 64)).toBe(12);
    expect(workerThreads(1024 * MiB, 1, 64)).toBe(0);
  });
});
