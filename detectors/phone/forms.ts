// The written forms: for each region's formats, the ways a national number can be written (with or
// without the national prefix, grouped as the format or as area code and rest), indexed so that a
// span finds only the forms its group count, first group and first digit allow.
import type { CountryCode } from 'libphonenumber-js/max';
import { ALL_REGIONS, compileRegion, MAX_DIGITS, MAX_GROUPS, PREFIX_GLUED, PREFIX_NONE } from './plan.js';
import type { FormatPlan, RegionPlan } from './plan.js';

/** One way a national number can be written: region, national prefix digits written, format. */
export interface WrittenForm {
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
export function formIndex(groups: number, firstGroup: number, firstDigit: number): number {
  return (groups * (MAX_DIGITS + 1) + firstGroup) * 10 + firstDigit;
}

/** The written forms of `regions` (in priority order), indexed by formIndex. */
export function writtenForms(regions: readonly RegionPlan[]): WrittenForm[][] {
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
export function contextForms(regions: readonly RegionPlan[]): WrittenForm[][] {
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

/**
 * The national numbers of every region (but those configured), read only with a phone word right
 * before them: built the first time one is asked for, shared by all matchers.
 */
export interface OtherRegions {
  readonly forms: readonly (readonly WrittenForm[])[];
  readonly tried: Int32Array;
}
const otherRegionsOf = new Map<string, OtherRegions>();
export function othersThan(configured: readonly CountryCode[]): OtherRegions {
  const id = configured.join(',');
  let others = otherRegionsOf.get(id);
  if (!others) {
    const plans = ALL_REGIONS.filter((c) => !configured.includes(c)).map(compileRegion);
    others = { forms: contextForms(plans), tried: new Int32Array(2 * plans.length) };
    otherRegionsOf.set(id, others);
  }
  return others;
}
