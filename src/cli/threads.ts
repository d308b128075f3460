/**
 * How many worker threads a run uses when `--threads` is not given. The main thread is busy for the
 * whole run (it reads, cuts batches and writes them back in order: about a tenth of the run's CPU
 * with two workers, measured by bench/scaling.ts), so it keeps a core: workers = cores - 1. A pool
 * is chosen only when that leaves 2 or more workers and the inputs make POOL_MIN_BYTES together.
 *
 * Measured on a 2-vCPU VM (2026-12-04, 64 MB of text, a JSON array and CSV, `anonymize`, paired
 * medians of 3; see bench/README.md, issue 13): two workers were slower in wall time than one
 * thread at every size tried, FIGURES. There, with the main thread and
 * one worker per core, the workers cost 1.5–2× the CPU seconds of one thread (each starts, compiles
 * the detectors and warms its JIT up on its own, ~0.9 CPU s before its first batch) and compete with
 * the main thread for the two cores: so on 2 cores no pool, whatever the size.
 *
 * POOL_MIN_BYTES for 3 or more cores could not be measured here (no such machine); it is derived
 * from figures measured here: a pool's start costs ~0.9 s of wall time, one thread maps ~10 MB/s,
 * and two workers fed from memory with free cores gave 1.8× one thread (2026-11-24), so two
 * workers win back their start after ~0.9 s × 10 MB/s / (1 - 1/1.8) ≈ 20 MB; 32 MiB leaves a margin.
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
