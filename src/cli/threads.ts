/**
 * Below this size (on disk, all inputs together) the run stays in this thread: each worker compiles
 * and warms up the scanner on its own, which cost more than it saved on small runs (2 cores: 6 MB
 * took 1.7 s with workers, 1.2 s without; 64 MB 4.1 s and 5.2 s).
 */
const POOL_MIN_BYTES = 32 << 20;

/**
 * Whether worker threads are used: more than one thread, and `--threads` given or the inputs large
 * enough together (`bytes`, their size on disk: a pool is worth its start-up only then).
 */
export function workersPayOff(bytes: number, threadsOption: string | undefined, threads: number): boolean {
  if (threads <= 1) return false;
  return threadsOption !== undefined || bytes >= POOL_MIN_BYTES;
}
