import type { PiiType } from '../../detectors/index.js';
import { gb11714CheckChar } from '../../detectors/cn-uscc.js';
import { USCC_ALPHABET, usccCheckChar } from '../../detectors/lib/checksum.js';
import type { KeyedDraws } from './keyed-draws.js';
import { bankAccountShape, hkIdShape, ibanShape, imeiShape, luhnShape, passportShape, residentIdShape, sidShape, ssnShape, twNationalIdShape, type Shape } from './same-shape.js';

/**
 * The same-shape types of the pseudonym operator (phones, emails, user names and IPs have their own
 * files): what each keeps, with the shapes encrypt uses where they fit (same-shape.ts) and the
 * types encrypt writes as tokens here. The digits come from keyed draws (keyed-draws.ts).
 */
export interface ShapeOptions {
  /** The policy's `pseudonym.keep_birth_year`: a resident ID's surrogate is born in the same year. */
  readonly keepBirthYear: boolean;
}

export function pseudonymShape(type: PiiType, draws: KeyedDraws, options: ShapeOptions): Shape | null {
  switch (type) {
    // The brand's prefix (Visa `4`, Amex `34`, JCB `3528`…) and the length kept, the rest drawn
    // while the brand stays the same, Luhn digit computed again.
    case 'PAYMENT_CARD':
      return (chars, run, written) =>
        luhnShape(brandPrefix)(chars, (d) => run(d, (p) => cardBrand(chars.slice(0, brandPrefix(chars)) + p) === cardBrand(chars)), written);
    case 'IMEI':
      return imeiShape;
    // Its Luhn class kept (bankAccountShape), and its first digit, and never the shape of a CN mobile
    // (`1[3-9]` and 11 digits): drawn digits must not turn an account into what reads as a phone.
    case 'BANK_ACCOUNT':
      return (chars, run, written) =>
        bankAccountShape(chars, (d, valid) => run(d, (x) => x[0] === chars[0] && !(x.length === 11 && /^1[3-9]/.test(x)) && (!valid || valid(x))), written);
    case 'US_SSN':
      return ssnShape;
    case 'CN_PASSPORT':
      return passportShape;
    case 'HK_ID':
      return hkIdShape;
    case 'IBAN':
      return ibanShape;
    // A real region code, a real birth date from 1900 to 2024 (or in the same year), a valid check char.
    case 'CN_RESIDENT_ID':
      return (chars, run, written) => residentIdShape({ keepYear: options.keepBirthYear, lastYear: 2024 })(chars.toUpperCase(), run, written);
    case 'CN_USCC':
      return usccShape(draws);
    // The letter (place of registration) and the sex digit kept, seven digits drawn, check digit again.
    case 'TW_NATIONAL_ID':
      return twNationalIdShape;
    case 'MAC_ADDRESS':
      return macShape(draws);
    // The domain kept, the account's RID drawn (an Entra ID object's four numbers).
    case 'WINDOWS_SID':
      return sidShape;
    default:
      return null;
  }
}

/**
 * How many leading digits name the card's brand (the detector's IIN table, detectors/payment-card.ts):
 * `4` Visa and `1` UATP one; 2221–2720 Mastercard, 2200–2204 Mir, 3528–3589 JCB and 6011 Discover four;
 * 300–305 Diners and 644–649 Discover three; every other brand (34/37, 36/38/39, 51–55, 50/56–58, 60,
 * 62, 63, 65, 67) two.
 */
function brandPrefix(digits: string): number {
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === '4' || digits[0] === '1') return 1;
  if ((p4 >= 2200 && p4 <= 2204) || (p4 >= 2221 && p4 <= 2720) || (p4 >= 3528 && p4 <= 3589) || p4 === 6011) return 4;
  if ((p3 >= 300 && p3 <= 305) || (p3 >= 644 && p3 <= 649)) return 3;
  return 2;
}

/** The brand of a card number as its brand prefix names it (drawn digits must not make a `60…` a `6011…`). */
function cardBrand(digits: string): string {
  const p4 = Number(digits.slice(0, 4));
  return p4 === 6011 || (p4 >= 6440 && p4 <= 6499) || digits.startsWith('65') ? 'discover' : digits.slice(0, brandPrefix(digits));
}

const USCC_LETTERS = USCC_ALPHABET.replace(/[0-9]/g, '');

/**
 * Unified social credit code: registration authority, entity type and division (8 chars) kept; the
 * organization code's 8 chars drawn (a digit for a digit, a letter of the code's alphabet for a
 * letter), its GB 11714 check char and the GB 32100 check char computed again, each staying a digit
 * or a letter as it was (an all-digit code stays all digits: the detector weighs those differently).
 */
function usccShape(draws: KeyedDraws): Shape {
  return (chars) => {
    if (chars.length !== 18 || usccCheckChar(chars, 0) !== chars[17] || gb11714CheckChar(chars, 8) !== chars[16]) return null;
    const isDigit = (c: string) => c >= '0' && c <= '9';
    for (let t = 0; t < 200; t++) {
      let org = '';
      for (const c of chars.slice(8, 16)) org += isDigit(c) ? draws.pick('0123456789') : draws.pick(USCC_LETTERS);
      if (org === chars.slice(8, 16)) continue;
      const body = chars.slice(0, 8) + org;
      const orgCheck = gb11714CheckChar(body, 8);
      if (isDigit(orgCheck) !== isDigit(chars[16])) continue;
      const check = usccCheckChar(body + orgCheck, 0);
      if (check !== '' && isDigit(check) === isDigit(chars[17])) return body + orgCheck + check;
    }
    return null;
  };
}

/**
 * MAC address: 12 hex digits drawn, the first byte's two flag bits kept (unicast/multicast and
 * globally/locally administered), letters in the input's case; never all zeros or all `f` (the
 * detector wants a context word for those).
 */
function macShape(draws: KeyedDraws): Shape {
  return (chars) => {
    if (!/^[0-9A-Fa-f]{12}$/.test(chars)) return null;
    const upper = /[A-F]/.test(chars);
    const flags = parseInt(chars.slice(0, 2), 16) & 0x03;
    for (let t = 0; t < 100; t++) {
      const first = (draws.int(256) & 0xfc) | flags;
      let hex = first.toString(16).padStart(2, '0');
      for (let i = 2; i < 12; i++) hex += draws.pick('0123456789abcdef');
      if (upper) hex = hex.toUpperCase();
      if (hex.toLowerCase() !== chars.toLowerCase() && !/^(?:0{12}|f{12})$/i.test(hex)) return hex;
    }
    return null;
  };
}
