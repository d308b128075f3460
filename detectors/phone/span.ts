// The span reader: a candidate's digits, digit groups, `+`, bracket and separators read on char codes
// into reused typed arrays, and the digit groups of a formatted number to compare them with. One
// reader per matcher: validate() is synchronous and not re-entered, so nothing is allocated per span.
import { isDigit } from '../lib/chars.js';
import { MAX_DIGITS, MAX_GROUPS, PREFIX_GLUED, PREFIX_NONE } from './plan.js';
import type { FormatPlan, RegionPlan } from './plan.js';

export const SEP_SPACE = 1;
export const SEP_DASH = 2;
export const SEP_DOT = 4;

/** What read() found in the last span, and the groups of the last formatted number. */
export class SpanReader {
  /** The digits, 0–9. */
  readonly dig = new Uint8Array(MAX_DIGITS);
  /** Written digit groups: length and index of the group's first digit in `dig`. */
  readonly grp = new Int32Array(MAX_GROUPS);
  readonly grpAt = new Int32Array(MAX_GROUPS);
  /** Digit groups of a formatted number (readFormatted, nationalGroups). */
  readonly fmt = new Int32Array(MAX_GROUPS * 2);
  /** Number of digits, of groups, of formatted groups. */
  nd = 0;
  ng = 0;
  nf = 0;
  plus = false;
  /** Index of the one bracketed group, or -1. */
  bracket = -1;
  /** Bit 1: a space separates groups, 2: a dash, 4: a dot (SEP_*). */
  seps = 0;
  /** nationalDigits(0) and (1), once asked, until the next read: most forms write no prefix or `0`/`1`. */
  private nsn0: string | null = null;
  private nsn1: string | null = null;

  /**
   * Read text[start, end): digits, groups, '+', one bracket pair around one group (optionally
   * `(+CC)`), separators. False on anything else.
   */
  read(text: string, start: number, end: number): boolean {
    // Locals in the loop, fields once at the end.
    const dig = this.dig;
    const grp = this.grp;
    const grpAt = this.grpAt;
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
    this.nd = digits;
    this.ng = groups;
    this.plus = hasPlus;
    this.bracket = bracketAt;
    this.seps = sepKinds;
    this.nsn0 = null;
    this.nsn1 = null;
    return digits > 0 && openAt < 0 && inGroup;
  }

  /** The digits dig[from, nd) as a string, leaving out index `skip`. Only for spans that got this far. */
  digitString(from: number, skip = -1): string {
    const dig = this.dig;
    let s = '';
    for (let k = from; k < this.nd; k++) if (k !== skip) s += String.fromCharCode(48 + dig[k]);
    return s;
  }

  /** The national number after `pw` digits of national prefix: digitString(pw), kept for pw 0 and 1. */
  nationalDigits(pw: number): string {
    if (pw === 0) return (this.nsn0 ??= this.digitString(0));
    if (pw === 1) return (this.nsn1 ??= this.digitString(1));
    return this.digitString(pw);
  }

  /** Digit groups of a formatted number into `fmt`; returns the number of digits. */
  readFormatted(s: string): number {
    const fmt = this.fmt;
    let nf = 0;
    let digits = 0;
    let inGroup = false;
    for (let i = 0; i < s.length; i++) {
      if (isDigit(s.charCodeAt(i))) {
        if (!inGroup) {
          if (nf === fmt.length) {
            this.nf = nf;
            return -1;
          }
          fmt[nf++] = 0;
          inGroup = true;
        }
        fmt[nf - 1]++;
        digits++;
      } else inGroup = false;
    }
    this.nf = nf;
    return digits;
  }

  /** The written groups from grp[from] on are the formatted ones. */
  groupsEqual(from: number): boolean {
    const nf = this.nf;
    if (this.ng - from !== nf) return false;
    for (let k = 0; k < nf; k++) if (this.grp[from + k] !== this.fmt[k]) return false;
    return true;
  }

  /** The digits start with the region's national prefix. */
  startsWithPrefix(r: RegionPlan): boolean {
    for (let k = 0; k < r.prefix.length; k++) if (this.dig[k] !== r.prefix[k]) return false;
    return true;
  }

  /** Cheap: could a number written with these groups (national prefix: `pw` digits) be in format f? */
  shapeFits(f: FormatPlan, pw: number): boolean {
    const grp = this.grp;
    const ng = this.ng;
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
   * The digit groups of the national format of `nsn` into `fmt`, as libphonenumber's formatNational()
   * writes them: the first format whose leading digits and pattern fit, the national prefix as its
   * rule puts it (left out if `withPrefix` is false and the format allows that). Returns the number of
   * prefix digits written; without a fitting format the number is one group.
   */
  nationalGroups(r: RegionPlan, nsn: string, withPrefix: boolean): number {
    const fmt = this.fmt;
    for (const f of r.formats) {
      if (f.leading && !f.leading.test(nsn)) continue;
      const m = f.pattern.exec(nsn);
      if (!m) continue;
      const prefixed = withPrefix || !f.prefixOptional;
      let nf = 0;
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
      this.nf = nf;
      return pf;
    }
    this.nf = 1;
    fmt[0] = nsn.length;
    return 0;
  }

  /**
   * Where a CN mobile number (`1[3-9]` + 9 digits) starts in one bare run: 0 for the 11 digits alone,
   * 2 after the country code `86` (13 digits); -1 if the run is neither.
   */
  cnMobileStart(): number {
    const dig = this.dig;
    const nd = this.nd;
    const at = nd === 11 ? 0 : nd === 13 && dig[0] === 8 && dig[1] === 6 ? 2 : -1;
    return at >= 0 && dig[at] === 1 && dig[at + 1] >= 3 ? at : -1;
  }

  /** `86` as a group of its own, then the mobile written 3-4-4: where the mobile starts (2), or -1. */
  cnMobileAfter86Group(): number {
    const grp = this.grp;
    const grouped =
      this.nd === 13 && this.ng === 4 && grp[0] === 2 && grp[1] === 3 && grp[2] === 4 && grp[3] === 4;
    return grouped ? this.cnMobileStart() : -1;
  }

  /** A group other than the first starts at digit index `digitIndex` (`0086 138…`: the `138`). */
  groupStartsAt(digitIndex: number): boolean {
    for (let k = 1; k < this.ng; k++) if (this.grpAt[k] === digitIndex) return true;
    return false;
  }
}
