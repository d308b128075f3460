/**
 * Peak memory of the CLI on a big JSON array (`npm run bench:rss`). A seeded top-level array of
 * events (format-corpus.ts: one element a line, personal data in random fields at random depths),
 * at least 1 GiB by default, is written streaming into a fresh directory under os.tmpdir(); then
 *
 *   node dist/src/cli/main.js anonymize big.json -o out.json
 *
 * runs as a child process (under /usr/bin/time when present, for the kernel's own peak RSS), while
 * this process samples the child's /proc/<pid>/status (VmRSS, VmHWM) every 100 ms. Reported: wall
 * time, MB/s, peak RSS both ways, RSS over the run. Then out.json is read back streaming with
 * stream-json (it must parse, with as many array elements as went in), and both files are deleted.
 *
 *   npm run bench:rss -- [--gb 1.1] [--seed 20260224] [--keep]
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { header, numberArg } from './env.js';
import { writeCorpus } from './format-corpus.js';

const seed = numberArg('seed', 20260224);
const gb = numberArg('gb', 1.1);
const keep = process.argv.includes('--keep');
const GNU_TIME = '/usr/bin/time';
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

/** A field of /proc/<pid>/status in MB, or null when the process is gone. */
function status(pid: number): { rss: number; hwm: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** The node process: the child itself, or the child of /usr/bin/time. */
function nodePid(pid: number, wrapped: boolean): number | null {
  if (!wrapped) return pid;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children ? Number(children.split(/\s+/)[0]) : null;
  } catch {
    return null;
  }
}

interface Run {
  readonly seconds: number;
  readonly code: number | null;
  readonly stderr: string;
  /** Highest VmHWM read from /proc, highest VmRSS sampled, and (under GNU time) its max RSS: MB. */
  readonly hwm: number;
  readonly maxSampled: number;
  readonly timeMaxRss: number | null;
  /** VmRSS samples, one a second. */
  readonly timeline: number[];
}

async function runCli(input: string, output: string, timeFile: string): Promise<Run> {
  const wrapped = existsSync(GNU_TIME);
  const args = [CLI, 'anonymize', input, '-o', output];
  const t0 = process.hrtime.bigint();
  const child = wrapped
    ? spawn(GNU_TIME, ['-f', '%M', '-o', timeFile, process.execPath, ...args], { stdio: ['ignore', 'inherit', 'pipe'] })
    : spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    if (stderr.length < 10_000) stderr += s;
  });
  let hwm = 0;
  let maxSampled = 0;
  const timeline: number[] = [];
  let ticks = 0;
  const timer = setInterval(() => {
    const pid = nodePid(child.pid!, wrapped);
    const s = pid === null ? null : status(pid);
    if (!s) return;
    hwm = Math.max(hwm, s.hwm);
    maxSampled = Math.max(maxSampled, s.rss);
    if (ticks++ % 10 === 0) timeline.push(s.rss);
  }, 100);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  });
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let timeMaxRss: number | null = null;
  if (wrapped && existsSync(timeFile)) {
    const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
    if (Number.isFinite(kb)) timeMaxRss = kb / 1024;
  }
  return { seconds, code, stderr, hwm, maxSampled, timeMaxRss, timeline };
}

/** Array elements of a JSON file, counted by stream-json (rejects if it is not JSON). */
async function countElements(file: string): Promise<number> {
  let n = 0;
  await pipeline(
    createReadStream(file, { highWaterMark: 1 << 20 }),
    streamArray.withParserAsStream(),
    new Writable({
      objectMode: true,
      write(_item, _enc, done) {
        n++;
        done();
      },
    }),
  );
  return n;
}

async function main(): Promise<void> {
  console.log(header('logveil peak RSS: anonymize a big JSON array (CLI, child process)'));
  console.log(`load     ${loadavg().map((x) => x.toFixed(2)).join(' ')} (1, 5, 15 min; other work on the machine skews MB/s)`);
  const dir = mkdtempSync(join(tmpdir(), 'logveil-rss-'));
  const input = join(dir, 'big.json');
  const output = join(dir, 'out.json');
  try {
    let t0 = performance.now();
    const made = await writeCorpus('json', input, { seed, bytes: Math.round(gb * 1e9) });
    console.log(`input    ${input}\n         ${(made.bytes / 1e6).toFixed(0)} MB (${(made.bytes / 2 ** 30).toFixed(2)} GiB), a top-level array of ${made.records} objects, seed ${seed} (written in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    console.log(`command  node ${CLI} anonymize big.json -o out.json${existsSync(GNU_TIME) ? `   (under ${GNU_TIME})` : ''}\n`);

    const run = await runCli(input, output, join(dir, 'time.txt'));
    if (run.code !== 0) throw new Error(`the CLI exited with ${run.code}: ${run.stderr.slice(0, 2000)}`);
    const outBytes = statSync(output).size;
    console.log(`wall     ${run.seconds.toFixed(1)} s, ${(made.bytes / 1e6 / run.seconds).toFixed(1)} MB/s of input; output ${(outBytes / 1e6).toFixed(0)} MB`);
    console.log(`peak RSS ${run.timeMaxRss === null ? '' : `${run.timeMaxRss.toFixed(0)} MB (GNU time, max RSS of the child); `}${run.hwm.toFixed(0)} MB (VmHWM, last read from /proc); highest VmRSS sampled ${run.maxSampled.toFixed(0)} MB`);
    const step = Math.max(1, Math.ceil(run.timeline.length / 12));
    console.log(`RSS/s    ${run.timeline.filter((_, i) => i % step === 0).map((x) => x.toFixed(0)).join(' ')} MB (every ${step} s)`);
    if (run.stderr.trim()) console.log(`stderr   ${run.stderr.trim().split('\n').slice(0, 5).join('\n         ')}`);
    console.log(`target   peak RSS well under 300 MB: ${Math.max(run.timeMaxRss ?? 0, run.hwm) < 300 ? 'met' : 'NOT MET'}`);

    t0 = performance.now();
    const count = await countElements(output);
    console.log(`\ncheck    out.json parses (stream-json, streamed): ${count} elements, ${count === made.records ? 'as many as went in' : `NOT the ${made.records} that went in`} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    if (count !== made.records) process.exitCode = 1;
  } finally {
    if (keep) console.log(`kept     ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
