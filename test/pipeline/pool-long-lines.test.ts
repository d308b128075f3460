import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/anonymizer.js';
import { countersSince } from '../../src/counters.js';
import { formats, type FormatName, type LongLineSizes } from '../../src/formats/index.js';
import { anonymizingVisitor, scanningVisitor, type FindingReport } from '../../src/visitors.js';
import { runTransform } from '../support/format-run.js';
// Workers run the compiled code, so the pool comes from dist/ (see pool.test.ts).
const compiled = new URL('../../dist/src/pipeline/pool.js', import.meta.url).href;
const { AnonymizerPool } = (await import(compiled)) as typeof import('../../src/pipeline/pool.js');

/*
 * Lines too long to hold through the pool: cut into windows in this thread, each scanned by a worker,
 * one at a time, between batches of short lines. With one and two workers the output, the warnings,
 * the findings (scan) and the counts are one thread's, in input order.
 */

const key = new Uint8Array(32).fill(6);
const policy = { operator: 'hash' as const };
const SMALL: LongLineSizes = { threshold: 300, piece: 53 };
const pools = [1, 2].map((threads) => new AnonymizerPool({ policy, key, threads }));
const scanPool = new AnonymizerPool({ policy, key, threads: 2, mode: 'scan' });
afterAll(() => Promise.all([...pools, scanPool].map((p) => p.close())));

const SHORT = ['ok 1', 'user=alice@example.com phone=13800138000', '', '中文 电话 13800138000', 'card=4111 1111 1111 1111 200'];
const LONG_UNIT = ['ip 198.51.100.7 ', 'mail b.c@example.com ', '电话 13800138000 ', 'iban DE89 3704 0044 0532 0130 00 ', 'pad pad '];

/** Lines drawn short or long (over the threshold), CRLF now and then, maybe no final newline. */
const lines = fc.array(
  fc.record({
    long: fc.boolean(),
    pick: fc.nat(),
    repeat: fc.integer({ min: 20, max: 60 }),
    crlf: fc.boolean(),
  }),
  { minLength: 1, maxLength: 12 },
);

function input(drawn: Array<{ long: boolean; pick: number; repeat: number; crlf: boolean }>, format: FormatName, finalNewline: boolean): Buffer {
  const text = drawn
    .map(({ long, pick, repeat, crlf }, i) => {
      const body = long ? Array.from({ length: repeat }, (_, k) => LONG_UNIT[(pick + k) % LONG_UNIT.length]).join('') : SHORT[pick % SHORT.length];
      const line = format === 'ndjson' ? JSON.stringify({ i, msg: body }) : body;
      return line + (crlf ? '\r' : '');
    })
    .join('\n');
  return Buffer.from(text + (finalNewline ? '\n' : ''));
}

describe('long lines through the pool', () => {
  it.each(['text', 'ndjson'] as const)('%s: short and long lines mixed: one thread\'s bytes, warnings and counts, in order, with 1 and 2 workers', async (format) => {
    await fc.assert(
      fc.asyncProperty(lines, fc.boolean(), fc.integer({ min: 1, max: 400 }), async (drawn, finalNewline, chunk) => {
        const bytes = input(drawn, format, finalNewline);
        const anonymizer = new Anonymizer({ key, policy });
        const visitor = anonymizingVisitor(anonymizer);
        const warned: string[] = [];
        const single = await runTransform(formats[format].createTransform({ visitor, source: 'in', warn: (m) => warned.push(m), longLines: SMALL }), bytes, chunk);
        expect(warned.length).toBe(drawn.filter((d) => d.long).length);
        for (const pool of pools) {
          const before = pool.counters();
          const pooledWarnings: string[] = [];
          const pooled = await runTransform(pool.transform(formats[format], 'in', (m) => pooledWarnings.push(m), { longLines: SMALL, batchBytes: 128 }), bytes, chunk);
          expect(pooled.toString('latin1'), `${pool.threads} workers`).toBe(single.toString('latin1'));
          expect(pooledWarnings).toEqual(warned);
          expect(countersSince(pool.counters(), before)).toEqual(anonymizer.counters());
        }
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 20) },
    );
  }, 120_000);

  it('scan: the findings of long and short lines come in input order, at the offsets one thread gives', async () => {
    const drawn = [0, 1, 2, 3, 4, 5].map((i) => ({ long: i % 2 === 1, pick: i, repeat: 30 + i, crlf: i === 3 }));
    const bytes = input(drawn, 'text', true);
    const anonymizer = new Anonymizer({ key, policy });
    const single: FindingReport[] = [];
    const visitor = scanningVisitor(anonymizer, (r) => single.push(r));
    await runTransform(formats.text.createTransform({ visitor, source: 'in', warn: () => {}, longLines: SMALL }), bytes, 100);
    const pooled: FindingReport[] = [];
    const out = await runTransform(scanPool.transform(formats.text, 'in', () => {}, { longLines: SMALL, batchBytes: 128, report: (r) => pooled.push(r) }), bytes, 100);
    expect(out.equals(bytes)).toBe(true); // scan passes the bytes through
    expect(single.length).toBeGreaterThan(40);
    expect(pooled).toEqual(single);
    // Long lines' findings are at their offsets in the line (a short line's pair values, in their value).
    const lineTexts = bytes.toString().split('\n');
    const long = pooled.filter((r) => drawn[r.record].long);
    expect(long.length).toBeGreaterThan(20);
    for (const r of long) expect(lineTexts[r.record].slice(r.finding.start, r.finding.end)).toBe(r.value);
  }, 60_000);

  it('a worker whose heap holds its anonymizer and not a 12 MB line maps that line in windows', async () => {
    // The line that test/pipeline/pool.test.ts uses to run a 64 MB worker out of memory when held whole.
    const small = new AnonymizerPool({ key, policy, threads: 1, heapLimitMb: 64 });
    try {
      const unit = 'login from 192.0.2.10 by a.b@example.com took 12ms; ';
      const input = Buffer.concat([Buffer.from('first 192.0.2.1\n'), Buffer.from(unit.repeat(240_000))]);
      const warnings: string[] = [];
      const out = (await runTransform(small.transform(formats.text, 'big.log', (m) => warnings.push(m)), input, 1 << 20)).toString();
      expect(out).not.toContain('192.0.2.1');
      expect(out).not.toContain('a.b@example.com');
      expect(out.split(' took 12ms; ').length).toBe(240_001); // every unit is there, in one line
      expect(out.split('\n').length).toBe(2);
      expect(warnings).toEqual([expect.stringMatching(/^big\.log:2: a line longer than 1 MiB/)]);
    } finally {
      await small.close();
    }
  }, 120_000);
});
