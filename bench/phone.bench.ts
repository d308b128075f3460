/**
 * PHONE detector cost per candidate. Builds the seeded corpus, collects every span the PHONE shape
 * matches at a `digits` candidate start (as the scanner offers them), and times validate() over them:
 * all candidates, the rejected ones (timestamps, ids, amounts… most of a log) and the accepted ones.
 * validate() gets a context with no words (the scanner's word look-up is not part of these figures).
 * Also times the shape at each start, and scans the corpus with the PHONE detector alone next to a
 * scanner with no detectors.
 *
 *   npm run build && node dist/bench/phone.bench.js [lines]
 */
import { execSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import phone from '../detectors/phone/index.js';
import type { ValidateContext } from '../detectors/index.js';
import { compileScanner } from '../src/detect/scan.js';
import { generateCorpus } from './corpus.js';

const LINES = Number(process.argv[2] ?? 50_000);
const NO_CONTEXT: ValidateContext = { context: false, negative: false, field: false };

interface Candidate {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

const SHAPE = new RegExp(`(?:${phone.shape.source})(?![0-9A-Za-z])`, 'y');
/** Chars a `digits` token is made of (the scanner's token extent for the class). */
const isDigitsToken = (c: number) => isDigit(c) || ' -.()+/Xx'.includes(String.fromCharCode(c));

/** `digits` starts the scanner would try the shape at: a token start whose extent reaches minLen. */
function starts(lines: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const text of lines) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (isAlnum(prev)) continue;
      const start =
        (isDigit(c) && !(prev === 46 && i >= 2 && isDigit(text.charCodeAt(i - 2)))) ||
        ((c === 43 || c === 40) && isDigit(text.charCodeAt(i + 1)));
      if (!start) continue;
      let stop = i;
      while (stop < text.length && stop - i < phone.minLen && isDigitsToken(text.charCodeAt(stop))) stop++;
      if (stop - i >= phone.minLen) out.push({ text, start: i, end: i });
    }
  }
  return out;
}

/** The spans the shape gives at those starts, within the length bounds: what validate() is offered. */
function candidates(at: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const { text, start } of at) {
    SHAPE.lastIndex = start;
    if (!SHAPE.test(text)) continue;
    const end = SHAPE.lastIndex;
    if (end - start >= phone.minLen && end - start <= phone.maxLen) out.push({ text, start, end });
  }
  return out;
}

/** ns per shape test over `at`, best of a few rounds. */
function timeShape(at: readonly Candidate[]): number {
  let best = Infinity;
  let sink = 0;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    for (const c of at) {
      SHAPE.lastIndex = c.start;
      if (SHAPE.test(c.text)) sink++;
    }
    best = Math.min(best, ((performance.now() - t0) * 1e6) / Math.max(1, at.length));
  }
  if (sink < 0) console.log(sink);
  return best;
}

/** ns per validate() call over `cands`, best of a few rounds. */
function timeValidate(cands: readonly Candidate[]): number {
  const validate = phone.validate!;
  let best = Infinity;
  let sink = 0;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    for (const c of cands) sink += validate.call(phone, c.text, c.start, c.end, NO_CONTEXT);
    const ns = ((performance.now() - t0) * 1e6) / Math.max(1, cands.length);
    if (ns < best) best = ns;
  }
  if (sink < 0) console.log(sink);
  return best;
}

function mbPerSecond(lines: readonly string[], scan: (s: string) => unknown): number {
  let bytes = 0;
  for (const l of lines) bytes += Buffer.byteLength(l) + 1;
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (const l of lines) scan(l);
    best = Math.min(best, performance.now() - t0);
  }
  return bytes / 1e6 / (best / 1000);
}

function header(): string {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    /* not a checkout */
  }
  return `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu?'}, commit ${commit}, ${new Date().toISOString()}`;
}

const lines = generateCorpus({ seed: 20260224, lines: LINES }).map((l) => l.text);
const at = starts(lines);
const all = candidates(at);
const accepted = all.filter((c) => phone.validate!.call(phone, c.text, c.start, c.end, NO_CONTEXT) > 0);
const rejected = all.filter((c) => phone.validate!.call(phone, c.text, c.start, c.end, NO_CONTEXT) === 0);
timeValidate(all); // warm up

console.log(header());
const mb = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) / 1e6;
console.log(`${LINES} corpus lines (${mb.toFixed(1)} MB): ${at.length} starts reach minLen, ${all.length} shape matches`);
console.log(`  go to validate, ${accepted.length} accepted without context`);
console.log(`shape at a start:              ${timeShape(at).toFixed(0)} ns/start`);
console.log(`validate, all candidates:      ${timeValidate(all).toFixed(0)} ns/candidate`);
console.log(`validate, rejected candidates: ${timeValidate(rejected).toFixed(0)} ns/candidate`);
console.log(`validate, accepted candidates: ${timeValidate(accepted).toFixed(0)} ns/candidate`);
const none = compileScanner([]);
const alone = compileScanner([phone]);
console.log(`scan, no detectors:   ${mbPerSecond(lines, (s) => none.scan(s)).toFixed(1)} MB/s`);
console.log(`scan, PHONE alone:    ${mbPerSecond(lines, (s) => alone.scan(s)).toFixed(1)} MB/s`);
