// Over 400 lines: the matcher's steps share one span reader and one per-call cache of library answers.
// The matcher: is a span a phone number, and with what score. Reads the span (span.ts), rejects
// look-alikes (lookalikes.ts), compares the digits with the compiled plan (plan.ts, forms.ts) and asks
// libphonenumber-js (library.ts) only about numbers that fit a format of a region.
// Just over 400 lines: international, national, other-region and context readings share one span
// reader and the per-call table of formats already asked about; split apart, each would pass them on.
import type { CountryCode } from 'libphonenumber-js/max';
import { isDigit } from '../lib/chars.js';
import type { ValidateContext } from '../lib/types.js';
import { beforeGluedExtension, dashExtensionEnd } from './extension.js';
import { contextForms, formIndex, othersThan, writtenForms, type OtherRegions, type WrittenForm } from './forms.js';
import {
  afterWord,
  continuesNumber,
  dashJoined,
  dateLike,
  followedByAmount,
  groupFollows,
  ibanLike,
  slashJoined,
  thousandsLike,
  timeLike,
  underscoreId,
  versionLike,
} from './lookalikes.js';
import { CALLING_CODE_LENGTHS, compileRegion, PREFIX_NONE } from './plan.js';
import { isMobile, validNumber } from './library.js';
import type { RegionPlan } from './plan.js';
import { SEP_DOT, SpanReader } from './span.js';

export const SCORE_INTERNATIONAL = 0.95;
export const SCORE_CN_MOBILE = 0.95;
export const SCORE_GROUPED = 0.9;
export const SCORE_CONTEXT = 0.85;

/** Longest span read (characters). */
export const MAX_LEN = 32;

/** Context as validate() sees it, or fixed for e164(). */
export type Ctx = Pick<ValidateContext, 'context' | 'negative' | 'whole'>;
const ASSUME_CONTEXT: Ctx = { context: true, negative: false };

/** Phone numbers of every country written internationally, and national numbers of `regions`. */
export class PhoneMatcher {
  private readonly regions: readonly RegionPlan[];
  private readonly writtenUnion: number;
  private readonly cnMobile: boolean;
  private readonly forms: readonly (readonly WrittenForm[])[];
  /** slot -> the call that last asked the library about it (once per region and prefix per call). */
  private readonly tried: Int32Array;
  private call = 0;
  private readonly contextForms: readonly (readonly WrittenForm[])[];
  private readonly codes: readonly CountryCode[];
  private others: OtherRegions | undefined;
  /** The span being scored, read in place (one reader: score() is synchronous and not re-entered). */
  private readonly span = new SpanReader();
  /** E.164 of the number the running score() accepts; only e164() reads it. */
  private number = '';
  /** Set by national() when another region may read the span (otherRegion). */
  private other = false;
  /** The span is the whole of an unnamed value (ValidateContext.whole): see national(). */
  private whole = false;

  /** `codes`: the regions of national numbers, in priority order. */
  constructor(codes: readonly CountryCode[]) {
    if (codes.length === 0) throw new Error('phone: no regions');
    this.regions = codes.map(compileRegion);
    this.writtenUnion = this.regions.reduce((m, r) => m | r.writtenMask, 0);
    this.cnMobile = codes.includes('CN');
    this.forms = writtenForms(this.regions);
    this.tried = new Int32Array(2 * codes.length);
    this.contextForms = contextForms(this.regions);
    this.codes = codes;
  }

  /**
   * The E.164 form of `value` read as a whole with a phone word before it (a found value is
   * normalized so); '' if no region of this matcher reads it.
   */
  e164(value: string): string {
    this.number = '';
    return this.score(value, 0, value.length, ASSUME_CONTEXT) > 0 ? this.number : '';
  }

  /** The score of text[start, found) as a phone number (an extension glued on with `x` left out), 0 if it is not one. */
  score(text: string, start: number, found: number, ctx: Ctx): number {
    const s = this.span;
    const end = beforeGluedExtension(text, start, found);
    if (end - start > MAX_LEN || slashJoined(text, start, end) || !s.read(text, start, end) || s.nd < 7) return 0;
    if (underscoreId(s, text, start)) return 0;
    if (s.plus) return this.international(0, ctx);
    this.whole = ctx.whole === true && start === 0 && found === text.length;
    if (s.dig[0] === 0 && s.dig[1] === 0) {
      // `00` is a dialling prefix at the start of a token, not inside a card number or an id.
      if (s.dig[2] === 0 || dashJoined(text, start, end)) return 0;
      if (continuesNumber(s, text, start) || ibanLike(s, text, start)) return 0;
      return this.international(2, ctx);
    }
    this.other = false;
    const national = this.national(text, start, end, ctx);
    if (national > 0) return national;
    // `(852) 5123 4567`, `(86)138 0013 8000`: a country code in brackets, without its `+`.
    if (s.bracket === 0 && s.grp[0] <= 3 && s.ng >= 2 && s.dig[0] !== 0) {
      const bracketed = this.bracketedCountryCode(text, start, end);
      if (bracketed > 0) return bracketed;
    }
    return this.other ? this.otherRegion(text, start, end, ctx) : 0;
  }

  /** national(): no configured region reads the span, but it is no look-alike either. */
  private notConfigured(): number {
    this.other = true;
    return 0;
  }

  /** The bracketed first group is a country calling code and the rest a valid number of it. */
  private bracketedCountryCode(text: string, start: number, end: number): number {
    const span = this.span;
    const ccLen = span.grp[0];
    let cc = 0;
    for (let k = 0; k < ccLen; k++) cc = cc * 10 + span.dig[k];
    const lengths = CALLING_CODE_LENGTHS[cc];
    if (lengths === 0 || followedByAmount(text, end) || dashJoined(text, start, end)) return 0;
    // `(44) (0)20 …` cannot be written (one bracket), but `(44) 020 7946 0958` is: a trunk 0 is dropped.
    const trunk = span.dig[ccLen] === 0 ? 1 : 0;
    if ((lengths & (1 << (span.nd - ccLen - trunk))) === 0) return 0;
    const p = validNumber(String(cc), span.digitString(ccLen + trunk));
    if (!p) return 0;
    this.number = p.number;
    return SCORE_GROUPED;
  }

  /** `+CC…` (at = 0) or `00CC…` (at = 2): the country code, the length of the rest, then the library. */
  private international(at: number, ctx: Ctx): number {
    const span = this.span;
    const { dig, grp, grpAt, nd, ng, bracket } = span;
    if (dig[at] === 0) return 0;
    let cc = 0;
    let ccLen = 0;
    for (let k = 0; k < 3 && at + k < nd; k++) {
      cc = cc * 10 + dig[at + k];
      if (CALLING_CODE_LENGTHS[cc] !== 0) {
        ccLen = k + 1;
        break;
      }
    }
    if (ccLen === 0) return 0;
    const nsnAt = at + ccLen;
    // Brackets hold the country code `(+86)`, the area code `+1 (201)` or the trunk `+44 (0)20`.
    // `(0049) 30 123456` writes the `00` and the code in brackets.
    // With a phone word, or as a whole unnamed value (grouped), the `00` group may run into the
    // number (`(0073) 466752718`, `00461 3742107`).
    const word = ctx.context || (this.whole && ng > 1);
    const bracketedHead = at === 2 && bracket === 0 && (grp[0] === nsnAt || word);
    if (bracket >= 0 && grpAt[bracket] !== at && grpAt[bracket] !== nsnAt && !bracketedHead) return 0;
    // A trunk prefix after the country code is not part of the number: `+44 (0)20 …` and the common
    // mistake `+86 0755 …` (libphonenumber's parser drops it too, when the rest is a valid number).
    const lengths = CALLING_CODE_LENGTHS[cc];
    const bracketTrunk = bracket >= 0 && grpAt[bracket] === nsnAt && grp[bracket] === 1 && dig[nsnAt] === 0;
    const nsnLen = nd - nsnAt - (bracketTrunk ? 1 : 0);
    const trunkLen = !bracketTrunk && dig[nsnAt] === 0 ? nsnLen - 1 : 0;
    const possible = (lengths & (1 << nsnLen)) !== 0 && nsnLen >= 4;
    const possibleWithoutTrunk = trunkLen >= 4 && (lengths & (1 << trunkLen)) !== 0;
    if (!possible && !possibleWithoutTrunk) return 0;
    if (at === 2) {
      if (ng === 1) {
        // A bare `00…` run is as often a zero-padded id: only a CN mobile, or with a context word.
        const cnMobile = cc === 86 && nsnLen === 11 && dig[4] === 1 && dig[5] >= 3;
        if (!cnMobile && !ctx.context) return 0;
      } else if (!span.groupStartsAt(nsnAt) && !word) return 0; // `0086 138…`: the country code is its own group
    }
    let ccText = '';
    for (let k = at; k < nsnAt; k++) ccText += String.fromCharCode(48 + dig[k]);
    let p = possible ? validNumber(ccText, span.digitString(nsnAt, bracketTrunk ? nsnAt : -1)) : undefined;
    if (!p && possibleWithoutTrunk) p = validNumber(ccText, span.digitString(nsnAt + 1));
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

  private national(text: string, start: number, end: number, ctx: Ctx): number {
    const span = this.span;
    const { dig, grp, nd, ng, bracket, seps } = span;
    // `8613800138000`, `86 138 0013 8000`: a CN mobile with its country code but no `+`, as SMS
    // gateways log them.
    const cnMobileAt = !this.cnMobile ? -1 : ng === 1 ? span.cnMobileStart() : span.cnMobileAfter86Group();
    if (cnMobileAt < 0 && (this.writtenUnion & (1 << nd)) === 0) return this.notConfigured();
    // A whole unnamed value (a bound SQL string) counts as a phone word for the configured regions:
    // its ends are the number's, as a phone field's value's are. Not for one bare run unless it starts
    // with 0 (a trunk prefix, or Italy's leading 0): numeric ids and epoch times do not.
    const whole = this.whole && (ng > 1 || bracket >= 0 || dig[0] === 0);
    // One bare run: a CN mobile as it stands, anything else only with a phone word. Most number-like
    // tokens of a log are such runs (ids, epoch times, sizes), and most lines have no phone word: the
    // word is asked first (the scanner has the words' hits already: a look at the few before the run),
    // the formats' patterns only when there is one.
    if (ng === 1 && bracket < 0 && cnMobileAt < 0 && !whole && (!ctx.context || !this.bareRunMayRead(text, start, end))) return 0;
    if (followedByAmount(text, end) || ibanLike(span, text, start)) return 0;
    // `010-12345678-8001`: a landline's extension, not a dash-joined id.
    if (dashJoined(text, start, end) && dashExtensionEnd(text, start, end) === end) return 0;
    const tail = continuesNumber(span, text, start);
    // A bracket holds the area code, at the front: `(021)12345678`, `(201) 555-0123` (a run's is at 0),
    // or after a one-digit trunk prefix: `1 (201) 555-0123`, `8 (912) 345-67-89`.
    if (tail || bracket > 1 || (bracket === 1 && grp[0] !== 1)) return 0;
    if (cnMobileAt >= 0) {
      const p = validNumber('86', span.digitString(cnMobileAt));
      if (p) {
        if (this.ordered(text, start, ctx)) return 0;
        this.number = p.number;
        return ng === 1 ? SCORE_CN_MOBILE : SCORE_GROUPED;
      }
    }
    if (ng === 1) {
      if (this.contextForm(this.contextForms, 0, text, start) >= 0 && (ctx.context || whole)) {
        const score = this.byContext(this.contextForms, this.tried, text, start);
        if (score > 0) return score;
      }
      return this.notConfigured();
    }
    let context = -1; // unknown until asked: the scanner computes it lazily
    // Grouped otherwise than the region writes it, a context word may still make it a phone, but not
    // a version/IP (dots), a date (2026-02-24) or a run of long groups (081109 203615 148).
    // As a whole value, a six-digit area code with the trunk 0 and the rest, eleven digits in all (GB
    // `016977 12345`, IN `080226 49443`; not HDFS's date and time `081109 203615`).
    const longArea = whole && ng === 2 && grp[0] === 6 && dig[0] === 0 && nd === 11;
    let contextMayHelp =
      (seps & SEP_DOT) === 0 && (grp[0] <= 5 || longArea) && !dateLike(span) && this.contextForm(this.contextForms, 0, text, start) >= 0;
    if (thousandsLike(span)) {
      // `612 345 678` is how Spain writes its mobiles: only with a phone word. As a whole value only
      // in a region's own grouping (Italy's `321 548 633`): a number written so is as often an amount.
      if (!contextMayHelp) return this.notConfigured();
      if (!ctx.context && !whole) return 0;
      if (!ctx.context) contextMayHelp = false;
      context = 1;
    }
    const forms = this.forms[formIndex(ng, grp[0], dig[0])];
    if (forms.length > 0) {
      const call = ++this.call;
      for (let k = 0; k < forms.length; k++) {
        const { r, slot, pw, f } = forms[k];
        if (this.tried[slot] === call || (r.nsnMask & (1 << (nd - pw))) === 0) continue;
        if (pw > 0 && !span.startsWithPrefix(r)) continue;
        if (!span.shapeFits(f, pw)) continue;
        const nsn = span.nationalDigits(pw);
        if ((f.leading && !f.leading.test(nsn)) || !f.pattern.test(nsn)) continue;
        if (r.needsContext) {
          if (context < 0) context = ctx.context || whole ? 1 : 0;
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
    if (contextMayHelp) {
      if (context < 0) context = ctx.context || whole ? 1 : 0;
      if (context === 1) {
        const score = this.byContext(this.contextForms, this.tried, text, start);
        if (score > 0) return score;
      }
    }
    return this.notConfigured();
  }

  /**
   * Whether a bare run (one group, no bracket, no CN mobile) passes, with a phone word before it, the
   * checks that national() and otherRegion() make after asking for the word: no look-alike, and some
   * format of a configured region fits its digits, or it could be another region's number right
   * after a word. No library call and no context look-up; a run failing it is no phone with or
   * without the word.
   */
  private bareRunMayRead(text: string, start: number, end: number): boolean {
    const span = this.span;
    if (followedByAmount(text, end) || continuesNumber(span, text, start)) return false;
    if (dashJoined(text, start, end) && dashExtensionEnd(text, start, end) === end) return false;
    return this.contextForm(this.contextForms, 0, text, start) >= 0 || this.otherRegionMayRead(text, start, end);
  }

  /**
   * otherRegion()'s checks on the span and around it, before the phone word and the other regions'
   * formats (a long list of patterns) are asked about.
   */
  private otherRegionMayRead(text: string, start: number, end: number): boolean {
    const span = this.span;
    const { nd, seps } = span;
    if (nd < 6 || nd > 14 || dateLike(span) || timeLike(span) || ((seps & SEP_DOT) !== 0 && versionLike(span))) return false;
    if (groupFollows(text, end) || !afterWord(text, start)) return false;
    return !(followedByAmount(text, end) || dashJoined(text, start, end) || continuesNumber(span, text, start));
  }

  /** The plan of the regions not configured, built on first use (othersThan shares it between matchers). */
  private otherRegions(): OtherRegions {
    return (this.others ??= othersThan(this.codes));
  }

  /**
   * A national number of a region not configured, right after a phone word (`phone=612 345 678`,
   * `手机号：010-1234-5678`, `tel 8 (912) 345-67-89`): a number libphonenumber finds valid in any region
   * is a phone there. Not a version or IP (dots), a date, a time, epoch seconds or millis, nor a value
   * that follows another value rather than the word.
   */
  private otherRegion(text: string, start: number, end: number, ctx: Ctx): number {
    if (!ctx.context || !this.otherRegionMayRead(text, start, end)) return 0;
    const others = this.otherRegions();
    if (this.contextForm(others.forms, 0, text, start) < 0) return 0;
    return this.byContext(others.forms, others.tried, text, start);
  }

  /**
   * The index in contextForms of the first way, from `from` on, that the digits fit a format (leading
   * digits and pattern, with the national prefix as the form writes it); -1 if none. No library call:
   * this decides whether the context words are worth looking up.
   */
  private contextForm(table: readonly (readonly WrittenForm[])[], from: number, text: string, start: number): number {
    const span = this.span;
    const { dig, nd, ng, bracket } = span;
    const forms = table[nd * 10 + dig[0]];
    for (let k = from; k < forms.length; k++) {
      const { r, pw, f } = forms[k];
      if (pw > 0 && !span.startsWithPrefix(r)) continue;
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
      const nsn = span.nationalDigits(pw);
      if ((!f.leading || f.leading.test(nsn)) && f.pattern.test(nsn)) return k;
    }
    return -1;
  }

  /**
   * With a context word the grouping is not needed, the rest is: the first region where the digits,
   * with the national prefix as the region writes it, fit a format and are a valid number.
   */
  private byContext(table: readonly (readonly WrittenForm[])[], tried: Int32Array, text: string, start: number): number {
    const span = this.span;
    const forms = table[span.nd * 10 + span.dig[0]];
    const call = ++this.call;
    for (let k = this.contextForm(table, 0, text, start); k >= 0; k = this.contextForm(table, k + 1, text, start)) {
      const { r, slot, pw, f } = forms[k];
      // The library's answer does not depend on the format: once per region and prefix.
      if (tried[slot] === call) continue;
      tried[slot] = call;
      const p = validNumber(r.callingCode, span.digitString(pw));
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
    const span = this.span;
    const { grp, ng, fmt } = span;
    const nsn = span.digitString(pw);
    const p = validNumber(r.callingCode, nsn);
    if (!p) return false;
    const nsnLen = nsn.length;
    const pf = r.exactFormats
      ? span.nationalGroups(r, nsn, true)
      : span.readFormatted(p.formatNational()) - nsnLen;
    let ok = false;
    if (pf === pw) {
      // `020 7946 0958` as formatted, or the prefixed area code and the rest: `010-12345678`.
      ok =
        span.groupsEqual(0) ||
        (pw > 0 && ng === 2 && span.nf >= 3 && grp[0] === fmt[0] && grp[1] === nsnLen + pw - fmt[0]);
    } else if (pw > 0 && pf === 0) {
      // `1-201-555-0123`: the prefix as a group of its own.
      ok = grp[0] === pw && span.groupsEqual(1);
    } else if (pw === 0 && pf > 0) {
      // `98765 43210` (IN mobile): the format may drop its prefix; only for mobiles, so that
      // `10 1234 5678` is not read as Beijing's `010 1234 5678`.
      const bare = r.exactFormats
        ? span.nationalGroups(r, nsn, false) === 0
        : span.readFormatted(p.format('NATIONAL', { nationalPrefix: false })) === nsnLen;
      ok = bare && span.groupsEqual(0) && isMobile(p);
    }
    if (ok) this.number = p.number;
    return ok;
  }
}
