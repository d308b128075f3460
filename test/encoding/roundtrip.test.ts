import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { LosslessDecoder } from '../../src/encoding/decoder.js';
import { LosslessEncoder } from '../../src/encoding/encoder.js';

/**
 * Lossless, whatever the bytes: random bytes (and random text encoded, with random bytes in between)
 * through the decode stage and back through the encode stage give the very same bytes, with both
 * streams cut into random chunks (multi-byte sequences, escapes and UTF-16 code units split across
 * chunks, an odd final byte of UTF-16).
 */

const RUNS = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 200);
const TIMEOUT = Math.max(20_000, RUNS * 50);

export const ENCODINGS = ['utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5', 'shift_jis', 'euc-kr', 'windows-1252', 'latin1'] as const;

/** Cut `bytes` into pieces of the given sizes, cycling; the last piece takes what is left. */
function cut(bytes: Buffer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = sizes[k % sizes.length];
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

/** Decode stage then encode stage, each fed in its own chunks; also the UTF-8 in between. */
export function roundTrip(input: Buffer, encoding: iconv.Encoding, inSizes: number[], midSizes: number[]): { out: Buffer; utf8: Buffer } {
  const decoder = new LosslessDecoder(encoding);
  const utf8 = Buffer.concat([...cut(input, inSizes).map((c) => decoder.write(c)), decoder.end()]);
  const encoder = new LosslessEncoder(encoding, 'in.log');
  const out = Buffer.concat([...cut(utf8, midSizes).map((c) => encoder.write(c)), encoder.end()]);
  return { out, utf8 };
}

const sizesArb = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 });
/** Random bytes, or text in the encoding with random bytes among it (so both paths are taken). */
const inputArb = (encoding: string) =>
  fc.oneof(
    fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
    fc
      .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.uint8Array({ minLength: 1, maxLength: 3 })), { maxLength: 12 })
      .map((parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? iconv.encode(p, encoding) : Buffer.from(p))))),
  );

describe('decode stage then encode stage', () => {
  it.each(ENCODINGS)('%s: any bytes come back identical, however the streams are cut', (encoding) => {
    fc.assert(
      fc.property(inputArb(encoding), sizesArb, sizesArb, (input, inSizes, midSizes) => {
        expect(roundTrip(input, encoding, inSizes, midSizes).out.equals(input)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('decodes valid text to its UTF-8 exactly (no escapes), in any chunking', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENCODINGS), fc.string({ unit: 'grapheme', maxLength: 200 }), sizesArb, (encoding, text, sizes) => {
        const bytes = iconv.encode(text, encoding);
        const expected = iconv.decode(bytes, encoding, { stripBOM: false });
        // Only text the encoding holds (others come back as '?' from iconv-lite: not the point here).
        fc.pre(iconv.encode(expected, encoding).equals(bytes));
        expect(roundTrip(bytes, encoding, sizes, [7]).utf8.toString('utf8')).toBe(expected);
      }),
      { numRuns: RUNS * 4 },
    );
  }, TIMEOUT);
});

describe('bytes that do not decode', () => {
  it('are kept as escapes that are not UTF-8, never as U+FFFD or ?', () => {
    // GBK: 0x81 0x20 is a lead byte without a valid trail byte; 0xFF never starts a character.
    const input = Buffer.concat([Buffer.from('a '), Buffer.from([0x81]), Buffer.from(' b '), Buffer.from([0xff]), iconv.encode('用户', 'gbk')]);
    const { out, utf8 } = roundTrip(input, 'gbk', [3], [2]);
    expect(out.equals(input)).toBe(true);
    expect(utf8.equals(Buffer.concat([Buffer.from('a '), Buffer.from([0xfa, 0x81]), Buffer.from(' b '), Buffer.from([0xfb, 0xbf]), Buffer.from('用户')]))).toBe(true);
  });

  it('an odd final byte of UTF-16 and lone surrogates come back as they were', () => {
    // "A", a lone high surrogate, "B", a lone low surrogate, then one byte more.
    const input = Buffer.from([0x41, 0x00, 0x00, 0xd8, 0x42, 0x00, 0x00, 0xdc, 0x7a]);
    const { out, utf8 } = roundTrip(input, 'utf-16le', [1], [1]);
    expect(out.equals(input)).toBe(true);
    // WTF-8 for the surrogates (ED A0 80, ED B0 80), the escape for the last byte (0x7A -> F9 BA).
    expect(utf8.equals(Buffer.from([0x41, 0xed, 0xa0, 0x80, 0x42, 0xed, 0xb0, 0x80, 0xf9, 0xba]))).toBe(true);
  });

  it('a stream with bytes that no decode stage wrote fails the encode stage, naming the input', () => {
    const encoder = new LosslessEncoder('gbk', 'in.log');
    expect(() => encoder.write(Buffer.from([0x41, 0xc3, 0x41]))).toThrow(/^in\.log: output holds bytes that are neither text nor kept input bytes/);
  });
});
