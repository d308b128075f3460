import { iban97Valid } from './lib/checksum.js';
import { defineDetector } from './lib/define.js';
import { groupsOfFour, label, pad, written, type Rng } from './lib/generate.js';

/**
 * IBAN (ISO 13616): 2-letter country code, 2 check digits, then a BBAN whose length and character
 * classes are fixed per country. Written compact (`DE25100200300123456789`), in the print format
 * (groups of four and single spaces: `DE25 1002 0030 0123 4567 89`), or as people and systems group
 * it otherwise: dashes or dots instead of spaces (`DE25-1002-0030-…`), irregular groups (a bank code
 * then an account number: `FR76 30006 00001 12345678901 89`), the country code apart from the check
 * digits (`DE 89 37040 044 053201 3000`), in lower or mixed case (`de25 1002 …`).
 *
 * Checked: the country is in the SWIFT IBAN registry, the BBAN has that country's exact length and
 * its structure (n = digit, a = letter, c = either, position by position), one kind of separator
 * throughout, and ISO 7064 MOD 97-10 gives 1 (iban97Valid). Length + structure + a 1-in-97 check
 * leave next to nothing to chance, so no context is needed: score 0.98.
 *
 * The table is SWIFT IBAN registry release 101 (89 countries), read from its BBAN format column
 * (`8!n10!n` → `18n`). Lengths were cross-checked against validator's isIBAN table: they agree for
 * every country both list; validator lacks BI, DJ, FK, HN, LY, MN, NI, OM, RU, SD, SO, ST, YE (newer
 * registry entries) and adds DZ, IR, MA, MZ, which use IBAN-like numbers but are not in the registry
 * and are left out here. No package exports a table that could replace this one: validator keeps its
 * regexes private (only `locales` is exported), and ibantools' `countrySpecs` (checked at 4.5.4) has
 * malformed entries (EG, VA, YE) and looser classes than the registry (IE, PK, PS, VG). validator's
 * isIBAN itself is not called: it allocates (replace, toUpperCase, a RegExp per country) and the
 * table check below does the same on char codes.
 *
 * Any case: the registry's electronic format is upper case, but IBANs do get logged in lower case.
 * What keeps hex ids, hashes, UUIDs and base32/base64 tokens out is the rest: the country code and
 * the check digits written together (the scanner's letter-letter-digit start) or, in upper case only,
 * apart by one separator of the value's one kind (`DE 89 37040 044 053201 3000`: lower-case words then
 * numbers, `at 10 …`, `no 12 …`, are prose), the exact length
 * ending at a token boundary, and the structure before the 1-in-97 check. A hex token needs a
 * hex-letter country (AD, AE, BA, BE, DE) and then digits where the registry has `n`: a 16-hex span
 * id starting `be` passes with 14 digits in a row (about 1 in 10^3 of them) and then mod 97, about 1
 * in 10^7; sha1/sha256 hex and UUIDs are of no IBAN length.
 *
 * The shape is built per IBAN length: each branch lists the countries of one length and allows that
 * exact BBAN length, each of its chars after at most one separator (space, `-`, `.`). So the match
 * ends where the IBAN ends even when a short token follows (`ES34 1234 1234 1212 3456 7890 EUR`), and
 * a grouped value is taken whole or not at all, never cut after some of its groups.
 */

/** `CC:structure` per country, SWIFT IBAN registry r101 (exported for the test, which checks it against validator). */
export const IBAN_REGISTRY =
  'AD:8n12c AE:19n AL:8n16c AT:16n AZ:4a20c BA:16n BE:12n BG:4a6n8c BH:4a14c BI:23n BR:23n1a1c ' +
  'BY:4c4n16c CH:5n12c CR:18n CY:8n16c CZ:20n DE:18n DJ:23n DK:14n DO:4c20n EE:16n EG:25n ES:20n ' +
  'FI:14n FK:2a12n FO:14n FR:10n11c2n GB:4a14n GE:2a16n GI:4a15c GL:14n GR:7n16c GT:24c HN:4a20n ' +
  'HR:17n HU:24n IE:4a14n IL:19n IQ:4a15n IS:22n IT:1a10n12c JO:4a4n18c KW:4a22c KZ:3n13c LB:4n20c ' +
  'LC:4a24c LI:5n12c LT:16n LU:3n13c LV:4a13c LY:21n MC:10n11c2n MD:20c ME:18n MK:3n10c2n MN:16n ' +
  'MR:23n MT:4a5n18c MU:4a19n3a NI:4a20n NL:4a10n NO:11n OM:3n16c PK:4a16c PL:24n PS:4a21c PT:21n ' +
  'QA:4a21c RO:4a16c RS:18n RU:14n15c SA:2n18c SC:4a20n3a SD:14n SE:20n SI:15n SK:20n SM:1a10n12c ' +
  'SO:19n ST:21n SV:4a20n TL:19n TN:20n TR:6n16c UA:6n19c VA:18n VG:4a16n XK:16n YE:4a4n18c';

const N = 0; // digit
const A = 1; // letter
const C = 2; // digit or letter

/** BBAN structure per country, indexed by (c0 - 65) * 26 + (c1 - 65); one class per position. */
const STRUCTURE: Array<Uint8Array | undefined> = new Array(26 * 26);
const byLength = new Map<number, string[]>();
for (const entry of IBAN_REGISTRY.split(' ')) {
  const cc = entry.slice(0, 2);
  const classes: number[] = [];
  for (const [, count, cls] of entry.slice(3).matchAll(/(\d+)([nac])/g)) {
    for (let k = 0; k < Number(count); k++) classes.push(cls === 'n' ? N : cls === 'a' ? A : C);
  }
  STRUCTURE[(cc.charCodeAt(0) - 65) * 26 + cc.charCodeAt(1) - 65] = Uint8Array.from(classes);
  const list = byLength.get(classes.length) ?? [];
  list.push(cc);
  byLength.set(classes.length, list);
}

function buildShape(): RegExp {
  const branches: string[] = [];
  for (const [bban, countries] of [...byLength].sort((a, b) => a[0] - b[0])) {
    // Each BBAN char after at most one separator: linear (a skipped separator fails at once).
    // The country code may stand apart from the check digits (`DE 89 3704 …`; validate wants upper case then).
    branches.push(`(?:${countries.join('|')})[ .-]?\\d{2}(?:[ .-]?[A-Z0-9]){${bban}}`);
  }
  return new RegExp(branches.join('|'), 'iy');
}

let MIN_LEN = 99;
let MAX_LEN = 0;
for (const bban of byLength.keys()) {
  MIN_LEN = Math.min(MIN_LEN, 4 + bban);
  MAX_LEN = Math.max(MAX_LEN, 5 + 2 * bban); // at most one separator after the country and before each BBAN char
}

const SCORE = 0.98;

/** Space, `-` or `.`: what IBANs are grouped with. */
function isIbanSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 46;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 mod 97-10 check digits for country + BBAN (for generated values). */
function checkDigits(country: string, bban: string): string {
  let rem = 0;
  for (const ch of bban + country + '00') {
    const c = ch.charCodeAt(0);
    rem = c <= 57 ? (rem * 10 + c - 48) % 97 : (rem * 100 + c - 55) % 97;
  }
  return pad(98 - rem, 2);
}

/** A valid IBAN of a few countries: the BBAN of the registry length, its check digits. */
function ibanValue(r: Rng): string {
  const [country, bban] = r.pick<[string, () => string]>([
    ['GB', () => r.pick(['NWBK', 'BARC', 'LOYD', 'MIDL']) + r.digits(14)], // 22
    ['DE', () => r.digits(18)], // 22
    ['FR', () => r.digits(10) + r.digits(11) + r.digits(2)], // 27
    ['NL', () => r.pick(['ABNA', 'RABO', 'INGB']) + r.digits(10)], // 18
    ['ES', () => r.digits(20)], // 24
    ['IT', () => r.pick([...UPPER]) + r.digits(10) + r.digits(12)], // 27
    ['BE', () => r.digits(12)], // 16
  ]);
  const b = bban();
  return country + checkDigits(country, b) + b;
}

/** `CCdd`, then the BBAN cut into groups of 2 to 8 chars (a bank code, a branch, an account…). */
function irregularGroups(r: Rng, v: string, sep: string): string {
  const groups = [v.slice(0, 4)];
  for (let i = 4; i < v.length; ) {
    const n = r.int(2, 8);
    groups.push(v.slice(i, i + n));
    i += n;
  }
  return groups.join(sep);
}

export default defineDetector({
  type: 'IBAN',
  name: 'iban',
  candidate: 'alnum',
  minLen: MIN_LEN,
  maxLen: MAX_LEN,
  shape: buildShape(),
  validate(text, start, end) {
    const c0 = (text.charCodeAt(start) & ~32) - 65; // the shape admits only letters here
    const c1 = (text.charCodeAt(start + 1) & ~32) - 65;
    const structure = STRUCTURE[c0 * 26 + c1];
    if (structure === undefined) return 0;
    let k = 0;
    let sep = 0;
    let bbanStart = start + 4;
    const c2 = text.charCodeAt(start + 2);
    if (isIbanSeparator(c2)) {
      // `DE 89 …`: only in upper case, the way banks print it; in lower case it is a word then
      // numbers (`at 10 …`, `is 20 …`, `no 12 …`).
      if (c0 + 65 !== text.charCodeAt(start) || c1 + 65 !== text.charCodeAt(start + 1)) return 0;
      sep = c2;
      bbanStart = start + 5;
    }
    for (let i = bbanStart; i < end; i++) {
      const c = text.charCodeAt(i);
      if (isIbanSeparator(c)) {
        if (sep === 0) sep = c;
        else if (c !== sep) return 0; // `DE25 1002-0030…`: not one value's grouping
        continue;
      }
      const cls = structure[k++];
      const digit = c >= 48 && c <= 57;
      if (cls === N ? !digit : cls === A ? digit : false) return 0;
    }
    if (k !== structure.length) return 0;
    return iban97Valid(text, start, end) ? SCORE : 0;
  },
  /** The electronic format: no separators, upper case (one IBAN, one pseudonym, however written). */
  normalize(value) {
    let out = '';
    for (let i = 0; i < value.length; i++) if (!isIbanSeparator(value.charCodeAt(i))) out += value[i];
    return out.toUpperCase();
  },
  examples: {
    // Check digits computed with iban97Valid (the IBAN test recomputes them).
    match: [
      'DE25100200300123456789',
      'DE25 1002 0030 0123 4567 89',
      'GB85TEST12345612345678',
      'NL12 BANK 0123 4567 89',
      'NO2812345678901',
      'FR48 1234 5123 4500 0000 0000 A12',
      'MU72BANK0101234567890123000MUR',
      'ES34 1234 1234 1212 3456 7890',
      'de25100200300123456789', // lower case
      'de25 1002 0030 0123 4567 89',
      'DE25-1002-0030-0123-4567-89', // dashes
      'DE25.1002.0030.0123.4567.89', // dots
      'DE25 10020030 0123456789', // irregular groups: bank code, account number
      'fr48 12345 12345 0000000000a 12', // bank, branch, account, key
    ],
    noMatch: [
      'DE26100200300123456789', // bad check digits
      'DE9810020030012345678', // mod-97 valid, but one digit short for DE
      'DE98 1002 0030 0123 4567 8', // the same, grouped
      'DE25  1002 0030 0123 4567 89', // double space
      'DE25 1002-0030 0123 4567 89', // mixed separators
      'de2510020030f3b2a1c4d5', // lower-case hex of DE's length: letters where DE has digits
      'GB17TEST1234561234567X', // mod-97 valid, but a letter where GB has digits
      'XX79100200300123456789', // mod-97 valid, but XX is not a registry country
      'DE25100200300123456789A', // glued to a letter
    ],
  },
  fieldNames: ['iban'],
  mask: [4, 4],
  generate: {
    // Compact, in groups of four, or in irregular groups; spaces, dashes or dots; a quarter in lower case.
    valid(r, lang) {
      const v = ibanValue(r);
      const sep = r.pick([' ', ' ', '-', '.']);
      const form = r.int(0, 2);
      let value = form === 0 ? v : form === 1 ? groupsOfFour(v, sep) : irregularGroups(r, v, sep);
      if (r.chance(0.25)) value = value.toLowerCase();
      return written(value, label(r, lang, ['iban=', 'IBAN: ', 'beneficiary_iban='], ['收款IBAN:', '国际银行账号 IBAN ', '收款账户 iban: '], 0.4));
    },
    keys: { en: ['iban'], zh: ['iban', 'IBAN'] },
  },
});
