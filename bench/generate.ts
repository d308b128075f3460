/**
 * What the bench corpus, the accuracy report and the property tests plant, taken from the detectors
 * (DetectorSpec.generate): per pattern type, a generator of valid values as logs write them and the
 * key that names it in query strings and JSON lines; all look-alikes, the general ones
 * (lookalikes.ts) and the detectors' near misses, by kind. Nothing here is a list of types.
 */
import { detectors, PATTERN_TYPES, type PatternType } from '../detectors/index.js';
import type { Lang, Rng, ValueGenerator, Written } from '../detectors/lib/generate.js';
import { GENERAL_LOOKALIKES, type Lookalike } from './lookalikes.js';

export { PATTERN_TYPES, type Lang, type Lookalike, type PatternType };

/** A value as written: `before + value + after`; only `value` is the personal data (the planted span). */
export interface Sample extends Written {
  readonly type: PatternType;
}

export type Generator = (r: Rng, lang: Lang) => Sample;

/** Per type, the generator of its first detector that has one (detectors sharing a type share it). */
function generatorsByType(): Map<PatternType, ValueGenerator> {
  const out = new Map<PatternType, ValueGenerator>();
  for (const d of detectors) if (d.generate && !out.has(d.type)) out.set(d.type, d.generate);
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

