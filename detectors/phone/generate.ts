/**
 * PHONE's generator (DetectorSpec.generate): numbers from fictional or reserved ranges where a plan
 * has them (US 555-01xx, GB 020 7946 0xxx; CN mobiles like 138 0013 8000 are the repo's usual test
 * data), every one checked with libphonenumber-js (full metadata) and redrawn if invalid.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
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

/** A valid number in a form logs write it: CN mobiles and landlines, US 555-01xx, GB 020 7946 0xxx, international ones. */
export function phoneValue(r: Rng, lang: Lang): Written {
  const kind = r.int(0, 9);
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
    return written(value, label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.3));
  }
  if (kind === 5) {
    // US fictional 555-01xx: a context word, or +1
    const n = drawValid(r, '1', () => r.pick(US_AREAS) + '55501' + r.digits(2));
    const nat = `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`;
    if (r.chance(0.5)) return written(r.pick([nat, `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`]), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0));
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
