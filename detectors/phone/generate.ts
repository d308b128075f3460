/**
 * PHONE's generator (DetectorSpec.generate): numbers from fictional or reserved ranges where a plan
 * has them (US 555-01xx, GB 020 7946 0xxx; CN mobiles like 138 0013 8000 are the repo's usual test
 * data), every one checked with libphonenumber-js (full metadata) and redrawn if invalid.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { label, written, type Lang, type Rng, type Written } from '../lib/generate.js';

function validPhone(e164: string): boolean {
  const p = parsePhoneNumberFromString(e164);
  return p !== undefined && p.isValid();
}

/** Draw national digits until `+cc digits` is valid. */
function drawValid(r: Rng, cc: string, draw: () => string): string {
  for (let i = 0; i < 1000; i++) {
    const n = draw();
    if (validPhone(`+${cc}${n}`)) return n;
  }
  throw new Error(`no valid +${cc} number drawn`);
}

const CN_MOBILE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '166', '176', '177', '180', '181', '186', '187', '188', '189', '198', '199'];
const CN_AREAS: ReadonlyArray<[string, number]> = [['10', 8], ['21', 8], ['20', 8], ['755', 8], ['571', 8], ['28', 8], ['27', 8], ['25', 8], ['532', 8], ['29', 8]];
const US_AREAS = ['201', '202', '206', '212', '303', '312', '415', '617', '646', '718'];

function intlForm(r: Rng, e164: string): string {
  const p = parsePhoneNumberFromString(e164)!;
  return r.chance(0.6) ? p.formatInternational() : p.number;
}

const PHONE_LABEL_EN = ['phone=', 'tel: ', 'mobile=', 'contact: ', 'phone_number='];
const PHONE_LABEL_ZH = ['手机号:', '电话:', '联系电话：', '手机 ', '联系方式='];

/** Labels that are phone words: a national number of a region not configured needs one. */
const PHONE_WORD_EN = ['phone=', 'tel: ', 'mobile=', 'phone_number=', 'mobile: '];
const PHONE_WORD_ZH = ['手机号:', '电话:', '联系电话：', '手机 ', '手机号码='];

/** An extension as people write it after a number (`x1234`, ` ext. 12`, `转8001`). */
function extension(r: Rng, lang: Lang, dash = false): string {
  const digits = r.digits(r.int(2, 4));
  if (dash && r.chance(0.3)) return `-${digits}`; // after a CN landline written area-local: 010-12345678-8001
  return lang === 'zh' ? r.pick([` 转 ${digits}`, `转${digits}`]) : r.pick([` x${digits}`, `x${digits}`, ` ext. ${digits}`, ` ext ${digits}`, ` #${digits}`]);
}

/**
 * Mobiles (and Tokyo's landlines) of regions outside the default list, as their national format and
 * their people write them: [region, calling code, draw of the national number, ways of writing it].
 */
const OTHER_REGIONS: ReadonlyArray<[string, string, (r: Rng) => string, (n: string) => string[]]> = [
  ['ES', '34', (r) => '6' + r.digits(8), (n) => [`${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, `${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}`, n]],
  ['IT', '39', (r) => '3' + r.pick(['20', '33', '47', '80', '93']) + r.digits(7), (n) => [`${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, `${n.slice(0, 3)} ${n.slice(3)}`]],
  ['RU', '7', (r) => '9' + r.digits(9), (n) => [`8 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`, `8 ${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`, `8${n}`]],
  ['BR', '55', (r) => r.pick(['11', '21', '31', '41', '51', '61', '71', '81']) + '9' + r.digits(8), (n) => [`(${n.slice(0, 2)}) ${n.slice(2, 7)}-${n.slice(7)}`, `(${n.slice(0, 2)}) ${n.slice(2)}`]],
  ['KR', '82', (r) => '10' + r.digits(8), (n) => [`0${n.slice(0, 2)}-${n.slice(2, 6)}-${n.slice(6)}`, `0${n}`]],
  ['TW', '886', (r) => '9' + r.digits(8), (n) => [`0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, `0${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`, `0${n}`]],
  ['NL', '31', (r) => '6' + r.digits(8), (n) => [`0${n.slice(0, 1)} ${n.slice(1)}`, `0${n.slice(0, 1)}-${n.slice(1)}`]],
  ['JP', '81', (r) => '3' + r.digits(8), (n) => [`0${n.slice(0, 1)}-${n.slice(1, 5)}-${n.slice(5)}`]],
];

/** A valid number in a form logs write it: CN mobiles and landlines, US 555-01xx, GB 020 7946 0xxx, international ones. */
export function phoneValue(r: Rng, lang: Lang): Written {
  const kind = r.int(0, 13);
  if (kind === 10) {
    // CN landline with the subscriber number split, maybe an extension: 0755-8888 1234, (0755) 8888-1234
    const [area, len] = r.pick(CN_AREAS);
    const n = drawValid(r, '86', () => area + r.int(2, 8) + r.digits(len - 1));
    const local = n.slice(area.length);
    const a = local.slice(0, len - 4);
    const b = local.slice(len - 4);
    const value = r.pick([`0${area}-${a} ${b}`, `0${area} ${a}-${b}`, `(0${area}) ${a}-${b}`, `0${area} ${a} ${b}`, `0${area}-${local}`]);
    return written(value + (r.chance(0.3) ? extension(r, 'zh') : ''), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.3));
  }
  if (kind === 11) {
    // A country code in brackets without `+`: (852) 5123 4567, (86)138 0013 8000, (44) 20 7946 0958
    const [cc, draw, write] = r.pick<[string, () => string, (n: string) => string]>([
      ['852', () => r.pick(['5', '6', '9']) + r.digits(7), (n) => `${n.slice(0, 4)} ${n.slice(4)}`],
      ['86', () => r.pick(CN_MOBILE_PREFIXES) + r.digits(8), (n) => `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`],
      ['44', () => '2079460' + r.digits(3), (n) => `${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`],
      ['33', () => '6' + r.digits(8), (n) => `${n.slice(0, 1)} ${n.slice(1, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}`],
    ]);
    const n = drawValid(r, cc, draw);
    return written(`(${cc})${r.pick([' ', ''])}${write(n)}`, label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.5));
  }
  if (kind === 12) {
    // International with the separators people mix after the country code: +55 11 91234-5678, +7 912 345-67-89
    const [region, cc, draw, ways] = r.pick(OTHER_REGIONS);
    const n = drawValid(r, cc, () => draw(r));
    const intl = parsePhoneNumberFromString(`+${cc}${n}`, region as CountryCode)!.formatInternational();
    // Its national grouping without the trunk prefix and brackets: `8 (912) 345-67-89` -> `912 345-67-89`.
    const national = ways(n)[0].replace(/^(?:[08] ?)?\(?/, '').replace(')', '');
    return written(r.pick([intl, `+${cc} ${national}`]), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.5));
  }
  if (kind === 13) {
    // A national number of a region outside the defaults, after a phone word: phone=612 345 678
    const [, cc, draw, ways] = r.pick(OTHER_REGIONS);
    const n = drawValid(r, cc, () => draw(r));
    return written(r.pick(ways(n)), r.pick(lang === 'zh' ? PHONE_WORD_ZH : PHONE_WORD_EN));
  }
  if (kind <= 3) {
    // CN mobile: bare, grouped, with +86, or with 86 and no + (as SMS gateways log them)
    const n = drawValid(r, '86', () => r.pick(CN_MOBILE_PREFIXES) + r.digits(8));
    const g = `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
    const d = `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
    const value = r.pick([n, n, g, d, '+86' + n, '+86 ' + g, '+86-' + d, '86' + n]);
    return written(value, label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.4));
  }
  if (kind === 4) {
    // CN landline: 010-12345678, 0755-12345678, (021)12345678
    const [area, len] = r.pick(CN_AREAS);
    const n = drawValid(r, '86', () => area + r.int(2, 8) + r.digits(len - 1));
    const local = n.slice(area.length);
    const value = r.chance(0.75) ? `0${area}-${local}` : `(0${area})${local}`;
    return written(value + (r.chance(0.2) ? extension(r, lang, true) : ''), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.3));
  }
  if (kind === 5) {
    // US fictional 555-01xx: a context word, or +1
    const n = drawValid(r, '1', () => r.pick(US_AREAS) + '55501' + r.digits(2));
    const nat = `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`;
    if (r.chance(0.5)) return written(r.pick([nat, `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`]) + (r.chance(0.3) ? extension(r, 'en') : ''), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0));
    return written(intlForm(r, '+1' + n), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.5));
  }
  if (kind === 6) {
    // GB drama numbers 020 7946 0xxx
    const n = drawValid(r, '44', () => '2079460' + r.digits(3));
    if (r.chance(0.5)) return written(`0${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`, label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0));
    return written(intlForm(r, '+44' + n), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.5));
  }
  // International, written with the country code
  const [cc, draw] = r.pick<[string, () => string]>([
    ['44', () => '7400' + r.digits(6)],
    ['49', () => '30' + r.digits(r.int(7, 8))],
    ['33', () => r.int(1, 5) + r.digits(8)],
    ['81', () => '3' + r.digits(8)],
    ['91', () => r.int(7, 9) + r.digits(9)],
    ['852', () => r.pick(['2', '3', '5', '6', '9']) + r.digits(7)],
  ]);
  const n = drawValid(r, cc, draw);
  return written(intlForm(r, `+${cc}${n}`), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.5));
}
