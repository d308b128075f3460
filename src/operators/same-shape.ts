import { gb11714CheckChar } from '../../detectors/cn-uscc.js';
import { cnResidentIdCheckChar, hkIdCheckChar, iban97Valid, luhnCheckDigit, luhnValid, USCC_ALPHABET, usccCheckChar } from '../../detectors/lib/checksum.js';
import { twNationalIdCheckDigit } from '../../detectors/tw-national-id.js';

/**
 * What encrypt and pseudonym share: a value's letters and digits replaced in place (separators and
 * layout kept), the parts that make it a value of its type kept or recomputed (an IIN, a region code,
 * a check character). Each shape asks a DigitSource for new digits: encrypt's is FF1 (a permutation,
 * so reveal can undo it), pseudonym's a keyed draw (one-way).
 */

/**
 * New digits for `digits`, as many, for which `valid` holds (when given); null when it cannot give
 * them (too short for FF1, a valid set too thin). encrypt's FF1 walks; pseudonym's draws never give
 * back `digits` itself, so its surrogate never equals its input. `alphabet`: the numerals `digits`
 * is written in, each worth its index (DECIMAL when absent; HEX for a MAC, USCC_ALPHABET for a
 * USCC's organization code): the new ones are of the same alphabet, and FF1 runs in its radix.
 */
export type DigitSource = (digits: string, valid?: (d: string) => boolean, alphabet?: string) => string | null;

export const DECIMAL = '0123456789';
const HEX = '0123456789abcdef';

/**
 * A type's shape: the new significant chars (ASCII letters and digits, in order), or null when the
 * value does not fit it. `written` puts significant chars back into the value as it is written (for
 * checks on the whole text).
 */
export type Shape = (chars: string, run: DigitSource, written: (chars: string) => string) => string | null;

/** Applies `shape` to the value's letters and digits, leaving every other char in place; null if it does not fit. */
export function reshape(value: string, shape: Shape, run: DigitSource): string | null {
  const places: number[] = [];
  for (let i = 0; i < value.length; i++) if (/[0-9A-Za-z]/.test(value[i])) places.push(i);
  const chars = places.map((i) => value[i]).join('');
  const written = (next: string): string => {
    const out = value.split('');
    places.forEach((p, k) => (out[p] = next[k]));
    return out.join('');
  };
  const next = shape(chars, run, written);
  return next === null ? null : written(next);
}

const DIGITS = /^[0-9]+$/;

/** Keep `head` digits, replace the rest but the Luhn digit, compute that again. */
export const luhnShape =
  (head: number | ((digits: string) => number)): Shape =>
  (chars, run) => {
    if (!DIGITS.test(chars) || !luhnValid(chars, 0, chars.length)) return null;
    const keep = typeof head === 'number' ? head : head(chars);
    const payload = run(chars.slice(keep, -1));
    return payload === null ? null : chars.slice(0, keep) + payload + luhnCheckDigit(chars.slice(0, keep) + payload);
  };

/**
 * 15 digits: the TAC (8, the device model) kept, 6 serial digits replaced, Luhn. IMEISV (16): the
 * two software-version digits kept as well, no check digit.
 */
export const imeiShape: Shape = (chars, run, written) => {
  if (chars.length === 15) return luhnShape(8)(chars, run, written);
  if (chars.length !== 16 || !DIGITS.test(chars)) return null;
  const serial = run(chars.slice(8, 14));
  return serial === null ? null : chars.slice(0, 8) + serial + chars.slice(14);
};

/**
 * Kept within its Luhn class: an account that is not Luhn-valid never comes out as one (it could then
 * read as a card), and the class is seen on the output, so decryption walks the same set.
 */
export const bankAccountShape: Shape = (chars, run) => {
  if (!DIGITS.test(chars)) return null;
  const luhn = luhnValid(chars, 0, chars.length);
  return run(chars, (d) => luhnValid(d, 0, d.length) === luhn);
};

/** SSA rules: area 001-899 but 666, group 01-99, serial 0001-9999. */
export const ssnShape: Shape = (chars, run) => (chars.length === 9 ? run(chars, ssnValid) : null);

function ssnValid(d: string): boolean {
  const area = d.slice(0, 3);
  return area !== '000' && area !== '666' && area[0] !== '9' && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

/**
 * Windows SID: `S-1-5-21-<domain>-` kept (it names the domain, not the account) and the RID's digits
 * replaced by as many, again an account's RID (1000 or more, below 2^32, no leading zero); an Entra
 * ID SID's four numbers (after `S-1-12-1-`) all replaced alike.
 */
export const sidShape: Shape = (chars, run, written) => {
  const value = written(chars);
  if (value.split('-').length !== 8) return null;
  const entra = /^[Ss]-1-12-1-/.test(value);
  // Significant chars kept: `S1521` and the domain's digits, or `S1121`.
  const keep = entra ? 5 : chars.length - (value.length - value.lastIndexOf('-') - 1);
  /** The replaced numbers as written: the RID, or Entra ID's four. */
  const replaced = (d: string): string[] => written(chars.slice(0, keep) + d).split('-').slice(entra ? 4 : 7);
  const fresh = run(chars.slice(keep), (d) => replaced(d).every((p) => p[0] !== '0' && Number(p) <= MAX_SUB_AUTHORITY && (entra || Number(p) >= 1000)));
  return fresh === null ? null : chars.slice(0, keep) + fresh;
};
const MAX_SUB_AUTHORITY = 4294967295;

/** `E12345678`, `EA1234567`: the letters (passport kind) kept, the digits replaced. */
export const passportShape: Shape = (chars, run) => {
  const m = /^([A-Za-z]+)([0-9]+)$/.exec(chars);
  const digits = m && run(m[2]);
  return m && digits !== null ? m[1] + digits : null;
};

/** `A123456(3)`: letters kept, six digits replaced, the check char computed again. */
export const hkIdShape: Shape = (chars, run) => {
  const m = /^([A-Z]{1,2})([0-9]{6})([0-9A])$/.exec(chars);
  if (!m || hkIdCheckChar(chars, 0, chars.length - 1) !== m[3]) return null;
  const digits = run(m[2]);
  if (digits === null) return null;
  const body = m[1] + digits;
  return body + hkIdCheckChar(body, 0, body.length);
};

/** `A123456789`: the letter (place of first registration) and the sex digit kept, seven digits replaced, check digit computed again. */
export const twNationalIdShape: Shape = (chars, run) => {
  if (!/^[A-Z][1289][0-9]{8}$/.test(chars) || twNationalIdCheckDigit(chars) !== Number(chars[9])) return null;
  const digits = run(chars.slice(2, 9));
  return digits === null ? null : chars.slice(0, 2) + digits + twNationalIdCheckDigit(chars.slice(0, 2) + digits);
};

/**
 * Unified social credit code (GB 32100): registration authority, entity type and division (8 chars)
 * kept; the organization code's 8 chars replaced, its GB 11714 check char and the GB 32100 check
 * char computed again. All-digit organization codes stay all digits (radix 10); the others are
 * replaced in the code's 31-char alphabet (radix 31) and keep at least one letter, so the output says
 * which of the two it was. Each check char stays a digit or a letter as it was: an all-digit code
 * stays one (the detector wants a context word for those), a code with a letter keeps one.
 */
export const usccShape: Shape = (chars, run) => {
  if (chars.length !== 18 || usccCheckChar(chars, 0) !== chars[17] || gb11714CheckChar(chars, 8) !== chars[16]) return null;
  const withChecks = (org: string): string => {
    const body = chars.slice(0, 8) + org + gb11714CheckChar(org, 0);
    return body + usccCheckChar(body, 0);
  };
  const digitsOnly = DIGITS.test(chars.slice(8, 16));
  const valid = (org: string): boolean => {
    const code = withChecks(org);
    return DIGITS.test(org) === digitsOnly && isDigit(code[16]) === isDigit(chars[16]) && isDigit(code[17]) === isDigit(chars[17]);
  };
  const org = run(chars.slice(8, 16), valid, digitsOnly ? DECIMAL : USCC_ALPHABET);
  return org === null ? null : withChecks(org);
};

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * MAC address: the 12 hex digits replaced, the first byte's two flag bits kept (multicast,
 * locally administered), letters in the input's case. An address without a letter (`96:19:47:…`)
 * stays one (radix 10: the detector weighs those differently), one with letters keeps at least one
 * (radix 16), which shows their case; mixed case does not fit. Never all zeros or all `f` (the
 * detector wants a context word for those; such an input does not fit either).
 */
export const macShape: Shape = (chars, run) => {
  if (!/^[0-9A-Fa-f]{12}$/.test(chars) || (/[A-F]/.test(chars) && /[a-f]/.test(chars))) return null;
  const upper = /[A-F]/.test(chars);
  const decimal = DIGITS.test(chars);
  const flags = parseInt(chars[1], 16) & 0x03;
  const valid = (hex: string): boolean => (parseInt(hex[1], 16) & 0x03) === flags && DIGITS.test(hex) === decimal && !/^(?:0{12}|f{12})$/.test(hex);
  const hex = run(chars.toLowerCase(), valid, decimal ? DECIMAL : HEX);
  return hex === null ? null : upper ? hex.toUpperCase() : hex;
};

/**
 * 18-char resident ID: the region (6 digits) kept; the birth date and sequence number become one
 * number, day × 1000 + sequence (days from 1900-01-01, birth dates up to 2019-12-31), replaced as 8
 * digits below that bound, so the output has a real past birth date and is found again; MOD 11-2
 * check char computed again. Another date, or a lower-case `x`, does not fit.
 *
 * `lastYear` moves the last birth year from 2019 (what encrypt's FF1 domain was fixed with) to
 * another fixed year. `keepYear`: the day is counted from January 1st of the birth year instead and
 * stays in that year, so the output is born in the same year.
 */
export const residentIdShape =
  ({ keepYear = false, lastYear = 2019 } = {}): Shape =>
  (chars, run) => {
    if (!/^[0-9]{17}[0-9X]$/.test(chars) || cnResidentIdCheckChar(chars, 0, 17) !== chars[17]) return null;
    const end = (Date.UTC(lastYear + 1, 0, 1) - FIRST_DAY) / DAY_MS;
    const day = dayNumber(chars.slice(6, 14), end);
    if (day < 0) return null;
    const year = Number(chars.slice(6, 10));
    const first = keepYear ? (Date.UTC(year, 0, 1) - FIRST_DAY) / DAY_MS : 0;
    const days = keepYear ? (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS : end;
    const width = keepYear ? 6 : 8;
    const n = run(String((day - first) * 1000 + Number(chars.slice(14, 17))).padStart(width, '0'), (d) => Number(d) < days * 1000);
    if (n === null) return null;
    const body = chars.slice(0, 6) + dateOfDay(first + Math.floor(Number(n) / 1000)) + n.slice(-3);
    return body + cnResidentIdCheckChar(body, 0, 17);
  };

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1);

/** Days from 1900-01-01 to a real date `YYYYMMDD`, when below `end` days; else -1. */
function dayNumber(yyyymmdd: string, end: number): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6));
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return -1;
  const day = (t - FIRST_DAY) / DAY_MS;
  return day >= 0 && day < end ? day : -1;
}

function dateOfDay(day: number): string {
  return new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * IBAN: country code and BBAN letters kept (a bank code such as `WEST` names the bank), the BBAN's
 * digits replaced, the two check digits computed again (mod 97), so the country, length and
 * structure stay and the output is a valid IBAN.
 */
export const ibanShape: Shape = (chars, run) => {
  if (!/^[A-Za-z]{2}[0-9]{2}[0-9A-Za-z]+$/.test(chars) || !iban97Valid(chars, 0, chars.length)) return null;
  const bban = chars.slice(4);
  const digits = run(bban.replace(/[A-Za-z]/g, ''));
  if (digits === null) return null;
  let k = 0;
  const next = bban.replace(/[0-9]/g, () => digits[k++]);
  return chars.slice(0, 2) + ibanCheck(chars.slice(0, 2), next) + next;
};

function ibanCheck(country: string, bban: string): string {
  let rem = 0;
  for (const c of `${bban}${country}00`.toUpperCase()) {
    rem = c <= '9' ? (rem * 10 + Number(c)) % 97 : (rem * 100 + c.charCodeAt(0) - 55) % 97;
  }
  return String(98 - rem).padStart(2, '0');
}
