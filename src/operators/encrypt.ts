import type { PiiType } from '../../detectors/index.js';
import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Ciphers } from '../crypto/ciphers.js';
import { NUMERALS } from '../crypto/ff1.js';
import type { Operator } from './operator.js';
import {
  bankAccountShape,
  DECIMAL,
  hkIdShape,
  ibanShape,
  imeiShape,
  luhnShape,
  macShape,
  passportShape,
  reshape,
  residentIdShape,
  sidShape,
  ssnShape,
  twNationalIdShape,
  usccShape,
  type DigitSource,
  type Shape,
} from './same-shape.js';

/**
 * Reversible encryption under the key (`--key-file`); `logveil reveal` turns it back.
 *
 * - Digit and alphanumeric types keep their shape: FF1 (src/crypto/ff1.ts) over the value's digits
 *   (radix 10; a MAC's hex digits radix 16, a USCC's organization code radix 31), the type as tweak;
 *   letters, separators and layout stay where they were (`4111 1111 1111 1111` → `4111 11xx xxxx xxxc`).
 *   What a detector needs to know the type again stays readable (a phone's country code and first
 *   national digits, a card's 6-digit IIN, an IMEI's 8-digit TAC, an IBAN's country, a resident ID's
 *   region code, a TW ID's letter and sex digit, a USCC's authority, type and division, a MAC's
 *   multicast and local bits), so reveal can find the value by detection. Where a type has rules
 *   beyond a check char (a phone's validity, a real birth date, SSA rules, a USCC's or MAC's digits
 *   staying digits), the output is cycle-walked into them.
 * - A check character is computed again for the new payload, so the output is valid (Luhn, MOD 11-2,
 *   HK mod 11, IBAN mod 97, TW mod 10, GB 11714 and GB 32100). Nothing about it needs recording: a check character is a function of its
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
  return reshapeFF1(value, type, ciphers, 'encrypt') ?? sealToken(value, type, ciphers);
}

/** The original of a value encrypt wrote in the type's shape (a token: see openToken). */
export function decryptShaped(value: string, type: PiiType, ciphers: Ciphers): string | null {
  return reshapeFF1(value, type, ciphers, 'decrypt');
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

/** Applies the type's shape to the value's letters and digits, leaving every other char in place. */
function reshapeFF1(value: string, type: PiiType, ciphers: Ciphers, direction: Direction): string | null {
  const shape = SHAPES[type];
  if (!shape) return null;
  const tweak = Buffer.from(type, 'utf8');
  const run: DigitSource = (digits, valid, alphabet = DECIMAL) => {
    const ff1 = ciphers.ff1(type, alphabet.length);
    if (digits.length < ff1.minLength || (valid && !valid(digits))) return null;
    // FF1 writes radix r in the first r of 0-9a-z; another alphabet (a USCC's) is mapped by value.
    const own = alphabet === NUMERALS.slice(0, alphabet.length);
    const numerals = own ? digits : mapChars(digits, alphabet, NUMERALS);
    if (numerals === null) return null;
    const inAlphabet = own ? (n: string) => n : (n: string) => mapChars(n, NUMERALS, alphabet)!;
    // Cycle walking: FF1 is a permutation of all n-digit strings; applied again until the result is in
    // the valid subset, it is a permutation of that subset, and decrypting walks back the same way, in
    // as many steps. A walk longer than MAX_WALK (a valid subset too thin) gives up: encrypt writes a
    // token instead, so no FF1 value ever needed more steps, and decrypt never gives up on one.
    let out = numerals;
    for (let step = 0; step < MAX_WALK; step++) {
      out = direction === 'encrypt' ? ff1.encrypt(out, tweak) : ff1.decrypt(out, tweak);
      if (!valid || valid(inAlphabet(out))) return inAlphabet(out);
    }
    return null;
  };
  return reshape(value, shape, run);
}

/** Each char of `text` as the char of the same value in `to`; null when one is not in `from`. */
function mapChars(text: string, from: string, to: string): string | null {
  let out = '';
  for (const c of text) {
    const v = from.indexOf(c);
    if (v < 0) return null;
    out += to[v];
  }
  return out;
}

const MAX_WALK = 500;

/** The same-shape types (see same-shape.ts) and what each keeps readable; the rest are tokens. */
const SHAPES: Partial<Record<PiiType, Shape>> = {
  // The IIN (6 digits) names the brand and bank, not the holder, and keeps the card a card of its brand.
  PAYMENT_CARD: luhnShape(6),
  IMEI: imeiShape,
  BANK_ACCOUNT: bankAccountShape,
  US_SSN: ssnShape,
  CN_PASSPORT: passportShape,
  HK_ID: hkIdShape,
  CN_RESIDENT_ID: residentIdShape(),
  PHONE: phoneShape,
  IBAN: ibanShape,
  TW_NATIONAL_ID: twNationalIdShape,
  CN_USCC: usccShape,
  MAC_ADDRESS: macShape,
  WINDOWS_SID: sidShape,
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
function phoneShape(chars: string, run: DigitSource, written: (chars: string) => string): string | null {
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
