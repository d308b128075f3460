import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/anonymizer.js';
import { csvFormat, detectDelimiter, tsvFormat } from '../../src/formats/csv.js';
import type { CsvOptions } from '../../src/formats/format.js';
import type { ValueVisitor } from '../../src/record/index.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import {
  CHUNKS,
  countLf,
  docOf,
  expectCleanMessages,
  expectNoPlant,
  expectPlacedError,
  fuzzParameters,
  guarded,
  invalidUtf8,
  LATE_PLANTS,
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
 * Fuzzed CSV/TSV reader: random bytes and mutated tables (delimiters `,` `;` tab `|`, quoted cells
 * with delimiters, quotes and line ends, a BOM, personal values as whole cells), with and without a
 * header, bad rows as errors or as text, fed in random chunks. With nothing replaced the output is
 * the input byte for byte; with the default policy a case fails with an LV_FORMAT error naming the
 * row (the same as with nothing replaced), or writes the same rows, keeps every byte that is not
 * UTF-8, and lets no planted value out, before a failure either, nor in a message.
 */

const dog = watchdog('csv');
const anonymizer = anonymizingVisitor(createAnonymizer());
const identity: ValueVisitor = { visit: (v) => v };

const CELLS = ['ok', '42', '', '用户登录成功', 'a b', '"quoted, with ""quotes"""', '"two\nlines"', '"cr\r\nlf"', '2026-02-24 08:00:02', '-1.5e3', 'é'];

interface Table {
  readonly doc: Doc;
  readonly format: typeof csvFormat;
  readonly csv: CsvOptions;
}

const TABLE: fc.Arbitrary<Table> = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    tsv: fc.boolean(),
    given: fc.boolean(),
    header: fc.boolean(),
    onBadRow: fc.constantFrom<'error' | 'text'>('error', 'text'),
    nl: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    columns: fc.integer({ min: 1, max: 5 }),
    rows: fc.array(fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CELLS) }, fc.tuple(PLANT, fc.boolean())), { minLength: 5, maxLength: 5 }), { maxLength: 6 }),
  })
  .map(({ delimiter, tsv, given, header, onBadRow, nl, bom, columns, rows }) => {
    const pieces: Piece[] = bom ? ['\ufeff'] : [];
    if (header) pieces.push(['id', 'msg', 'note', '备注', 'code'].slice(0, columns).join(delimiter) + nl);
    for (const row of rows) {
      row.slice(0, columns).forEach((cell, c) => {
        if (c) pieces.push(delimiter);
        pieces.push(typeof cell === 'string' ? cell : cell[1] ? { plant: cell[0], before: '"', after: '"' } : { plant: cell[0] });
      });
      pieces.push(nl);
    }
    const csv: CsvOptions = { header, onBadRow, ...(given ? { delimiter } : {}) };
    return { doc: docOf(pieces), format: tsv ? tsvFormat : csvFormat, csv };
  });

const INPUT: fc.Arbitrary<Table> = fc.oneof(
  fc.tuple(NOISE, fc.boolean(), fc.constantFrom<'error' | 'text'>('error', 'text')).map(([doc, header, onBadRow]) => ({ doc, format: csvFormat, csv: { header, onBadRow } })),
  fc.tuple(TABLE, MUTATIONS, LATE_PLANTS).map(([t, m, l]) => ({ ...t, doc: mutated(t.doc, m, l) })),
);

const ROW_ERROR = /^in\.csv: row \d+ (has \d+ fields, expected \d+|is not valid CSV \(text after a closing quote\)|has an unclosed quote|is longer than \d+ bytes)/;

/** The delimiter the reader uses for `bytes`: given, TSV's tab, or detected as the reader does (first line, at most 64 KiB, after a BOM). */
function delimiterOf(t: Table, bytes: Buffer): string {
  if (t.csv.delimiter !== undefined) return t.csv.delimiter;
  if (t.format === tsvFormat) return '\t';
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const nl = body.indexOf(10);
  return detectDelimiter(body.toString('utf8', 0, nl < 0 || nl > 64 * 1024 ? Math.min(body.length, 64 * 1024) : nl));
}

function run(t: Table, visitor: ValueVisitor, bytes: Buffer, chunks: readonly number[]) {
  const warnings: string[] = [];
  return runThrough(t.format.createTransform({ visitor, source: 'in.csv', warn: (m) => warnings.push(m), csv: t.csv }), bytes, chunks).then((r) => ({ ...r, warnings }));
}

describe('fuzz: CSV/TSV reader', () => {
  it(
    'same bytes with nothing replaced; an error naming the row, or the same rows with no planted value; never throws otherwise or hangs',
    async () => {
      await fc.assert(
        fc.asyncProperty(INPUT, CHUNKS, async (t, chunks) => {
          const { doc } = t;
          await guarded(dog, () => `${t.format.name} ${JSON.stringify(t.csv)} input ${show(doc.bytes)} chunks ${chunks}`, async () => {
            const same = await run(t, identity, doc.bytes, chunks);
            if (same.error === undefined) expect(show(same.out)).toBe(show(doc.bytes));
            else expectPlacedError(same.error, ROW_ERROR);

            const watch = watching(anonymizer);
            const anon = await run(t, watch, doc.bytes, chunks);
            expectNoPlant('the output', anon.out, doc.plants);
            expectCleanMessages(anon, doc.plants);
            expect(String(anon.error), 'the same failure as with nothing replaced').toBe(String(same.error));
            if (anon.error !== undefined) return;
            expect(show(invalidUtf8(anon.out)), 'bytes that are not UTF-8 are kept').toBe(show(invalidUtf8(doc.bytes)));
            expect(countLf(anon.out)).toBe(countLf(doc.bytes) + watch.lfDelta);
            // Read back (with the delimiter the input had: it is detected in the first 64 KiB, and a
            // changed first row may push it further), the output has its rows at the same record numbers.
            const back = watching(identity);
            const again = await run({ ...t, csv: { ...t.csv, delimiter: delimiterOf(t, doc.bytes) } }, back, anon.out, [65536]);
            expect(again.error).toBeUndefined();
            expect([...back.seen]).toEqual([...watch.seen]);
          });
        }),
        fuzzParameters(),
      );
    },
    TEST_TIMEOUT,
  );
});
