import fc from 'fast-check';
import { createScanner } from 'jsonc-parser';
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
function jsonText(bytes: Buffer): { ok: true; structure: string } | { ok: false } {
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
    if (TRIVIA.has(t)) continue;
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
