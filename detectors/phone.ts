// Over 400 lines (about 1,100): metadata compilation, the span reader, look-alike heuristics and the
// matcher in one file. Issue 9 splits these four jobs; until then each has its own section below.
import {
  getCountryCallingCode,
  Metadata,
  parsePhoneNumberFromString,
  PhoneNumber,
  type CountryCode,
} from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { defineDetector } from './lib/define.js';
import type { Detector, ValidateContext } from './lib/types.js';
import { isDigit } from './lib/chars.js';

/**
 * Phone numbers: international (`+` or `00` and a country calling code, any country) and national
 * numbers of the configured regions (default CN, US, GB, DE, FR, JP, IN, HK), validated by
 * libphonenumber-js with the FULL metadata (`libphonenumber-js/max`).
 *
 * Validity alone is not enough: the US, DE, FR, JP and HK plans accept most digit runs of the right
 * length, so timestamps, pids and amounts would "validate". What is accepted:
 * - `+` and a valid number (`+86 138 0013 8000`, `+44 (0)20 7946 0958`, `+8613800138000`): 0.95.
 *   `00` likewise when the country code is its own group (`0086 138 0013 8000`); as one bare run
 *   (`008613800138000`) only a CN mobile or with a context word.
 * - a bare 11-digit CN mobile `1[3-9]` + 9 digits, bounded by non-digits, also right after its
 *   country code without the `+` (`8613800138000`): 0.95; grouped `86 138 0013 8000`: 0.9.
 * - a national number written with the region's own grouping: its digit groups are those of
 *   libphonenumber's national format (`(201) 555-0123`, `020 7946 0958`, `03-1234-5678`), or the
 *   prefixed area code and the rest as one run (`010-12345678`, `(021)12345678`); the national prefix
 *   as the format writes it (GB/DE/FR/JP numbers start with 0; US may have `1-` in front; an IN mobile
 *   may drop it): 0.9. Regions without a national prefix (HK `2123 4567`) need a context word too.
 * - any other valid national number with a context word (phone, tel, 手机号…): 0.85.
 * Digit runs that look like thousands (`12 345 678`), decimals (`13800138000.25`), parts of a
 * dashed token (`2024-13800138000`, UUIDs, MACs) or the tail of a longer digit sequence
 * (`090501 031726 337`) are not national numbers, and an order/transaction word before a national
 * number (without a phone word) rejects it.
 *
 * Speed: one libphonenumber call costs 3–15 µs (parsing 3–16 µs, isValid ~4 µs), so validate()
 * reads the span on char codes (digits, groups, brackets, separators) and rejects on counts first:
 * per-region digit counts, the national prefix, the group shapes of the region's formats (a table
 * indexed by group count, first group length and first digit), then the formats' leading-digits and
 * pattern regexes, compiled once per detector from the same metadata. Only a number that fits a
 * format of a region reaches the library, and then without parsing: the digits are already split
 * into country code and national number, so it builds the PhoneNumber from E.164 and asks isValid;
 * the national format's grouping is worked out from the same format list. The context words (a
 * look-up in the scanner) are only asked for when they can change the answer. Bare digit runs
 * other than CN mobiles never reach the library without a context word.
 */

/** Default regions for national numbers. */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['CN', 'US', 'GB', 'DE', 'FR', 'JP', 'IN', 'HK'];

const SCORE_INTERNATIONAL = 0.95;
const SCORE_CN_MOBILE = 0.95;
const SCORE_GROUPED = 0.9;
const SCORE_CONTEXT = 0.85;

const MIN_LEN = 8;
const MAX_LEN = 32;
/** `00` + a 15-digit E.164 number. */
const MAX_DIGITS = 17;
const MAX_GROUPS = 8;

/*
 * The shape, from the candidate start:
 *   international head  `+CC`, `(+CC)`, `+CC-` / `00CC ` (a `00` head needs its separator; a bare
 *                       `0086…` run is read by the body)
 *   one bracketed group `(021)`, `(201) `, `(0)` (trunk after a country code)
 *   the body            one run of 7–15 digits, or groups of 1–6 digits with ONE separator kind
 *                       (`-`, ` ` or `.`) and a last group of up to 8 (`010-12345678`).
 * Keeping the separator kind, ending on a long run and capping the last group stop the span before
 * the next field of a log line: in `13800138000 200`, `555-0123 2 times` or
 * `+86 151 9165 7954 1768305761` the number ends where the phone does. (A short number right after a
 * space-grouped phone, `138 0013 8000 200`, still joins it; the span is then no phone.)
 */
const SHAPE =
  /(?:(?:\+|\(\+)\d{1,3}\)?[ .-]?|00\d{1,3}[ .-])?(?:\(\d{1,5}\)[ .-]?)?(?:\d{7,15}|\d{1,6}(?:(?:-\d{1,6}){0,4}-\d{1,8}|(?: \d{1,6}){0,4} \d{1,8}|(?:\.\d{1,6}){0,4}\.\d{1,8})?)/y;

/* ---------------------------------------------------------------------------------------------- */
/* Metadata access                                                                                 */
/* ---------------------------------------------------------------------------------------------- */

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
const CALLING_CODE_LENGTHS: Int32Array = (() => {
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

/* ---------------------------------------------------------------------------------------------- */
/* Per-region plans, compiled once per detector                                                    */
/* ---------------------------------------------------------------------------------------------- */

const PREFIX_NONE = 0;
const PREFIX_GLUED = 1; // `0$1`: 020 7946 0958
const PREFIX_SEPARATE = 2; // `0 $1`: 0 800 12 34 56

interface FormatPlan {
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

interface RegionPlan {
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

function compileRegion(code: CountryCode): RegionPlan {
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

/* ---------------------------------------------------------------------------------------------- */
/* Reading a span (module scratch: validate is synchronous and not re-entered)                      */
/* ---------------------------------------------------------------------------------------------- */

const dig = new Uint8Array(MAX_DIGITS);
/** Written digit groups: length and index of the group's first digit in `dig`. */
const grp = new Int32Array(MAX_GROUPS);
const grpAt = new Int32Array(MAX_GROUPS);
/** Digit groups of a formatted number. */
const fmt = new Int32Array(MAX_GROUPS * 2);
let nd = 0;
let ng = 0;
let nf = 0;
let plus = false;
/** Index of the one bracketed group, or -1. */
let bracket = -1;
/** Bit 1: a space separates groups, 2: a dash, 4: a dot. */
let seps = 0;

const SEP_SPACE = 1;
const SEP_DASH = 2;
const SEP_DOT = 4;


/**
 * Fill the scratch from text[start, end): digits, groups, '+', one bracket pair around one group
 * (optionally `(+CC)`), separators. False on anything else.
 */
function readSpan(text: string, start: number, end: number): boolean {
  // Locals in the loop, module state once at the end (module `let`s are slower to update).
  let digits = 0;
  let groups = 0;
  let hasPlus = false;
  let bracketAt = -1;
  let sepKinds = 0;
  let inGroup = false;
  let openAt = -1; // groups when '(' was seen
  let sawOpen = false;
  let run = 0; // consecutive non-digits
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === MAX_DIGITS) return false;
      if (!inGroup) {
        if (groups === MAX_GROUPS) return false;
        grp[groups] = 0;
        grpAt[groups] = digits;
        groups++;
        inGroup = true;
      }
      dig[digits++] = c - 48;
      grp[groups - 1]++;
      run = 0;
      continue;
    }
    inGroup = false;
    if (++run > 2) return false;
    if (c === 32) sepKinds |= SEP_SPACE;
    else if (c === 45) sepKinds |= SEP_DASH;
    else if (c === 46) sepKinds |= SEP_DOT;
    else if (c === 43 /* + */) {
      if (digits > 0 || hasPlus) return false;
      hasPlus = true;
    } else if (c === 40 /* ( */) {
      if (sawOpen) return false;
      sawOpen = true;
      openAt = groups;
    } else if (c === 41 /* ) */) {
      if (openAt < 0 || groups !== openAt + 1) return false; // exactly one group inside
      bracketAt = openAt;
      openAt = -1;
    } else return false;
  }
  nd = digits;
  ng = groups;
  plus = hasPlus;
  bracket = bracketAt;
  seps = sepKinds;
  return digits > 0 && openAt < 0 && inGroup;
}

/** The digits dig[from, nd) as a string, leaving out index `skip`. Only for spans that got this far. */
function digitString(from: number, skip = -1): string {
  let s = '';
  for (let k = from; k < nd; k++) if (k !== skip) s += String.fromCharCode(48 + dig[k]);
  return s;
}

/** Digit groups of a formatted number into `fmt`; returns the number of digits. */
function readFormatted(s: string): number {
  nf = 0;
  let digits = 0;
  let inGroup = false;
  for (let i = 0; i < s.length; i++) {
    if (isDigit(s.charCodeAt(i))) {
      if (!inGroup) {
        if (nf === fmt.length) return -1;
        fmt[nf++] = 0;
        inGroup = true;
      }
      fmt[nf - 1]++;
      digits++;
    } else inGroup = false;
  }
  return digits;
}

/** The written groups from grp[from] on are the formatted ones. */
function groupsEqual(from: number): boolean {
  if (ng - from !== nf) return false;
  for (let k = 0; k < nf; k++) if (grp[from + k] !== fmt[k]) return false;
  return true;
}

/**
 * The span is followed by a decimal part (`.25`) or ends a number grouped in thousands (`…,380,013`
 * then `,500`): an amount. After an unbroken run of more than three digits a `,` and three digits is
 * no thousands group but the next item of a list (`[13800138000,100]`, `13800138000,192.0.2.1`).
 */
function followedByAmount(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c === 46) return isDigit(text.charCodeAt(end + 1));
  if (c === 44) {
    return (
      !isDigit(text.charCodeAt(end - 4)) &&
      isDigit(text.charCodeAt(end + 1)) &&
      isDigit(text.charCodeAt(end + 2)) &&
      isDigit(text.charCodeAt(end + 3)) &&
      !isDigit(text.charCodeAt(end + 4))
    );
  }
  return false;
}

/**
 * A `-` or `.` joins the span to more of a token: `2024-13800138000`, `13800138000-01`, the UUID
 * `414f2caf-0851-4902-a4a7-…`, the MACs `06-74-04-32-34-0F` and `0621.5916.fa0a`, the host
 * `ip-10-0-1-17`. An id, not a phone. (A sentence's full stop is followed by a space or the end.)
 */
function dashJoined(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  return (
    (before === 45 && isAlnumCode(text.charCodeAt(start - 2))) ||
    // `Tel.13800138000`, `No.138…`: a dot after a word is an abbreviation's; after a digit it joins.
    (before === 46 && isDigit(text.charCodeAt(start - 2))) ||
    ((after === 45 || after === 46) && isAlnumCode(text.charCodeAt(end + 1)))
  );
}

/**
 * The candidate is the tail of a span the shape also matches from an earlier start, so the scanner
 * offers that span too, and if it is a phone it is the longer one: right after a `+` (`+852 5682 4086`
 * offers `852 …`), or after a group of at most 6 digits and the separator the candidate uses itself
 * (`+86 138 0013 8000` offers `138 0013 8000`; `090501 031726 337`, `5103 0852 6810 5380`). A tail of a
 * digit sequence that is not a phone is not one either. After a longer run (`ts=20241113173618
 * 029-59803720`), another separator (`12:00:00 138 0013 8000`), or a group that is itself the end of
 * `1.5`, `12:00` or `08:00:03,187`, the candidate starts a token of its own.
 */
function continuesNumber(text: string, start: number): boolean {
  const sep = text.charCodeAt(start - 1);
  if (sep === 43 /* + */) return true;
  if (sep !== 32 && sep !== 45 && sep !== 46) return false;
  // The candidate's own separators, if it has any, must be this one (the shape keeps one kind).
  if (ng > 1 && seps !== (sep === 32 ? SEP_SPACE : sep === 45 ? SEP_DASH : SEP_DOT)) return false;
  // A run of more than 8 digits is never a later group of the shape's body.
  if (ng === 1 && nd > 8) return false;
  let i = start - 2;
  if (!isDigit(text.charCodeAt(i))) return false;
  let run = 1;
  while (i > 0 && isDigit(text.charCodeAt(i - 1))) {
    i--;
    if (++run > 6) return false;
  }
  if (i === 0) return true;
  const before = text.charCodeAt(i - 1);
  if (isAlnumCode(before)) return false;
  // `12:00:00 138…`, `1.5 138…`, `08:00:03,187 138…`: the group ends a time, a decimal or a timestamp's
  // milliseconds. `卡号:6232 0574…` is a label.
  return !((before === 58 || before === 46 || before === 44) && isDigit(text.charCodeAt(i - 2)));
}

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Groups of four after a group of four letters and digits: the rest of a grouped IBAN
 * (`GB70 LOYD 0049 0752 4827 32`), whose bank code may be letters.
 */
function ibanLike(text: string, start: number): boolean {
  if (ng < 2 || text.charCodeAt(start - 1) !== 32) return false;
  for (let k = 0; k < ng - 1; k++) if (grp[k] !== 4) return false;
  if (grp[ng - 1] > 4) return false;
  for (let i = start - 5; i < start - 1; i++) if (i < 0 || !isAlnumCode(text.charCodeAt(i))) return false;
  return start - 6 < 0 || !isAlnumCode(text.charCodeAt(start - 6));
}

/** `2026-02-24`, `24-02-2026`: grouped as a date (a region format that writes so was tried before). */
function dateLike(): boolean {
  return ng === 3 && grp[1] === 2 && ((grp[0] === 4 && grp[2] === 2) || (grp[0] === 2 && grp[2] === 4));
}

/** `1 234 567`, `12.345.678`: a number grouped in thousands, not a national phone number. */
function thousandsLike(): boolean {
  if (bracket >= 0 || (seps & SEP_DASH) !== 0 || ng < 2 || grp[0] > 3) return false;
  for (let k = 1; k < ng; k++) if (grp[k] !== 3) return false;
  return true;
}

/** The number `+cc nsn` if libphonenumber says it is valid. Cheaper than parsing: the digits are known. */
function validNumber(callingCode: string, nsn: string): PhoneNumber | undefined {
  const e164 = `+${callingCode}${nsn}`;
  const p = new PhoneNumber(e164);
  if (p.isValid()) return p;
  // A calling code several countries share (+1: US, CA, JM…; +7: RU, KZ; +44: GB, GG…) is checked
  // above against its main country only; parsing finds the country the number belongs to.
  if (!SHARED_CALLING_CODES.has(callingCode)) return undefined;
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.isValid() ? parsed : undefined;
}

/** Calling codes of more than one country, from the metadata. */
const SHARED_CALLING_CODES: ReadonlySet<string> = new Set(
  Object.entries((maxMetadata as { country_calling_codes: Record<string, string[]> }).country_calling_codes)
    .filter(([, countries]) => countries.length > 1)
    .map(([code]) => code),
);

/**
 * The digit groups of the national format of `nsn` into `fmt`, as libphonenumber's formatNational()
 * writes them: the first format whose leading digits and pattern fit, the national prefix as its
 * rule puts it (left out if `withPrefix` is false and the format allows that). Returns the number of
 * prefix digits written; without a fitting format the number is one group.
 */
function nationalGroups(r: RegionPlan, nsn: string, withPrefix: boolean): number {
  for (const f of r.formats) {
    if (f.leading && !f.leading.test(nsn)) continue;
    const m = f.pattern.exec(nsn);
    if (!m) continue;
    const prefixed = withPrefix || !f.prefixOptional;
    nf = 0;
    let pf = 0;
    if (prefixed) {
      for (const g of f.prefixGroups) {
        fmt[nf++] = g;
        pf += g;
      }
    }
    for (let k = 1; k < m.length && nf < fmt.length; k++) fmt[nf++] = m[k].length;
    if (prefixed && f.prefixGlued > 0) {
      fmt[f.prefixGroups.length] += f.prefixGlued;
      pf += f.prefixGlued;
    }
    return pf;
  }
  nf = 1;
  fmt[0] = nsn.length;
  return 0;
}

function isMobile(p: PhoneNumber): boolean {
  const type = p.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}

/* ---------------------------------------------------------------------------------------------- */
/* The detector                                                                                    */
/* ---------------------------------------------------------------------------------------------- */

/** Context as validate() sees it, or fixed for normalize(). */
type Ctx = Pick<ValidateContext, 'context' | 'negative'>;
const ASSUME_CONTEXT: Ctx = { context: true, negative: false };

/** One way a national number can be written: region, national prefix digits written, format. */
interface WrittenForm {
  readonly r: RegionPlan;
  /** Index of (region, prefix written or not), for trying the library once per pair. */
  readonly slot: number;
  readonly pw: number;
  readonly f: FormatPlan;
}

/**
 * Index of the written forms by (number of groups, length of the first group, first digit): a form
 * that writes the national prefix is only listed under the prefix's first digit. Most candidates
 * (dates, versions, card-like groups) find an empty or short list.
 */
function formIndex(groups: number, firstGroup: number, firstDigit: number): number {
  return (groups * (MAX_DIGITS + 1) + firstGroup) * 10 + firstDigit;
}

function writtenForms(regions: readonly RegionPlan[]): WrittenForm[][] {
  const table: WrittenForm[][] = Array.from({ length: formIndex(MAX_GROUPS + 1, 0, 0) }, () => []);
  const add = (groups: number, lo: number, hi: number, form: WrittenForm) => {
    if (groups > MAX_GROUPS) return;
    for (let g0 = lo; g0 <= hi && g0 <= MAX_DIGITS; g0++) {
      for (let d = 0; d < 10; d++) {
        if (form.pw === 0 || form.r.prefix[0] === d) table[formIndex(groups, g0, d)].push(form);
      }
    }
  };
  regions.forEach((r, ri) => {
    const pl = r.prefix.length;
    for (const f of r.formats) {
      const n = f.min.length;
      if (f.prefixMode === PREFIX_NONE || f.prefixOptional) add(n, f.min[0], f.max[0], { r, slot: 2 * ri, pw: 0, f });
      if (pl === 0) continue;
      const form = { r, slot: 2 * ri + 1, pw: pl, f };
      if (f.prefixMode === PREFIX_GLUED) {
        add(n, f.min[0] + pl, f.max[0] + pl, form);
        if (n >= 3) add(2, f.min[0] + pl, f.max[0] + pl, form); // area code + rest: 010-12345678
      } else add(n + 1, pl, pl, form); // the prefix as a group of its own: 1-201-555-0123
    }
  });
  return table;
}

/**
 * For reading a number with a context word (byContext): [digits written * 10 + first digit] -> the
 * ways it could be written, in region order, the prefixed form first. A format is listed without the
 * prefix if it writes none, or may drop it and is the format of the region's mobiles (libphonenumber's
 * example mobile number). Epoch seconds (10 digits from 1) find only IN's 140 format here, whose
 * leading digits reject them before the context words are looked at.
 */
function contextForms(regions: readonly RegionPlan[]): WrittenForm[][] {
  const table: WrittenForm[][] = Array.from({ length: (MAX_DIGITS + 1) * 10 }, () => []);
  regions.forEach((r, ri) => {
    const pl = r.prefix.length;
    for (let pass = pl > 0 ? 0 : 1; pass < 2; pass++) {
      const pw = pass === 0 ? pl : 0;
      for (const f of r.formats) {
        if (pw === 0 && f.prefixMode !== PREFIX_NONE && !(f.prefixOptional && f === r.mobileFormat)) continue;
        const form: WrittenForm = { r, slot: 2 * ri + (pw > 0 ? 1 : 0), pw, f };
        for (let nsnLen = f.totalMin; nsnLen <= f.totalMax && nsnLen + pw <= MAX_DIGITS; nsnLen++) {
          if ((r.nsnMask & (1 << nsnLen)) === 0) continue;
          for (let d = 0; d < 10; d++) {
            const first = pw > 0 ? r.prefix[0] === d : (f.firstDigits & (1 << d)) !== 0;
            const list = table[(nsnLen + pw) * 10 + d];
            if (first && !list.includes(form)) list.push(form);
          }
        }
      }
    }
  });
  return table;
}

class PhoneMatcher {
  private readonly regions: readonly RegionPlan[];
  private readonly writtenUnion: number;
  private readonly cnMobile: boolean;
  private readonly forms: readonly (readonly WrittenForm[])[];
  /** slot -> the call that last asked the library about it (once per region and prefix per call). */
  private readonly tried: Int32Array;
  private call = 0;
  private readonly contextForms: readonly (readonly WrittenForm[])[];
  /** E.164 of the last accepted number (read by normalize). */
  number = '';

  constructor(codes: readonly CountryCode[]) {
    if (codes.length === 0) throw new Error('phone: no regions');
    this.regions = codes.map(compileRegion);
    this.writtenUnion = this.regions.reduce((m, r) => m | r.writtenMask, 0);
    this.cnMobile = codes.includes('CN');
    this.forms = writtenForms(this.regions);
    this.tried = new Int32Array(2 * codes.length);
    this.contextForms = contextForms(this.regions);
  }

  /** The score of text[start, end) as a phone number, 0 if it is not one. */
  score(text: string, start: number, end: number, ctx: Ctx): number {
    if (end - start > MAX_LEN || !readSpan(text, start, end) || nd < 7) return 0;
    if (plus) return this.international(0, ctx);
    if (dig[0] === 0 && dig[1] === 0) {
      // `00` is a dialling prefix at the start of a token, not inside a card number or an id.
      if (dig[2] === 0 || dashJoined(text, start, end) || continuesNumber(text, start) || ibanLike(text, start)) {
        return 0;
      }
      return this.international(2, ctx);
    }
    return this.national(text, start, end, ctx);
  }

  /** `+CC…` (s = 0) or `00CC…` (s = 2): the country code, the length of the rest, then the library. */
  private international(s: number, ctx: Ctx): number {
    if (dig[s] === 0) return 0;
    let cc = 0;
    let ccLen = 0;
    for (let k = 0; k < 3 && s + k < nd; k++) {
      cc = cc * 10 + dig[s + k];
      if (CALLING_CODE_LENGTHS[cc] !== 0) {
        ccLen = k + 1;
        break;
      }
    }
    if (ccLen === 0) return 0;
    const nsnAt = s + ccLen;
    // Brackets hold the country code `(+86)`, the area code `+1 (201)` or the trunk `+44 (0)20`.
    if (bracket >= 0 && grpAt[bracket] !== s && grpAt[bracket] !== nsnAt) return 0;
    // A trunk prefix after the country code is not part of the number: `+44 (0)20 …` and the common
    // mistake `+86 0755 …` (libphonenumber's parser drops it too, when the rest is a valid number).
    const lengths = CALLING_CODE_LENGTHS[cc];
    const bracketTrunk = bracket >= 0 && grpAt[bracket] === nsnAt && grp[bracket] === 1 && dig[nsnAt] === 0;
    const nsnLen = nd - nsnAt - (bracketTrunk ? 1 : 0);
    const trunkLen = !bracketTrunk && dig[nsnAt] === 0 ? nsnLen - 1 : 0;
    const possible = (lengths & (1 << nsnLen)) !== 0 && nsnLen >= 4;
    const possibleWithoutTrunk = trunkLen >= 4 && (lengths & (1 << trunkLen)) !== 0;
    if (!possible && !possibleWithoutTrunk) return 0;
    if (s === 2) {
      if (ng === 1) {
        // A bare `00…` run is as often a zero-padded id: only a CN mobile, or with a context word.
        const cnMobile = cc === 86 && nsnLen === 11 && dig[4] === 1 && dig[5] >= 3;
        if (!cnMobile && !ctx.context) return 0;
      } else if (!this.groupStartsAt(nsnAt)) return 0; // `0086 138…`: the country code is its own group
    }
    let ccText = '';
    for (let k = s; k < nsnAt; k++) ccText += String.fromCharCode(48 + dig[k]);
    let p = possible ? validNumber(ccText, digitString(nsnAt, bracketTrunk ? nsnAt : -1)) : undefined;
    if (!p && possibleWithoutTrunk) p = validNumber(ccText, digitString(nsnAt + 1));
    if (!p) return 0;
    this.number = p.number;
    return SCORE_INTERNATIONAL;
  }

  /**
   * An order/transaction word before the number and no phone word: an order number. Unless another
   * number sits right before this one (`serial=9063547552795721 13275342480`): the word is its label.
   */
  private ordered(text: string, start: number, ctx: Ctx): boolean {
    if (!ctx.negative || ctx.context) return false;
    for (let i = start - 1, n = 0; i >= 0 && n < 3; i--, n++) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) return false;
      if (c !== 32 && c !== 58 && c !== 61 && c !== 0xff1a) break; // space : = ：
    }
    return true;
  }

  private groupStartsAt(digitIndex: number): boolean {
    for (let k = 1; k < ng; k++) if (grpAt[k] === digitIndex) return true;
    return false;
  }

  private national(text: string, start: number, end: number, ctx: Ctx): number {
    // `8613800138000`, `86 138 0013 8000`: a CN mobile with its country code but no `+`, as SMS
    // gateways log them.
    const cnMobileAt = !this.cnMobile ? -1 : ng === 1 ? cnMobileStart() : cnMobileAfter86Group();
    if (cnMobileAt < 0 && (this.writtenUnion & (1 << nd)) === 0) return 0;
    // One bare run: a CN mobile as it stands, anything else only with a phone word. Most number-like
    // tokens of a log are such runs (ids, epoch times, sizes), and most lines have no phone word:
    // asking first (one cached answer per line) spares them every format pattern below.
    if (ng === 1 && bracket < 0 && cnMobileAt < 0 && !ctx.context) return 0;
    if (followedByAmount(text, end) || dashJoined(text, start, end) || ibanLike(text, start)) return 0;
    const tail = continuesNumber(text, start);
    if (ng === 1) {
      if (tail) return 0;
      if (cnMobileAt >= 0) {
        const p = validNumber('86', digitString(cnMobileAt));
        if (p) {
          if (this.ordered(text, start, ctx)) return 0;
          this.number = p.number;
          return SCORE_CN_MOBILE;
        }
      }
      return this.contextForm(0, text, start) >= 0 && ctx.context ? this.byContext(text, start) : 0;
    }
    // A bracket holds the area code, at the front: `(021)12345678`, `(201) 555-0123`.
    if (bracket > 0 || tail) return 0;
    if (cnMobileAt >= 0) {
      const p = validNumber('86', digitString(cnMobileAt));
      if (p) {
        if (this.ordered(text, start, ctx)) return 0;
        this.number = p.number;
        return SCORE_GROUPED;
      }
    }
    let context = -1; // unknown until asked: the scanner computes it lazily
    // Grouped otherwise than the region writes it, a context word may still make it a phone, but not
    // a version/IP (dots), a date (2026-02-24) or a run of long groups (081109 203615 148).
    const contextMayHelp =
      (seps & SEP_DOT) === 0 && grp[0] <= 5 && !dateLike() && this.contextForm(0, text, start) >= 0;
    if (thousandsLike()) {
      if (!contextMayHelp || !ctx.context) return 0;
      context = 1;
    }
    const forms = this.forms[formIndex(ng, grp[0], dig[0])];
    if (forms.length > 0) {
      const call = ++this.call;
      let nsn0: string | null = null;
      let nsn1: string | null = null;
      for (let k = 0; k < forms.length; k++) {
        const { r, slot, pw, f } = forms[k];
        if (this.tried[slot] === call || (r.nsnMask & (1 << (nd - pw))) === 0) continue;
        if (pw > 0 && !startsWithPrefix(r)) continue;
        if (!shapeFits(f, pw)) continue;
        const nsn = pw === 0 ? (nsn0 ??= digitString(0)) : pw === 1 ? (nsn1 ??= digitString(1)) : digitString(pw);
        if ((f.leading && !f.leading.test(nsn)) || !f.pattern.test(nsn)) continue;
        if (r.needsContext) {
          if (context < 0) context = ctx.context ? 1 : 0;
          if (context === 0) continue;
        }
        // The library formats with the first format that fits; ask it once per region and prefix.
        this.tried[slot] = call;
        if (this.confirm(r, pw)) {
          if (context < 1 && this.ordered(text, start, ctx)) return 0;
          return SCORE_GROUPED;
        }
      }
    }
    if (!contextMayHelp) return 0;
    if (context < 0) context = ctx.context ? 1 : 0;
    return context === 1 ? this.byContext(text, start) : 0;
  }

  /**
   * The index in contextForms of the first way, from `from` on, that the digits fit a format (leading
   * digits and pattern, with the national prefix as the form writes it); -1 if none. No library call:
   * this decides whether the context words are worth looking up.
   */
  private contextForm(from: number, text: string, start: number): number {
    const forms = this.contextForms[nd * 10 + dig[0]];
    let nsn0: string | null = null;
    let nsn1: string | null = null;
    for (let k = from; k < forms.length; k++) {
      const { r, pw, f } = forms[k];
      if (pw > 0 && !startsWithPrefix(r)) continue;
      if (ng === 1 && bracket < 0) {
        // One run of digits: match in the text itself, nothing to build (epoch seconds, ids).
        const at = start + pw;
        if (f.leadingAt) {
          f.leadingAt.lastIndex = at;
          if (!f.leadingAt.test(text)) continue;
        }
        f.patternAt.lastIndex = at;
        if (f.patternAt.test(text)) return k;
        continue;
      }
      const nsn = pw === 0 ? (nsn0 ??= digitString(0)) : pw === 1 ? (nsn1 ??= digitString(1)) : digitString(pw);
      if ((!f.leading || f.leading.test(nsn)) && f.pattern.test(nsn)) return k;
    }
    return -1;
  }

  /**
   * With a context word the grouping is not needed, the rest is: the first region where the digits,
   * with the national prefix as the region writes it, fit a format and are a valid number.
   */
  private byContext(text: string, start: number): number {
    const forms = this.contextForms[nd * 10 + dig[0]];
    const call = ++this.call;
    for (let k = this.contextForm(0, text, start); k >= 0; k = this.contextForm(k + 1, text, start)) {
      const { r, slot, pw, f } = forms[k];
      // The library's answer does not depend on the format: once per region and prefix.
      if (this.tried[slot] === call) continue;
      this.tried[slot] = call;
      const p = validNumber(r.callingCode, digitString(pw));
      if (!p) continue;
      // Without the prefix a format that writes one: mobiles only (`98765 43210`, not `1123456789`).
      if (pw === 0 && f.prefixMode !== PREFIX_NONE && !isMobile(p)) continue;
      this.number = p.number;
      return SCORE_CONTEXT;
    }
    return 0;
  }


  /** libphonenumber: valid for the region, and its national format has the written grouping. */
  private confirm(r: RegionPlan, pw: number): boolean {
    const nsn = digitString(pw);
    const p = validNumber(r.callingCode, nsn);
    if (!p) return false;
    const nsnLen = nsn.length;
    const pf = r.exactFormats ? nationalGroups(r, nsn, true) : readFormatted(p.formatNational()) - nsnLen;
    let ok = false;
    if (pf === pw) {
      // `020 7946 0958` as formatted, or the prefixed area code and the rest: `010-12345678`.
      ok =
        groupsEqual(0) ||
        (pw > 0 && ng === 2 && nf >= 3 && grp[0] === fmt[0] && grp[1] === nsnLen + pw - fmt[0]);
    } else if (pw > 0 && pf === 0) {
      // `1-201-555-0123`: the prefix as a group of its own.
      ok = grp[0] === pw && groupsEqual(1);
    } else if (pw === 0 && pf > 0) {
      // `98765 43210` (IN mobile): the format may drop its prefix; only for mobiles, so that
      // `10 1234 5678` is not read as Beijing's `010 1234 5678`.
      const bare = r.exactFormats
        ? nationalGroups(r, nsn, false) === 0
        : readFormatted(p.format('NATIONAL', { nationalPrefix: false })) === nsnLen;
      ok = bare && groupsEqual(0) && isMobile(p);
    }
    if (ok) this.number = p.number;
    return ok;
  }

}

/**
 * Where a CN mobile number (`1[3-9]` + 9 digits) starts in one bare run: 0 for the 11 digits alone,
 * 2 after the country code `86` (13 digits); -1 if the run is neither.
 */
function cnMobileStart(): number {
  const at = nd === 11 ? 0 : nd === 13 && dig[0] === 8 && dig[1] === 6 ? 2 : -1;
  return at >= 0 && dig[at] === 1 && dig[at + 1] >= 3 ? at : -1;
}

/** `86` as a group of its own, then the mobile written 3-4-4: where the mobile starts (2), or -1. */
function cnMobileAfter86Group(): number {
  const grouped = nd === 13 && ng === 4 && grp[0] === 2 && grp[1] === 3 && grp[2] === 4 && grp[3] === 4;
  return grouped ? cnMobileStart() : -1;
}

function startsWithPrefix(r: RegionPlan): boolean {
  for (let k = 0; k < r.prefix.length; k++) if (dig[k] !== r.prefix[k]) return false;
  return true;
}

/** Cheap: could a number written with groups `grp` (national prefix: `pw` digits) be in format f? */
function shapeFits(f: FormatPlan, pw: number): boolean {
  const n = f.min.length;
  if (pw === 0) {
    if (f.prefixMode !== PREFIX_NONE && !f.prefixOptional) return false;
    if (ng !== n) return false;
    for (let k = 0; k < n; k++) if (grp[k] < f.min[k] || grp[k] > f.max[k]) return false;
    return true;
  }
  if (f.prefixMode === PREFIX_GLUED) {
    const first = grp[0] - pw;
    if (first < f.min[0] || first > f.max[0]) return false;
    if (ng === 2 && n >= 3) return grp[1] >= f.restMin && grp[1] <= f.restMax; // area code + rest
    if (ng !== n) return false;
    for (let k = 1; k < n; k++) if (grp[k] < f.min[k] || grp[k] > f.max[k]) return false;
    return true;
  }
  // No prefix in the format, or a separate one (`0 800 …`, `1 201 …`): the prefix is its own group.
  if (grp[0] !== pw || ng !== n + 1) return false;
  for (let k = 0; k < n; k++) if (grp[k + 1] < f.min[k] || grp[k + 1] > f.max[k]) return false;
  return true;
}

/**
 * A PHONE detector for national numbers of `regions` (in priority order: a national number valid in
 * several is normalized to the first). International numbers are found for every country.
 */
export function makePhoneDetector(regions: readonly CountryCode[]): Detector<'PHONE'> {
  const matcher = new PhoneMatcher(regions);
  return defineDetector({
    type: 'PHONE',
    name: 'phone',
    candidate: 'digits',
    minLen: MIN_LEN,
    maxLen: MAX_LEN,
    shape: SHAPE,
    validate(text, start, end, ctx) {
      return matcher.score(text, start, end, ctx);
    },
    context: {
      words: [
        'phone',
        'phone no',
        'phone number',
        'telephone',
        'tel',
        'mobile',
        'mobile no',
        'cell',
        'cellphone',
        'fax',
        'msisdn',
        'sms',
        'whatsapp',
        'contact number',
        '电话',
        '電話',
        '手机',
        '手機',
        '手机号',
        '手机号码',
        '電話號碼',
        '电话号码',
        '联系方式',
        '聯絡方式',
        '联系电话',
        '聯絡電話',
        '座机',
        '固话',
        '传真',
        '傳真',
      ],
      // Before a national number and without a phone word: an order/transaction number.
      negative: [
        'order',
        'order_id',
        'orderid',
        'order no',
        'invoice',
        'txn',
        'transaction',
        'trade',
        'serial',
        'sku',
        '订单',
        '訂單',
        '单号',
        '單號',
        '流水',
        '交易',
      ],
    },
    normalize(value) {
      matcher.number = '';
      if (matcher.score(value, 0, value.length, ASSUME_CONTEXT) > 0 && matcher.number) return matcher.number;
      // Not a number any region reads (it was found with another region set): keep '+' and digits.
      let out = '';
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (isDigit(c) || (c === 43 && out === '')) out += value[i];
      }
      return out;
    },
    examples: {
      match: [
        '+86 138 0013 8000',
        '+8613800138000',
        '0086 138-0013-8000',
        '13800138000',
        '138 0013 8000',
        '010-12345678',
        '(021)12345678',
        '(201) 555-0123',
        '+1 201-555-0123',
        '020 7946 0958',
        '+44 (0)20 7946 0958',
        '01 99 00 12 34',
        '03-1234-5678',
        '98765 43210',
        'tel: 2123 4567',
        '+852 2123 4567',
      ],
      noMatch: [
        '20260224122641', // compact timestamp
        '081109 203615', // HDFS date and time
        '1708761601123', // epoch millis
        '1708761601', // epoch seconds
        '27,240.52', // amount
        '10.0.10625.1189', // version
        '192.0.2.17', // IPv4
        '2026-02-24', // date
        '2123 4567', // HK digits without context
        '20 7946 0958', // GB without its national prefix
        '12 345 678', // thousands
        'order 13800138000', // order number
      ],
    },
  });
}

export default makePhoneDetector(DEFAULT_PHONE_REGIONS);
