// What libphonenumber-js says of a number whose digits are known, asked once per number: the matcher
// asks only about numbers that fit a format of a region (match.ts), and a log repeats its numbers.
import { parsePhoneNumberFromString, PhoneNumber } from 'libphonenumber-js/max';
import { SHARED_CALLING_CODES } from './plan.js';
import { isValidUnder, numberType } from './validity.js';

/**
 * The library's answers by calling code and national number, a few hundred kept: a found number is asked about again when
 * it is normalized (e164()), and a log repeats its numbers. The answer depends on the digits alone (the
 * metadata is fixed), and a PhoneNumber is only read (number, type, formats), never changed.
 */
const ANSWERS_MAX = 512;
const answers = new Map<string, PhoneNumber | null>();

/** The number `+cc nsn` if libphonenumber says it is valid. Cheaper than parsing: the digits are known. */
export function validNumber(callingCode: string, nsn: string): PhoneNumber | undefined {
  const key = `${callingCode} ${nsn}`;
  const known = answers.get(key);
  if (known !== undefined) return known ?? undefined;
  const p = askLibrary(callingCode, `+${callingCode}${nsn}`);
  if (answers.size >= ANSWERS_MAX) answers.clear();
  answers.set(key, p ?? null);
  return p;
}

/** What validNumber asks, uncached: for numbers asked about once (the pseudonym operator's candidates). */
export function askLibrary(callingCode: string, e164: string): PhoneNumber | undefined {
  // PhoneNumber#isValid()'s answer, from the patterns compiled once (validity.ts).
  if (isValidUnder(callingCode, e164.slice(1 + callingCode.length))) return new PhoneNumber(e164);
  // A calling code several countries share (+1: US, CA, JM…; +7: RU, KZ; +44: GB, GG…) is checked
  // above against its main country only; parsing finds the country the number belongs to.
  if (!SHARED_CALLING_CODES.has(callingCode)) return undefined;
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.isValid() ? parsed : undefined;
}

export function isMobile(p: PhoneNumber): boolean {
  // Built from E.164 (no country): the calling code's plan, as getType() reads it; a parsed number of
  // a country that shares its code: the library, which reads that country's.
  const type = p.country === undefined ? numberType(p.countryCallingCode, p.nationalNumber) : p.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}
