import { isAlnum, isDigit } from '../lib/chars.js';
import { codeAt } from '../lib/code-at.js';
import { IBAN_REGISTRY } from '../iban.js';

// Under `account=` a bank account's IBAN stands where a name could: its first group is no name.
const SP = 32;
const DOT = 46;
const STAR = 42;
const LT = 60;

/** IBAN country codes (upper case). */
const IBAN_COUNTRIES = new Set(IBAN_REGISTRY.split(' ').map((e) => e.slice(0, 2)));

/**
 * `account=mt84 rhqb 9000 9406 9590 98`: the first group of an IBAN written in groups (in lower case
 * too, or its country apart: `IT 28 X054 …`), not a name: an IBAN country, two digits, then another group, or the tag a first pass wrote
 * for the rest (`de83 <BANK_ACCOUNT>`), or its mask (`de89 **** …`, `FR19.****.…`): anonymizing
 * twice must change nothing.
 */
export function ibanHead(text: string, start: number, end: number): boolean {
  const sep = codeAt(text, end);
  // The country code written apart from its check digits (`IT 28 X054 …`, masked `IT 28 *****…`).
  if (end - start === 2 && sep === SP && isDigit(codeAt(text, end + 1)) && isDigit(codeAt(text, end + 2)) && codeAt(text, end + 3) === SP) {
    return IBAN_COUNTRIES.has(text.slice(start, end).toUpperCase());
  }
  if (end - start !== 4 || (sep !== SP && sep !== DOT)) return false;
  if (!isDigit(text.charCodeAt(start + 2)) || !isDigit(text.charCodeAt(start + 3))) return false;
  // The next group: letters or digits, a tag, or what the mask operator wrote (`de89 **** **** …`,
  // `FR19.****.****…`): the head a mask keeps is the IBAN's, not a name.
  const next = codeAt(text, end + 1);
  if (!(isAlnum(next) || next === LT || next === STAR)) return false;
  return IBAN_COUNTRIES.has(text.slice(start, start + 2).toUpperCase());
}
