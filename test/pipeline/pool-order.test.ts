import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/anonymizer.js';
import { formats, type FormatName } from '../../src/formats/index.js';
import type { LogveilError } from '../../src/errors.js';
import { writeOutput } from '../../src/output.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { runTransform } from '../support/format-run.js';
const compiled = new URL('../../dist/src/pipeline/pool.js', import.meta.url).href;
const { AnonymizerPool } = (await import(compiled)) as typeof import('../../src/pipeline/pool.js');

/*
 * The pool for every format: results in input order though batches cost very unlike amounts (a
 * worker given a cheap batch finishes long before one given a dense one), the same bytes for 1, 2
 * and 4 threads, a bounded number of batches in flight under a slow writer, and a worker that fails
 * leaving nothing under the output's name.
 */

const key = new Uint8Array(32).fill(3);
const anonymizer = new Anonymizer({ key, policy: { operator: 'hash' } });
const pools = [1, 2, 4].map((threads) => new AnonymizerPool({ policy: anonymizer.policy, key, threads }));
afterAll(() => Promise.all(pools.map((p) => p.close())));

/** Records of very unlike cost: every 7th dense with personal data and long, the others a few bytes. */
function record(i: number): { text: string; fields: string[] } {
  if (i % 7 === 0) {
    const dense = Array.from({ length: 40 }, (_, k) => `u${i}.${k}@example.com 198.51.100.${k} +86 138 0013 ${String(8000 + k)}`).join(' ');
    return { text: dense, fields: [`u${i}@example.com`, dense, '13800138000'] };
  }
  return { text: `ok ${i}`, fields: [`${i}`, 'ok', ''] };
}

function input(format: FormatName, n: number): Buffer {
  const records = Array.from({ length: n }, (_, i) => record(i));
  switch (format) {
    case 'text':
      return Buffer.from(records.map((r) => r.text + '\n').join(''));
    case 'ndjson':
      return Buffer.from(records.map((r, i) => JSON.stringify({ i, msg: r.text }) + '\n').join(''));
    case 'json':
      return Buffer.from('[\n' + records.map((r, i) => `  {"i": ${i}, "msg": ${JSON.stringify(r.text)}, "mail": "${r.fields[0]}"}`).join(',\n') + '\n]\n');
    case 'csv':
      // Quoted line ends in the dense rows: a row is not a line.
      return Buffer.from('id,note,phone\r\n' + records.map((r) => `${r.fields[0]},"${r.fields[1].replace(/ \+86/g, '\n+86')}",${r.fields[2]}\r\n`).join(''));
    case 'tsv':
      return Buffer.from('id\tnote\tphone\n' + records.map((r) => r.fields.join('\t') + '\n').join(''));
  }
}

const FORMATS: FormatName[] = ['text', 'ndjson', 'json', 'csv', 'tsv'];

describe('AnonymizerPool, every format', () => {
  it.each(FORMATS)('%s: in input order with uneven batch costs, the same bytes for 1, 2 and 4 threads', async (format) => {
    const bytes = input(format, 600);
    const visitor = anonymizingVisitor(anonymizer);
    const single = await runTransform(formats[format].createTransform({ visitor, source: 'in', warn: () => {} }), bytes, 4096);
    expect(single.equals(bytes)).toBe(false); // something was replaced
    expect(single.toString()).not.toContain('@example.com');
    for (const pool of pools) {
      // Batches of ~2 KB: dense and cheap ones side by side, hundreds of them.
      const pooled = await runTransform(pool.transform(formats[format], 'in', () => {}, { visitor, batchBytes: 2048 }), bytes, 4096);
      expect(pooled.equals(single), `${pool.threads} threads`).toBe(true);
    }
  }, 60_000);

  it.each(['text', 'json', 'csv'] as const)('%s: a slow writer holds the reader back: a bounded number of batches in flight', async (format) => {
    const pool = pools[1];
    const bytes = input(format, 3000);
    let sent = 0;
    let written = 0;
    let most = 0;
    const run = pool.run.bind(pool);
    pool.run = (task) => {
      sent++;
      most = Math.max(most, sent - written);
      return run(task);
    };
    try {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += 16 * 1024) chunks.push(bytes.subarray(i, i + 16 * 1024));
      await pipeline(
        Readable.from(chunks),
        pool.transform(formats[format], 'in', () => {}, { visitor: anonymizingVisitor(anonymizer), batchBytes: 8 * 1024 }),
        new Writable({
          highWaterMark: 1,
          write(_c, _e, cb) {
            written++;
            setTimeout(cb, 2);
          },
        }),
      );
    } finally {
      pool.run = run;
    }
    expect(sent).toBeGreaterThan(40);
    // 2 threads × 2 in flight, one more sent before the wait, one in the transform's buffer, one being written.
    expect(most).toBeLessThanOrEqual(8);
  }, 60_000);

  it.each(['text', 'json', 'csv'] as const)('%s: a worker that fails leaves nothing under the output name, and says so without the data', async (format) => {
    const module = new URL('../../dist/test/pipeline/fixtures/failing.js', import.meta.url);
    const failing = new AnonymizerPool({ key, detectors: { module }, threads: 2 });
    const dir = mkdtempSync(join(tmpdir(), 'logveil-pool-'));
    try {
      const good = input(format, 300).toString();
      // The failing value well after the first batches: some output was already written.
      const bytes = Buffer.from(format === 'json' ? good.replace('"i": 250,', '"i": "AT999999",') : good.replace(/\bok 250\b|\b250,|\b250\t/, (m) => m.replace('250', 'AT999999')));
      expect(bytes.toString()).toContain('AT999999');
      const out = join(dir, `out.${format}`);
      const transform = failing.transform(formats[format], 'in', () => {}, { visitor: anonymizingVisitor(anonymizer), batchBytes: 1024 });
      const error = await writeOutput(out, [Readable.from([bytes]), transform]).then(
        () => null,
        (e: unknown) => e as LogveilError,
      );
      // What one thread says too: the scanner's failure, by its class only.
      expect([error?.code, error?.message]).toEqual(['LV_REDACT', 'findings: the text could not be anonymized (Error)']);
      expect(error?.message).not.toContain('AT999999');
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir)).toEqual([]); // no temporary file left either
    } finally {
      await failing.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
