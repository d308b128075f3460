import type { PiiType } from '../../detectors/index.js';
import { cnResidentIdCheckChar, hkIdCheckChar, iban97Valid, luhnCheckDigit, luhnValid } from '../../detectors/lib/checksum.js';
import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Ciphers } from '../crypto/ciphers.js';
import type { Operator } from './operator.js';

/**
 * Reversible encryption under the key (`--key-file`); `logveil reveal` turns it back.
 *
 * - Digit types keep their shape: FF1 (src/crypto/ff1.ts) over the value's digits, the type as tweak;
 *   letters, separators and layout stay where they were (`4111 1111 1111 1111` → `4111 11xx xxxx xxxc`).
 *   What a detector needs to know the type again stays readable (a phone's country code and first
 *   national digits, a card's 6-digit IIN, an IMEI's 8-digit TAC, an IBAN's country, a resident ID's
 *   region code), so reveal can find the value by detection. Where a type has rules beyond a check
 *   char (a phone's validity, a real birth date, SSA rules), the output is cycle-walked into them.
 * - A check character is computed again for the new payload, so the output is valid (Luhn, MOD 11-2,
 *   HK mod 11, IBAN mod 97). Nothing about it needs recording: a check character is a function of its
 *   payload, so reveal decrypts the payload and computes the original's check character from it. For
 *   that to be exact the input's check character must hold and be in the case the function writes; a
 *   value where it does not is written as a token instead.
 * - Every other value (emails, names, addresses, user names, IPs, types without an FF1 shape here,
 *   and digit values too short for FF1's domain of 1,000,000) becomes a marked token
 *   `⟦EMAIL:base64url⟧`: deterministic authenticated encryption (AES-SIV) of the exact text.
 */
export const encrypt: Operator = (value, ctx) => {
  if (!ctx.ciphers) throw new Error('encrypt needs a key');
  return encryptValue(value, ctx.type, ctx.ciphers);
};

export function encryptValue(value: string, type: PiiType, ciphers: Ciphers): string {
  return reshape(value, type, ciphers, 'encrypt') ?? sealToken(value, type, ciphers);
}

/** The original of a value encrypt wrote in the type's shape (a token: see openToken). */
export function decryptShaped(value: string, type: PiiType, ciphers: Ciphers): string | null {
  return reshape(value, type, ciphers, 'decrypt');
}

/** `⟦TYPE:base64url⟧`: what encrypt writes for a value without a shape (detectors/lib/operator-output.ts knows it). */
export const TOKEN_PATTERN = /⟦([A-Z][A-Z0-9_]*):([A-Za-z0-9_-]+)⟧/g;

function sealToken(value: string, type: PiiType, ciphers: Ciphers): string {
  return `⟦${type}:${Buffer.from(ciphers.seal(type, Buffer.from(value, 'utf8'))).toString('base64url')}⟧`;
}

/** The text a token stands for; throws when it does not authenticate (another key, an edited token). */
export function openToken(type: string, body: string, ciphers: Ciphers): string {
  const plain = ciphers.open(type, Buffer.from(body, 'base64url'));
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}

type Direction = 'encrypt' | 'decrypt';
/** FF1 over decimal digits one way, cycle-walked until `valid` holds; null when too short for FF1. */
type DigitCipher = (digits: string, valid?: (d: string) => boolean) => string | null;
/**
 * A type's shape: the new significant chars (ASCII letters and digits, in order), or null for a token.
 * `written` puts significant chars back into the value as it is written (for checks on the whole text).
 */
type Shape = (chars: string, run: DigitCipher, written: (chars: string) => string) => string | null;

/** Applies the type's shape to the value's letters and digits, leaving every other char in place. */
function reshape(value: string, type: PiiType, ciphers: Ciphers, direction: Direction): string | null {
  const shape = SHAPES[type];
  if (!shape) return null;
  const places: number[] = [];
  for (let i = 0; i < value.length; i++) if (/[0-9A-Za-z]/.test(value[i])) places.push(i);
  const chars = places.map((i) => value[i]).join('');
  const ff1 = ciphers.ff1(type, 10);
  const tweak = Buffer.from(type, 'utf8');
  const run: DigitCipher = (digits, valid) => {
    if (digits.length < ff1.minLength || (valid && !valid(digits))) return null;
    // Cycle walking: FF1 is a permutation of all n-digit strings; applied again until the result is in
    // the valid subset, it is a permutation of that subset, and decrypting walks back the same way, in
    // as many steps. A walk longer than MAX_WALK (a valid subset too thin) gives up: encrypt writes a
    // token instead, so no FF1 value ever needed more steps, and decrypt never gives up on one.
    let out = digits;
    for (let step = 0; step < MAX_WALK; step++) {
      out = direction === 'encrypt' ? ff1.encrypt(out, tweak) : ff1.decrypt(out, tweak);
      if (!valid || valid(out)) return out;
    }
    return null;
  };
  const written = (next: string): string => {
    const out = value.split('');
    places.forEach((p, k) => (out[p] = next[k]));
    return out.join('');
  };
  const next = shape(chars, run, written);
  return next === null ? null : written(next);
}

const DIGITS = /^[0-9]+$/;
const MAX_WALK = 500;

/** Keep `head` digits, encrypt the rest but the Luhn digit, compute that again. */
const luhnShape =
  (head: number): Shape =>
  (chars, run) => {
    if (!DIGITS.test(chars) || !luhnValid(chars, 0, chars.length)) return null;
    const payload = run(chars.slice(head, -1));
    return payload === null ? null : chars.slice(0, head) + payload + luhnCheckDigit(chars.slice(0, head) + payload);
  };

const SHAPES: Partial<Record<PiiType, Shape>> = {
  // The IIN (6 digits) names the brand and bank, not the holder, and keeps the card a card of its brand.
  PAYMENT_CARD: luhnShape(6),
  // 15 digits: the TAC (8, the device model) kept, 6 serial digits encrypted, Luhn. IMEISV (16): the
  // two software-version digits kept as well, no check digit.
  IMEI: (chars, run, written) => {
    if (chars.length === 15) return luhnShape(8)(chars, run, written);
    if (chars.length !== 16 || !DIGITS.test(chars)) return null;
    const serial = run(chars.slice(8, 14));
    return serial === null ? null : chars.slice(0, 8) + serial + chars.slice(14);
  },
  // Cycle-walked within its Luhn class: an account that is not Luhn-valid never comes out as one (it
  // could then read as a card), and the class is seen on the output, so decryption walks the same set.
  BANK_ACCOUNT: (chars, run) => {
    if (!DIGITS.test(chars)) return null;
    const luhn = luhnValid(chars, 0, chars.length);
    return run(chars, (d) => luhnValid(d, 0, d.length) === luhn);
  },
  // SSA rules: area 001-899 but 666, group 01-99, serial 0001-9999 (cycle-walked into them).
  US_SSN: (chars, run) => (chars.length === 9 ? run(chars, ssnValid) : null),
  // `E12345678`, `EA1234567`: the letters (passport kind) kept, the digits encrypted.
  CN_PASSPORT: (chars, run) => {
    const m = /^([A-Za-z]+)([0-9]+)$/.exec(chars);
    const digits = m && run(m[2]);
    return m && digits !== null ? m[1] + digits : null;
  },
  // `A123456(3)`: letters kept, six digits encrypted, the check char computed again.
  HK_ID: (chars, run) => {
    const m = /^([A-Z]{1,2})([0-9]{6})([0-9A])$/.exec(chars);
    if (!m || hkIdCheckChar(chars, 0, chars.length - 1) !== m[3]) return null;
    const digits = run(m[2]);
    if (digits === null) return null;
    const body = m[1] + digits;
    return body + hkIdCheckChar(body, 0, body.length);
  },
  CN_RESIDENT_ID: residentIdShape,
  PHONE: phoneShape,
  IBAN: ibanShape,
};

/** The regions a national number (no `+`) may be valid in for the walk: the detector's default regions. */
const PHONE_REGIONS = ['CN', 'US', 'GB', 'DE', 'FR', 'JP', 'IN', 'HK'] as const;

/**
 * Phone: the country code and the first 4 national digits (5 after a trunk `0`: `0755-8…`, `138 0…`)
 * kept, which is where numbering plans put what makes a number valid (mobile prefix, area code, a US
 * exchange's first digit); the rest (7 digits of a CN mobile, 6 of a US number; an extension too)
 * encrypted, cycle-walked until libphonenumber says the whole number is valid again (`+…` numbers
 * by their country, national ones in one of the default regions; others are tokens), so it is a
 * phone number a parser accepts, and logveil finds again. Fewer than 6 digits to encrypt: a token.
 */
function phoneShape(chars: string, run: DigitCipher, written: (chars: string) => string): string | null {
  const value = written(chars);
  const intl = /^[^0-9]*\+/.test(value) || /^[^0-9]*00/.test(value);
  const valid = (text: string): boolean => (intl ? isValidPhoneNumber(text.replace(/^([^0-9]*)00/, '$1+')) : PHONE_REGIONS.some((r) => isValidPhoneNumber(text, r)));
  if (!valid(value)) return null;
  const digits = chars.replace(/[^0-9]/g, '');
  let cc = 0;
  if (intl) {
    const parsed = parsePhoneNumberFromString(value.replace(/^([^0-9]*)00/, '$1+'));
    if (!parsed) return null;
    cc = parsed.countryCallingCode.length + (/^[^0-9]*00/.test(value) ? 2 : 0);
  }
  const keep = cc + (digits[cc] === '0' ? 5 : 4);
  const withDigits = (d: string): string => {
    let k = 0;
    return chars.replace(/[0-9]/g, () => d[k++]);
  };
  const payload = run(digits.slice(keep), (p) => valid(written(withDigits(digits.slice(0, keep) + p))));
  return payload === null ? null : withDigits(digits.slice(0, keep) + payload);
}

function ssnValid(d: string): boolean {
  const area = d.slice(0, 3);
  return area !== '000' && area !== '666' && area[0] !== '9' && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

/**
 * 18-char resident ID: the region (6 digits) kept; the birth date and sequence number become one
 * number, day × 1000 + sequence (days from 1900-01-01, birth dates up to 2019-12-31), encrypted as 8
 * digits and cycle-walked under that bound, so the output has a real past birth date and is found
 * again; MOD 11-2 check char computed again. Another date, or a lower-case `x`, gives a token.
 */
function residentIdShape(chars: string, run: DigitCipher): string | null {
  if (!/^[0-9]{17}[0-9X]$/.test(chars) || cnResidentIdCheckChar(chars, 0, 17) !== chars[17]) return null;
  const day = dayNumber(chars.slice(6, 14));
  if (day < 0) return null;
  const n = run(String(day * 1000 + Number(chars.slice(14, 17))).padStart(8, '0'), (d) => Number(d) < RESIDENT_DAYS * 1000);
  if (n === null) return null;
  const body = chars.slice(0, 6) + dateOfDay(Math.floor(Number(n) / 1000)) + n.slice(5);
  return body + cnResidentIdCheckChar(body, 0, 17);
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1);
const RESIDENT_DAYS = (Date.UTC(2020, 0, 1) - FIRST_DAY) / DAY_MS;

/** Days from 1900-01-01 to a real date `YYYYMMDD` before 2020, or -1. */
function dayNumber(yyyymmdd: string): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6));
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return -1;
  const day = (t - FIRST_DAY) / DAY_MS;
  return day >= 0 && day < RESIDENT_DAYS ? day : -1;
}

function dateOfDay(day: number): string {
  return new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * IBAN: country code and BBAN letters kept (a bank code such as `WEST` names the bank), the BBAN's
 * digits encrypted, the two check digits computed again (mod 97), so the country, length and
 * structure stay and the output is a valid IBAN.
 */
function ibanShape(chars: string, run: DigitCipher): string | null {
  if (!/^[A-Za-z]{2}[0-9]{2}[0-9A-Za-z]+$/.test(chars) || !iban97Valid(chars, 0, chars.length)) return null;
  const bban = chars.slice(4);
  const digits = run(bban.replace(/[A-Za-z]/g, ''));
  if (digits === null) return null;
  let k = 0;
  const next = bban.replace(/[0-9]/g, () => digits[k++]);
  return chars.slice(0, 2) + ibanCheck(chars.slice(0, 2), next) + next;
}

function ibanCheck(country: string, bban: string): string {
  let rem = 0;
  for (const c of `${bban}${country}00`.toUpperCase()) {
    rem = c <= '9' ? (rem * 10 + Number(c)) % 97 : (rem * 100 + c.charCodeAt(0) - 55) % 97;
  }
  return String(98 - rem).padStart(2, '0');
}
