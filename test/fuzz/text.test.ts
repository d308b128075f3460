import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/anonymizer.js';
import { textFormat } from '../../src/formats/text.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import {
  CHUNKS,
  countLf,
  docOf,
  expectCleanMessages,
  expectNoPlant,
  fuzzParameters,
  guarded,
  invalidUtf8,
  LATE_PLANTS,
  linesOf,
  MUTATIONS,
  mutated,
  NOISE,
  PLANT,
  runThrough,
  show,
  TEST_TIMEOUT,
  watching,
  watchdog,
  type Doc,
  type Piece,
} from './support.js';

/**
 * Fuzzed text reader: random bytes and mutated log lines, fed in random chunks through the text
 * format with the default policy. Nothing throws or hangs; the line count stays; a line where nothing
 * was replaced comes out byte for byte; no planted value comes out, nor in a warning or an error.
 */

const dog = watchdog('text');
const visitor = anonymizingVisitor(createAnonymizer());

// Words with no context meaning for any detector (no order/version/account/phone…).
const WORDS = ['2026-02-24T08:00:02.530Z', 'INFO', 'WARN', 'request handled', 'ok', '用户登录成功', '缓存命中', 'retry', 'queue=7', 'took 12ms', '[worker-3]', 'é ü', '😀'];

/** A log line: words, pairs and embedded JSON, some holding a planted value. */
const LINE: fc.Arbitrary<Piece[]> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...WORDS).map((w): Piece[] => [w]) },
      fc.constantFrom('k=v', 'msg="a \\"quoted\\" b"', 'status: ok', '状态：正常', '?page=2&q=x%20y', '{"a":{"b":[1,"x"]}}', "'k': 'v'").map((w): Piece[] => [w]),
      fc
        .tuple(fc.constantFrom('email=', 'ip: ', '手机号：', 'to=', '?tel=', 'contact ', '{"v":"', '{"m":', 'x="'), PLANT)
        .map(([k, v]): Piece[] => {
          const close = k === '{"v":"' ? '"}' : k === '{"m":' ? '}' : k === 'x="' ? '"' : ' ';
          return [k.slice(0, -1), { plant: v, before: k.slice(-1), after: close.slice(0, 1) }, close.slice(1)];
        }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.flatMap((p, i) => (i ? [' ', ...p] : p)));

const FILE: fc.Arbitrary<Doc> = fc
  .tuple(fc.array(LINE, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, nl, last]) => docOf(lines.flatMap((l, i) => (i < lines.length - 1 || last ? [...l, nl] : l))));

const INPUT: fc.Arbitrary<Doc> = fc.oneof(NOISE, fc.tuple(FILE, MUTATIONS, LATE_PLANTS).map(([f, m, l]) => mutated(f, m, l)));

describe('fuzz: text reader', () => {
  it(
    'never throws or hangs, keeps lines, leaves untouched lines byte for byte, lets no planted value out',
    async () => {
      await fc.assert(
        fc.asyncProperty(INPUT, CHUNKS, async (doc, chunks) => {
          await guarded(dog, () => `text input ${show(doc.bytes)} chunks ${chunks}`, async () => {
            const watch = watching(visitor);
            const warnings: string[] = [];
            const { out, error } = await runThrough(textFormat.createTransform({ visitor: watch, source: 'in.log', warn: (m) => warnings.push(m) }), doc.bytes, chunks);
            expect(error).toBeUndefined();
            expect(countLf(out)).toBe(countLf(doc.bytes));
            const before = linesOf(doc.bytes);
            const after = linesOf(out);
            expect(after.length).toBe(before.length);
            const untouched = before.flatMap((line, i) => (!watch.changed.has(i) && !line.equals(after[i]) ? [`line ${i + 1}: ${show(line)} → ${show(after[i])}`] : []));
            expect(untouched, 'lines with nothing replaced that changed').toEqual([]);
            expect(show(invalidUtf8(out)), 'bytes that are not UTF-8 are kept').toBe(show(invalidUtf8(doc.bytes)));
            expectNoPlant('the output', out, doc.plants, doc);
            expectCleanMessages({ warnings, error }, doc.plants);
          });
        }),
        fuzzParameters(),
      );
    },
    TEST_TIMEOUT,
  );
});
