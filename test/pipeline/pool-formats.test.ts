import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/anonymizer.js';
import { addCounters, countersSince } from '../../src/counters.js';
import { formats, type CsvOptions, type FormatName } from '../../src/formats/index.js';
import type { LogveilError } from '../../src/errors.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { runTransform } from '../support/format-run.js';
// Workers run the compiled code, so the pool comes from dist/ (see pool.test.ts).
const compiled = new URL('../../dist/src/pipeline/pool.js', import.meta.url).href;
const { AnonymizerPool } = (await import(compiled)) as typeof import('../../src/pipeline/pool.js');

/*
 * JSON arrays and CSV/TSV through the pool: cut in this thread, read in workers, written in order.
 * Whatever the input (valid or not), the chunking and the batch size, the pooled run must give what
 * the format's own transform gives: the same bytes, warnings, or the same error.
 */

const runs = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 100);
const key = new Uint8Array(32).fill(5);
const anonymizer = new Anonymizer({ key, policy: { operator: 'hash' } });
const pool = new AnonymizerPool({ policy: anonymizer.policy, key, threads: 3 });
afterAll(() => pool.close());

type Outcome = { ok: true; out: string; warnings: string[] } | { ok: false; error: string; warnings: string[] };

async function outcome(make: (warn: (m: string) => void) => import('node:stream').Transform, input: Buffer, chunk: number): Promise<Outcome> {
  const warnings: string[] = [];
  try {
    const out = await runTransform(make((m) => warnings.push(m)), input, chunk);
    return { ok: true, out: out.toString('latin1'), warnings };
  } catch (e) {
    const err = e as LogveilError;
    return { ok: false, error: `${err.code}: ${err.message}`, warnings };
  }
}

/**
 * The same input through the format's own transform and through the pool; when both succeed, what
 * each counted too (the pool's workers and, for what it maps itself, the main thread's anonymizer).
 */
async function both(format: FormatName, input: Buffer, chunk: number, batchBytes: number, csv?: CsvOptions) {
  const visitor = anonymizingVisitor(anonymizer);
  const f = formats[format];
  const before = anonymizer.counters();
  const single = await outcome((warn) => f.createTransform({ visitor, source: 'in', warn, csv }), input, chunk);
  const between = anonymizer.counters();
  const poolBefore = pool.counters();
  const pooled = await outcome((warn) => pool.transform(f, 'in', warn, { visitor, csv, batchBytes }), input, chunk);
  if (single.ok && pooled.ok) {
    const counted = addCounters(countersSince(pool.counters(), poolBefore), countersSince(anonymizer.counters(), between));
    expect(counted).toEqual(countersSince(between, before));
  }
  return { single, pooled };
}

const jsonElement = fc.constantFrom(
  '{"email":"a.b@example.com","n":1}',
  '{"msg":"login from 192.0.2.10, ok","tags":["x","y,z"]}',
  '"手机 13800138000 已绑定"',
  '13800138000',
  '"quote \\" comma , bracket ] brace } backslash \\\\"',
  '"\\\\"',
  '[1,[2,[3,"c@example.com"]]]',
  '{"deep":{"deeper":{"phone":"+86 138 0013 8000"}}}',
  'null',
  'true',
  '{}',
  '[]',
  '"\\u00e9 user=alice password=hunter2"',
  '{"a@example.com": 1}',
);

/** Values at every depth: more path steps than a small document may have (see json.ts, PATH_STEPS). */
const deep = '['.repeat(90) + '1,'.repeat(120) + '1' + ']'.repeat(90);

/** Ways a document goes wrong, or is JSON that is not one array. */
const jsonShape = fc.constantFrom('array', 'array', 'array', 'truncated', 'insert', 'object', 'concatenated', 'bom', 'trailing-comma', 'deep');

function jsonDocument(elements: string[], spaces: string[], shape: string, at: number, char: string): string {
  const body = elements.map((e, i) => spaces[i % spaces.length] + e).join(',');
  switch (shape) {
    case 'truncated': {
      const doc = `[${body}]\n`;
      return doc.slice(0, at % doc.length);
    }
    case 'insert': {
      const doc = `[${body}]\n`;
      const k = at % doc.length;
      return doc.slice(0, k) + char + doc.slice(k);
    }
    case 'object':
      return `{"records":[${body}]}`;
    case 'concatenated':
      return `[${body}]\n[${body}]\n{"x":"b@example.com"}\n`;
    case 'bom':
      return `\ufeff  [${body}]`;
    case 'trailing-comma':
      return `[${body},]`;
    case 'deep':
      return `[${body},${deep}]`;
    default:
      return ` [${body}\n]\n`;
  }
}

const csvCell = fc.constantFrom(
  'plain',
  'bob@example.com',
  '13800138000',
  '"quoted, with comma"',
  '"two\nlines 192.0.2.7"',
  '"say ""hi"" c@example.com"',
  '',
  '""',
  '张三',
  '"a"b',
  'x"y',
);

/** Rows of 3 cells mostly; some of 2 (a bad row), some empty lines; CRLF or LF. */
function csvDocument(rows: [string[], boolean][], delimiter: string, bom: boolean, unclosed: boolean): string {
  const text = rows.map(([cells, crlf]) => cells.join(delimiter) + (crlf ? '\r\n' : '\n')).join('');
  return (bom ? '\ufeff' : '') + `name${delimiter}email${delimiter}phone\n` + text + (unclosed ? `"open${delimiter}d@example.com\nmore\n` : '');
}

describe('AnonymizerPool: JSON', () => {
  it('gives what one thread gives for any document, valid or not, whatever the chunking and batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(jsonElement, { minLength: 0, maxLength: 40 }),
        fc.array(fc.constantFrom('', ' ', '\n  ', '\r\n'), { minLength: 1, maxLength: 3 }),
        jsonShape,
        fc.nat(),
        fc.constantFrom('"', ',', ']', '[', '{', '\\', 'x', '\u00ff'),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 300 }),
        async (elements, spaces, shape, at, char, chunk, batch) => {
          // '\u00ff' stands for a byte that is not UTF-8 (0xff).
          const input = Buffer.from(
            Buffer.from(jsonDocument(elements, spaces, shape, at, char), 'utf8').map((b, i, all) =>
              b === 0xc3 && all[i + 1] === 0xbf ? 0xff : b === 0xbf && all[i - 1] === 0xc3 ? 0x20 : b,
            ),
          );
          const { single, pooled } = await both('json', input, chunk, batch);
          expect(pooled).toEqual(single);
        },
      ),
      { numRuns: runs },
    );
  }, 30_000 + 20 * runs);

  it('rewrites an element too large for a batch in this thread, and the values too deep for their place fail as in one thread', async () => {
    const big = `{"log":"${'x'.repeat(10_000)} e@example.com"}`; // more than 128 batches of 64 bytes
    const input = Buffer.from(`[${Array.from({ length: 30 }, (_, i) => (i === 12 ? big : `{"i":${i},"ip":"192.0.2.${i}"}`)).join(',')}]`);
    const r = await both('json', input, 100, 64);
    expect(r.single.ok).toBe(true);
    expect(r.pooled).toEqual(r.single);
    // The deep element fails at the start of a document, but not after enough bytes of budget.
    const early = await both('json', Buffer.from(`[${deep}]`), 50, 40);
    expect(early.single).toMatchObject({ ok: false, error: expect.stringContaining('nested too deep') });
    expect(early.pooled).toEqual(early.single);
    const late = await both('json', Buffer.from(`[${`"${'y'.repeat(600)}",`.repeat(20)}${deep}]`), 64, 100);
    expect(late.single.ok).toBe(true);
    expect(late.pooled).toEqual(late.single);
  }, 30_000);
});

describe('AnonymizerPool: CSV and TSV', () => {
  it('gives what one thread gives, quoted line ends, bad rows and unclosed quotes included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(fc.array(csvCell, { minLength: 3, maxLength: 3 }), fc.array(csvCell, { minLength: 0, maxLength: 2 })), fc.boolean()), {
          minLength: 0,
          maxLength: 40,
        }),
        fc.constantFrom<FormatName>('csv', 'tsv'),
        fc.boolean(),
        fc.boolean(),
        fc.record({ header: fc.boolean(), onBadRow: fc.constantFrom<'error' | 'text'>('error', 'text') }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 300 }),
        async (rows, format, bom, unclosed, csv, chunk, batch) => {
          const input = Buffer.from(csvDocument(rows, format === 'tsv' ? '\t' : ',', bom, unclosed));
          const { single, pooled } = await both(format, input, chunk, batch, csv);
          expect(pooled).toEqual(single);
        },
      ),
      { numRuns: runs },
    );
  }, 30_000 + 20 * runs);

  it('every batch reads cells by the header\'s names (a field rule by column applies in every worker)', async () => {
    const policy = new Anonymizer({ key, policy: { fields: { rules: [{ match: 'note', action: 'drop' }] } } });
    const named = new AnonymizerPool({ policy: policy.policy, key, threads: 2 });
    try {
      const input = Buffer.from('id,note\n' + Array.from({ length: 200 }, (_, i) => `${i},"free text ${i}\nsecond line"\n`).join(''));
      const visitor = anonymizingVisitor(policy);
      const out = (await runTransform(named.transform(formats.csv, 'in', () => {}, { visitor, batchBytes: 100 }), input, 33)).toString();
      const single = (await runTransform(formats.csv.createTransform({ visitor, source: 'in', warn: () => {} }), input, 33)).toString();
      expect(out).toBe(single);
      // Written by hand: the note column emptied on every row (quoted as it was), the id kept.
      expect(out.split('\n').slice(0, 3)).toEqual(['id,note', '0,""', '1,""']);
      expect(out.split('\n')).toHaveLength(202);
      expect(out).not.toContain('free text');
    } finally {
      await named.close();
    }
  }, 60_000);
});
