import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/anonymizer.js';
import { jsonFormat } from '../../src/formats/json.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { planted } from '../support/planted-json.js';
import {
  CHUNKS,
  docWithPlants,
  expectCleanMessages,
  expectNoPlant,
  expectPlacedError,
  fuzzParameters,
  guarded,
  jsonText,
  LATE_PLANTS,
  MUTATIONS,
  mutated,
  NOISE,
  runThrough,
  show,
  TEST_TIMEOUT,
  watchdog,
  type Doc,
} from './support.js';

/**
 * Fuzzed JSON reader: random bytes and mutated JSON documents (arrays of records with personal
 * values planted at random depths; compact, one element a line, or pretty-printed), fed in random
 * chunks with the default policy. Each case either fails with an LV_FORMAT error naming the input and
 * the byte range, or writes valid JSON with the structure of the input (which then must have been
 * JSON text); no planted value comes out, before a failure either, nor in the error.
 */

const dog = watchdog('json');
const visitor = anonymizingVisitor(createAnonymizer());

const FILE: fc.Arbitrary<Doc> = fc
  .tuple(fc.array(planted(), { maxLength: 5 }), fc.constantFrom<'compact' | 'lines' | 'pretty'>('compact', 'lines', 'pretty'))
  .map(([recs, layout]) => {
    const values = recs.map((r) => r.value);
    const text =
      layout === 'compact' ? JSON.stringify(values) : layout === 'lines' ? `[\n${values.map((v) => JSON.stringify(v)).join(',\n')}\n]\n` : JSON.stringify(values, null, 2);
    return docWithPlants(text, recs.flatMap((r) => r.planted));
  });

const INPUT: fc.Arbitrary<Doc> = fc.oneof(NOISE, fc.tuple(FILE, MUTATIONS, LATE_PLANTS).map(([f, m, l]) => mutated(f, m, l)));

describe('fuzz: JSON reader', () => {
  it(
    'fails naming the input and bytes, or writes JSON of the same structure; never throws otherwise or hangs; lets no planted value out',
    async () => {
      await fc.assert(
        fc.asyncProperty(INPUT, CHUNKS, async (doc, chunks) => {
          await guarded(dog, () => `json input ${show(doc.bytes)} chunks ${chunks}`, async () => {
            const warnings: string[] = [];
            const { out, error } = await runThrough(jsonFormat.createTransform({ visitor, source: 'in.json', warn: (m) => warnings.push(m) }), doc.bytes, chunks);
            expectNoPlant('the output', out, doc.plants);
            expectCleanMessages({ warnings, error }, doc.plants);
            if (error !== undefined) {
              expectPlacedError(error, /^in\.json: (not valid JSON (in bytes \d+–\d+|at its end \(byte \d+\)): |JSON values nested too deep for its size (in bytes \d+–\d+|at its end \(byte \d+\)), not read$)/);
              return;
            }
            const input = jsonText(doc.bytes);
            expect(input.ok, 'the input was accepted, so it must be JSON text').toBe(true);
            const output = jsonText(out);
            expect(output.ok, `the output is JSON text: ${show(out)}`).toBe(true);
            if (input.ok && output.ok) expect(output.structure).toBe(input.structure);
          });
        }),
        fuzzParameters(),
      );
    },
    TEST_TIMEOUT,
  );
});
