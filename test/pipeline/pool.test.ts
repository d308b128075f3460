import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/anonymizer.js';
import { formats } from '../../src/formats/index.js';
import type { LogveilError } from '../../src/errors.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { runTransform } from '../support/format-run.js';
import assetTagDetectors from './fixtures/asset-tags.js';
// Workers run the compiled code (a worker thread cannot load TypeScript), so the pool comes from dist/
// too: `npm test` compiles before it runs the suite. (A computed path: tsc must not compile dist.)
const compiled = new URL('../../dist/src/pipeline/pool.js', import.meta.url).href;
const { AnonymizerPool } = (await import(compiled)) as typeof import('../../src/pipeline/pool.js');

const runs = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 100);
const key = new Uint8Array(32).fill(9);
const anonymizer = new Anonymizer({ key, policy: { operator: 'hash' } });
const pool = new AnonymizerPool({ policy: anonymizer.policy, key, threads: 3 });
afterAll(() => pool.close());

/** The same input through the format's own transform and through the pool with tiny batches. */
async function both(format: 'text' | 'ndjson', input: Buffer, chunk: number, batch: number) {
  const w1: string[] = [];
  const w2: string[] = [];
  const f = formats[format];
  const single = await runTransform(f.createTransform({ visitor: anonymizingVisitor(anonymizer), source: 'in', warn: (m) => w1.push(m) }), input, chunk);
  const pooled = await runTransform(pool.transform(f, 'in', (m) => w2.push(m), { batchBytes: batch }), input, chunk);
  return { single, pooled, w1, w2 };
}

const piece = fc.constantFrom(
  'login from 192.0.2.10 ok',
  'mail a.b@example.com',
  '手机 13800138000 已绑定',
  'order 202611240000012345 paid',
  '',
  '{"email":"x@example.com","n":1}',
  '{"broken": 13800138000',
  'name=Zhang San age=30',
);

describe('AnonymizerPool', () => {
  it('maps lines as the format does, in input order, whatever the chunking and batch size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(piece, fc.constantFrom('\n', '\r\n')), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom<'text' | 'ndjson'>('text', 'ndjson'),
        async (lines, finalNewline, chunk, batch, format) => {
          let text = lines.map(([l, nl]) => l + nl).join('');
          if (!finalNewline) text = text.replace(/\r?\n$/, '');
          const r = await both(format, Buffer.from(text), chunk, batch);
          expect(r.pooled.toString()).toBe(r.single.toString());
          expect(r.pooled.equals(r.single)).toBe(true);
          expect(r.w2).toEqual(r.w1); // warnings name the same lines, in the same order
        },
      ),
      { numRuns: runs },
    );
  }, 30_000 + 10 * runs); // a few ms per run (and starting threads on a loaded machine); LOGVEIL_PROPERTY_RUNS may ask for thousands

  it('pseudonymizes addresses, phones and emails as one thread does: every worker derives the same sub-keys from the key', async () => {
    const one = new Anonymizer({ key, policy: { operator: 'pseudonym' } });
    const two = new AnonymizerPool({ policy: one.policy, key, threads: 2 });
    try {
      const lines = Array.from({ length: 200 }, (_, i) => `GET from 198.51.100.${i} and [2001:db8::${i.toString(16)}]:443 via 10.0.${i}.1 sms 1380013${String(i % 50).padStart(4, '0')} u${i % 50}@example.com ok\n`);
      const input = Buffer.from(lines.join(''));
      const single = await runTransform(formats.text.createTransform({ visitor: anonymizingVisitor(one), source: 'in', warn: () => {} }), input, 512);
      const pooled = await runTransform(two.transform(formats.text, 'in', () => {}, { batchBytes: 7 }), input, 512);
      expect(pooled.toString()).toBe(single.toString());
      const out = single.toString().split('\n');
      expect(out[7]).toMatch(/^GET from 198\.51\.100\.\d+ and \[2001:db8:[0-9a-f:]+\]:443 via 10\.\d+\.\d+\.\d+ sms 1\d{10} [a-z]\d@example\.com ok$/);
      expect(out[57].split(' sms ')[1]).toBe(out[7].split(' sms ')[1]); // the same phone and address 50 lines on: the same surrogates
      expect(single.toString()).not.toBe(input.toString());
    } finally {
      await two.close();
    }
  });

  it('keeps invalid UTF-8 bytes where nothing is found, across batches', async () => {
    const input = Buffer.concat([Buffer.from('ok 192.0.2.1\n'), Buffer.from([0xff, 0x41, 0x0a]), Buffer.from('tail a@example.com')]);
    const r = await both('text', input, 3, 5);
    expect(r.pooled.equals(r.single)).toBe(true);
    expect(r.pooled.subarray(r.pooled.indexOf(0xff), r.pooled.indexOf(0xff) + 3)).toEqual(Buffer.from([0xff, 0x41, 0x0a]));
  });

  it('refuses JSON without the main thread\'s visitor (for what it rewrites itself), and a thread count below 1', () => {
    expect(() => pool.transform(formats.json, 'x.json', () => {})).toThrow(/visitor/);
    expect(() => new AnonymizerPool({ policy: anonymizer.policy, key, threads: 0 })).toThrow(/threads/);
  });
});

describe('AnonymizerPool with a detector list of its own', () => {
  // The workers import the compiled fixture; this thread the source: the same list.
  const module = new URL('../../dist/test/pipeline/fixtures/asset-tags.js', import.meta.url);
  const input = Buffer.from(
    'asset AT123456 moved by a@example.com\n' + '{"asset":"AT654321","ip":"192.0.2.7"}\n' + 'nothing here\n' + 'tag=AT000001 from 192.0.2.1\n',
  );

  async function oneThread(format: 'text' | 'ndjson', a: Anonymizer): Promise<string> {
    return (await runTransform(formats[format].createTransform({ visitor: anonymizingVisitor(a), source: 'in', warn: () => {} }), input, 7)).toString();
  }

  it('gives what createAnonymizer({ detectors }) gives in one thread, and not what the default list gives', async () => {
    const custom = new AnonymizerPool({ key, detectors: { module }, threads: 2 });
    try {
      for (const format of ['text', 'ndjson'] as const) {
        const pooled = (await runTransform(custom.transform(formats[format], 'in', () => {}, { batchBytes: 40 }), input, 7)).toString();
        expect(pooled).toBe(await oneThread(format, new Anonymizer({ key, detectors: assetTagDetectors })));
        expect(pooled).not.toBe(await oneThread(format, new Anonymizer({ key })));
      }
      // Written out by hand: the asset tags are found only with the custom list.
      const text = (await runTransform(custom.transform(formats.text, 'in', () => {}), input, 64)).toString();
      expect(text.split('\n')[0]).toBe('asset <DEVICE_ID> moved by <EMAIL>');
      expect(text.split('\n')[3]).toBe('tag=<DEVICE_ID> from <IP_ADDRESS>');
    } finally {
      await custom.close();
    }
  }, 60_000); // starting threads on a loaded machine: their time is not what this tests

  it('refuses a list of detector objects, saying what to give instead', () => {
    const make = () => new AnonymizerPool({ key, detectors: assetTagDetectors as never, threads: 1 });
    expect(make).toThrow(/worker threads cannot receive detector objects.*\{ module, export\? \}/);
    expect(() => make()).toThrow(expect.objectContaining({ code: 'LV_USAGE' }) as LogveilError);
  });

  it('refuses a relative module path, which would be read from the worker\'s folder', () => {
    expect(() => new AnonymizerPool({ detectors: { module: './fixtures/asset-tags.js' }, threads: 1 })).toThrow(/neither a URL nor an absolute path/);
  });

  it('fails the input naming the module when the export named is not a list', async () => {
    const wrong = new AnonymizerPool({ key, detectors: { module, export: 'assetTag' }, threads: 1 });
    try {
      await expect(runTransform(wrong.transform(formats.text, 'in', () => {}), input, 64)).rejects.toThrow(
        expect.objectContaining({ code: 'LV_USAGE', message: expect.stringMatching(/asset-tags\.js: its export 'assetTag' is not a list of detectors/) }) as LogveilError,
      );
    } finally {
      await wrong.close();
    }
  }, 60_000);
});

describe('AnonymizerPool with a heap limit', () => {
  it('fails the input loudly when a worker reaches it, and maps the next input with a new worker', async () => {
    // 64 MB holds a worker's anonymizer, not the strings of one 12 MB line (one thread needs ~150 MB for it).
    const small = new AnonymizerPool({ key, policy: anonymizer.policy, threads: 1, heapLimitMb: 64 });
    try {
      const line = Buffer.from('login from 192.0.2.10 by a.b@example.com took 12ms; '.repeat(240_000));
      const input = Buffer.concat([Buffer.from('first 192.0.2.1\n'), line]);
      // Held whole (a threshold above it), not read in windows as a line over 1 MiB is by default.
      const whole = { longLines: { threshold: 64 << 20, piece: 64 << 10 } };
      await expect(runTransform(small.transform(formats.text, 'big.log', () => {}, whole), input, 1 << 20)).rejects.toThrow(
        expect.objectContaining({
          code: 'LV_WORKER',
          message: 'big.log: a worker ran out of memory (its heap is limited to 64 MB; --threads 1 maps the input in the main thread, without that limit)',
        }) as LogveilError,
      );
      const next = Buffer.from('ok 192.0.2.1\n');
      const after = await runTransform(small.transform(formats.text, 'next.log', () => {}), next, 64);
      expect(after.toString()).toBe((await both('text', next, 64, 64)).single.toString());
      expect(after.toString()).not.toContain('192.0.2.1');
    } finally {
      await small.close();
    }
  }, 60_000);
});
