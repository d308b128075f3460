/**
 * Identifiers for the independent evaluation that no package generates, written from their published
 * algorithms and not from logveil's detectors: each `make…` builds a value, each `isValid…` is the
 * check it must pass (used where no package validates the type; where one does, the eval uses it:
 * validator's isIMEI, isIdentityCard('zh-HK' / 'zh-TW'), isPassportNumber('CN'), isLuhnNumber).
 * Tests: test/bench/independent-checks.test.ts, against the standards' own examples.
 */

/** Luhn check digit of a digit string (ISO/IEC 7812-1 annex B): the digit that makes the whole valid. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(body[i]);
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

// ---------------------------------------------------------------------------------------------
// US Social Security numbers (SSA, "SSN randomization", 2011): area 001–899 except 666, group 01–99,
// serial 0001–9999; no check digit.

export function isValidSsn(ssn: string): boolean {
  const m = /^(\d{3})[-. ]?(\d{2})[-. ]?(\d{4})$/.exec(ssn);
  if (!m) return false;
  const area = Number(m[1]);
  return area !== 0 && area !== 666 && area < 900 && m[2] !== '00' && m[3] !== '0000';
}

/** An SSN's nine digits from three draws (area, group, serial), skipping the numbers SSA never issues. */
export function makeSsn(area: number, group: number, serial: number): string {
  const a = area === 666 || area === 0 ? 667 : Math.min(area, 899);
  return `${String(a).padStart(3, '0')}${String(Math.max(group, 1)).padStart(2, '0')}${String(Math.max(serial, 1)).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Unified Social Credit Codes (GB 32100-2015): authority code, organisation type, 6-digit region,
// 9-char organisation code (GB 11714, with its own check char), and a check char mod 31 over 17 chars.

/** The 31 characters a USCC is written in (no I, O, S, V, Z), each worth its index. */
export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code check: digits count as themselves, letters A=10 … Z=35; 10 is X, 11 is 0. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 32100-2015 check char of the first 17 chars: 31 − (Σ value·3^i mod 31) mod 31. */
export function usccCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: string): boolean {
  if (code.length !== 18 || [...code].some((c) => !USCC_CHARS.includes(c))) return false;
  if (!/^[1-9A-HJ-NP-RTUWXY][1-9A-HJ-NP-RTUWXY]\d{6}/.test(code)) return false;
  return orgCodeCheckChar(code.slice(8, 16)) === code[16] && usccCheckChar(code.slice(0, 17)) === code[17];
}

/** A USCC from an authority code, a type code, a region and eight organisation-code chars. */
export function makeUscc(authority: string, kind: string, region: string, org8: string): string {
  const body = `${authority}${kind}${region}${org8}${orgCodeCheckChar(org8)}`;
  return body + usccCheckChar(body);
}

// ---------------------------------------------------------------------------------------------
// Hong Kong identity card numbers: 1–2 letters, 6 digits, a check char mod 11 (A for 10), weights 9…2
// over the letters (space = 36 when there is one letter, A = 10 … Z = 35) and the digits.

export function hkIdCheckChar(prefix: string, digits6: string): string {
  const chars = (prefix.length === 1 ? ' ' + prefix : prefix) + digits6;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = chars[i];
    const v = c === ' ' ? 36 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * (9 - i);
  }
  const r = (11 - (sum % 11)) % 11;
  return r === 10 ? 'A' : String(r);
}

// ---------------------------------------------------------------------------------------------
// Taiwan national identification numbers: a letter (its published two-digit code), 1 or 2 for the sex,
// seven digits, a check digit making Σ weighted ≡ 0 mod 10 (weights 1, 9, 8 … 1, 1).

const TW_LETTER_CODES = 'ABCDEFGHJKLMNPQRSTUVXYWZIO'; // A=10, B=11 … (the order of the published table)

export function twLetterCode(letter: string): number {
  return 10 + TW_LETTER_CODES.indexOf(letter);
}

export function twIdCheckDigit(letter: string, digits8: string): string {
  const code = twLetterCode(letter);
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 0; i < 8; i++) sum += Number(digits8[i]) * (8 - i);
  return String((10 - (sum % 10)) % 10);
}

// ---------------------------------------------------------------------------------------------
// Chinese resident ids of the first generation (15 digits, before 1999): region, YYMMDD, sequence; no check.

export function isValidOldResidentId(id: string): boolean {
  const m = /^\d{6}(\d{2})(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!m) return false;
  const y = 1900 + Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
