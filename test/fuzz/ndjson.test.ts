import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/anonymizer.js';
import { ndjsonFormat } from '../../src/formats/ndjson.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { planted } from '../support/planted-json.js';
import {
  CHUNKS,
  countLf,
  docWithPlants,
  expectCleanMessages,
  expectNoPlant,
  fuzzParameters,
  guarded,
  jsonText,
  invalidUtf8,
  LATE_PLANTS,
  linesOf,
  MUTATIONS,
  mutated,
  NOISE,
  runThrough,
  show,
  TEST_TIMEOUT,
  watching,
  watchdog,
  type Doc,
} from './support.js';

/**
 * Fuzzed NDJSON reader: random bytes and mutated NDJSON (records with personal values planted at
 * random depths), fed in random chunks with the default policy. Nothing throws or hangs; the line
 * count stays; a line where nothing was replaced comes out byte for byte; a line that is JSON comes
 * out as JSON of the same structure; no planted value comes out, nor in a warning.
 */

const dog = watchdog('ndjson');
const visitor = anonymizingVisitor(createAnonymizer());

const FILE: fc.Arbitrary<Doc> = fc
  .tuple(fc.array(planted(), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'))
  .map(([recs, nl]) => docWithPlants(recs.map((r) => JSON.stringify(r.value)).join(nl) + nl, recs.flatMap((r) => r.planted)));

const INPUT: fc.Arbitrary<Doc> = fc.oneof(NOISE, fc.tuple(FILE, MUTATIONS, LATE_PLANTS).map(([f, m, l]) => mutated(f, m, l)));

/** A line without its terminator. */
const body = (line: Buffer) => line.subarray(0, line.length - (line[line.length - 1] === 10 ? (line[line.length - 2] === 13 ? 2 : 1) : 0));

describe('fuzz: NDJSON reader', () => {
  it(
    'never throws or hangs, keeps lines and their JSON structure, leaves untouched lines byte for byte, lets no planted value out',
    async () => {
      await fc.assert(
        fc.asyncProperty(INPUT, CHUNKS, async (doc, chunks) => {
          await guarded(dog, () => `ndjson input ${show(doc.bytes)} chunks ${chunks}`, async () => {
            const watch = watching(visitor);
            const warnings: string[] = [];
            const { out, error } = await runThrough(ndjsonFormat.createTransform({ visitor: watch, source: 'in.ndjson', warn: (m) => warnings.push(m) }), doc.bytes, chunks);
            expect(error).toBeUndefined();
            expect(countLf(out)).toBe(countLf(doc.bytes));
            const before = linesOf(doc.bytes);
            const after = linesOf(out);
            expect(after.length).toBe(before.length);
            const problems: string[] = [];
            before.forEach((line, i) => {
              if (!watch.changed.has(i) && !line.equals(after[i])) problems.push(`line ${i + 1} had nothing replaced but changed to ${show(after[i])}`);
              const json = jsonText(body(line));
              // Not one JSON value (a line may start with a BOM: JSON after it, and stay so).
              if (!json.ok || !/^[^ ]* $/.test(json.structure) || line[0] === 0xef) return;
              const now = jsonText(body(after[i]));
              if (!now.ok) problems.push(`line ${i + 1} was JSON, is not: ${show(after[i])}`);
              else if (now.structure !== json.structure) problems.push(`line ${i + 1}: the structure changed: ${show(after[i])}`);
            });
            expect(problems).toEqual([]);
            for (const w of warnings) expect(w).toMatch(/^in\.ndjson:\d+: (not valid JSON|JSON nested too deep for its length), scanned as text$/);
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
