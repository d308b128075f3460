import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { generators, PATTERN_TYPES } from '../../bench/generate.js';
import { rng } from '../../bench/random.js';
import type { PiiType } from '../../detectors/index.js';
import { luhnCheckDigit } from '../../detectors/lib/checksum.js';
import { isOperatorOutput } from '../../detectors/lib/operator-output.js';
import { createAnonymizer, createRevealer, reveal } from '../../src/index.js';

const KEY = Buffer.from('5f1c0a9e3b7d24c68e01f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7', 'hex');
const OTHER_KEY = Buffer.from('a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f91', 'hex');
const policy = { operator: 'encrypt' } as const;
const a = createAnonymizer({ policy, key: KEY });
const enc = (value: string, type: PiiType) => a.replace(value, type);

/**
 * Same length, every char that is not a letter or digit where it was, digits still digits, letters
 * unchanged; but the last letter or digit, a check char that may be either (`…X`, HK `(A)`).
 */
function expectSameShape(input: string, output: string): void {
  expect(output).toHaveLength(input.length);
  const last = Math.max(...[...input].map((c, i) => (/[0-9A-Za-z]/.test(c) ? i : -1)));
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (i === last) expect(output[i]).toMatch(/[0-9A-Z]/);
    else if (/[0-9]/.test(c)) expect(output[i]).toMatch(/[0-9]/);
    else expect(output[i]).toBe(c);
  }
}

const card = (payload: string) => payload + luhnCheckDigit(payload);

describe('encrypt: digit types keep their shape, their check characters hold, reveal undoes it', () => {
  it.each<[PiiType, string, string, (out: string) => boolean]>([
    ['PAYMENT_CARD', 'card=', '4111 1111 1111 1111', (o) => validator.isLuhnNumber(o.replace(/ /g, '')) && o.startsWith('4111 11')],
    ['PAYMENT_CARD', 'card=', card('622202123456789012'), (o) => validator.isLuhnNumber(o) && o.startsWith('622202')],
    ['IMEI', 'IMEI: ', card('35209900176148'), (o) => validator.isIMEI(o) && o.startsWith('35209900')],
    ['IMEI', 'IMEI: ', `35-209900-176148-${card('35209900176148').at(-1)}`, (o) => validator.isIMEI(o, { allow_hyphens: true })],
    ['IBAN', 'iban ', 'GB82 WEST 1234 5698 7654 32', (o) => validator.isIBAN(o.replace(/ /g, '')) && o.startsWith('GB') && o.includes(' WEST ')],
    ['IBAN', 'iban ', 'DE89370400440532013000', (o) => validator.isIBAN(o) && o.startsWith('DE')],
    ['CN_RESIDENT_ID', '身份证:', '110105199003071239', (o) => validator.isIdentityCard(o, 'zh-CN') && o.startsWith('110105')],
    ['CN_RESIDENT_ID', '身份证:', '11010519491231002X', (o) => validator.isIdentityCard(o, 'zh-CN')],
    ['HK_ID', 'HKID ', 'A123456(3)', (o) => validator.isIdentityCard(o, 'zh-HK') && o.startsWith('A')],
    ['US_SSN', 'ssn ', '123-45-6789', (o) => /^(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/.test(o)],
    ['CN_PASSPORT', 'passport ', 'E12345678', (o) => /^E\d{8}$/.test(o)],
    ['BANK_ACCOUNT', 'account ', '6228480402564890018', (o) => /^\d{19}$/.test(o)],
    ['PHONE', 'phone ', '+86 138 0013 8000', (o) => isValidPhoneNumber(o) && o.startsWith('+86 138 0')],
    ['PHONE', '手机号:', '13800138000', (o) => isValidPhoneNumber(o, 'CN') && o.startsWith('1380')],
    ['PHONE', 'tel ', '+44 20 7946 0494', (o) => isValidPhoneNumber(o) && o.startsWith('+44 20 79')],
  ])('%s %s%s', (type, label, value, valid) => {
    const out = enc(value, type);
    expect(out).not.toBe(value);
    expectSameShape(value, out);
    expect(valid(out), out).toBe(true);
    expect(enc(value, type)).toBe(out); // deterministic
    // Found again as its type, whole, and revealed.
    const line = `2026-02-24 INFO ${label}${out} ok`;
    expect(a.findings(line).map((f) => [f.type, line.slice(f.start, f.end)])).toContainEqual([type, out]);
    expect(reveal(line, { policy, key: KEY })).toBe(`2026-02-24 INFO ${label}${value} ok`);
  });

  it('a card too short for FF1 (5 payload digits under 1,000,000) and a check digit that does not hold become tokens', () => {
    expect(enc(card('41111111111'), 'PAYMENT_CARD')).toMatch(/^⟦PAYMENT_CARD:[A-Za-z0-9_-]+⟧$/);
    expect(enc('110105199003071238', 'CN_RESIDENT_ID')).toMatch(/^⟦CN_RESIDENT_ID:/); // wrong check char
    expect(enc('11010520210101002X', 'CN_RESIDENT_ID')).toMatch(/^⟦CN_RESIDENT_ID:/); // born after 2019
  });
});

describe('encrypt: other values become ⟦TYPE:…⟧ tokens', () => {
  it('is deterministic, marked, left by a second pass, and revealed only under its key', () => {
    const line = 'login zhang.san@example.com from 192.0.2.10 user=alice';
    const out = a.anonymize(line);
    expect(out).toMatch(/^login ⟦EMAIL:[A-Za-z0-9_-]+⟧ from ⟦IP_ADDRESS:[A-Za-z0-9_-]+⟧ user=⟦USERNAME:[A-Za-z0-9_-]+⟧$/);
    expect(a.anonymize(line)).toBe(out);
    expect(a.anonymize(out)).toBe(out); // a second pass changes nothing
    for (const token of out.match(/⟦[^⟧]+⟧/g)!) expect(isOperatorOutput(token)).toBe(true);
    expect(reveal(out, { policy, key: KEY })).toBe(line);
    expect(reveal(out, { key: KEY })).toBe(line); // tokens need no policy
    expect(() => reveal(out, { policy, key: OTHER_KEY })).toThrow(expect.objectContaining({ code: 'LV_KEY' }));
    expect(reveal(out, { policy, key: KEY, types: ['EMAIL'] })).toBe(out.replace(/⟦EMAIL:[^⟧]+⟧/, 'zhang.san@example.com'));
  });

  it('needs a key: refused without one rather than encrypting under a random key', () => {
    expect(() => createAnonymizer({ policy })).toThrow(expect.objectContaining({ code: 'LV_KEY' }));
    expect(() => createAnonymizer({ policy: { types: { EMAIL: { operator: 'encrypt' } } } })).toThrow(expect.objectContaining({ code: 'LV_KEY' }));
    expect(() => createRevealer({ key: undefined as unknown as Buffer })).toThrow(expect.objectContaining({ code: 'LV_KEY' }));
  });
});

describe('reveal(anonymize(line)) is the line, for every pattern type', () => {
  const revealer = createRevealer({ policy, key: KEY });
  it.each(PATTERN_TYPES.map((t) => [t]))('%s', (type) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const r = rng(seed);
        const s = generators[type](r, r.chance(0.5) ? 'zh' : 'en');
        const line = `2026-02-24T08:00:02Z INFO request ${s.before}${s.value}${s.after} done`;
        const out = a.anonymize(line);
        expect(out, `seed ${seed}`).not.toContain(s.value);
        expect(revealer.reveal(out), `seed ${seed}: ${line} -> ${out}`).toBe(line);
      }),
      { numRuns: 60 },
    );
  });
});
