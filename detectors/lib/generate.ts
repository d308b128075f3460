/**
 * What a detector's generator makes, and the helpers generators share. Generators write the values
 * the bench corpus, the accuracy report (bench/eval.ts) and the property tests plant: valid values
 * (check digits computed) in the forms logs write them, and near misses that must survive. They are
 * never used while scanning. All values are synthetic: reserved ranges, example.com, fictional numbers.
 */

/**
 * A seeded source of randomness (bench/random.ts implements it): same seed, same sequence, so a seed
 * gives the same corpus on every platform. Generators must keep the order of their draws.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** n random decimal digits (leading zeros allowed). */
  digits(n: number): string;
  /** n random lower-case hex digits. */
  hex(n: number): string;
}

/** The language of the line a value is written into (labels differ). */
export type Lang = 'en' | 'zh';

/** A value as written: `before + value + after`; only `value` is the personal data (or the near miss). */
export interface Written {
  readonly value: string;
  /** Label and opening punctuation right before the value ('' when bare): `passport: `, `[`. */
  readonly before: string;
  /** What follows the value and belongs to it in writing: `:8080`, `]:443`; usually ''. */
  readonly after: string;
  /**
   * The value is found only with `before` and `after` around it (an owner's name needs its device word:
   * `Emmas` in `Emmas-iPhone`): where a corpus writes values bare, as a field's value, it writes all three.
   */
  readonly inWriting?: boolean;
}

/** A detector's generator (DetectorSpec.generate). */
export interface ValueGenerator {
  /** A valid value in a form logs write it, with the label it needs to be found (required context). */
  valid(r: Rng, lang: Lang): Written;
  /**
   * Look-alikes of this type that must NOT be found as it (a wrong check digit, an order number of the
   * same length), by kind name: lower_snake_case, unique across detectors (the corpus names them).
   */
  readonly nearMisses?: Readonly<Record<string, (r: Rng) => Written>>;
  /**
   * Keys structured records put this type under, EN and ZH (not all in the field dictionary: some are
   * only context words). The first EN key names the value in generated query strings and JSON lines.
   */
  readonly keys: { readonly en: readonly string[]; readonly zh: readonly string[] };
}

export const written = (value: string, before = '', after = ''): Written => ({ value, before, after });

/** A label from the language's list, or '' with probability `bare`. */
export function label(r: Rng, lang: Lang, en: readonly string[], zh: readonly string[], bare: number): string {
  if (bare > 0 && r.chance(bare)) return '';
  return r.pick(lang === 'zh' ? zh : en);
}

/** `n` in decimal, zero-padded to `w` digits. */
export const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** A real past date: year in [lo, hi], valid day. */
export function pastDate(r: Rng, lo: number, hi: number): { y: number; m: number; d: number } {
  const y = r.int(lo, hi);
  const m = r.int(1, 12);
  const d = r.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return { y, m, d };
}

/** `value` in groups of four joined by `sep` (cards, IBANs, account numbers as people write them). */
export const groupsOfFour = (value: string, sep = ' '): string => value.match(/.{1,4}/g)!.join(sep);
