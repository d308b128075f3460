import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets a heap grow past what survived its last full collection before the next one: 20%
 * (V8's own factor is 1.1–4×, chosen by its GC-speed heuristics). Set by the CLI once, before it
 * starts worker threads, for the whole process: a V8 flag is process-wide and cannot be given to one
 * worker. Not set by the library (a host process's heap is the host's business).
 *
 * Why: a worker given records near the long-line limit (lines just under 1 MiB) promotes each line's
 * strings and pieces to the old generation while it maps the line, and V8 let that garbage pile up to
 * ~140 MB per worker: `anonymize --threads 2` on 100 MB of such lines peaked at 439–457 MB RSS
 * (one thread: 212). At 20%, 283–285 MB; 50% gave 310. On ordinary input (48 KiB batches) the workers
 * promote little and the factor changes little: see bench/README.md for the CPU measured.
 */
export const HEAP_GROWING_PERCENT = 20;

let done = false;

/** Set the factor, once per process; call before the first worker thread starts. */
export function boundHeapGrowth(): void {
  if (done) return;
  done = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
