// The compiled plan: libphonenumber-js's metadata read once into what the matcher compares spans
// against without calling the library (digit counts per calling code, each region's national prefix
// and formats as digit-group lengths, leading digits and anchored patterns).
import { getCountryCallingCode, Metadata, type CountryCode } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import maxMetadata from 'libphonenumber-js/max/metadata';

/** `00` + a 15-digit E.164 number. */
export const MAX_DIGITS = 17;
/** Digit groups a span may have: the shape's country code, a bracketed group and six body groups. */
export const MAX_GROUPS = 8;

/*
 * libphonenumber-js documents `Metadata#selectNumberingPlan()` and `numberingPlan.possibleLengths()`.
 * The format list, national prefix and per-format prefix rules are read through the same class's
 * undocumented (but long-stable) accessors; `planOf()` checks they exist, so a library upgrade that
 * drops them fails when this module loads, not silently.
 */
interface FormatInternals {
  pattern(): string;
  leadingDigitsPatterns(): string[];
  nationalPrefixFormattingRule(): string | number | undefined;
  nationalPrefixIsOptionalWhenFormattingInNationalFormat(): boolean;
}
interface PlanInternals {
  possibleLengths(): number[];
  nationalPrefix(): string | number | undefined;
  formats(): FormatInternals[];
}

const metadata = new Metadata();

function planOf(selector: string): PlanInternals {
  metadata.selectNumberingPlan(selector as CountryCode);
  const plan = metadata.numberingPlan as unknown as PlanInternals | undefined;
  if (!plan || typeof plan.formats !== 'function' || typeof plan.nationalPrefix !== 'function') {
    throw new Error(`phone: libphonenumber-js metadata has no numbering plan accessors for ${selector}`);
  }
  return plan;
}

function lengthMask(lengths: readonly number[] | undefined): number {
  let mask = 0;
  for (const n of lengths ?? []) if (n >= 1 && n <= 30) mask |= 1 << n;
  return mask;
}

/** For every country calling code (1..999): a bit mask of possible national number lengths, 0 if no such code. */
export const CALLING_CODE_LENGTHS: Int32Array = (() => {
  const masks = new Int32Array(1000);
  for (const [cc, countries] of Object.entries(maxMetadata.country_calling_codes)) {
    let mask = 0;
    for (const country of countries as string[]) {
      if (country === '001') continue;
      mask |= lengthMask(planOf(country).possibleLengths());
    }
    masks[Number(cc)] |= mask;
  }
  for (const cc of Object.keys(maxMetadata.nonGeographic ?? {})) {
    masks[Number(cc)] |= lengthMask(planOf(cc).possibleLengths());
  }
  return masks;
})();

/* Per-region plans, compiled once per detector. */

export const PREFIX_NONE = 0;
export const PREFIX_GLUED = 1; // `0$1`: 020 7946 0958
export const PREFIX_SEPARATE = 2; // `0 $1`: 0 800 12 34 56

export interface FormatPlan {
  /** Digit-group lengths of the national significant number, as the format writes them. */
  readonly min: Int32Array;
  readonly max: Int32Array;
  /** Sum of the min/max of every group after the first (for `area code + rest` writing). */
  readonly restMin: number;
  readonly restMax: number;
  readonly prefixMode: number;
  /** National prefix digits the format glues to the first group (`0$1`: 1) … */
  readonly prefixGlued: number;
  /** … and writes as groups of their own before it (`0 $1`: [1]; `8 0$1`: [1] and 1 glued). */
  readonly prefixGroups: readonly number[];
  readonly prefixOptional: boolean;
  /** The most detailed leading-digits pattern, anchored; null if the format has none. */
  readonly leading: RegExp | null;
  /** Bit d: a national number in this format can start with digit d (from the leading digits). */
  readonly firstDigits: number;
  /** Digits of the national number: sum of the group minimums and maximums. */
  readonly totalMin: number;
  readonly totalMax: number;
  /** The format's pattern, anchored at both ends. */
  readonly pattern: RegExp;
  /** The same two, sticky, for a national number that is one run of digits in the text itself. */
  readonly leadingAt: RegExp | null;
  readonly patternAt: RegExp;
}

export interface RegionPlan {
  readonly code: CountryCode;
  readonly callingCode: string;
  /** Every format compiled: the national format's groups can be worked out without the library. */
  readonly exactFormats: boolean;
  /** National prefix digits (`0`, `1`), empty if the region has none. */
  readonly prefix: Uint8Array;
  /** Bit n: a national significant number of n digits is possible. */
  readonly nsnMask: number;
  /** Bit n: n written digits are possible (with or without the national prefix). */
  readonly writtenMask: number;
  /** Regions without a national prefix (HK): digit pairs like `2123 4567` need a context word. */
  readonly needsContext: boolean;
  readonly formats: readonly FormatPlan[];
  /** The format of libphonenumber's example mobile number for the region (null if none fits). */
  readonly mobileFormat: FormatPlan | null;
}

const GROUP_RE = /\(\\d(?:\{(\d+)(?:,(\d+))?\})?\)/g;

const ALL_DIGITS = 0x3ff;

/**
 * Which digits a leading-digits pattern can start with (bit d for digit d), read from the pattern's
 * first atom in each alternative: a digit, a class, `\d` or a group. Anything less plain: all digits.
 */
function firstDigitsOf(pattern: string): number {
  let mask = 0;
  let depth = 0;
  let altStart = 0;
  for (let i = 0; i <= pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if ((c === '|' && depth === 0) || i === pattern.length) {
      mask |= firstOfAlternative(pattern.slice(altStart, i));
      altStart = i + 1;
    }
  }
  return mask;
}

function firstOfAlternative(alt: string): number {
  let atomEnd: number;
  let mask: number;
  if (/^\d/.test(alt)) {
    mask = 1 << Number(alt[0]);
    atomEnd = 1;
  } else if (alt.startsWith('\\d')) {
    mask = ALL_DIGITS;
    atomEnd = 2;
  } else if (alt.startsWith('[') && alt[1] !== '^') {
    const close = alt.indexOf(']');
    if (close < 0) return ALL_DIGITS;
    mask = 0;
    const body = alt.slice(1, close);
    for (let k = 0; k < body.length; k++) {
      if (body[k + 1] === '-' && k + 2 < body.length) {
        for (let d = Number(body[k]); d <= Number(body[k + 2]); d++) mask |= 1 << d;
        k += 2;
      } else if (/\d/.test(body[k])) mask |= 1 << Number(body[k]);
      else return ALL_DIGITS;
    }
    atomEnd = close + 1;
  } else if (alt.startsWith('(')) {
    let depth = 0;
    let close = -1;
    for (let k = 0; k < alt.length && close < 0; k++) {
      if (alt[k] === '\\') k++;
      else if (alt[k] === '(') depth++;
      else if (alt[k] === ')' && --depth === 0) close = k;
    }
    if (close < 0) return ALL_DIGITS;
    mask = firstDigitsOf(alt.slice(alt.startsWith('(?:') ? 3 : 1, close));
    atomEnd = close + 1;
  } else return ALL_DIGITS;
  // An optional first atom lets the next one start the number: give up.
  const q = alt[atomEnd];
  if (q === '?' || q === '*' || alt.startsWith('{0', atomEnd)) return ALL_DIGITS;
  return mask;
}

function compileFormat(f: FormatInternals): FormatPlan | null {
  const source = f.pattern();
  const min: number[] = [];
  const max: number[] = [];
  let consumed = 0;
  for (const m of source.matchAll(GROUP_RE)) {
    if (m.index !== consumed) return null;
    consumed += m[0].length;
    const lo = m[1] === undefined ? 1 : Number(m[1]);
    min.push(lo);
    max.push(m[2] === undefined ? lo : Number(m[2]));
  }
  // A pattern that is not plain `(\d{n})` groups cannot be compared by shape: leave it to the rest.
  if (consumed !== source.length || min.length === 0 || min.length > MAX_GROUPS) return null;
  const rule = f.nationalPrefixFormattingRule();
  let prefixMode = PREFIX_NONE;
  let prefixGlued = 0;
  const prefixGroups: number[] = [];
  if (typeof rule === 'string' && rule.includes('$1')) {
    const before = rule.slice(0, rule.indexOf('$1'));
    const runs = before.match(/\d+/g) ?? [];
    if (runs.length > 0) {
      if (/\d$/.test(before)) prefixGlued = runs.pop()!.length;
      for (const run of runs) prefixGroups.push(run.length);
      prefixMode = prefixGlued > 0 ? PREFIX_GLUED : PREFIX_SEPARATE;
    }
  }
  const leadingPatterns = f.leadingDigitsPatterns();
  const lastLeading = leadingPatterns.length ? leadingPatterns[leadingPatterns.length - 1] : '';
  let restMin = 0;
  let restMax = 0;
  for (let i = 1; i < min.length; i++) {
    restMin += min[i];
    restMax += max[i];
  }
  const firstLeading = leadingPatterns.length ? leadingPatterns[0] : '';
  return {
    min: Int32Array.from(min),
    max: Int32Array.from(max),
    restMin,
    restMax,
    prefixMode,
    prefixGlued,
    prefixGroups,
    prefixOptional: f.nationalPrefixIsOptionalWhenFormattingInNationalFormat(),
    leading: lastLeading ? new RegExp(`^(?:${lastLeading})`) : null,
    firstDigits: firstLeading ? firstDigitsOf(firstLeading) : ALL_DIGITS,
    totalMin: min[0] + restMin,
    totalMax: max[0] + restMax,
    pattern: new RegExp(`^(?:${source})$`),
    leadingAt: lastLeading ? new RegExp(`(?:${lastLeading})`, 'y') : null,
    patternAt: new RegExp(`(?:${source})(?![0-9])`, 'y'),
  };
}

/** The plan of one region (ISO code), every format the metadata lists that can be compared by shape. */
export function compileRegion(code: CountryCode): RegionPlan {
  if (!Object.prototype.hasOwnProperty.call(maxMetadata.countries, code) || code === ('001' as CountryCode)) {
    throw new Error(`phone: unknown region ${code}`);
  }
  const plan = planOf(code);
  const np = plan.nationalPrefix();
  const prefixText = typeof np === 'string' && /^\d{1,3}$/.test(np) ? np : '';
  const prefix = Uint8Array.from(prefixText, (ch) => ch.charCodeAt(0) - 48);
  const nsnMask = lengthMask(plan.possibleLengths());
  const formats: FormatPlan[] = [];
  const raw = plan.formats();
  for (const f of raw) {
    const compiled = compileFormat(f);
    if (compiled) formats.push(compiled);
  }
  const example = mobileExamples[code] ?? '';
  const mobileFormat =
    formats.find((f) => (!f.leading || f.leading.test(example)) && f.pattern.test(example)) ?? null;
  return {
    code,
    mobileFormat,
    callingCode: getCountryCallingCode(code),
    exactFormats: formats.length === raw.length,
    prefix,
    nsnMask,
    writtenMask: nsnMask | (prefix.length ? nsnMask << prefix.length : 0),
    needsContext: prefix.length === 0,
    formats,
  };
}

/**
 * Every region of the metadata, for national numbers read with a phone word (match.ts): the regions
 * whose people this project's users log most first (a number valid in several is read as the first),
 * then the rest in code order.
 */
const FIRST_OTHER_REGIONS = ['ES', 'IT', 'RU', 'BR', 'KR', 'TW', 'NL', 'MX', 'CA', 'AU', 'PL', 'TR', 'PT', 'BE', 'CH', 'AT', 'SE', 'SG', 'MY', 'TH', 'VN', 'ID', 'PH', 'MO', 'AE', 'SA', 'ZA', 'AR', 'CO', 'CL', 'UA', 'IL', 'IE', 'NZ', 'DK', 'NO', 'FI'];
export const ALL_REGIONS: readonly CountryCode[] = [
  ...FIRST_OTHER_REGIONS,
  ...Object.keys(maxMetadata.countries).filter((c) => c !== '001' && !FIRST_OTHER_REGIONS.includes(c)).sort(),
] as CountryCode[];

/** Calling codes of more than one country, from the metadata. */
export const SHARED_CALLING_CODES: ReadonlySet<string> = new Set(
  Object.entries((maxMetadata as { country_calling_codes: Record<string, string[]> }).country_calling_codes)
    .filter(([, countries]) => countries.length > 1)
    .map(([code]) => code),
);
