/**
 * Single-thread throughput (`npm run bench`), next to a same-run baseline. The seeded corpus is
 * written once to a file under os.tmpdir() (cached by seed, size and generator code), then N rounds
 * run the modes interleaved, each reading the file, splitting lines with TextLineTransform and
 * writing to a null sink:
 *   baseline   identity mapper (the cost of read/split/write alone)
 *   scan       a.findings(line), line returned
 *   anonymize  a.anonymize(line)
 *   peers      each npm redactor in bench/peers.ts (@redactpii/node, redact-pii, @cdssnc/sanitize-pii)
 *              on each line, as its README calls it; `--no-peers` leaves them out
 *   cli-text   the text format as `logveil anonymize` runs it (key-value pairs in lines and field rules too)
 *   pool       cli-text with the mapping done by worker threads (`--threads`, default: CPU count);
 *              not single-thread, so it is reported beside the target, not in it
 *
 * A first, unrecorded round warms the page cache and the JIT for every mode (the first baseline run
 * was measured at half the later ones).
 *
 * With the peers, after the rounds, the corpus is generated again with its labels and every line
 * mapped once more by logveil (`anonymize`, and `a.line()` as cli-text maps it) and by each peer, to
 * print their recall on this same corpus: the share of planted values gone from the output, per type,
 * and the share of look-alikes and clean lines they changed (bench/peer-recall.ts).
 *
 * With `--compare DIR` (another checkout of logveil, built: `git worktree add DIR REF && cd DIR &&
 * npm ci`), its `anonymize` and `cli-text` run in the same rounds, interleaved with this build's, on the
 * same corpus, and the ratios this/ref are printed: a change measured against the commit before it in
 * one run, as the machine's noise is shared by both.
 *
 *   node dist/bench/throughput.js [--seed 20260224] [--lines 400000] [--rounds 3] [--threads N] [--compare DIR] [--no-peers]
 *   node dist/bench/throughput.js --quick   (40000 lines instead of 400000: a check in under a minute)
 */
import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable, type Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { anonymizingVisitor, createAnonymizer, detectors, TextLineTransform, type LineMapper } from '../src/index.js';
import { textFormat } from '../src/formats/text.js';
import { AnonymizerPool } from '../src/pipeline/pool.js';
import { corpusLines, generatorCodeHash } from './corpus.js';
import { header, numberArg } from './env.js';
import { measureRecall, recallTable } from './peer-recall.js';
import { createPeers } from './peers.js';

const quick = process.argv.includes('--quick');
const seed = numberArg('seed', 20260224);
const lines = numberArg('lines', quick ? 40_000 : 400_000);
const rounds = numberArg('rounds', 3);
const withPeers = !process.argv.includes('--no-peers');
const threads = numberArg('threads', Math.min(availableParallelism(), 8));
const compareAt = process.argv.indexOf('--compare');
const compareDir = compareAt >= 0 ? process.argv[compareAt + 1] : undefined;

/** The other build's `anonymize` and `cli-text` modes, loaded from its dist/ (`--compare DIR`). */
async function referenceModes(dir: string): Promise<Array<[string, () => Transform]>> {
  const root = `${pathToFileURL(resolve(dir, 'dist/src')).href}/`;
  const lib = (await import(`${root}index.js`)) as typeof import('../src/index.js');
  const text = (await import(`${root}formats/text.js`)) as typeof import('../src/formats/text.js');
  const a = lib.createAnonymizer();
  const visitor = lib.anonymizingVisitor(a);
  return [
    ['anonymize@ref', () => new lib.TextLineTransform((line) => a.anonymize(line))],
    ['cli-text@ref', () => text.textFormat.createTransform({ visitor, source: 'ref', warn: () => {} })],
  ];
}

/** The corpus file for these options; generated when the cached one is missing or stale. */
async function corpusFile(): Promise<string> {
  const file = join(tmpdir(), `logveil-bench-${seed}-${lines}-${generatorCodeHash(['random.js', 'generate.js', 'corpus.js'])}.log`);
  if (existsSync(file)) return file;
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  let chunk = '';
  for (const line of corpusLines({ seed, lines })) {
    chunk += line.text + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
  renameSync(tmp, file);
  return file;
}

/**
 * Seconds to read, split, map and discard the whole file: wall time, and the CPU time of this process
 * (all its threads, so for `pool` it counts the workers too). On a shared machine the CPU time of a
 * single-thread mode moves far less than its wall time.
 */
async function run(file: string, transform: () => Transform): Promise<{ wall: number; cpu: number }> {
  const sink = new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), transform(), sink);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  console.log(header('logveil throughput (single thread)'));
  const t0 = performance.now();
  const file = await corpusFile();
  const bytes = statSync(file).size;
  const mb = bytes / 1e6;
  console.log(`corpus   ${file}\n         ${mb.toFixed(1)} MB, ${lines} lines, seed ${seed} (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(`policy   default; ${detectors.length} detectors: ${detectors.map((d) => d.name).join(', ') || '(none)'}`);
  console.log('MB = 10^6 bytes of input per second of wall time, read + split + map + write to a null sink;');
  console.log('MB/CPU s the same per second of this process\'s CPU time (steadier on a shared machine; pool counts its workers).\n');

  const a = createAnonymizer();
  let findings = 0;
  let changed = 0;
  const modes: Array<[string, LineMapper]> = [
    ['baseline', (line) => line],
    [
      'scan',
      (line) => {
        findings += a.findings(line).length;
        return line;
      },
    ],
    [
      'anonymize',
      (line) => {
        const out = a.anonymize(line);
        if (out !== line) changed++;
        return out;
      },
    ],
  ];
  const peers = withPeers ? createPeers() : [];
  for (const peer of peers) modes.push([peer.name, peer.redact]);
  if (peers.length) console.log(`peers    ${peers.map((p) => `${p.name}@${p.version}`).join(', ')} (each with its defaults, one line at a time)`);
  const transforms: Array<[string, () => Transform]> = modes.map(([name, mapper]) => [name, () => new TextLineTransform(mapper)]);
  const visitor = anonymizingVisitor(a);
  transforms.push(['cli-text', () => textFormat.createTransform({ visitor, source: file, warn: () => {} })]);
  if (compareDir !== undefined) {
    // Each of this build's modes next to the reference's, so both see the same moment of the machine.
    const ref = await referenceModes(compareDir);
    transforms.splice(transforms.findIndex(([n]) => n === 'anonymize') + 1, 0, ref[0]);
    transforms.splice(transforms.findIndex(([n]) => n === 'cli-text') + 1, 0, ref[1]);
    console.log(`compare  ${resolve(compareDir)} (its dist/, default policy)`);
  }
  const pool = threads > 1 ? new AnonymizerPool({ policy: a.policy, key: new Uint8Array(32), threads }) : undefined;
  if (pool) transforms.push(['pool', () => pool.transform(textFormat, file, () => {})]);
  const speeds = new Map<string, number[]>(transforms.map(([name]) => [name, []]));
  const cpuSpeeds = new Map<string, number[]>(transforms.map(([name]) => [name, []])); // MB per CPU second
  for (const [, transform] of transforms) await run(file, transform); // warm-up, not recorded
  for (let round = 1; round <= rounds; round++) {
    const cells: string[] = [];
    findings = 0;
    changed = 0;
    for (const [name, transform] of transforms) {
      const { wall, cpu } = await run(file, transform);
      const speed = mb / wall;
      speeds.get(name)!.push(speed);
      cpuSpeeds.get(name)!.push(mb / cpu);
      cells.push(`${name} ${speed.toFixed(1).padStart(7)} MB/s`);
    }
    console.log(`round ${round}  ${cells.join('   ')}   (${findings} findings, ${changed} lines changed)`);
  }
  console.log('');

  const base = median(speeds.get('baseline')!);
  const nameWidth = Math.max(14, ...transforms.map(([name]) => name.length + 2));
  console.log(`${'mode'.padEnd(nameWidth)}${'median MB/s'.padStart(12)}${'vs baseline'.padStart(13)}${'MB/CPU s'.padStart(11)}`);
  for (const [name] of transforms) {
    const m = median(speeds.get(name)!);
    console.log(`${name.padEnd(nameWidth)}${m.toFixed(1).padStart(12)}${`${((100 * m) / base).toFixed(1)}%`.padStart(13)}${median(cpuSpeeds.get(name)!).toFixed(1).padStart(11)}`);
  }
  if (peers.length) {
    // The issue's bar: anonymize not slower than the fastest peer. Per round, as with --compare.
    for (const [clock, table] of [['wall', speeds], ['CPU', cpuSpeeds]] as const) {
      const fastest = peers.map((p) => p.name).reduce((x, y) => (median(table.get(y)!) > median(table.get(x)!) ? y : x));
      const ratios = table.get('anonymize')!.map((v, k) => v / table.get(fastest)![k]);
      console.log(`peers    anonymize / fastest peer (${fastest}), ${clock} time: ${median(ratios).toFixed(3)} (median of ${ratios.length} rounds: ${ratios.map((r) => r.toFixed(3)).join(' ')})`);
    }
  }
  if (compareDir !== undefined) {
    // Per round, then the median of the rounds' ratios: each ratio pairs runs a few seconds apart.
    for (const name of ['anonymize', 'cli-text']) {
      const mine = speeds.get(name)!;
      const ref = speeds.get(`${name}@ref`)!;
      const ratios = mine.map((v, k) => v / ref[k]);
      console.log(`compare  ${name} this/ref: ${median(ratios).toFixed(3)} (median of ${ratios.length} rounds: ${ratios.map((r) => r.toFixed(3)).join(' ')})`);
    }
  }
  // No fixed share of the baseline is a target any more (issue 13 withdrew 25%): a change is judged
  // against the build before it, with --compare.
  if (pool) {
    const cli = median(speeds.get('cli-text')!);
    const pooled = median(speeds.get('pool')!);
    console.log(`pool     ${threads} worker threads: ${pooled.toFixed(1)} MB/s, ${(pooled / cli).toFixed(2)}x cli-text (${availableParallelism()} CPUs here)`);
    await pool.close();
  }
  if (peers.length) {
    const t1 = performance.now();
    const tools = [
      { name: 'anonymize', redact: (line: string) => a.anonymize(line) },
      { name: 'cli-text', redact: (line: string) => a.line(line) },
      ...peers,
    ];
    const table = recallTable(measureRecall(corpusLines({ seed, lines }), tools));
    console.log(`\nrecall   on this corpus, judged on output text (bench/peer-recall.ts); measured in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    console.log(table);
  }
}

await main();
