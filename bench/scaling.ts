/**
 * The CLI per format and thread count (`npm run bench:scaling`): `logveil anonymize --threads N` as a
 * user runs it, on one seeded file per format (format-corpus.ts), writing a real output file. Each run
 * is timed by /usr/bin/time (wall seconds, peak RSS, user and system CPU of the whole process); the
 * runs of one round go format by format, thread counts interleaved, so both counts see the same moment
 * of a shared machine. Printed per format: median MB/s for each thread count, the ratio to one thread,
 * the largest peak RSS seen, and CPU seconds per run (what more threads cost in all). With workers,
 * also the main thread's share of the run's CPU (read, cut batches, write in order): its own CPU
 * seconds, from Linux's per-thread accounting (main-thread-cpu.ts says why that one), over the
 * whole process's. A share near 1/(workers + 1) or above says the main thread is the limit.
 *
 *   node dist/bench/scaling.js [--mb 200] [--rounds 3] [--threads 1,2] [--only json,csv] [--quick]
 *
 * `--only long-lines`: text of lines just under 1 MiB (format-corpus.ts), not in the default set.
 *
 * `--quick`: 8 MB per format, one round: a sub-minute check that every path runs, not a figure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedCorpus, CORPUS_FORMATS, type CorpusKind } from './format-corpus.js';
import { header, numberArg } from './env.js';

const quick = process.argv.includes('--quick');
const mb = numberArg('mb', quick ? 8 : 200);
const rounds = numberArg('rounds', quick ? 1 : 3);
const seed = numberArg('seed', 20260224);
const listArg = (name: string): string[] | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? '').split(',') : undefined;
};
const threadCounts = (listArg('threads') ?? ['1', '2']).map(Number);
const only = listArg('only') ?? [...CORPUS_FORMATS];
const cli = new URL('../src/cli/main.js', import.meta.url).pathname;
/** Loaded into each run: prints the main thread's and the whole process's CPU seconds at exit. */
const mainThreadCpu = new URL('./main-thread-cpu.js', import.meta.url).href;

interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly rssMb: number;
  /** The main thread's CPU seconds over the whole process's, as the process saw them at exit (null: not Linux). */
  readonly mainShare: number | null;
}

/** One `logveil anonymize` under /usr/bin/time; its stderr is where time (and main-thread-cpu) write their figures. */
function timed(input: string, output: string, threads: number): Run {
  const args = ['-f', 'LVTIME %e %M %U %S', process.execPath, '--import', mainThreadCpu, cli, 'anonymize', '--threads', String(threads), input, '-o', output];
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const lines = r.stderr.split('\n');
  const line = lines.find((l) => l.startsWith('LVTIME '));
  if (r.status !== 0 || line === undefined) throw new Error(`logveil anonymize --threads ${threads} ${input} failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  const [wall, rssKb, user, sys] = line.slice(7).split(' ').map(Number);
  const [main, all] = (lines.find((l) => l.startsWith('LVMAIN ')) ?? 'LVMAIN n/a n/a').slice(7).split(' ').map(Number);
  return { wall, cpu: user + sys, rssMb: rssKb / 1024, mainShare: Number.isFinite(main) && all > 0 ? main / all : null };
}

/** The median main-thread share of a set of runs, as a percentage (n/a where not measured). */
function share(rs: readonly Run[]): string {
  const xs = rs.flatMap((r) => (r.mainShare === null ? [] : [r.mainShare]));
  return xs.length ? `${(median(xs) * 100).toFixed(0)}%` : 'n/a';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  console.log(header('logveil anonymize per format and thread count (the CLI, whole process)'));
  const work = mkdtempSync(join(tmpdir(), 'logveil-scaling-'));
  try {
    const files = [];
    for (const format of only) {
      const corpus = await cachedCorpus(format as CorpusKind, { seed, bytes: mb * 1e6 });
      files.push({ format, ...corpus });
      console.log(`corpus   ${format}: ${(corpus.bytes / 1e6).toFixed(0)} MB, ${corpus.records} records (${corpus.file})`);
    }
    console.log(`rounds   ${rounds}; threads ${threadCounts.join(', ')}; MB = 10^6 bytes of input per second of wall time\n`);
    const runs = new Map<string, Run[]>();
    for (let round = 1; round <= rounds; round++) {
      for (const f of files) {
        // Alternate which count goes first, so neither always runs on the warmer page cache.
        const order = round % 2 ? threadCounts : [...threadCounts].reverse();
        for (const t of order) {
          const run = timed(f.file, join(work, `out-${f.format}`), t);
          const key = `${f.format}/${t}`;
          runs.set(key, [...(runs.get(key) ?? []), run]);
          const main = run.mainShare === null ? '' : `  main thread ${(run.mainShare * 100).toFixed(0)}% of CPU`;
          console.log(`round ${round}  ${f.format.padEnd(7)} --threads ${t}  ${(f.bytes / 1e6 / run.wall).toFixed(1).padStart(6)} MB/s  ${run.rssMb.toFixed(0).padStart(4)} MB RSS  ${run.cpu.toFixed(1)} CPU s${main}`);
        }
      }
    }
    const pooled = threadCounts.filter((t) => t > 1);
    console.log(
      `\n${'format'.padEnd(8)}${threadCounts.map((t) => `--threads ${t}`.padStart(13)).join('')}${threadCounts.slice(1).map((t) => `${t}t/1t`.padStart(8)).join('')}${'peak RSS'.padStart(10)}${pooled.map((t) => `main CPU ${t}t`.padStart(13)).join('')}`,
    );
    for (const f of files) {
      const speeds = threadCounts.map((t) => f.bytes / 1e6 / median(runs.get(`${f.format}/${t}`)!.map((r) => r.wall)));
      const rss = Math.max(...threadCounts.flatMap((t) => runs.get(`${f.format}/${t}`)!.map((r) => r.rssMb)));
      console.log(
        `${f.format.padEnd(8)}${speeds.map((s) => `${s.toFixed(1)} MB/s`.padStart(13)).join('')}${speeds.slice(1).map((s) => `${(s / speeds[0]).toFixed(2)}x`.padStart(8)).join('')}${`${rss.toFixed(0)} MB`.padStart(10)}${pooled.map((t) => share(runs.get(`${f.format}/${t}`)!).padStart(13)).join('')}`,
      );
    }
    console.log('main CPU: the main thread\'s own CPU seconds over the whole process\'s (median), with workers');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
