/**
 * How many worker threads a run uses when `--threads` is not given. The main thread is busy for the
 * whole run (it reads, cuts batches and writes them back in order: 8–11% of the run's CPU with two
 * workers, measured by bench/scaling.ts), so it keeps a core: workers = cores - 1. A pool is chosen
 * only when that leaves 2 or more workers and the inputs make POOL_MIN_BYTES together.
 *
 * Measured on a 2-vCPU VM (2026-12-04, `anonymize --threads 2` against `--threads 1`, paired medians
 * of 3; bench/README.md, issue 13): two workers were never clearly faster in wall time, at any size:
 * text 8 MB 1.71×, 32 MB 1.93×, 64 MB 0.99×, 190 MB 1.31× the time of one thread; a 73 MB JSON array
 * 0.98×, 64 MB CSV 1.47×; always 1.5–1.8× the CPU seconds. The main thread and a worker per core
 * compete for the 2 cores, and each worker starts, compiles the detectors and warms its JIT up on its
 * own: so on 2 cores no pool, whatever the size.
 *
 * POOL_MIN_BYTES for 3 or more cores could not be measured here (no such machine); it is derived from
 * figures measured here: a pool of two starts in ~0.5 s more wall time than one thread (a 1000-line
 * input: 1.19 s against 0.69 s), one thread maps ~10 MB/s, and two workers fed from memory with free
 * cores gave 1.8× one thread (2026-11-24). Two workers win back their start after 0.5 s × 10 MB/s /
 * (1 - 1/1.8) ≈ 11 MB; 32 MiB leaves a margin for each worker's JIT warm-up, which the 1000-line
 * input does not show.
 */
export const POOL_MIN_BYTES = 32 << 20;

/** Fewer workers than this do not pay for a pool: one worker only moves the work off the main thread. */
export const MIN_AUTO_WORKERS = 2;

/** The automatic choice stops here: beyond it the one reading and writing thread is the limit. */
export const MAX_AUTO_WORKERS = 8;

/**
 * The number of worker threads for a run, 0 for none (the run stays in the main thread), from
 * `given` (`--threads N`: N workers for inputs of any size; 1: none), else the machine's `cores` and
 * the inputs' size on disk together (`bytes`).
 */
export function workerThreads(bytes: number, given: number | undefined, cores: number): number {
  if (given !== undefined) return given > 1 ? given : 0;
  const workers = Math.min(cores - 1, MAX_AUTO_WORKERS);
  return workers >= MIN_AUTO_WORKERS && bytes >= POOL_MIN_BYTES ? workers : 0;
}
