import fc from 'fast-check';
import iconv from 'iconv-lite';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/anonymizer.js';
import { encodingChoice } from '../../src/encoding/option.js';
import { inputEncoding } from '../../src/encoding/stages.js';
import { formats } from '../../src/formats/index.js';
import { anonymizingVisitor } from '../../src/visitors.js';

/**
 * The stages around a format, as the CLI chains them: bytes in GB18030, GBK or UTF-16, with a phone,
 * an email and an ID planted among neutral words and bytes that do not decode, cut into random
 * chunks, through decode stage -> text format (default policy) -> encode stage. What comes out is the
 * same construction with each planted value replaced by its tag: every other byte identical.
 */

const RUNS = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 100);
const visitor = anonymizingVisitor(createAnonymizer());

const WORDS = ['request', 'handled', 'status', 'ok', 'worker', 'done', '处理完成', '请求成功', '状态正常', '队列', '任务开始'];
const PLANTS: Array<[string, string]> = [
  ['13800138000', '<PHONE>'],
  ['li.si@example.com', '<EMAIL>'],
  ['110105199003071239', '<CN_RESIDENT_ID>'],
];

type Piece = { word: string } | { plant: number } | { bad: true } | { newline: string };

const pieceArb: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS).map((word) => ({ word })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: PLANTS.length - 1 }).map((plant) => ({ plant })) },
  { weight: 1, arbitrary: fc.constant({ bad: true as const }) },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n').map((newline) => ({ newline })) },
);

/** Bytes that are no character: 0xFF starts nothing in GBK/GB18030; a lone surrogate in UTF-16. */
const BAD: Record<string, Buffer> = {
  gb18030: Buffer.from([0xff]),
  gbk: Buffer.from([0xff]),
  'utf-16le': Buffer.from([0x00, 0xdc]),
  'utf-16be': Buffer.from([0xdc, 0x00]),
};

/** The log, with pieces separated by spaces; `anonymized` writes each planted value's tag. */
function build(pieces: Piece[], encoding: string, anonymized: boolean): Buffer {
  const parts: Buffer[] = [];
  for (const p of pieces) {
    if ('word' in p) parts.push(iconv.encode(`${p.word} `, encoding));
    else if ('plant' in p) parts.push(iconv.encode(`${PLANTS[p.plant][anonymized ? 1 : 0]} `, encoding));
    else if ('bad' in p) parts.push(BAD[encoding], iconv.encode(' ', encoding));
    else parts.push(iconv.encode(p.newline, encoding));
  }
  return Buffer.concat(parts);
}

async function throughStages(input: Buffer, encoding: string, chunk: number): Promise<Buffer> {
  const e = inputEncoding(input, encodingChoice(encoding), 'in.log');
  const chunks: Buffer[] = [];
  for (let i = 0; i < input.length; i += chunk) chunks.push(input.subarray(i, i + chunk));
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    e.decode!,
    formats.text.createTransform({ visitor, source: 'in.log', warn: () => {} }),
    e.encode()!,
    new Writable({
      write(c: Buffer, _e, cb) {
        out.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

describe('decode stage -> text format -> encode stage', () => {
  it.each(Object.keys(BAD))('%s: planted values replaced, every other byte as it was', async (encoding) => {
    await fc.assert(
      fc.asyncProperty(fc.array(pieceArb, { maxLength: 40 }), fc.integer({ min: 1, max: 50 }), async (pieces, chunk) => {
        const out = await throughStages(build(pieces, encoding, false), encoding, chunk);
        expect(out.equals(build(pieces, encoding, true))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
