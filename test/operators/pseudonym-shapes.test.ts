import fc from 'fast-check';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { generators, PATTERN_TYPES, type PatternType } from '../../bench/generate.js';
import { rng } from '../../bench/random.js';
import { extensionStart } from '../../detectors/phone/extension.js';
import { createAnonymizer } from '../../src/index.js';

/**
 * pseudonym's same-shape surrogates, checked by validators that are not logveil's (libphonenumber-js
 * for phones, validator.js for the rest, the standards' check digits written out here for USCC and
 * SSN rules), and found again by logveil's detectors where the input was found, over values the
 * detectors' generators make (check digits computed there).
 */
const KEY = Buffer.from('3c9d1e7a5b2f4806c1d3e5f7a9b0c2d4e6f8091a2b3c4d5e6f708192a3b4c5d6', 'hex');
const a = createAnonymizer({ policy: { operator: 'pseudonym' }, key: KEY });
const scanner = createAnonymizer();
const RUNS = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 150);

/** GB 32100-2015 check char (the standard's weights and alphabet), for USCC. */
function usccCheck(code17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...code17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0);
  return alphabet[(31 - (sum % 31)) % 31];
}
/** GB 11714-1997 check char of an organization code's 8 chars. */
function orgCheck(code8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (c: string) => (c <= '9' ? Number(c) : c.charCodeAt(0) - 55);
  const r = 11 - ([...code8].reduce((s, c, i) => s + value(c) * weights[i], 0) % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** The phone as libphonenumber reads it in `region`, with no help from logveil but the extension split off. */
function readPhone(written: string, region: CountryCode | undefined) {
  const p = parsePhoneNumberFromString(written.slice(0, extensionStart(written)), region);
  return p?.isValid() ? p : undefined;
}
/** A country code in brackets without `+` (`(852) 5123 4567`): read with the `+`. */
const readBracketed = (written: string) => readPhone(`+${written.slice(0, extensionStart(written)).replace(/\D/g, '')}`, undefined);

/** The regions the generators write national numbers of (the detector's defaults, and others after a phone word). */
const REGIONS: CountryCode[] = ['CN', 'US', 'GB', 'DE', 'FR', 'JP', 'IN', 'HK', 'ES', 'IT', 'RU', 'BR', 'KR', 'TW', 'NL'];

/** What a surrogate of each type must satisfy besides being found again, given the input. */
const VALID: Partial<Record<PatternType, (out: string, input: string) => void>> = {
  PHONE(out, input) {
    // A national number may be valid in several regions (06 4791 3050: FR and NL); the detector reads
    // it in one of them. The surrogate must be a valid number of the same region, of as many digits.
    const readings = [...REGIONS.map((r) => [readPhone(input, r), readPhone(out, r)]), [readBracketed(input), readBracketed(out)]];
    const same = readings.some(([q, p]) => q && p && (p.country ?? p.countryCallingCode) === (q.country ?? q.countryCallingCode) && p.nationalNumber.length === q.nationalNumber.length);
    expect(same, `${input} → ${out}`).toBe(true);
  },
  EMAIL: (out) => expect(validator.isEmail(out.replace(/%40/i, '@')), out).toBe(true),
  CN_RESIDENT_ID: (out) => expect(validator.isIdentityCard(out.replace(/[ -]/g, ''), 'zh-CN'), out).toBe(true),
  PAYMENT_CARD(out, input) {
    const digits = out.replace(/\D/g, '');
    expect(validator.isLuhnNumber(digits), out).toBe(true);
    // validator's brands (not Mastercard: its pattern lacks a group around the alternation, so any
    // number ending in a 2-series-looking run passes and the check would say nothing).
    for (const provider of ['amex', 'dinersclub', 'discover', 'jcb', 'unionpay', 'visa'] as const) {
      if (validator.isCreditCard(input.replace(/\D/g, ''), { provider })) expect(validator.isCreditCard(digits, { provider }), `${input} → ${out}`).toBe(true);
    }
  },
  IBAN(out, input) {
    expect(validator.isIBAN(out.replace(/[ .-]/g, '').toUpperCase()), out).toBe(true);
    expect(out.slice(0, 2)).toBe(input.slice(0, 2));
  },
  IMEI(out) {
    const digits = out.replace(/\D/g, '');
    if (digits.length === 15) expect(validator.isIMEI(digits), out).toBe(true);
  },
  MAC_ADDRESS(out, input) {
    const hex = out.replace(/[:.-]/g, '');
    expect(validator.isMACAddress(hex, { no_separators: true }), out).toBe(true);
    expect(parseInt(hex.slice(0, 2), 16) & 3).toBe(parseInt(input.replace(/[:.-]/g, '').slice(0, 2), 16) & 3);
  },
  HK_ID: (out) => expect(validator.isIdentityCard(out.replace('（', '(').replace('）', ')'), 'zh-HK'), out).toBe(true),
  TW_NATIONAL_ID: (out) => expect(validator.isIdentityCard(out, 'zh-TW'), out).toBe(true),
  CN_USCC(out) {
    const code = out.replace(/[ -]/g, '');
    expect(code[16], out).toBe(orgCheck(code.slice(8, 16)));
    expect(code[17], out).toBe(usccCheck(code.slice(0, 17)));
  },
  US_SSN: (out) => expect(out.replace(/\D/g, ''), out).toMatch(/^(?!000|666|9)\d{3}(?!00)\d{2}(?!0000)\d{4}$/),
  CN_PASSPORT: (out) => expect(validator.isPassportNumber(out.toUpperCase(), 'CN') || /^[A-Z]{1,2}\d{7,8}$/i.test(out), out).toBe(true),
  BANK_ACCOUNT: (out, input) => expect(validator.isLuhnNumber(out.replace(/\D/g, ''))).toBe(validator.isLuhnNumber(input.replace(/\D/g, ''))),
};

/** Letters stay letters, digits digits (a check char may be either), every other char where it was. */
function expectSameLayout(input: string, output: string): void {
  expect(output).toHaveLength(input.length);
  for (let i = 0; i < input.length; i++) {
    if (/[0-9A-Za-z]/.test(input[i])) expect(output[i], `${input} → ${output}`).toMatch(/[0-9A-Za-z]/);
    else if (!/[\u4e00-\u9fa5]/.test(input[i])) expect(output[i], `${input} → ${output}`).toBe(input[i]);
  }
}

// Not IP_ADDRESS (Crypto-PAn, tested on its own), nor PERSON_NAME: a name has no shape to keep, and it is
// hashed as it was when only field rules found names (pseudonym.ts), the owner in `Emmas-iPhone` too.
const SHAPED = PATTERN_TYPES.filter((t) => t !== 'IP_ADDRESS' && t !== 'PERSON_NAME');

describe('pseudonym: a surrogate is a valid value of its type, in the input\'s layout, found again', () => {
  it.each(SHAPED.map((t) => [t]))('%s', (type) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), fc.boolean(), (seed, zh) => {
        const { value, before, after } = generators[type](rng(seed), zh ? 'zh' : 'en');
        const line = `2026-02-24 INFO ${before}${value}${after} ok`;
        const found = scanner.findings(line).find((f) => f.type === type);
        if (!found) return; // the generator's value is found in its own tests; here only found ones count
        const input = line.slice(found.start, found.end);
        const out = a.replace(input, type);
        expect(out, input).not.toBe(input);
        expect(out).not.toMatch(new RegExp(`^${type}_`)); // not the hash fallback
        expectSameLayout(input, out);
        VALID[type]?.(out, input);
        const again = line.slice(0, found.start) + out + line.slice(found.end);
        const refound = scanner.findings(again).map((f) => [f.type, again.slice(f.start, f.end)]);
        expect(refound, `${input} → ${out}`).toContainEqual([type, out]);
        expect(a.replace(input, type)).toBe(out); // deterministic
      }),
      { numRuns: RUNS },
    );
  });
});

describe('pseudonym: one value in different spellings gets one surrogate, written in each spelling', () => {
  const p = (value: string, type: PatternType) => a.replace(value, type);
  it('phones: by their E.164 form; only the national number changes, and an extension', () => {
    const national = p('13800138000', 'PHONE');
    expect(national).toMatch(/^1\d{10}$/);
    const n = national.slice(0);
    expect(p('138 0013 8000', 'PHONE')).toBe(`${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`);
    expect(p('+86 138 0013 8000', 'PHONE')).toBe(`+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`);
    expect(p('+8613800138000', 'PHONE')).toBe(`+86${n}`);
    expect(p('0086-138-0013-8000', 'PHONE')).toBe(`0086-${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`);
    const gb = p('+44 20 7946 0958', 'PHONE').replace(/\D/g, '').slice(2);
    expect(p('+44 (0)20 7946 0958', 'PHONE')).toBe(`+44 (0)${gb.slice(0, 2)} ${gb.slice(2, 6)} ${gb.slice(6)}`);
    const us = p('(201) 555-0123', 'PHONE');
    expect(p('+1 201-555-0123', 'PHONE').replace(/\D/g, '')).toBe(`1${us.replace(/\D/g, '')}`);
    expect(p('201-555-0123 x1234', 'PHONE')).toMatch(/^\d{3}-\d{3}-\d{4} x\d{4}$/);
  });

  it('phones: the policy\'s regions decide what a national number is', () => {
    // 020 7946 0958 is a Guangzhou number as well as a London one: CN comes first by default.
    const gb = p('+44 20 7946 0958', 'PHONE').replace(/\D/g, '').slice(2);
    expect(p('020 7946 0958', 'PHONE')).toBe(p('+86 20 7946 0958', 'PHONE').replace('+86 ', '0'));
    const uk = createAnonymizer({ policy: { operator: 'pseudonym', phone: { regions: ['GB'] } }, key: KEY });
    expect(uk.replace('020 7946 0958', 'PHONE')).toBe(`0${gb.slice(0, 2)} ${gb.slice(2, 6)} ${gb.slice(6)}`);
    const jp = createAnonymizer({ policy: { operator: 'pseudonym', phone: { regions: ['JP'] } }, key: KEY });
    const out = jp.replace('03-1234-5678', 'PHONE');
    expect(parsePhoneNumberFromString(out, 'JP')?.isValid(), out).toBe(true);
    expect(jp.replace('+81 3-1234-5678', 'PHONE')).toBe(`+81 ${out.slice(1)}`);
  });

  it('emails: the domain in any case, and the local part unless the policy says the provider minds its case', () => {
    expect(p('zhang.san@EXAMPLE.com', 'EMAIL')).toBe(p('zhang.san@example.com', 'EMAIL').replace('example', 'EXAMPLE'));
    expect(p('zhang.san%40example.com', 'EMAIL')).toBe(p('zhang.san@example.com', 'EMAIL').replace('@', '%40'));
    const lower = p('zhang.san@example.com', 'EMAIL').split('@')[0];
    const capitalized = `${lower[0].toUpperCase()}${lower.slice(1, 6)}${lower[6].toUpperCase()}${lower.slice(7)}`;
    expect(p('Zhang.San@Example.COM', 'EMAIL')).toBe(`${capitalized}@Example.COM`);
    const cs = createAnonymizer({ policy: { operator: 'pseudonym', email: { ignore_local_case: false } }, key: KEY });
    expect(cs.replace('zhang.san@Example.COM', 'EMAIL')).toBe(`${lower}@Example.COM`); // the domain's case still does not count
    expect(cs.replace('Zhang.San@example.com', 'EMAIL')).not.toBe(`${capitalized}@example.com`); // another mailbox
  });

  it('IDs: without separators, check letters in upper case', () => {
    const card = p('4111111111111111', 'PAYMENT_CARD');
    expect(p('4111 1111 1111 1111', 'PAYMENT_CARD')).toBe(card.match(/.{4}/g)!.join(' '));
    expect(p('4111-1111-1111-1111', 'PAYMENT_CARD')).toBe(card.match(/.{4}/g)!.join('-'));
    const iban = p('GB82WEST12345698765432', 'IBAN');
    expect(p('GB82 WEST 1234 5698 7654 32', 'IBAN')).toBe(iban.match(/.{1,4}/g)!.join(' '));
    expect(p('gb82west12345698765432', 'IBAN')).toBe(iban.toLowerCase());
    expect(p('A123456(3)', 'HK_ID').replace(/[()]/g, '')).toBe(p('A1234563', 'HK_ID'));
    expect(p('11010519491231002x', 'CN_RESIDENT_ID')).toBe(p('11010519491231002X', 'CN_RESIDENT_ID'));
    const mac = p('00:00:5e:00:53:af', 'MAC_ADDRESS');
    expect(p('00-00-5E-00-53-AF', 'MAC_ADDRESS')).toBe(mac.toUpperCase().replace(/:/g, '-'));
    expect(p('0000.5e00.53af', 'MAC_ADDRESS')).toBe(`${mac.replace(/:/g, '').match(/.{4}/g)!.join('.')}`);
    expect(p('9135 0100 M000 100Y 43', 'CN_USCC').replace(/ /g, '')).toBe(p('91350100M000100Y43', 'CN_USCC'));
  });
});

describe('pseudonym: what each type keeps, and the policy\'s choices', () => {
  const p = (value: string, type: PatternType) => a.replace(value, type);
  it('keeps a card\'s brand prefix and length, an IMEI\'s TAC, an IBAN\'s country and bank code, a resident ID\'s region', () => {
    expect(p('4111 1111 1111 1111', 'PAYMENT_CARD')).toMatch(/^4\d{3} \d{4} \d{4} \d{4}$/);
    expect(p('3530111333300000', 'PAYMENT_CARD')).toMatch(/^3530\d{12}$/); // JCB 3528–3589 is four digits
    expect(p('378282246310005', 'PAYMENT_CARD')).toMatch(/^37\d{13}$/);
    expect(p('490154203237518', 'IMEI')).toMatch(/^49015420\d{7}$/);
    expect(p('GB82 WEST 1234 5698 7654 32', 'IBAN')).toMatch(/^GB\d\d WEST \d{4} \d{4} \d{4} \d\d$/);
    expect(p('11010519491231002X', 'CN_RESIDENT_ID')).toMatch(/^110105(19\d\d|200\d|201\d|202[0-4])\d{7}[0-9X]$/);
    expect(p('A123456789', 'TW_NATIONAL_ID')).toMatch(/^A1\d{8}$/);
    expect(p('01:00:5e:00:53:af', 'MAC_ADDRESS')).toMatch(/^[0-9a-f][13579bdf]:/); // multicast stays multicast
    expect(p('zhang.san@example.com', 'EMAIL')).toMatch(/^[a-z]{5}\.[a-z]{3}@example\.com$/);
    expect(p('zhangsan_88', 'USERNAME')).toMatch(/^[a-z]{8}_\d\d$/);
  });

  it('pseudonymizes an email\'s domain (but its top-level label), one pseudo-domain per domain, by policy', () => {
    const b = createAnonymizer({ policy: { operator: 'pseudonym', pseudonym: { email_domain: 'pseudonym' } }, key: KEY });
    const one = b.replace('zhang.san@mail.example.com', 'EMAIL');
    expect(one).toMatch(/^[a-z]{5}\.[a-z]{3}@[a-z]{4}\.[a-z]{7}\.com$/);
    expect(one).not.toContain('example');
    expect(b.replace('li.si@mail.example.com', 'EMAIL').split('@')[1]).toBe(one.split('@')[1]);
    expect(one.split('@')[0]).toBe(p('zhang.san@mail.example.com', 'EMAIL').split('@')[0]);
  });

  it('keeps a resident ID\'s birth year by policy', () => {
    const b = createAnonymizer({ policy: { operator: 'pseudonym', pseudonym: { keep_birth_year: true } }, key: KEY });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const id = generators.CN_RESIDENT_ID(rng(seed), 'en').value;
        const out = b.replace(id, 'CN_RESIDENT_ID');
        expect(out.replace(/[ -]/g, '').slice(6, 10), `${id} → ${out}`).toBe(id.replace(/[ -]/g, '').slice(6, 10));
        expect(validator.isIdentityCard(out.replace(/[ -]/g, ''), 'zh-CN'), out).toBe(true);
        expect(out).not.toBe(id);
      }),
      { numRuns: RUNS },
    );
  });

  it('is keyed: another key, other surrogates; the same key in another anonymizer, the same', () => {
    const values: [string, PatternType][] = [['13800138000', 'PHONE'], ['zhang.san@example.com', 'EMAIL'], ['4111111111111111', 'PAYMENT_CARD']];
    const again = createAnonymizer({ policy: { operator: 'pseudonym' }, key: Buffer.from(KEY) });
    const other = createAnonymizer({ policy: { operator: 'pseudonym' }, key: Buffer.alloc(32, 0x5a) });
    for (const [v, t] of values) {
      expect(again.replace(v, t)).toBe(p(v, t));
      expect(other.replace(v, t)).not.toBe(p(v, t));
    }
  });

  it('hashes what does not fit its type (a check digit that does not hold) and the field-only types', () => {
    expect(p('110105199003071238', 'CN_RESIDENT_ID')).toMatch(/^CN_RESIDENT_ID_[a-z2-7]{16}$/);
    expect(a.replace('Zhang San', 'PERSON_NAME')).toMatch(/^PERSON_NAME_[a-z2-7]{16}$/);
  });
});
