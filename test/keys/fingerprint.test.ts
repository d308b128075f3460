import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalIPv6 } from '../../detectors/ipv6-address.js';
import { CryptoPan } from '../../src/crypto/cryptopan.js';
import { createAnonymizer } from '../../src/index.js';
import { keyFingerprint } from '../../src/keys/fingerprint.js';
import { deriveKey } from '../../src/keys/key.js';
import { keptBits } from '../../src/operators/special-addresses.js';

describe('keyFingerprint', () => {
  it('is the first 8 hex chars of HMAC-SHA256(key, "logveil fingerprint")', () => {
    const key = Buffer.alloc(32, 0x5a);
    const expected = createHmac('sha256', key).update('logveil fingerprint').digest('hex').slice(0, 8);
    expect(keyFingerprint(key)).toBe(expected);
    expect(keyFingerprint(key)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('tells keys apart and shows none of the key', () => {
    const keys = Array.from({ length: 50 }, () => randomBytes(32));
    const prints = keys.map(keyFingerprint);
    expect(new Set(prints).size).toBe(50);
    keys.forEach((k, i) => expect(k.toString('hex')).not.toContain(prints[i]));
  });

  it('names the anonymizer\'s key', () => {
    const key = randomBytes(32);
    expect(createAnonymizer({ key }).keyFingerprint).toBe(keyFingerprint(key));
    expect(createAnonymizer().keyFingerprint).toMatch(/^[0-9a-f]{8}$/); // a random key's
  });
});

describe('sub-keys per operator and type', () => {
  it('pseudonym maps IPv4 under HKDF(master, "logveil/pseudonym:IP_ADDRESS"), IPv6 under "…:v6"', () => {
    const master = randomBytes(32);
    const a = createAnonymizer({ policy: { operator: 'pseudonym' }, key: master });
    // 8.8.8.8 keeps 7 bits (special-addresses.ts); the rest is Crypto-PAn under the sub-key.
    const v4 = Uint8Array.from([8, 8, 8, 8]);
    const expected4 = new CryptoPan(deriveKey(master, 'pseudonym:IP_ADDRESS')).anonymize(v4, keptBits(v4));
    const e4 = [...expected4].join('.');
    // Were Crypto-PAn to leave it as it was (odds 2^-25), its last bit would be flipped.
    expect(a.replace('8.8.8.8', 'IP_ADDRESS')).toBe(e4 === '8.8.8.8' ? '8.8.8.9' : e4);
    const v6 = Uint8Array.from(Buffer.from('2a001450000000000000000000000001', 'hex'));
    const p6 = new CryptoPan(deriveKey(master, 'pseudonym:IP_ADDRESS:v6')).anonymize(v6, keptBits(v6));
    const groups = Array.from({ length: 8 }, (_, i) => ((p6[2 * i] << 8) | p6[2 * i + 1]).toString(16));
    expect(a.replace('2a00:1450::1', 'IP_ADDRESS')).toBe(canonicalIPv6(groups.join(':')));
  });

  it('another master key gives other pseudonyms; the hash key is not the pseudonym key', () => {
    const one = createAnonymizer({ policy: { operator: 'pseudonym' }, key: Buffer.alloc(32, 1) });
    const two = createAnonymizer({ policy: { operator: 'pseudonym' }, key: Buffer.alloc(32, 2) });
    const ips = ['203.0.113.1', '203.0.113.2', '8.8.8.8', '2001:db8::1'];
    expect(ips.map((v) => one.replace(v, 'IP_ADDRESS'))).not.toEqual(ips.map((v) => two.replace(v, 'IP_ADDRESS')));
    expect(deriveKey(Buffer.alloc(32, 1), 'hash').equals(deriveKey(Buffer.alloc(32, 1), 'pseudonym:IP_ADDRESS'))).toBe(false);
  });
});
