import { aessiv } from '@noble/ciphers/aes.js';
import { describe, expect, it } from 'vitest';
import { Ciphers } from '../../src/crypto/ciphers.js';
import { deriveKey } from '../../src/keys/key.js';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('AES-SIV (RFC 5297, @noble/ciphers) as the encrypt tokens use it', () => {
  it('passes RFC 5297 A.1 (deterministic authenticated encryption)', () => {
    const key = hex('fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
    const ad = hex('101112131415161718191a1b1c1d1e1f2021222324252627');
    const sealed = aessiv(key, ad).encrypt(hex('112233445566778899aabbccddee'));
    expect(Buffer.from(sealed).toString('hex')).toBe('85632d07c6e8f37f950acd320a2ecc9340c02b9690c4dc04daef7f6afe5c');
    expect(Buffer.from(aessiv(key, ad).decrypt(sealed)).toString('hex')).toBe('112233445566778899aabbccddee');
  });

  const ciphers = (fill: number) => new Ciphers((label, bytes) => deriveKey(Buffer.alloc(32, fill), label, bytes));

  it('is deterministic per key and type, and opens only under the same key and type', () => {
    const a = ciphers(7);
    const pt = Buffer.from('zhang.san@example.com');
    const sealed = a.seal('EMAIL', pt);
    expect(Buffer.from(ciphers(7).seal('EMAIL', pt))).toEqual(Buffer.from(sealed));
    expect(Buffer.from(a.seal('USERNAME', pt))).not.toEqual(Buffer.from(sealed));
    expect(Buffer.from(a.open('EMAIL', sealed)).toString()).toBe('zhang.san@example.com');
    expect(() => ciphers(8).open('EMAIL', sealed)).toThrow();
    expect(() => a.open('USERNAME', sealed)).toThrow();
    const edited = Buffer.from(sealed);
    edited[20] ^= 1;
    expect(() => a.open('EMAIL', edited)).toThrow();
  });
});
