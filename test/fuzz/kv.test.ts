import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/anonymizer.js';
import { decodeValue, encodeValue } from '../../src/formats/inline/encoding.js';
import { findKeyValues } from '../../src/formats/inline/pairs.js';
import type { KvEncoding } from '../../src/formats/inline/span.js';
import { textFormat, visitLine } from '../../src/formats/text.js';
import type { ValueVisitor } from '../../src/record/index.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import {
  CHUNKS,
  countLf,
  docOf,
  expectNoPlant,
  fuzzParameters,
  guarded,
  LATE_PLANTS,
  MUTATIONS,
  mutated,
  PLANT,
  runThrough,
  show,
  TEST_TIMEOUT,
  watchdog,
  type Doc,
  type Piece,
} from './support.js';

/**
 * Fuzzed key-value pairs inside text lines (inline/pairs.ts): logfmt, `key: value`, `键：值`, quoted keys, query
 * strings and embedded JSON (deep, broken, escaped), mutated, with personal values planted as values
 * and as free text. The spans found are sorted, apart and inside the line, and decode; a visitor that
 * changes nothing gets the line back; the anonymizer, through the text format in random chunks,
 * lets no planted value out; a replacement written back in a value's encoding is read back as itself
 * (any string inside quotes and JSON strings; what operators write as a bare or query value).
 */

const dog = watchdog('kv');
const anonymizer = anonymizingVisitor(createAnonymizer());
const identity: ValueVisitor = { visit: (v) => v };

/** A pair whose value is planted: the text before the value, the value's closing text. */
const PLANTED_PAIRS: ReadonlyArray<[string, string]> = [
  ['k=', ''],
  ['k="', '"'],
  ['k: ', ''],
  ['状态：', ''],
  ['"k": "', '"'],
  ["'k': '", "'"],
  ['?a=1&k=', '&b=2'],
  ['{"k":"', '"}'],
  ['{"a":{"b":["', '"]}}'],
  ['{"a":', '}'],
  ['data={"k":"', '"}'],
  ['msg="x ', ' y"'],
];

const FRAGMENTS = [
  'user=alice',
  'msg="a \\"b\\" \\\\ c\\n"',
  "'k': 'it\\'s'",
  'name=Zhang San age=30',
  'card=4111 1111 1111 1111',
  '收货人信息：联系人：周八',
  'passport no: E55512345',
  '/api?name=Zhang%20San&page=2#top',
  'q=%zz%e4+x',
  'payload={"user":{"name":"张三","tags":["a",1,null,true]}}',
  '{"a":"\\u00e9\\ud83d\\ude00\\ud800"}',
  '{"n":-1.5e+300}',
  '{"broken":',
  'a==b c=',
  'k=(v) [x=y]',
  'user.email=x',
  'Caused by: x',
  '\x01\x02 k=v \x03\x04',
];

const LINE: fc.Arbitrary<Piece[]> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS).map((f): Piece[] => [f]) },
      // Guarded with up to 3 chars of the pair before it (`: '`: an email takes in a `'` before it, as in
      // `o'brien@…`, and what a mutation glues to it) and the char after it.
      fc.tuple(fc.constantFrom(...PLANTED_PAIRS), PLANT).map(([[open, close], v]): Piece[] => [
        open.slice(0, -3),
        { plant: v, before: open.slice(-3), after: close.slice(0, 1) || ' ' },
        close.slice(1),
      ]),
      fc.integer({ min: 60, max: 300 }).map((n): Piece[] => ['{"a":'.repeat(n) + '1' + '}'.repeat(n)]), // around the depth limit for JSON inside a line (64)
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.flatMap((p, i) => (i ? [' ', ...p] : p)));

const INPUT: fc.Arbitrary<Doc> = fc.tuple(LINE, MUTATIONS, LATE_PLANTS).map(([line, m, l]) => mutated(docOf(line), m, l));

/** A value's place in a line, and how it is written there. */
const CONTEXTS: ReadonlyArray<[string, string, KvEncoding]> = [
  ['a=1 k="', '" b=2', 'quoted'],
  ["x 'k': '", "', 'b': 2", 'single'],
  ['GET /p?a=1&k=', '&b=2 HTTP/1.1', 'url'],
  ['data={"k":"', '","b":2} end', 'json'],
  ['a=1 k=', ' b=2', 'logfmt'],
];

/** What an operator writes, and strings of every kind for encodings that can hold any. */
const OPERATOR_OUTPUTS = ['<PHONE>', '<EMAIL>', '138****8000', 'z***@example.com', 'EMAIL_mgxuv5q5nh3ksl4w', '110105********1239', '192.0.*.*', '192.0.2.0/24', '<PERSON_NAME>'];
const OPERATOR_OUTPUT = fc.constantFrom(...OPERATOR_OUTPUTS);
const isOperatorOutput = (v: string) => OPERATOR_OUTPUTS.includes(v);
const ANY_STRING = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), fc.constantFrom('a "b" \\ c', "it's", 'x\ny\r\tz', '%41+&=#', '{"k":1}'));

describe('fuzz: key-value pairs in text lines', () => {
  it(
    'spans are sorted, apart, inside the line and decode; nothing changed gives the line back; no planted value survives',
    async () => {
      await fc.assert(
        fc.asyncProperty(INPUT, CHUNKS, async (doc, chunks) => {
          await guarded(dog, () => `kv input ${show(doc.bytes)} chunks ${chunks}`, async () => {
            const text = doc.bytes.toString('utf8');
            for (const line of text.split('\n')) {
              const spans = findKeyValues(line);
              let end = 0;
              for (const span of spans) {
                expect(span.start >= end && span.end > span.start && span.end <= line.length, `span ${span.start}–${span.end} after ${end}`).toBe(true);
                decodeValue(line.slice(span.start, span.end), span.encoding); // must not throw
                end = span.end;
              }
              expect(visitLine(identity, line, 0)).toBe(line);
            }
            const warnings: string[] = [];
            const { out, error } = await runThrough(textFormat.createTransform({ visitor: anonymizer, source: 'in.log', warn: (m) => warnings.push(m) }), doc.bytes, chunks);
            expect(error).toBeUndefined();
            expect(countLf(out)).toBe(countLf(doc.bytes));
            expectNoPlant('the output', out, doc.plants);
            for (const w of warnings) expectNoPlant('a warning', w, doc.plants);
          });
        }),
        fuzzParameters(),
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'a replacement written back in the encoding of its value is read back as that value, under the same key',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...CONTEXTS), fc.oneof(OPERATOR_OUTPUT, ANY_STRING), ([before, after, encoding], value) => {
          // A bare value (logfmt, query) leaves trailing `.` `,` `)` and quotes to the text around it:
          // there, what operators write; inside quotes, anything.
          fc.pre(encoding === 'quoted' || encoding === 'single' || encoding === 'json' || isOperatorOutput(value));
          const line = before + encodeValue(value, encoding) + after;
          const span = findKeyValues(line).find((s) => s.path.length === 1 && s.path[0] === 'k');
          expect(span, `no value for k in ${JSON.stringify(line)}`).toBeDefined();
          const read = decodeValue(line.slice(span!.start, span!.end), span!.encoding);
          expect(read).toBe(encoding === 'url' ? value.replace(/[\ud800-\udfff]/g, (c, i: number, s: string) => (isPaired(s, i) ? c : '\ufffd')) : value);
        }),
        fuzzParameters(),
      );
    },
    TEST_TIMEOUT,
  );
});

/** Whether the surrogate at `i` is half of a pair (a lone one cannot be %-encoded, and is written as U+FFFD). */
function isPaired(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 0xdc00 ? (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 : (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}
