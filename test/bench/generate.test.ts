import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { generators, LOOKALIKE_KINDS, lookalikes, PATTERN_TYPES, type PatternType } from '../../bench/generate.js';
import { GENERAL_LOOKALIKES } from '../../bench/lookalikes.js';
import { rng } from '../../bench/random.js';
import { detectors } from '../../detectors/index.js';
import { createAnonymizer } from '../../src/index.js';

// Independent re-computations of the check algorithms (not the ones in detectors/lib/checksum.ts).

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** GB 11643: weight of position i (0-based, of 17) is 2^(17-i) mod 11; check = (12 - sum mod 11) mod 11, 10 = X. */
function cnIdValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return id[17] === (c === 10 ? 'X' : String(c));
}

function ibanValid(iban: string): boolean {
  const s = iban.slice(4) + iban.slice(0, 4);
  const n = s.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  return BigInt(n) % 97n === 1n;
}

const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function usccValid(code: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC.indexOf(code[i]) * (3 ** i % 31);
  return code[17] === USCC[(31 - (sum % 31)) % 31];
}

function hkIdValid(id: string): boolean {
  const m = /^([A-Z]{1,2})(\d{6})[(（]?([0-9A])[)）]?$/.exec(id); // ASCII or full-width brackets
  if (!m) return false;
  const chars = (m[1].length === 1 ? ' ' : '') + m[1] + m[2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = chars[i];
    const v = ch === ' ' ? 36 : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * (9 - i);
  }
  return (sum + (m[3] === 'A' ? 10 : Number(m[3]))) % 11 === 0;
}

const compact = (v: string) => v.replace(/[\s\-()]/g, '');

/**
 * Is `v` a valid value of `type` as the generators promise? Checked here, independently of the
 * detectors, for the types below; a type without an entry has its generator checked in its own
 * detector's test (and, for every type, by the scan below).
 */
const INDEPENDENT: Partial<Record<PatternType, (v: string, before: string) => boolean>> = {
  CN_RESIDENT_ID: (v) => {
    const id = compact(v);
    const y = Number(id.slice(6, 10));
    const date = new Date(Date.UTC(y, Number(id.slice(10, 12)) - 1, Number(id.slice(12, 14))));
    return cnIdValid(id) && date.getUTCDate() === Number(id.slice(12, 14)) && date.getTime() < Date.now() && y >= 1900;
  },
  CN_PASSPORT: (v) => /^(E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})$/.test(v),
  HK_ID: (v) => hkIdValid(v),
  // Compact or grouped with one kind of separator (`9135-0100-M000-100Y-43`).
  CN_USCC: (v) => /^[0-9A-Z]+(?:([ -])[0-9A-Z]+(?:\1[0-9A-Z]+)*)?$/.test(v) && /^[0-9A-Z]{18}$/.test(v.replace(/[ -]/g, '')) && usccValid(v.replace(/[ -]/g, '')),
  US_SSN: (v) => {
    // Dashes, dots or spaces (one kind), or none.
    const m = /^(\d{3})([-. ]?)(\d{2})\2(\d{4})$/.exec(v);
    if (!m) return false;
    const area = Number(m[1]);
    return area > 0 && area < 900 && area !== 666 && m[3] !== '00' && m[4] !== '0000';
  },
  PHONE: (v) => {
    // An extension after the number (`x1234`, `ext. 12`, `#123`, `转 8001`, a CN landline's `-8001`)
    // is not part of its validity; a bracketed country code without `+` (`(852) 5123 4567`) is one.
    const n = v.replace(/(?:\s?(?:x|ext\.?|#|转)\s?\d{1,6}|(?<=^(?:0\d{2,3}-|\(0\d{2,3}\))\d{7,8})-\d{1,5})$/, '');
    const cc = n.replace(/^\((\d{1,3})\)\s?(?=[1-9])/, '+$1 ');
    const regions = ['CN', 'US', 'GB', 'ES', 'IT', 'RU', 'BR', 'KR', 'TW', 'NL', 'JP'] as const;
    return [n, cc].some((w) => regions.some((r) => parsePhoneNumberFromString(w, r)?.isValid() ?? false));
  },
  EMAIL: (v) => /^[A-Za-z0-9._+-]+@([a-z.]+\.)?example\.(com|org|net)$/i.test(v),
  IP_ADDRESS: (v) => /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/.test(v) || /^2001:0?db8:/i.test(v),
  MAC_ADDRESS: (v) => {
    const hex = v.replace(/[:.-]/g, '');
    return /^[0-9a-f]{12}$/i.test(hex) && (parseInt(hex.slice(0, 2), 16) & 3) === 2;
  },
  IMEI: (v) => /^\d{15}$/.test(compact(v)) && luhn(compact(v)),
  PAYMENT_CARD: (v, before) => {
    const d = compact(v);
    // Visa, Mastercard (2-series too), Mir (2200–2204), Amex, UnionPay, Discover, JCB; UATP: 1 and 15
    // digits; any 12–19 digits right after a card label (an issuer the detector does not know).
    const brand = (/^\d{15,19}$/.test(d) && /^(4|5[1-5]|2[2-7]|3[47]|62|6011|64[4-9]|65|35)/.test(d)) || /^1\d{14}$/.test(d);
    const labelled = /^\d{12,19}$/.test(d) && /(card[ _.]?(?:no|num|number)?(?: is)?|pan|卡号)\W*$/i.test(before);
    return luhn(d) && (brand || labelled);
  },
  // Any case, spaces, dashes or dots in any groups.
  IBAN: (v) => ibanValid(v.replace(/[ .-]/g, '').toUpperCase()),
  BANK_ACCOUNT: (v) => {
    const d = compact(v);
    return /^\d{10,19}$/.test(d) && !luhn(d);
  },
};

describe('generators', () => {
  it.each(Object.keys(INDEPENDENT).map((t) => [t as PatternType]))('%s values are valid (check digits recomputed here)', (type) => {
    const r = rng(1234);
    for (let i = 0; i < 300; i++) {
      const s = generators[type](r, i % 2 ? 'zh' : 'en');
      expect(s.type).toBe(type);
      expect(INDEPENDENT[type]!(s.value, s.before), `${type} ${s.value}`).toBe(true);
    }
  });

  const anonymizer = createAnonymizer();
  it.each(PATTERN_TYPES.map((t) => [t]))('%s values, written with their label, are found as that type at their span', (type) => {
    const r = rng(4321);
    for (let i = 0; i < 300; i++) {
      const s = generators[type](r, i % 2 ? 'zh' : 'en');
      const text = s.before + s.value + s.after;
      const at = s.before.length;
      const found = anonymizer.findings(text).map((f) => [f.type, f.start, f.end]);
      expect(found, text).toContainEqual([type, at, at + s.value.length]);
    }
  });

  it('cover the written forms the brief asks for', () => {
    const r = rng(99);
    const seen = (type: PatternType, n = 400) => Array.from({ length: n }, () => generators[type](r, 'en').value);
    expect(seen('CN_RESIDENT_ID').some((v) => v.endsWith('X'))).toBe(true);
    expect(seen('CN_RESIDENT_ID').some((v) => /^\d{6}[ -]\d{8}[ -]\d{3}[\dX]$/.test(v))).toBe(true);
    expect(seen('HK_ID').some((v) => v.includes('('))).toBe(true);
    expect(seen('HK_ID').some((v) => !v.includes('('))).toBe(true);
    expect(seen('PHONE').some((v) => /^1[3-9]\d{9}$/.test(v))).toBe(true);
    expect(seen('PHONE').some((v) => v.startsWith('+44'))).toBe(true);
    expect(seen('IP_ADDRESS').some((v) => v.includes('::'))).toBe(true);
    expect(seen('MAC_ADDRESS').some((v) => /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/.test(v))).toBe(true);
    expect(seen('PAYMENT_CARD').some((v) => /^3[47]/.test(v))).toBe(true);
  });

  it('passports and bank accounts always come with a context word', () => {
    const r = rng(5);
    for (let i = 0; i < 200; i++) {
      expect(generators.CN_PASSPORT(r, 'en').before).not.toBe('');
      expect(generators.BANK_ACCOUNT(r, 'zh').before).not.toBe('');
    }
  });
});

describe('look-alikes', () => {
  const anonymizer = createAnonymizer();
  it.each(detectors.flatMap((d) => Object.keys(d.generate?.nearMisses ?? {}).map((kind) => [d.name, kind, d.type] as const)))(
    "%s's near miss %s is not found as %s",
    (_name, kind, type) => {
      const r = rng(2468);
      for (let i = 0; i < 300; i++) {
        const x = lookalikes[kind](r);
        const text = x.before + x.value + x.after;
        expect(anonymizer.findings(text).filter((f) => f.type === type), text).toEqual([]);
      }
    },
  );

  it('are not what they look like', () => {
    const r = rng(77);
    for (let i = 0; i < 500; i++) {
      expect(cnIdValid(lookalikes.id18_bad_check(r).value)).toBe(false);
      expect(luhn(lookalikes.luhn_fail_16(r).value)).toBe(false);
      const unknown = lookalikes.luhn_unknown_iin_16(r).value;
      expect(unknown).toMatch(/^9\d{15}$/);
      expect(luhn(unknown)).toBe(true);
      expect(lookalikes.order_15(r).value).toMatch(/^\d{15}$/);
      const version = lookalikes.version(r).value;
      const parts = version.replace(/^v/, '').split('.').map(Number);
      expect(parts.length === 4 && parts.every((p) => p <= 255), version).toBe(false);
    }
  });

  it('half the epoch millis pass Luhn', () => {
    const r = rng(3);
    const n = Array.from({ length: 400 }, () => lookalikes.epoch_millis(r).value).filter(luhn).length;
    expect(n).toBeGreaterThan(120);
  });
});

describe('corpus', () => {
  const a = generateCorpus({ seed: 42, lines: 3000 });

  it('is deterministic per seed', () => {
    expect(generateCorpus({ seed: 42, lines: 3000 })).toEqual(a);
    expect(generateCorpus({ seed: 43, lines: 50 }).map((l) => l.text)).not.toEqual(a.slice(0, 50).map((l) => l.text));
  });

  it('records spans that hold valid values of the planted type', () => {
    const types = new Set<string>();
    for (const line of a) {
      for (const p of line.planted) {
        types.add(p.type);
        let v = line.text.slice(p.start, p.end);
        if (p.type === 'EMAIL') v = v.replace('%40', '@');
        expect(INDEPENDENT[p.type]?.(v, line.text.slice(Math.max(0, p.start - 24), p.start)) ?? true, `${p.type} ${v} in ${line.text}`).toBe(true);
      }
    }
    expect([...types].sort()).toEqual([...PATTERN_TYPES].sort());
  });

  it('records look-alike spans', () => {
    const kinds = new Set<string>();
    const shapes: Partial<Record<string, RegExp>> = {
      uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      compact_timestamp: /^20\d{12}$/,
      hdfs_block: /^blk_-?\d+$/,
      hdfs_timestamp: /^\d{6} \d{6}$/,
      amount: /^[\d,]+\.\d\d$/,
      host_name: /^[a-z][a-z0-9.-]+$/,
    };
    for (const line of a) {
      for (const l of line.lookalikes) {
        kinds.add(l.kind);
        const v = line.text.slice(l.start, l.end);
        expect(v.length).toBeGreaterThan(0);
        const shape = shapes[l.kind];
        if (shape) expect(v).toMatch(shape);
      }
      for (const p of line.planted) for (const l of line.lookalikes) expect(p.end <= l.start || l.end <= p.start).toBe(true);
    }
    // Every general kind; the detectors' near misses where a template names them.
    for (const kind of Object.keys(GENERAL_LOOKALIKES)) expect(kinds).toContain(kind);
    for (const kind of kinds) expect(LOOKALIKE_KINDS).toContain(kind);
  });

  it('puts personal data in about a third of the lines', () => {
    const share = a.filter((l) => l.planted.length > 0).length / a.length;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.39);
  });
});
