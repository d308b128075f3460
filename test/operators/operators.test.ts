import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectors, type PiiType } from '../../detectors/index.js';
import { deriveKey } from '../../src/keys/key.js';
import { base32, hash } from '../../src/operators/hash.js';
import { mask } from '../../src/operators/mask.js';
import type { OperatorContext } from '../../src/operators/operator.js';
import { redact } from '../../src/operators/redact.js';
import { tag } from '../../src/operators/tag.js';

const KEY = Buffer.alloc(32, 7);
/** As the anonymizer makes it: the mask rule is the type's first detector's. */
const ctxFor = (type: PiiType, value: string, key: Buffer = KEY): OperatorContext => {
  const hashKey = deriveKey(key, 'hash');
  const mask = detectors.find((d) => d.type === type)?.mask;
  return { type, normalized: value, hmac: (d) => createHmac('sha256', hashKey).update(d).digest(), subKey: (p) => deriveKey(key, p), mask };
};

describe('redact and tag', () => {
  it('redact writes a marker without the type', () => expect(redact('a@example.com', ctxFor('EMAIL', ''))).toBe('<REDACTED>'));
  it('tag names the type', () => expect(tag('a@example.com', ctxFor('EMAIL', ''))).toBe('<EMAIL>'));
});

describe('mask', () => {
  it.each<[PiiType, string, string]>([
    ['PHONE', '13800138000', '138****8000'],
    ['PHONE', '138-0013-8000', '138-****-8000'],
    ['PAYMENT_CARD', '4111-1111-1111-1111', '****-****-****-1111'],
    ['PAYMENT_CARD', '4111111111111111', '************1111'],
    ['CN_RESIDENT_ID', '11010519491231002X', '110105********002X'],
    ['EMAIL', 'john.doe@example.com', 'j***@example.com'],
    ['EMAIL', 'john.doe%40example.com', 'j***%40example.com'],
    ['IP_ADDRESS', '192.0.2.17', '192.0.*.*'],
    ['IP_ADDRESS', '2001:db8:85a3::8a2e:370:7334', '2001:db8:*'],
    ['IBAN', 'GB82 WEST 1234 5698 7654 32', 'GB82 **** **** **** **54 32'],
    ['US_SSN', '123-45-6789', '***-**-6789'],
    ['MAC_ADDRESS', '00:1a:2b:3c:4d:5e', '**:**:**:**:**:**'],
    ['PERSON_NAME', '张三丰', '张**'],
    ['PHONE', '5550199', '*******'], // too short to keep 3 + 4
  ])('%s %s → %s', (type, value, expected) => {
    expect(mask(value, ctxFor(type, value))).toBe(expected);
  });

  it.each([
    ['+86 138 0013 8000', '+8613800138000', '+86 138 **** 8000'],
    ['+8613800138000', '+8613800138000', '+86138****8000'],
    ['0086-138-0013-8000', '+8613800138000', '0086-138-****-8000'],
    ['(+86) 13800138000', '+8613800138000', '(+86) 138****8000'],
    ['+44 20 7946 0958', '+442079460958', '+44 20 7*** 0958'],
  ])('a phone keeps its country code: %s → %s', (value, normalized, expected) => {
    expect(mask(value, ctxFor('PHONE', normalized))).toBe(expected);
  });
});

describe('hash', () => {
  it('base32 follows RFC 4648 (test vectors, lower case, unpadded)', () => {
    expect(base32(Buffer.from('f'), 2)).toBe('my');
    expect(base32(Buffer.from('fo'), 4)).toBe('mzxq');
    expect(base32(Buffer.from('foobar'), 10)).toBe('mzxw6ytboi');
  });

  it('is the type, an underscore and 16 base32 chars', () => {
    expect(hash('a@example.com', ctxFor('EMAIL', 'a@example.com'))).toMatch(/^EMAIL_[a-z2-7]{16}$/);
  });

  it('is the HMAC-SHA256 of type and canonical value under the hash sub-key', () => {
    const sub = deriveKey(KEY, 'hash');
    const mac = createHmac('sha256', sub).update('PHONE\u0000+8613800138000').digest();
    expect(hash('138 0013 8000', ctxFor('PHONE', '+8613800138000'))).toBe(`PHONE_${base32(mac, 16)}`);
  });

  it('is stable for a key and differs across keys, values and types', () => {
    const a = hash('x', ctxFor('EMAIL', 'a@example.com'));
    expect(hash('y', ctxFor('EMAIL', 'a@example.com'))).toBe(a); // same canonical value
    expect(hash('x', ctxFor('EMAIL', 'b@example.com'))).not.toBe(a);
    expect(hash('x', ctxFor('EMAIL', 'a@example.com', Buffer.alloc(32, 8)))).not.toBe(a);
    expect(hash('x', ctxFor('PHONE', 'a@example.com')).slice(6)).not.toBe(a.slice(6));
  });
});
