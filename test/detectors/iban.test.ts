import { createHash } from 'node:crypto';
import isIBANModule from 'validator/lib/isIBAN.js';
import { describe, expect, it } from 'vitest';
import { iban97Valid } from '../../detectors/lib/checksum.js';
import bankAccount from '../../detectors/bank-account.js';
import iban, { IBAN_REGISTRY } from '../../detectors/iban.js';
import imei from '../../detectors/imei.js';
import card from '../../detectors/payment-card.js';
import ssn from '../../detectors/us-ssn.js';
import { findAll, findWith } from '../support/scan.js';

// validator is CommonJS with `exports.default`: tsc (NodeNext) types the default import as the module
// object, while vitest hands over the function itself. Accept both.
type IsIban = (s: string) => boolean;
const ibanModule = isIBANModule as unknown as IsIban | { default: IsIban };
const isIBAN: IsIban = typeof ibanModule === 'function' ? ibanModule : ibanModule.default;

/** Country + the check digits that make mod 97 = 1 (found with iban97Valid) + BBAN. */
function ibanOf(cc: string, bban: string): string {
  for (let d = 2; d <= 98; d++) {
    const s = cc + String(d).padStart(2, '0') + bban;
    if (iban97Valid(s, 0, s.length)) return s;
  }
  throw new Error(`no check digits for ${cc} ${bban}`);
}
/** The same IBAN with wrong check digits. */
function badCheck(valid: string): string {
  const d = (Number(valid.slice(2, 4)) + 1) % 100;
  return valid.slice(0, 2) + String(d).padStart(2, '0') + valid.slice(4);
}
/** Print format: groups of four, single spaces. */
const print = (s: string) => s.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * A BBAN that fits a registry structure like `4a6n8c`. `c` positions get letters and digits mixed, or
 * with `plain`, letters in the first four (bank code) and digits after: validator's table is stricter
 * than the registry for AZ, BY, DO, JO, PK (digits where the registry allows `c`).
 */
function sampleBban(structure: string, plain = false): string {
  let out = '';
  let k = 0;
  for (const [, count, cls] of structure.matchAll(/(\d+)([nac])/g)) {
    for (let i = 0; i < Number(count); i++, k++) {
      const digit = String((k * 7 + 3) % 10);
      const letter = String.fromCharCode(65 + ((k * 5 + 1) % 26));
      const mixed = plain ? k < 4 : k % 3 === 0;
      out += cls === 'n' ? digit : cls === 'a' ? letter : mixed ? letter : digit;
    }
  }
  return out;
}

/** Total IBAN length per country, SWIFT IBAN registry r101 (transcribed separately from the detector's structures). */
const LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18,
  FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23,
  IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27,
  MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28,
  PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27,
  SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};
// Registry countries validator's table does not have yet (newer registry entries).
const NOT_IN_VALIDATOR = new Set(['BI', 'DJ', 'FK', 'HN', 'LY', 'MN', 'NI', 'OM', 'RU', 'SD', 'SO', 'ST', 'YE']);

const registry = IBAN_REGISTRY.split(' ').map((e) => [e.slice(0, 2), e.slice(3)] as const);
const samples = registry.map(([cc, structure]) => [cc, ibanOf(cc, sampleBban(structure))] as const);
const plainSamples = registry.map(([cc, structure]) => [cc, ibanOf(cc, sampleBban(structure, true))] as const);

const DE = ibanOf('DE', '100200300123456789');
const GB = ibanOf('GB', 'TEST12345612345678');
const NO = ibanOf('NO', '12345678901');
const ES = ibanOf('ES', '12341234121234567890');
const FR = ibanOf('FR', '12345123450000000000A12');

describe('iban registry table', () => {
  it('has the 89 countries of registry r101 with their lengths', () => {
    expect(registry.map(([cc]) => cc).sort()).toEqual(Object.keys(LENGTH).sort());
    for (const [cc, value] of samples) expect(value.length, cc).toBe(LENGTH[cc]);
  });

  it.each(plainSamples.filter(([cc]) => !NOT_IN_VALIDATOR.has(cc)))(
    'validator isIBAN agrees with the %s structure (%s)',
    (_cc, value) => {
      expect(isIBAN(value)).toBe(true);
    },
  );

  it('the examples in the detector file are the computed values', () => {
    for (const v of [DE, GB, NO, FR, ES]) {
      expect(iban.examples.match.some((m) => m.replace(/ /g, '') === v), v).toBe(true);
    }
    expect(DE).toBe('DE25100200300123456789');
  });
});

describe('iban positives: a sample for every registry country, compact and printed', () => {
  it.each([...samples, ...plainSamples])('%s %s', (_cc, value) => {
    expect(findWith(iban, value)).toEqual([['IBAN', value]]);
    expect(findWith(iban, print(value))).toEqual([['IBAN', print(value)]]);
    expect(findWith(iban, `IBAN: ${print(value)}, BIC: TESTDEFFXXX`)).toEqual([['IBAN', print(value)]]);
  });

  it.each([
    ['followed by a currency code', `${print(ES)} EUR 100.00`, print(ES)],
    ['followed by a short number', `${print(DE)} 1000`, print(DE)],
    ['in quotes', `"iban":"${DE}"`, DE],
    ['after a colon, no space', `iban:${GB}`, GB],
    ['Chinese label', `收款账户IBAN：${print(FR)}。`, print(FR)],
  ])('%s', (_name, text, expected) => {
    expect(findWith(iban, text)).toEqual([['IBAN', expected]]);
  });

  it('scores 0.98 and normalizes to the compact form', () => {
    const found = findAll(print(DE), [iban]);
    expect(found).toEqual([['IBAN', print(DE)]]);
    expect(iban.normalize?.(print(DE))).toBe(DE);
  });
});

// Hashes in lower case (sha1/sha256 of 'logveil'), computed with node:crypto.
const sha1 = createHash('sha1').update('logveil').digest('hex');
const sha256 = createHash('sha256').update('logveil').digest('hex');

/** `value` cut into groups of `sizes` chars (the rest in one last group) joined by `sep`. */
function irregular(value: string, sizes: number[], sep: string): string {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) if (i < value.length) out.push(value.slice(i, (i += n)));
  if (i < value.length) out.push(value.slice(i));
  return out.join(sep);
}

/** Every other way the same IBAN gets written: case, separators, irregular groups. */
function notations(value: string): Array<[string, string]> {
  const groups = (n: number, sep: string) => value.slice(0, 4) + sep + value.slice(4).replace(new RegExp(`(.{${n}})(?=.)`, 'g'), `$1${sep}`);
  return [
    ['lower case', value.toLowerCase()],
    ['lower case, printed', print(value).toLowerCase()],
    ['mixed case', value.slice(0, 4) + value.slice(4).toLowerCase()],
    ['mixed case, country in lower case', value.slice(0, 2).toLowerCase() + value.slice(2)],
    ['dashes', print(value).replace(/ /g, '-')],
    ['dots', print(value).replace(/ /g, '.')],
    ['lower case, dashes', print(value).replace(/ /g, '-').toLowerCase()],
    ['groups of five', groups(5, ' ')],
    ['groups of three, dashes', groups(3, '-')],
    ['groups of six, dots', groups(6, '.')],
    ['bank code apart', `${value.slice(0, 4)} ${value.slice(4, 12)} ${value.slice(12)}`],
    ['check digits glued to the BBAN', `${value.slice(0, 8)} ${value.slice(8)}`],
    // The country code apart from the check digits, as some banks and forms print it.
    ['country apart, irregular groups', irregular(value, [2, 2, 5, 3, 6, 4], ' ')],
    ['country apart, groups of four', `${value.slice(0, 2)} ${print(value.slice(2))}`],
    ['country apart, dashes', irregular(value, [2, 2, 4, 6, 3], '-')],
    ['country apart, dots', irregular(value, [2, 2, 8, 10], '.')],
    ['country apart, the rest compact', `${value.slice(0, 2)} ${value.slice(2)}`],
  ];
}

describe('iban in other notations: every registry country', () => {
  // validator's table is stricter than the registry for a few countries (see sampleBban): it checks the plain samples.
  const both = [...samples.map(([cc, v]) => [cc, v, false] as const), ...plainSamples.map(([cc, v]) => [cc, v, true] as const)];
  it.each(both)('%s %s', (cc, value, plain) => {
    for (const [name, written] of notations(value)) {
      expect(findWith(iban, written), `${name}: ${written}`).toEqual([['IBAN', written]]);
      expect(findWith(iban, `iban: ${written}, bic TESTDEFFXXX`), `${name}: ${written}`).toEqual([['IBAN', written]]);
      expect(iban.normalize?.(written), name).toBe(value);
      // validator reads spaces, dashes and either case (not dots): it must agree that these are IBANs.
      if (plain && !NOT_IN_VALIDATOR.has(cc) && !written.includes('.')) expect(isIBAN(written), `${name}: ${written}`).toBe(true);
    }
  });

  it('takes the whole value with every detector on, never a part of it', () => {
    for (const [, value] of [...samples, ...plainSamples]) {
      for (const [name, written] of notations(value)) {
        expect(findAll(`payee ${written} ok`), `${name}: ${written}`).toEqual([['IBAN', written]]);
      }
    }
  });
});

describe('iban near misses', () => {
  it.each([
    ['bad check digits', badCheck(DE)],
    ['bad check digits, printed', print(badCheck(GB))],
    ['one char short (mod 97 recomputed)', ibanOf('DE', '10020030012345678')],
    ['one char long (mod 97 recomputed)', ibanOf('DE', '1002003001234567890')],
    ['printed, one char short', print(ibanOf('DE', '10020030012345678'))],
    ['letter where digits belong (mod 97 recomputed)', ibanOf('DE', '10020030012345678A')],
    ['digit where letters belong (mod 97 recomputed)', ibanOf('GB', '1EST12345612345678')],
    ['not a registry country (mod 97 recomputed)', ibanOf('XX', '100200300123456789')],
    ['ISO country without IBAN (mod 97 recomputed)', ibanOf('US', '100200300123456789')],
    ['double space', print(DE).replace(' ', '  ')],
    ['mixed separators', print(DE).replace(' ', '-')],
    ['space and dot', print(GB).replace(/ /g, '.').replace('.', ' ')],
    ['two separators in a row', print(DE).replace(' ', '-.')],
    ['lower case, bad check digits', badCheck(DE).toLowerCase()],
    ['dashed lower case, one BBAN digit changed', print(DE.slice(0, 10) + ((Number(DE[10]) + 1) % 10) + DE.slice(11)).replace(/ /g, '-').toLowerCase()],
    ['dotted, one BBAN digit changed', print(GB.slice(0, 12) + ((Number(GB[12]) + 3) % 10) + GB.slice(13)).replace(/ /g, '.')],
    ['dashed, bad check digits', print(badCheck(FR)).replace(/ /g, '-')],
    ['dashed, one char short (mod 97 recomputed)', print(ibanOf('DE', '10020030012345678')).replace(/ /g, '-')],
    ['lower case, letter where digits belong (mod 97 recomputed)', ibanOf('DE', '10020030012345678A').toLowerCase()],
    ['country code apart, bad check digits', irregular(badCheck(DE), [2, 2, 5, 3, 6, 4], ' ')],
    ['country code apart, one char short (mod 97 recomputed)', irregular(ibanOf('DE', '10020030012345678'), [2, 2, 5, 3, 6, 4], ' ')],
    ['country code apart, in lower case', irregular(DE, [2, 2, 5, 3, 6, 4], ' ').toLowerCase()],
    ['country code apart, then another separator', `DE-${print(DE.slice(2))}`],
    ['country code apart by two spaces', `DE  ${DE.slice(2)}`],
    ['check digits split', `DE 2 5${DE.slice(4)}`],
    ['a country code and a number', 'DE 89'],
    ['a country word and a count', 'NL 12 items'],
    ['prose with numbers after an upper-case word', 'AT 10 20 30 40 50 60 70 80 90'],
    ['glued to a letter on the left', `x${DE}`],
    ['glued on the right', `${DE}A`],
    ['hex hash that starts like an IBAN', 'DE2510020030F3B2A1C4D5'],
    ['UUID', 'de251002-0030-0123-4567-89abcdef0123'],
    ['SHA-1', 'DE25100200300123456789A94A8FE5CCB19BA61C4C'],
    ['a version', 'v2.25.1002003001234'],
    ['lower-case hex of DE length', 'de2510020030f3b2a1c4d5'],
    ['lower-case UUID', 'de251002-0030-0123-4567-89abcdef0123'],
    ['lower-case sha1', sha1],
    ['lower-case sha256', sha256],
    ['16-hex span id starting with a country code', 'be71096c1a2f00e3'],
    ['base32 token', 'DE25ABCDEFGHIJKLMNOPQR'],
    ['base64 token', 'De25q0VgYx9Rk2Lm+Pz/Ab=='],
    ['timestamp after a country-like word', 'de25 2026-12-03 10:11:12'],
    ['epoch millis after a country-like word', 'at12 1796292672123'],
  ])('%s: %s', (_name, text) => {
    expect(findWith(iban, text)).toEqual([]);
  });
});

const dashedLower = (v: string) => print(v).replace(/ /g, '-').toLowerCase();

describe('iban in log lines (EN + ZH), with near misses side by side', () => {
  const mine = [card, imei, iban, ssn, bankAccount];
  it.each([
    [
      `2026-02-24T12:26:41Z INFO sepa transfer from=${DE} to=${badCheck(GB)} amount=27240.52 EUR ref=${ibanOf('XX', '100200300123456789')}`,
      [['IBAN', DE]],
    ],
    [`{"iban":"${print(FR)}","requestId":"7f3a9c2e-1d4b-4e8f-9a6b-0c1d2e3f4a5b","ts":1771935201123}`, [['IBAN', print(FR)]]],
    [`2026-02-24 12:26:41 汇款成功 收款IBAN ${print(ES)} 订单号 ${ES.slice(4)} 耗时 35ms`, [['IBAN', print(ES)]]],
    [`WARN 校验失败 ${print(badCheck(DE))}，已改用 IBAN ${NO}`, [['IBAN', NO]]],
    [`2026-12-03 10:11:12 收款账户 iban: ${dashedLower(DE)} 金额 1200.00 EUR`, [['IBAN', dashedLower(DE)]]],
    [`2026-12-03 10:11:12 INFO payout iban=${print(GB).toLowerCase()} batch=20261203101112 sha=${sha1}`, [['IBAN', print(GB).toLowerCase()]]],
    [`beneficiary: ${print(FR).replace(/ /g, '.')}. ts=1796292672123 v1.2.3 trace=be71096c1a2f00e3`, [['IBAN', print(FR).replace(/ /g, '.')]]],
    [`退款失败 账户 ${dashedLower(badCheck(ES))}，请求 de251002-0030-0123-4567-89abcdef0123`, []],
    [
      `<165>1 2026-11-20T10:16:22.489Z app01.example.com billing 53020 ID47 [meta@32473 seq="5783"] iban=${irregular(DE, [2, 2, 5, 3, 6, 4], ' ')} order=202612031689936787 took 9893ms`,
      [['IBAN', irregular(DE, [2, 2, 5, 3, 6, 4], ' ')]],
    ],
    [`2026-12-03 04:49:05,844 INFO [order-worker-3] 收款账户 ${irregular(FR, [2, 2, 5, 5, 11, 2], ' ')} 已验证，批次 NL 12 笔`, [['IBAN', irregular(FR, [2, 2, 5, 5, 11, 2], ' ')]]],
    [`2026-12-03 04:49:05 WARN payee ${irregular(badCheck(GB), [2, 2, 5, 3, 6, 4], ' ')} rejected: DE 89 missing digits`, []],
  ])('%s', (line, expected) => {
    expect(findAll(line, mine)).toEqual(expected);
  });
});
