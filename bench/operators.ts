/**
 * What each operator costs (`npm run bench:operators`): `anonymize` over the same seeded lines with the
 * policy's default operator set to each of them in turn, in interleaved rounds in one process, so the
 * machine's noise is shared. Printed: median MB/s per operator and its ratio to `tag` (the cheapest
 * replacement: the difference is the operator's own work, detection being the same for all).
 *
 *   node dist/bench/operators.js [--seed 20260224] [--lines 60000] [--rounds 5]
 */
import { createAnonymizer, type OperatorName } from '../src/index.js';
import { corpusLines } from './corpus.js';
import { header, numberArg } from './env.js';

const seed = numberArg('seed', 20260224);
const lineCount = numberArg('lines', 60_000);
const rounds = numberArg('rounds', 5);

/** The operators measured; `tag` first, the baseline of the ratios. */
const OPERATORS: readonly OperatorName[] = ['tag', 'redact', 'mask', 'generalize', 'hash', 'pseudonym', 'encrypt'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  console.log(header('logveil operators (single thread, anonymize)'));
  const lines = [...corpusLines({ seed, lines: lineCount })].map((l) => l.text);
  const mb = Buffer.byteLength(lines.join('\n')) / 1e6;
  console.log(`corpus   ${lineCount} lines, ${mb.toFixed(1)} MB, seed ${seed}; every type under one operator; a fixed key`);
  const key = new Uint8Array(32).fill(7);
  const runs = OPERATORS.map((operator) => ({ operator, a: createAnonymizer({ policy: { version: 1, operator }, key }), speeds: [] as number[], changed: 0 }));
  const pass = (run: (typeof runs)[number]): number => {
    let changed = 0;
    const t0 = process.hrtime.bigint();
    for (const line of lines) if (run.a.anonymize(line) !== line) changed++;
    run.changed = changed;
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  for (const run of runs) pass(run); // warm-up, not recorded
  for (let round = 1; round <= rounds; round++) {
    // Rotated each round, so that no operator always runs right after the same one.
    for (let k = 0; k < runs.length; k++) {
      const run = runs[(k + round) % runs.length];
      run.speeds.push(mb / pass(run));
    }
  }
  const tag = median(runs[0].speeds);
  console.log(`\n${'operator'.padEnd(12)}${'median MB/s'.padStart(12)}${'vs tag'.padStart(9)}${'lines changed'.padStart(15)}`);
  for (const run of runs) {
    const m = median(run.speeds);
    console.log(`${run.operator.padEnd(12)}${m.toFixed(1).padStart(12)}${(m / tag).toFixed(2).padStart(9)}${String(run.changed).padStart(15)}`);
  }
  console.log(`(${rounds} rounds; MB = 10^6 bytes of input per second of wall time, lines in memory)`);
}

main();
