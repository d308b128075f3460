import { writeFileSync } from 'node:fs';
import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { createScanner } from 'jsonc-parser';
import { afterAll, expect } from 'vitest';
import { LogveilError } from '../../src/errors.js';
import { utf8Stretches } from '../../src/encoding/utf8-stretches.js';
import type { Place, ValueVisitor, Visited } from '../../src/record/index.js';

/**
 * What the fuzz tests of the format readers share: how many cases and how long each may take, a
 * watchdog for cases that never end, a runner that keeps what a transform wrote before it failed,
 * mutations of valid inputs, and personal values planted where a reader sees them as values.
 *
 * `LOGVEIL_FUZZ_RUNS` sets the cases per reader and a random seed (the default, 100 cases from a
 * fixed seed, keeps test/fuzz at a few seconds a reader); `LOGVEIL_FUZZ_SEED` and `LOGVEIL_FUZZ_PATH`
 * replay what a failure printed.
 */

export const RUNS = Number(process.env.LOGVEIL_FUZZ_RUNS ?? 100);
/** Longest a case may take: an async hang fails the case (fast-check's timeout) after this. */
export const CASE_MS = Number(process.env.LOGVEIL_FUZZ_CASE_MS ?? 10_000);
/** A case that blocks the event loop this long is killed by the watchdog, which prints the case. */
const HANG_MS = 3 * CASE_MS;
/** vitest's limit for one reader's whole run. */
export const TEST_TIMEOUT = Math.max(120_000, RUNS * 200);
/**
 * The default run (`npm test`, CI) is the same 100 cases every time, so a gate cannot turn red by the
 * luck of a seed; a long run (`LOGVEIL_FUZZ_RUNS` set) explores from a new seed, printed up front.
 */
const SEED =
  process.env.LOGVEIL_FUZZ_SEED !== undefined
    ? Number(process.env.LOGVEIL_FUZZ_SEED)
    : process.env.LOGVEIL_FUZZ_RUNS !== undefined
      ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0
      : 20261203;

/** fast-check parameters for one reader: the run count, the seed (printed on failure), a replay path. */
export function fuzzParameters<T>(): fc.Parameters<T> {
  const path = process.env.LOGVEIL_FUZZ_PATH;
  return { numRuns: RUNS, seed: SEED, timeout: CASE_MS, ...(path ? { path } : {}) };
}

// ---------------------------------------------------------------------------------------------
// The watchdog: a worker thread that watches the time the current case started. A case stuck in a
// synchronous loop blocks every timer of this thread (vitest's and fast-check's too); the worker
// still runs, prints the seed, the case index and the case itself, and kills the process.

const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync, writeFileSync } = require('node:fs');
const { clock, text, limit, seed, reader } = workerData;
const f = new Float64Array(clock);
const bytes = new Uint8Array(text);
setInterval(() => {
  const start = f[0];
  if (start > 0 && Date.now() - start > limit) {
    const what = Buffer.from(bytes.subarray(0, f[2])).toString('utf8');
    const message = '\\nlogveil fuzz ' + reader + ': case ' + f[1] + ' still running after ' + limit + ' ms (a hang). ' +
      'seed ' + seed + ' (LOGVEIL_FUZZ_SEED=' + seed + '; case ' + f[1] + ' counts shrinking runs too). The case: ' + what + '\\n';
    writeSync(2, message);
    try { writeFileSync('/tmp/logveil-fuzz-hang-' + reader + '.txt', message); } catch {}
    process.kill(process.pid, 'SIGKILL');
  }
}, 250);
`;

const CASE_TEXT_MAX = 256 * 1024;

export interface Watchdog {
  /** Mark a case as started; `describe` is what the watchdog prints if it never ends. */
  start(describe: () => string): void;
  end(): void;
}

/** A watchdog for one reader's test file (stopped after its tests). */
export function watchdog(reader: string): Watchdog {
  const clock = new SharedArrayBuffer(3 * 8);
  const text = new SharedArrayBuffer(CASE_TEXT_MAX);
  const f = new Float64Array(clock);
  const bytes = new Uint8Array(text);
  const worker = new Worker(WATCHDOG, { eval: true, workerData: { clock, text, limit: HANG_MS, seed: SEED, reader } });
  worker.unref();
  afterAll(() => worker.terminate());
  // A long run says its seed up front (a passing run prints nothing else to replay it by).
  if (process.env.LOGVEIL_FUZZ_RUNS !== undefined) process.stderr.write(`logveil fuzz ${reader}: ${RUNS} cases, seed ${SEED}\n`);
  return {
    start(describe) {
      const b = Buffer.from(describe().slice(0, CASE_TEXT_MAX / 4), 'utf8');
      bytes.set(b.subarray(0, CASE_TEXT_MAX));
      f[2] = Math.min(b.length, CASE_TEXT_MAX);
      f[1]++;
      f[0] = Date.now();
    },
    end() {
      f[0] = 0;
    },
  };
}

// Errors nobody awaited: recorded here and checked after every case, so they fail with its seed.
const stray: unknown[] = [];
process.on('unhandledRejection', (e) => void stray.push(e));
process.on('uncaughtException', (e) => void stray.push(e));

/** Run one case under the watchdog; fail it if it left an unhandled rejection or uncaught exception. */
export async function guarded(dog: Watchdog, describe: () => string, body: () => Promise<void>): Promise<void> {
  dog.start(describe);
  try {
    await body();
    await new Promise((r) => setImmediate(r)); // let a stray rejection of this case surface
  } finally {
    dog.end();
  }
  const left = stray.splice(0);
  expect(left.map((e) => String(e)), 'unhandled errors').toEqual([]);
}

/** A case's bytes for a message, one char per byte: `Buffer.from(JSON.parse(shown), 'latin1')` gives them back. */
export function show(bytes: Buffer): string {
  return JSON.stringify(bytes.toString('latin1'));
}

// ---------------------------------------------------------------------------------------------
// Running a transform.

export interface Outcome {
  /** Everything the transform wrote, also before it failed. */
  readonly out: Buffer;
  readonly error: unknown;
  readonly warnings: string[];
}

/** Cut bytes into chunks of the given sizes, cycled. */
export function chunked(bytes: Buffer, sizes: readonly number[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]);
    chunks.push(bytes.subarray(i, i + n));
    i += n;
  }
  return chunks;
}

/** Chunk sizes: often tiny (every boundary case), sometimes large. */
export const CHUNKS: fc.Arbitrary<number[]> = fc.array(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 16 }) }, fc.integer({ min: 17, max: 70_000 })), {
  minLength: 1,
  maxLength: 4,
});

/** Feed `bytes` through `transform` in chunks; what came out (before any failure) and the failure. */
export async function runThrough(transform: Transform, bytes: Buffer, sizes: readonly number[]): Promise<{ out: Buffer; error: unknown }> {
  const parts: Buffer[] = [];
  let error: unknown;
  try {
    await pipeline(
      Readable.from(chunked(bytes, sizes)),
      transform,
      new Writable({
        write(c: Buffer, _e, cb) {
          parts.push(c);
          cb();
        },
      }),
    );
  } catch (e) {
    error = e;
  }
  return { out: Buffer.concat(parts), error };
}

/** Wraps a visitor: which records it was offered and had a value changed in, and how many `\n` changes took away or added. */
export function watching(visitor: ValueVisitor): ValueVisitor & { seen: Set<number>; changed: Set<number>; lfDelta: number } {
  const seen = new Set<number>();
  const changed = new Set<number>();
  return {
    seen,
    changed,
    lfDelta: 0,
    decides: visitor.decides?.bind(visitor),
    holdsWords: visitor.holdsWords?.bind(visitor),
    visit(value: string, place: Place): Visited {
      const out = visitor.visit(value, place);
      seen.add(place.record);
      if (out !== value) {
        changed.add(place.record);
        this.lfDelta += (typeof out === 'string' ? countLf(Buffer.from(out)) : 0) - countLf(Buffer.from(value));
      }
      return out;
    },
  };
}

/** The error is logveil's own (a reader's bug shows as a TypeError, RangeError, …), and its message matches `place`. */
export function expectPlacedError(error: unknown, place: RegExp): void {
  expect(error, `a ${(error as Error)?.name}: ${(error as Error)?.stack}`).toBeInstanceOf(LogveilError);
  expect((error as LogveilError).code).toBe('LV_FORMAT');
  expect((error as LogveilError).message).toMatch(place);
}

/** Number of `\n` bytes. */
export function countLf(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/** The bytes of a buffer that are not valid UTF-8, in order: readers keep them (fail closed). */
export function invalidUtf8(b: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (const [start, end, valid] of utf8Stretches(b)) if (!valid) parts.push(b.subarray(start, end));
  return Buffer.concat(parts);
}

/** Split on `\n`, each line with its `\n`. */
export function linesOf(b: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let at = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, at)) {
    lines.push(b.subarray(at, i + 1));
    at = i + 1;
  }
  if (at < b.length) lines.push(b.subarray(at));
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Planted values: generated, reserved ranges only.

/** GB 11643 check character (ISO 7064 MOD 11-2), computed here. */
export function cnResidentId(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * w[i];
  return body17 + '10X98765432'[sum % 11];
}

const ID_REGIONS = ['110105', '310101', '440308', '330106', '510104'];

/** A personal value a reader must never let through: an email, a CN mobile, an IPv4, a resident ID. */
export const PLANT: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 9999 }).map((n) => `u${n}@example.com`),
  fc.constant('13800138000'),
  fc
    .tuple(fc.constantFrom('138', '139', '135', '150', '186', '188'), fc.integer({ min: 0, max: 99_999_999 }))
    .map(([p, n]) => p + String(n).padStart(8, '0')),
  fc.integer({ min: 1, max: 254 }).map((n) => `192.0.2.${n}`),
  fc
    .tuple(fc.constantFrom(...ID_REGIONS), fc.date({ min: new Date('1950-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
    .map(([region, d, seq]) => cnResidentId(region + d.toISOString().slice(0, 10).replaceAll('-', '') + String(seq).padStart(3, '0'))),
);

/**
 * Fail if any planted value's bytes are in `text` (an output, a message). With `input`, a value may
 * stay as often as a mutation made an unguarded copy of its digits glued into other bytes
 * (`[13800138000Xu0000,100]`): such a copy is no planted value, and whether it is one at all is the
 * detectors' call, not a reader's.
 */
export function expectNoPlant(where: string, text: Buffer | string, plants: readonly string[], input?: Doc): void {
  const b = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const left = plants.filter((p) => occurrences(b, p) > (input ? unguarded(input, p) : 0));
  expect(left, `planted values in ${where}`).toEqual([]);
}

function occurrences(b: Buffer, p: string): number {
  let n = 0;
  for (let i = b.indexOf(p); i >= 0; i = b.indexOf(p, i + 1)) n++;
  return n;
}

/** How often `p` stands in the document outside every guard. */
function unguarded(doc: Doc, p: string): number {
  let n = 0;
  const len = Buffer.byteLength(p);
  for (let i = doc.bytes.indexOf(p); i >= 0; i = doc.bytes.indexOf(p, i + 1)) {
    if (!doc.guards.some(([gs, ge]) => i >= gs && i + len <= ge)) n++;
  }
  return n;
}

/** Messages (warnings, the error) must not hold a planted value. */
export function expectCleanMessages(outcome: { warnings: readonly string[]; error: unknown }, plants: readonly string[]): void {
  for (const w of outcome.warnings) expectNoPlant('a warning', w, plants);
  if (outcome.error !== undefined) expectNoPlant('the error', String((outcome.error as Error)?.message ?? outcome.error), plants);
}

// ---------------------------------------------------------------------------------------------
// Documents and mutations. A document is bytes with guarded ranges (each planted value and the char
// on either side): mutations go around them, so a planted value stays a value a reader must find, not
// a fragment glued to its neighbours (`713800138000` is no phone).

export interface Doc {
  bytes: Buffer;
  /**
   * [start, end) byte ranges that mutations leave alone; a start of -1 keeps the start of the input
   * too (a value first in the input has no char before it to guard).
   */
  guards: Array<[number, number]>;
  /** The value in each guard. */
  plants: string[];
}

/**
 * How many bytes either side of a planted value are guarded when no text around it is given: what
 * detectors look at next to a value (`13800138000.25` reads as an amount, not a phone).
 */
const AROUND = 4;

/**
 * A piece of a document: text, or a value planted with the text around it (e.g. `"` … `"`, `: '` … `'`),
 * which is guarded with it (without that text, AROUND bytes before and after the value).
 */
export type Piece = string | Buffer | { readonly plant: string; readonly before?: string; readonly after?: string };

/** Assemble pieces into a document, each plant guarded. */
export function docOf(pieces: readonly Piece[]): Doc {
  const parts: Buffer[] = [];
  const guards: Array<[number, number]> = [];
  const plants: string[] = [];
  let at = 0;
  for (const p of pieces) {
    const b = typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.isBuffer(p) ? p : Buffer.from(`${p.before ?? ''}${p.plant}${p.after ?? ''}`, 'utf8');
    if (!Buffer.isBuffer(p) && typeof p !== 'string') {
      const s = at + Buffer.byteLength(p.before ?? '');
      const e = s + Buffer.byteLength(p.plant);
      guards.push([p.before ? at : guardStart(s), p.after ? e + Buffer.byteLength(p.after) : e + AROUND]);
      plants.push(p.plant);
    }
    parts.push(b);
    at += b.length;
  }
  return { bytes: Buffer.concat(parts), guards, plants };
}

/** Where the guard of a value at `start` starts: AROUND bytes before it, -1 when that is the start of the input. */
function guardStart(start: number): number {
  return start - AROUND > 0 ? start - AROUND : -1;
}

/** A document of `text` whose every occurrence of a planted value is guarded. */
export function docWithPlants(text: string, planted: readonly string[]): Doc {
  const bytes = Buffer.from(text, 'utf8');
  const guards: Array<[number, number]> = [];
  const plants: string[] = [];
  for (const p of new Set(planted)) {
    for (let i = bytes.indexOf(p); i >= 0; i = bytes.indexOf(p, i + 1)) {
      guards.push([guardStart(i), i + Buffer.byteLength(p) + AROUND]);
      plants.push(p);
    }
  }
  return { bytes, guards, plants };
}

type Op = 'insert' | 'replace' | 'flip' | 'delete' | 'truncate' | 'duplicate';

export interface Mutation {
  readonly op: Op;
  readonly at: number;
  readonly len: number;
  readonly token: Buffer;
}

const b = (...bytes: number[]) => Buffer.from(bytes);
const s = (text: string) => Buffer.from(text, 'utf8');

/** Bytes readers trip over: structure, quotes, escapes, line ends, NULs and controls, invalid UTF-8, BOMs. */
const SMALL_TOKENS: Buffer[] = [
  ...['"', "'", '[', ']', '{', '}', ',', ':', '=', ';', '|', '\t', '\\', ' ', '\0', '\r', '\n', '\r\n', '\n\n', '&', '?', '%', '#', '+', '-', '.', '0', '9', 'e', '：'].map(s),
  ...['\x01', '\x02', '\x03', '\x04', '\x7f', '\u2028', '\u3000', '\u00a0'].map(s), // control chars (text.ts uses \x01-\x04 as marks)
  b(0xff), b(0xfe), b(0x80), b(0xc3), b(0xe4, 0xbd), b(0xc0, 0x80), b(0xed, 0xa0, 0x80), b(0xf4, 0x90, 0x80, 0x80), b(0xf0, 0x9f, 0x98), // invalid UTF-8
  b(0xef, 0xbb, 0xbf), // a BOM
  ...['\\u', '\\ud800', '\\udc00', '\\u0000', '\\"', '""', '"\n"', '\\n', '\\x', '%zz', '%e4%bd', '\ud83d\ude00', '中'].map(s),
  ...['1e999999', '-0.0e-0', '123456789012345678901234567890', '-', '01', '1.', 'true', 'nul', 'NaN'].map(s),
  ...['a=', 'key: ', '姓名：', '?a=', '&b=', '{"a":', '[{', '"k":"', '{}', '[]', 'x="', "'k': '"].map(s),
];

const LONG_UNITS = ['a', '9', ' ', '"', '\\', 'é', '中', '=', ',', '\n', '{"a":', '[', '{', '\x01', 'a=b ', '"a":"b",'];

const TOKEN: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...SMALL_TOKENS) },
  { weight: 3, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 8 }).map((a) => Buffer.from(a)) },
  // Deep nesting, closed (a valid document may be deep) or not.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(['[', ']'], ['{"a":', '}'], ['[{"a":', '}]'], ['[1,', ']'], ['{"b":1,"a":', '}']), fc.integer({ min: 30, max: 20_000 }), fc.boolean())
      .map(([[open, close], n, closed]) => s(open.repeat(n) + (closed ? `${open.endsWith('[') ? '' : '0'}${close.repeat(n)}` : ''))),
  },
  // Very long tokens.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...LONG_UNITS), fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 60, max: 3000 }) }, fc.integer({ min: 3000, max: 70_000 })))
      .map(([u, n]) => s(u.repeat(Math.ceil(n / u.length)))),
  },
);

export const MUTATION: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<Op>('insert', 'insert', 'insert', 'replace', 'flip', 'delete', 'truncate', 'duplicate'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 24 }),
  token: TOKEN,
});

export const MUTATIONS: fc.Arbitrary<Mutation[]> = fc.array(MUTATION, { maxLength: 5 });

/**
 * `pos`, or the start of the guarded stretch it falls inside, or its end when that stretch starts the
 * input. Guards of neighbouring values overlap, so a stretch is the union of overlapping guards: moving
 * guard by guard ran forever when a guard at the input's start overlapped the next one ([-1,10] sent 5
 * to 10, [5,20] sent 10 back to 5: the CSV fuzz run hung in its own generator, and CI with it).
 */
export function outsideGuards(doc: Doc, pos: number): number {
  const sorted = [...doc.guards].sort((a, b) => a[0] - b[0]);
  let i = 0;
  while (i < sorted.length) {
    let [start, end] = sorted[i++];
    while (i < sorted.length && sorted[i][0] < end) end = Math.max(end, sorted[i++][1]);
    if (pos > start && pos < end) return start >= 0 ? start : end;
  }
  return pos;
}

/** Where a range [pos, pos+len) may be changed: up to the first guard it reaches. */
function clampToGuards(doc: Doc, pos: number, len: number): number {
  let end = pos + len;
  for (const [gs, ge] of doc.guards) if (gs < end && ge > pos) end = Math.min(end, gs);
  return Math.max(0, end - pos);
}

function splice(doc: Doc, pos: number, remove: number, insert: Buffer): Doc {
  const bytes = Buffer.concat([doc.bytes.subarray(0, pos), insert, doc.bytes.subarray(pos + remove)]);
  const delta = insert.length - remove;
  const guards: Array<[number, number]> = [];
  const plants: string[] = [];
  doc.guards.forEach(([gs, ge], i) => {
    if (ge <= pos) guards.push([gs, ge]);
    else if (gs >= pos + remove) guards.push([gs + delta, ge + delta]);
    else return; // not reached: ranges are clamped to stop at guards
    plants.push(doc.plants[i]);
  });
  return { bytes, guards, plants };
}

/** Apply one mutation, around the guarded ranges. */
export function mutate(doc: Doc, m: Mutation): Doc {
  const n = doc.bytes.length;
  const pos = outsideGuards(doc, m.at % (n + 1));
  switch (m.op) {
    case 'insert':
      return splice(doc, pos, 0, m.token);
    case 'replace':
      return splice(doc, pos, clampToGuards(doc, pos, Math.min(m.len, m.token.length)), m.token);
    case 'flip': {
      if (clampToGuards(doc, pos, 1) === 0 || pos >= n) return doc;
      return splice(doc, pos, 1, Buffer.from([doc.bytes[pos] ^ (m.token[0] || 0x20)]));
    }
    case 'delete':
      return splice(doc, pos, clampToGuards(doc, pos, m.len), Buffer.alloc(0));
    case 'truncate': {
      const keep = doc.guards.map((gg, i) => [gg, doc.plants[i]] as const).filter(([[, ge]]) => ge <= pos);
      return { bytes: doc.bytes.subarray(0, pos), guards: keep.map(([gg]) => gg), plants: keep.map(([, p]) => p) };
    }
    case 'duplicate': {
      const len = clampToGuards(doc, pos, m.len * 8);
      const copy = Buffer.from(doc.bytes.subarray(pos, pos + len));
      return splice(doc, outsideGuards(doc, m.token.length % (n + 1)), 0, copy);
    }
  }
}

/** A value planted after the mutations, with a space on either side (a reader sees it as free text or inside a value). */
export interface LatePlant {
  readonly at: number;
  readonly value: string;
}

export const LATE_PLANTS: fc.Arbitrary<LatePlant[]> = fc.array(fc.record({ at: fc.nat(), value: PLANT }), { maxLength: 3 });

/** Insert ` value ` at each place (moved out of any guard), guarded. */
export function plantLate(doc: Doc, late: readonly LatePlant[]): Doc {
  let d = doc;
  for (const { at, value } of late) {
    const pos = outsideGuards(d, at % (d.bytes.length + 1));
    const text = Buffer.from(` ${value} `, 'utf8');
    d = splice(d, pos, 0, text);
    d.guards.push([pos, pos + text.length]);
    d.plants.push(value);
  }
  return d;
}

/** A valid document mutated, then values planted in it. */
export function mutated(base: Doc, mutations: readonly Mutation[], late: readonly LatePlant[]): Doc {
  return plantLate(mutations.reduce(mutate, base), late);
}

/** Random bytes, or random runs of the tokens readers trip over, with values planted. */
export const NOISE: fc.Arbitrary<Doc> = fc
  .tuple(
    fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
      fc.array(TOKEN, { maxLength: 40 }).map((t) => Buffer.concat(t)),
    ),
    LATE_PLANTS,
  )
  .map(([bytes, late]) => plantLate({ bytes, guards: [], plants: [] }, late));

// ---------------------------------------------------------------------------------------------
// JSON text, read independently of the readers under test.

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** jsonc-parser's SyntaxKind values. */
const STRUCTURE: Record<number, string> = { 1: '{', 2: '}', 3: '[', 4: ']', 5: ',', 6: ':', 7: 'v', 8: 'v', 9: 'v', 10: 'v', 11: 'v' };
const TRIVIA = new Set([14, 15]); // line break, space

/**
 * Whether `bytes` are JSON text: UTF-8, after an optional BOM one or more JSON values (each accepted
 * by JSON.parse) with whitespace between; and their structure as a string of tokens (a string or a
 * number is `v`, so a number replaced by a string tag keeps it). An independent reader: jsonc-parser's
 * scanner cuts the values, JSON.parse checks each.
 */
export function jsonText(bytes: Buffer): { ok: true; structure: string } | { ok: false } {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const scanner = createScanner(text, false);
  let structure = '';
  let depth = 0;
  let start = -1;
  for (let t = scanner.scan(); t !== 17; t = scanner.scan()) {
    if (scanner.getTokenError() !== 0) return { ok: false };
    if (TRIVIA.has(t)) {
      if (!/^[ \t\n\r]*$/.test(text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()))) return { ok: false };
      continue;
    }
    const c = STRUCTURE[t];
    if (c === undefined) return { ok: false };
    if (depth === 0) {
      if (c !== '{' && c !== '[' && c !== 'v') return { ok: false };
      start = scanner.getTokenOffset();
    }
    structure += c;
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    if (depth < 0) return { ok: false };
    if (depth === 0) {
      try {
        JSON.parse(text.slice(start, scanner.getTokenOffset() + scanner.getTokenLength()));
      } catch {
        return { ok: false };
      }
      structure += ' ';
    }
  }
  return depth === 0 ? { ok: true, structure } : { ok: false };
}
