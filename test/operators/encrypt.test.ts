import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { generators, PATTERN_TYPES } from '../../bench/generate.js';
import { isValidUscc } from '../../bench/independent/checks.js';
import { rng } from '../../bench/random.js';
import type { PiiType } from '../../detectors/index.js';
import { luhnCheckDigit } from '../../detectors/lib/checksum.js';
import { isOperatorOutput } from '../../detectors/lib/operator-output.js';
import { createAnonymizer, createRevealer, keyFingerprint, reveal } from '../../src/index.js';

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

  it('a fingerprint given to the library is checked against the key when the revealer is made', () => {
    const line = `card ${enc('4111 1111 1111 1111', 'PAYMENT_CARD')} ok`;
    const fingerprint = keyFingerprint(KEY);
    expect(reveal(line, { policy, key: KEY, fingerprint: fingerprint.toUpperCase() })).toBe('card 4111 1111 1111 1111 ok');
    const other = new Uint8Array(32).fill(9);
    expect(() => reveal(line, { policy, key: other, fingerprint })).toThrow(expect.objectContaining({ code: 'LV_KEY' }));
    expect(() => createRevealer({ policy, key: other, fingerprint })).toThrow(/not the key the values were encrypted with/);
  });

  it('a card too short for FF1 (5 payload digits under 1,000,000) and a check digit that does not hold become tokens', () => {
    expect(enc(card('41111111111'), 'PAYMENT_CARD')).toMatch(/^⟦PAYMENT_CARD:[A-Za-z0-9_-]+⟧$/);
    expect(enc('110105199003071238', 'CN_RESIDENT_ID')).toMatch(/^⟦CN_RESIDENT_ID:/); // wrong check char
    expect(enc('11010520210101002X', 'CN_RESIDENT_ID')).toMatch(/^⟦CN_RESIDENT_ID:/); // born after 2019
  });
});

type AlnumType = 'TW_NATIONAL_ID' | 'CN_USCC' | 'MAC_ADDRESS';
const compact = (v: string) => v.replace(/[ -]/g, '');
const hexOf = (v: string) => v.replace(/[^0-9A-Fa-f]/g, '');
/** The first byte's multicast (I/G) and locally administered (U/L) bits. */
const macFlags = (v: string) => parseInt(hexOf(v).slice(0, 2), 16) & 0x03;

/**
 * What must hold of an encrypted value besides the round trip: its type's check by code that is not
 * logveil's (validator; bench/independent/checks.ts for the USCC), what stays readable, the layout.
 */
const ALNUM_CHECKS: Record<AlnumType, (out: string, input: string) => void> = {
  TW_NATIONAL_ID(out, input) {
    expect(validator.isIdentityCard(out, 'zh-TW'), out).toBe(true);
    expect(out.slice(0, 2)).toBe(input.slice(0, 2)); // region letter, sex digit
  },
  CN_USCC(out, input) {
    expect(isValidUscc(compact(out)), out).toBe(true);
    expect(out.replace(/[0-9A-Z]/g, '#')).toBe(input.replace(/[0-9A-Z]/g, '#')); // grouping
    expect(compact(out).slice(0, 8)).toBe(compact(input).slice(0, 8)); // authority, type, division
    expect(/^\d+$/.test(compact(out))).toBe(/^\d+$/.test(compact(input))); // all digits stays all digits
  },
  MAC_ADDRESS(out, input) {
    expect(validator.isMACAddress(out, { eui: '48' }) || validator.isMACAddress(out, { eui: '48', no_separators: true }), out).toBe(true);
    expect(out.replace(/[0-9A-Fa-f]/g, '#')).toBe(input.replace(/[0-9A-Fa-f]/g, '#')); // separators, notation
    expect(macFlags(out)).toBe(macFlags(input));
    if (/[A-F]/.test(input)) expect(out).not.toMatch(/[a-f]/);
    if (/[a-f]/.test(input)) expect(out).not.toMatch(/[A-F]/);
    expect(/^\d+$/.test(hexOf(out))).toBe(/^\d+$/.test(hexOf(input)));
  },
};

describe('encrypt: TW IDs, USCCs and MAC addresses keep their shape, reveal undoes it', () => {
  const revealer = createRevealer({ policy, key: KEY });
  const otherKey = createRevealer({ policy, key: OTHER_KEY });

  function roundTrip(type: AlnumType, before: string, value: string, after: string): void {
    const out = enc(value, type);
    expect(out).not.toBe(value);
    ALNUM_CHECKS[type](out, value);
    expect(enc(value, type)).toBe(out); // deterministic
    const line = `2026-02-24 INFO ${before}${value}${after} ok`;
    const encrypted = `2026-02-24 INFO ${before}${out}${after} ok`;
    expect(a.anonymize(line)).toBe(encrypted); // found whole, as its type
    expect(a.findings(encrypted).map((f) => [f.type, encrypted.slice(f.start, f.end)])).toContainEqual([type, out]);
    expect(revealer.reveal(encrypted)).toBe(line);
    // FF1 proves nothing about the key (the CLI wants --fingerprint): another key gives another value.
    expect(otherKey.reveal(encrypted)).not.toBe(line);
  }

  it.each<[AlnumType, string, string]>([
    ['TW_NATIONAL_ID', '身分證字號：', 'A123456789'], // the published worked example
    ['TW_NATIONAL_ID', 'tw_id=', 'B800000015'], // a resident certificate: B=11, 1 + 9 + 8·8 + 1 = 75, check 5
    ['CN_USCC', '统一社会信用代码：', '91110000600037341L'], // python-stdnum's example: all-digit organization code
    ['CN_USCC', 'credit_code=', '91110108MA0055518B'],
    ['CN_USCC', '统一社会信用代码：', '9111 0108 MA00 5551 8B'],
    ['CN_USCC', '税号 ', '913101155556667703'], // all digits: needs its context word, keeps it
    ['MAC_ADDRESS', 'mac=', '00:00:5e:00:53:af'], // RFC 7042 documentation range
    ['MAC_ADDRESS', 'MAC: ', '00-00-5E-00-53-AF'],
    ['MAC_ADDRESS', 'hwaddr ', '0000.5e00.53af'],
    ['MAC_ADDRESS', 'mac ', '00005e0053af'], // compact: with a context word
    ['MAC_ADDRESS', 'mac=', '01:00:5e:00:53:af'], // multicast
    ['MAC_ADDRESS', 'bssid ', '02:00:5e:10:00:00'], // locally administered
    ['MAC_ADDRESS', 'mac=', '96:19:47:94:77:11'], // no letter: stays decimal
  ])('%s %s%s', (type, before, value) => {
    ALNUM_CHECKS[type](value, value); // the test value itself passes the independent check
    roundTrip(type, before, value, '');
  });

  it.each<[AlnumType]>([['TW_NATIONAL_ID'], ['CN_USCC'], ['MAC_ADDRESS']])('%s: generated values (property)', (type) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const r = rng(seed);
        const s = generators[type](r, r.chance(0.5) ? 'zh' : 'en');
        roundTrip(type, s.before, s.value, s.after);
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 100) },
    );
  });

  it('MAC_ADDRESS: any six bytes (every flag pair, decimal or not), each notation and case (property)', () => {
    const notations = [(b: string[]) => b.join(':'), (b: string[]) => b.join('-'), (b: string[]) => `${b[0]}${b[1]}.${b[2]}${b[3]}.${b[4]}${b[5]}`, (b: string[]) => b.join('')];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 }), fc.nat(3), fc.boolean(), (bytes, notation, upper) => {
        fc.pre(!bytes.every((b) => b === 0) && !bytes.every((b) => b === 255)); // these are tokens (below)
        const mac = notations[notation](bytes.map((b) => b.toString(16).padStart(2, '0')));
        const value = upper ? mac.toUpperCase() : mac;
        // Twelve decimal digits in a row (`mac=885260336901`) are not taken for a MAC by the detector.
        fc.pre(a.findings(`mac=${value}`).some((f) => f.type === 'MAC_ADDRESS' && f.end - f.start === value.length));
        roundTrip('MAC_ADDRESS', 'mac=', value, '');
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 100) },
    );
  });

  it('values that do not fit become tokens: a failing check char, mixed case, all zeros', () => {
    expect(enc('A123456788', 'TW_NATIONAL_ID')).toMatch(/^⟦TW_NATIONAL_ID:/);
    expect(enc('91110108MA0055518C', 'CN_USCC')).toMatch(/^⟦CN_USCC:/);
    expect(enc('00:00:5e:00:53:AF', 'MAC_ADDRESS')).toMatch(/^⟦MAC_ADDRESS:/);
    expect(enc('00:00:00:00:00:00', 'MAC_ADDRESS')).toMatch(/^⟦MAC_ADDRESS:/);
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
