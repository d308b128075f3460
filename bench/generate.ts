/**
 * What the bench corpus, the accuracy report and the property tests plant, taken from the detectors
 * (DetectorSpec.generate): per pattern type, a generator of valid values as logs write them and the
 * key that names it in query strings and JSON lines; all look-alikes, the general ones
 * (lookalikes.ts) and the detectors' near misses, by kind. Nothing here is a list of types.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { detectors, PATTERN_TYPES, type PatternType } from '../detectors/index.js';
import { label, written, type Lang, type Rng, type ValueGenerator, type Written } from '../detectors/lib/generate.js';
import { GENERAL_LOOKALIKES, type Lookalike } from './lookalikes.js';

export { PATTERN_TYPES, type Lang, type Lookalike, type PatternType };

/** A value as written: `before + value + after`; only `value` is the personal data (the planted span). */
export interface Sample extends Written {
  readonly type: PatternType;
}

export type Generator = (r: Rng, lang: Lang) => Sample;

// =============================================================================================
// Phones (moves into detectors/phone/ with the phone split)

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

/** Phones until detectors/phone/ owns its generator: every number checked with libphonenumber-js (full metadata). */
const phoneValid = (r: Rng, lang: Lang): Written => {
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
};

// =============================================================================================

/** Per type, the generator of its first detector that has one (detectors sharing a type share it). */
function generatorsByType(): Map<PatternType, ValueGenerator> {
  const out = new Map<PatternType, ValueGenerator>();
  for (const d of detectors) if (d.generate && !out.has(d.type)) out.set(d.type, d.generate);
  out.set('PHONE', { valid: phoneValid, keys: { en: ['phone', 'mobile', 'phone_number', 'tel'], zh: ['手机号', '联系电话', '电话'] } });
  return out;
}
const BY_TYPE = generatorsByType();

/** The generator of a type; a type whose detector has none fails here, naming it. */
export function generatorOf(type: PatternType): ValueGenerator {
  const g = BY_TYPE.get(type);
  if (!g) throw new Error(`no detector of ${type} has a generator (DetectorSpec.generate)`);
  return g;
}

/** Valid values of each pattern type, as logs write them. */
export const generators: Readonly<Record<PatternType, Generator>> = Object.fromEntries(
  PATTERN_TYPES.map((type) => {
    const g = generatorOf(type);
    return [type, (r: Rng, lang: Lang): Sample => ({ type, ...g.valid(r, lang) })];
  }),
) as Record<PatternType, Generator>;

/** A key=value name for a type, for query strings and JSON fields: its generator's first EN key. */
export const FIELD_NAMES: Readonly<Record<PatternType, string>> = Object.fromEntries(
  PATTERN_TYPES.map((type) => [type, generatorOf(type).keys.en[0]]),
) as Record<PatternType, string>;

/** Keys structured records put a type under, EN and ZH. */
export const keysOf = (type: PatternType, lang: Lang): readonly string[] => generatorOf(type).keys[lang];

/**
 * The pattern types in the order the corpus draws them: the order they had before the detector list
 * became the only registry (so a seed still gives the corpus it gave then), then every other type in
 * the list's order. A new detector changes the corpus (the draws spread over one more type); it does
 * not have to be added here.
 */
const DRAW_ORDER = ['CN_RESIDENT_ID', 'CN_PASSPORT', 'HK_ID', 'CN_USCC', 'US_SSN', 'PHONE', 'EMAIL', 'IP_ADDRESS', 'MAC_ADDRESS', 'IMEI', 'PAYMENT_CARD', 'IBAN', 'BANK_ACCOUNT'];
export const CORPUS_TYPES: readonly PatternType[] = [
  ...PATTERN_TYPES.filter((t) => DRAW_ORDER.includes(t)).sort((a, b) => DRAW_ORDER.indexOf(a) - DRAW_ORDER.indexOf(b)),
  ...PATTERN_TYPES.filter((t) => !DRAW_ORDER.includes(t)),
];

// =============================================================================================
// Look-alikes: numbers and tokens that logs are full of and that must come out unchanged

/** Every look-alike generator by kind: the general ones, then each detector's near misses. */
function allLookalikes(): Record<string, (r: Rng) => Lookalike> {
  const out: Record<string, (r: Rng) => Lookalike> = { ...GENERAL_LOOKALIKES };
  for (const d of detectors) {
    for (const [kind, make] of Object.entries(d.generate?.nearMisses ?? {})) {
      if (kind in out) throw new Error(`look-alike kind ${kind} is defined twice (detector ${d.name})`);
      out[kind] = (r) => ({ kind, ...make(r) });
    }
  }
  return out;
}

export const lookalikes: Readonly<Record<string, (r: Rng) => Lookalike>> = allLookalikes();
export const LOOKALIKE_KINDS: readonly string[] = Object.keys(lookalikes);
export type LookalikeKind = string;

/** The look-alike generator of a kind; an unknown kind (a typo in a template) fails, naming it. */
export function lookalikeOf(kind: LookalikeKind): (r: Rng) => Lookalike {
  const make = lookalikes[kind];
  if (!make) throw new Error(`no look-alike kind ${kind}`);
  return make;
}

