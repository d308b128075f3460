import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FF1 } from '../../src/crypto/ff1.js';

// NIST SP 800-38G FF1 samples 1-9 (CSRC "FF1samples.pdf"): one key per AES size, three tweaks.
const K128 = '2B7E151628AED2A6ABF7158809CF4F3C';
const K192 = `${K128}EF4359D8D580AA4F`;
const K256 = `${K192}7F036D6F04FC6A94`;
const NO_TWEAK = '';
const TWEAK10 = '39383736353433323130';
const TWEAK11 = '3737373770717273373737';
const PT10 = '0123456789';
const PT36 = '0123456789abcdefghi';
const SAMPLES: [number, string, string, number, string, string][] = [
  [1, K128, NO_TWEAK, 10, PT10, '2433477484'],
  [2, K128, TWEAK10, 10, PT10, '6124200773'],
  [3, K128, TWEAK11, 36, PT36, 'a9tv40mll9kdu509eum'],
  [4, K192, NO_TWEAK, 10, PT10, '2830668132'],
  [5, K192, TWEAK10, 10, PT10, '2496655549'],
  [6, K192, TWEAK11, 36, PT36, 'xbj3kv35jrawxv32ysr'],
  [7, K256, NO_TWEAK, 10, PT10, '6657667009'],
  [8, K256, TWEAK10, 10, PT10, '1001623463'],
  [9, K256, TWEAK11, 36, PT36, 'xs8a0azh2avyalyzuwd'],
];

describe('FF1 (NIST SP 800-38G)', () => {
  it.each(SAMPLES)('sample %i: encrypts and decrypts as published', (_n, key, tweak, radix, pt, ct) => {
    const ff1 = new FF1(Buffer.from(key, 'hex'), radix);
    expect(ff1.encrypt(pt, Buffer.from(tweak, 'hex'))).toBe(ct);
    expect(ff1.decrypt(ct, Buffer.from(tweak, 'hex'))).toBe(pt);
  });

  it('decrypt(encrypt(x)) == x for any radix 2..36, length, tweak and key size', () => {
    const input = fc
      .record({
        radix: fc.integer({ min: 2, max: 36 }),
        keyBytes: fc.constantFrom(16, 24, 32),
        tweak: fc.uint8Array({ maxLength: 40 }),
        extra: fc.integer({ min: 0, max: 30 }),
        seed: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
        keySeed: fc.uint8Array({ minLength: 32, maxLength: 32 }),
      })
      .map(({ radix, keyBytes, tweak, extra, seed, keySeed }) => {
        const ff1 = new FF1(keySeed.subarray(0, keyBytes), radix);
        const n = ff1.minLength + extra;
        const x = seed.slice(0, n).map((s) => (s % radix).toString(36)).join('');
        return { ff1, tweak, x };
      });
    fc.assert(
      fc.property(input, ({ ff1, tweak, x }) => {
        const y = ff1.encrypt(x, tweak);
        expect(y).toHaveLength(x.length);
        expect(y).toMatch(new RegExp(`^[${'0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, ff1.radix)}]*$`));
        expect(ff1.decrypt(y, tweak)).toBe(x);
      }),
      { numRuns: 200 },
    );
  });

  it('the tweak changes the output', () => {
    const ff1 = new FF1(Buffer.from(K128, 'hex'), 10);
    expect(ff1.encrypt('4111111111', Buffer.from('PAYMENT_CARD'))).not.toBe(ff1.encrypt('4111111111', Buffer.from('IMEI')));
  });

  it('refuses a domain under 1,000,000 (radix^n) and numerals outside the radix', () => {
    const ten = new FF1(Buffer.from(K128, 'hex'), 10);
    const b36 = new FF1(Buffer.from(K128, 'hex'), 36);
    expect(ten.minLength).toBe(6);
    expect(b36.minLength).toBe(4);
    expect(new FF1(Buffer.from(K128, 'hex'), 2).minLength).toBe(20);
    expect(() => ten.encrypt('12345')).toThrow(RangeError);
    expect(ten.encrypt('123456')).toHaveLength(6);
    expect(() => b36.encrypt('a9z')).toThrow(RangeError);
    expect(b36.encrypt('a9zz')).toHaveLength(4);
    expect(() => ten.encrypt('12345a')).toThrow(RangeError);
    expect(() => new FF1(Buffer.alloc(20), 10)).toThrow(RangeError);
    expect(() => new FF1(Buffer.alloc(16), 37)).toThrow(RangeError);
  });
});
