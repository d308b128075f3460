/**
 * Where single-thread `anonymize` time goes, and what the redesigns issue 13 names could win at most
 * (`npm run bench:hot-path`). On the bench corpus, in one process, warm, medians of interleaved passes:
 *   floor       a loop that reads every char once and finds the token bounds (letters/digits runs and
 *               case humps): what any candidate pass written in JavaScript must do
 *   scan/line   the scanner, one string per line, as `anonymize` calls it
 *   scan/block  the scanner over blocks of ~48 KiB of lines (the pool's batch size) in one call: the
 *               most "one pass per block with line bounds" could save (the per-line set-up); findings
 *               differ a little (context words reach across lines), so it is timed, not used
 *   anonymize   `a.anonymize(line)`
 *   line        `a.line(line)`: the text format as `logveil anonymize` maps a line (key-value pairs,
 *               SQL values, field rules), so line − anonymize is what that layer costs
 * Then one more `anonymize` pass under the CPU profiler, self time by layer: the candidate pass (the
 * scan loop, context words, the shapes' regexes, overlaps: src/detect/), validation (detectors/ and the
 * libraries they call), the anonymizer and operators (the rest of src/), GC. From the candidate pass's
 * share it prints the speed-up a faster candidate pass (a WebAssembly kernel, say) would give at most.
 *
 *   node dist/bench/hot-path.js [--seed 20260224] [--lines 100000] [--rounds 7]
 */
import { Session } from 'node:inspector/promises';
import { createAnonymizer, detectors } from '../src/index.js';
import { OnePassScanner } from '../src/detect/scan.js';
import { generateCorpus } from './corpus.js';
import { header, numberArg } from './env.js';

const seed = numberArg('seed', 20260224);
const lineCount = numberArg('lines', 100_000);
const rounds = numberArg('rounds', 7);
/** The pool's batch size (src/pipeline/pool.ts), in chars here. */
const BLOCK_CHARS = 48 * 1024;

const lines = generateCorpus({ seed, lines: lineCount }).map((l) => l.text);
const mb = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) / 1e6;
const blocks: string[] = [];
for (let i = 0; i < lines.length; ) {
  let block = '';
  while (i < lines.length && block.length < BLOCK_CHARS) block += `${lines[i++]}\n`;
  blocks.push(block);
}

/** Token bounds of every ASCII letter/digit run and its case humps: the least a JS candidate pass reads. */
const LOWER = 1;
const UPPER = 2;
const DIGIT = 4;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) CLASS[c] = c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : c >= 48 && c <= 57 ? DIGIT : 0;
function floor(text: string): number {
  let tokens = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || CLASS[c] === 0) continue;
    let prev = CLASS[c];
    let j = i + 1;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d >= 128 || CLASS[d] === 0) break;
      if ((CLASS[d] & ~prev) === UPPER) tokens++; // a hump
      prev = CLASS[d];
    }
    tokens++;
    i = j - 1;
  }
  return tokens;
}

const a = createAnonymizer({ key: new Uint8Array(32).fill(7) });
const scanner = new OnePassScanner(detectors);
const modes: Array<[string, () => number]> = [
  ['floor', () => lines.reduce((n, l) => n + floor(l), 0)],
  ['scan/line', () => lines.reduce((n, l) => n + scanner.scan(l).length, 0)],
  ['scan/block', () => blocks.reduce((n, b) => n + scanner.scan(b).length, 0)],
  ['anonymize', () => lines.reduce((n, l) => n + a.anonymize(l).length, 0)],
  ['line', () => lines.reduce((n, l) => n + a.line(l).length, 0)],
];

const times = new Map<string, number[]>(modes.map(([name]) => [name, []]));
for (let r = -2; r < rounds; r++) {
  // Two unrecorded rounds warm every mode; then each round runs them all, in turn.
  for (const [name, run] of modes) {
    const t = performance.now();
    run();
    if (r >= 0) times.get(name)!.push(performance.now() - t);
  }
}
const median = (v: readonly number[]): number => [...v].sort((x, y) => x - y)[v.length >> 1];

console.log(header('Single-thread hot path: where the time goes'));
console.log(`corpus   ${lineCount} lines of bench/corpus.ts (seed ${seed}), ${mb.toFixed(1)} MB; medians of ${rounds} rounds, warm\n`);
const anonymizeMs = median(times.get('anonymize')!);
for (const [name] of modes) {
  const ms = median(times.get(name)!);
  console.log(`${name.padEnd(11)} ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s  ${((100 * ms) / anonymizeMs).toFixed(0).padStart(4)}% of anonymize`);
}
const line = median(times.get('scan/line')!);
const block = median(times.get('scan/block')!);
console.log(`scan/line / scan/block: ${(line / block).toFixed(3)} (what one call per block instead of per line saves in the scanner)`);
console.log(`line / anonymize: ${(median(times.get('line')!) / anonymizeMs).toFixed(3)} (the text format's pairs, SQL values and field rules on top of the scan)`);

// One profiled anonymize pass: self time by layer.
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
modes.find(([name]) => name === 'anonymize')![1]();
const { profile } = await session.post('Profiler.stop');
session.disconnect();

/** The profiler's own work, this script's loop, V8's program ticks: not counted in the shares. */
const OTHER = 'not counted: the profiler, this loop, (program)';
function layer(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'GC';
  if (url.includes('/src/detect/')) return 'candidate pass (src/detect: scan loop, context words, shapes, overlaps)';
  if (url.includes('/detectors/') || url.includes('/node_modules/')) return 'validation (detectors/ and libphonenumber-js, validator)';
  if (url.includes('/src/')) return 'anonymizer and operators (rest of src/)';
  return OTHER;
}
const byFunction = new Map<string, number>();
const selfUs = new Map<number, number>();
profile.samples!.forEach((id, k) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas![k] ?? 0)));
const byLayer = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  const name = layer(node.callFrame.url, node.callFrame.functionName);
  byLayer.set(name, (byLayer.get(name) ?? 0) + us);
  if (name !== OTHER) total += us;
  if (name.startsWith('candidate') && us > 0) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + us);
  }
}
console.log('\nself time of one profiled anonymize pass, by layer:');
for (const [name, us] of [...byLayer].sort((x, y) => y[1] - x[1])) {
  const pct = name === OTHER ? '     -' : `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  console.log(`${pct}  ${(us / 1000).toFixed(0).padStart(5)} ms  ${name}`);
}
console.log('\nthe candidate pass, its functions by self time (inlined callees count as their caller):');
for (const [where, us] of [...byFunction].sort((x, y) => y[1] - x[1]).slice(0, 8)) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(6)}%  ${(us / 1000).toFixed(0).padStart(5)} ms  ${where}`);
}
const candidate = [...byLayer].find(([name]) => name.startsWith('candidate'))?.[1] ?? 0;
const share = candidate / total;
const bound = (k: number) => 1 / (1 - share + share / k);
console.log(
  `\nA candidate pass k times faster speeds anonymize up at most: 2× faster ${bound(2).toFixed(2)}×, 5× ${bound(5).toFixed(2)}×, free ${bound(Infinity).toFixed(2)}×`,
);
