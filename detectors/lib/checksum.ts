/**
 * Check-digit algorithms on char codes. They skip separators (space, '-', '.', '(', ')') so a grouped
 * number is checked as written, and never allocate: most candidates in a log are rejected here.
 */

const C0 = 48; // '0'

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A separator the digit checks skip: space, '-', '.', '(', ')', '/'. */
export function isSeparatorCode(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 47;
}

/** The ASCII digits of a value, in order: the canonical form of grouped numbers (`4111-1111…`). */
export function digitsOnly(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isDigitCode(c)) out += value[i];
  }
  return out;
}

/** Number of ASCII digits in text[start, end). */
export function countDigits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (isDigitCode(text.charCodeAt(i))) n++;
  return n;
}

/** Luhn (ISO/IEC 7812-1) over the digits of text[start, end); separators are skipped. */
export function luhnValid(text: string, start: number, end: number): boolean {
  let sum = 0;
  let double = false;
  let digits = 0;
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if (!isDigitCode(c)) {
      if (isSeparatorCode(c)) continue;
      return false;
    }
    let d = c - C0;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
    digits++;
  }
  return digits > 1 && sum % 10 === 0;
}

/** The Luhn check digit that completes `payload` (a string of digits). For generating test values. */
export function luhnCheckDigit(payload: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = payload + d;
    if (luhnValid(s, 0, s.length)) return String(d);
  }
  throw new Error('unreachable');
}

/** `payload` completed by its Luhn digit, or (valid = false) by another digit. For generating test values. */
export function withLuhn(payload: string, valid: boolean): string {
  const d = luhnCheckDigit(payload);
  return payload + (valid ? d : String((Number(d) + 1 + Math.floor(Number(payload.at(-1)) % 9)) % 10));
}

const CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_ID_CHECK = '10X98765432';

/**
 * ISO 7064 MOD 11-2 check char of a CN resident ID, from the 17 digits that are text[start, ...)
 * (separators skipped). Returns '' when there are not 17 digits.
 */
export function cnResidentIdCheckChar(text: string, start: number, end: number): string {
  let sum = 0;
  let k = 0;
  for (let i = start; i < end && k < 17; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) sum += (c - C0) * CN_ID_WEIGHTS[k++];
    else if (!isSeparatorCode(c)) return '';
  }
  return k === 17 ? CN_ID_CHECK[sum % 11] : '';
}

/** Space, `-`, `.`: the separators iban97Valid skips (IBANs are grouped with them). */
function isIbanGap(c: number): boolean {
  return c === 32 || c === 45 || c === 46;
}

/**
 * ISO 7064 MOD 97-10 as IBAN uses it: move the first four chars to the end, letters (either case) to
 * 10..35, the number mod 97 must be 1. Spaces, `-` and `.` are skipped; any other char fails.
 */
export function iban97Valid(text: string, start: number, end: number): boolean {
  let rem = 0;
  let seen = 0;
  const step = (c: number): boolean => {
    if (isDigitCode(c)) rem = (rem * 10 + (c - C0)) % 97;
    else {
      const u = c & ~32; // upper case
      if (u < 65 || u > 90) return false;
      rem = (rem * 100 + (u - 55)) % 97;
    }
    return true;
  };
  let head = start;
  // Skip the first four significant chars, then process the rest, then the four.
  for (; head < end && seen < 4; head++) if (!isIbanGap(text.charCodeAt(head))) seen++;
  if (seen < 4) return false;
  for (let i = head; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isIbanGap(c)) continue;
    if (!step(c)) return false;
  }
  for (let i = start; i < head; i++) {
    const c = text.charCodeAt(i);
    if (isIbanGap(c)) continue;
    if (!step(c)) return false;
  }
  return rem === 1;
}

/** The GB 32100-2015 alphabet of unified social credit codes (no I, O, Z, S, V). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Value of a USCC char code (upper case only), or -1. */
function usccValue(c: number): number {
  if (isDigitCode(c)) return c - C0;
  return USCC_ALPHABET.indexOf(String.fromCharCode(c));
}

/** GB 32100-2015 check char over the first 17 chars at text[start, start+17); '' if a char is outside the alphabet. */
export function usccCheckChar(text: string, start: number): string {
  let sum = 0;
  for (let k = 0; k < 17; k++) {
    const v = usccValue(text.charCodeAt(start + k));
    if (v < 0) return '';
    sum += v * USCC_WEIGHTS[k];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

const HK_CHECK = '0123456789A';

/**
 * HK identity card check char of the body text[start, end): one or two letters then six digits (no
 * parentheses, no check char). With one letter a leading space counts 36; letters A=10 … Z=35 (either
 * case); weights 9..2; check = (11 - sum mod 11) mod 11, 10 → 'A'. Returns '' on a malformed body.
 * Works on char codes and does not allocate.
 */
export function hkIdCheckChar(text: string, start: number, end: number): string {
  const letters = end - start - 6;
  if (letters !== 1 && letters !== 2) return '';
  let sum = letters === 1 ? 36 * 9 : 0;
  let w = letters === 1 ? 8 : 9;
  for (let i = start; i < end; i++, w--) {
    const c = text.charCodeAt(i);
    if (i < start + letters) {
      const u = c & ~32; // upper case
      if (u < 65 || u > 90) return '';
      sum += (u - 55) * w;
    } else {
      if (!isDigitCode(c)) return '';
      sum += (c - C0) * w;
    }
  }
  return HK_CHECK[(11 - (sum % 11)) % 11];
}
