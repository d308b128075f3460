import { isIP } from 'node:net';
import type { PiiType } from '../../detectors/index.js';

/**
 * Whether a value under a field named for a type can be of that type. A field name is a guess about
 * its value: `address: 0x0003f2a0` is an instruction address, `name=com.example.app` a package,
 * `Name=IOReporter` a class, `deviceId=3` a small integer, `phone_verified: true` a flag. A value that
 * cannot be of the type is scanned like any other (never kept unscanned), and a placeholder (`-`,
 * `null`, `N/A`, `***`, all zeros) is left as it is: it names nobody. The checks are deliberately loose
 * where a miss would leak (a name may be one word, an address need not hold a digit).
 */

/** Words that stand for "no value". */
const PLACEHOLDER_WORDS = new Set([
  // Not `na`: Na is a given name too (N/A is the placeholder).
  ...['-', '--', 'null', 'nil', 'none', 'n/a', 'unknown', 'undefined', '(null)', '<null>', '[]', '{}'],
  ...['无', '空', '暂无', '未知', '未填写'],
]);

const PLACEHOLDER_LONGEST = Math.max(...[...PLACEHOLDER_WORDS].map((w) => w.length));

/**
 * An empty value, a "no value" word, or a mask: only mask chars (`*`, `x`, `#`, `•`) or zeros, with
 * separators (`***`, `XXX-XX-XXXX`, `0000`, `00:00:00:00:00:00`).
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  // Asked for every value a field rule replaces: length and first-char checks spare most of them the
  // lower-casing and the regex (lower-casing never shortens a string).
  if (v === '' || (v.length <= PLACEHOLDER_LONGEST && PLACEHOLDER_WORDS.has(v.toLowerCase()))) return true;
  if (v === '0') return false; // a code (`gender: 0`), not a mask
  const c = v.charCodeAt(0);
  if (!(c === 42 || c === 120 || c === 88 || c === 35 || c === 0x2022 || c === 48)) return false; // * x X # • 0
  return /^[*xX#•0]+(?:[\s.:/-]+[*xX#•0]+)*$/.test(v) && !/^[xX]{1,2}$/.test(v);
}

/** Separators a number is written with: space, `-`, `.`, `/`, `(`, `)`, `+`. */
const NUMBER_CHARS = /^[+\d\s().\/-]+$/;

const digitCount = (v: string): number => {
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
};

/** Digits written with number separators, `min` to `max` of them. */
const digitsWithin = (v: string, min: number, max: number): boolean => NUMBER_CHARS.test(v) && digitCount(v) >= min && digitCount(v) <= max;

/** An IPv4/IPv6 address, optionally `[v6]`, with a `:port`, or a comma-separated list: no name or place. */
function isIpList(v: string): boolean {
  return v.split(/\s*,\s*/).every(isOneIp);
}
function isOneIp(v: string): boolean {
  if (isIP(v)) return true;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(v);
  if (bracketed) return isIP(bracketed[1]) === 6;
  const port = /^([\d.]+):\d{1,5}$/.exec(v);
  return port !== null && isIP(port[1]) === 4;
}

/**
 * A code identifier or a host rather than words: a name with two dots and no space (a package
 * `com.example.app`, a host `db01.example.com`), a `host:port`, a hex number, `::`, `/`, `\`, `$`,
 * `=`, a generated name (`nginx-7d9f8c`: letters, digits and a dash), or a CamelCase word with an
 * inner upper-case run or two humps (`IOReporter`, `UserServiceImpl`; one hump stays a name:
 * `McDonald`), or an error class's name (`Error`, `TypeError`: what an Error's `name` holds in a
 * serialized log record). One dot, `_` and digits alone are not enough: account names are written so (`alice.w`).
 */
export function isIdentifier(v: string): boolean {
  if (/\s/.test(v)) return false;
  if (/^0x[0-9a-f]+$/i.test(v)) return true;
  if (/[$\\/=]|::/.test(v)) return true;
  if (/\.[^.]*\./.test(v) && /[A-Za-z]/.test(v) && !/^(?:[A-Z]\.)+[A-Z]?$/.test(v)) return true; // not initials `J.R.R.`
  if (/^[\w.-]+:\d{1,5}$/.test(v)) return true;
  if (/\d/.test(v) && /[A-Za-z]/.test(v) && v.includes('-')) return true;
  if (/[A-Z]{2,}[a-z]/.test(v)) return true; // `IOReporter`, `HTTPClient`
  if (/^(?:[A-Z][A-Za-z0-9]*)?(?:Error|Exception)$/.test(v)) return true; // an error's class: `Error`, `TypeError`, `PaymentException`
  return (v.match(/[a-z][A-Z]/g)?.length ?? 0) >= 2; // `UserServiceImpl`
}

/**
 * Lower-case words joined by `-` or `_` (`orders-api`, `checkout_worker`): how services, loggers and
 * jobs are named (pino and bunyan write the logger's `name` in every record), not how people write
 * their names (`Jean-Luc`, `Zhang San`).
 */
const isServiceName = (v: string): boolean => /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/.test(v);

const hasLetter = (v: string): boolean => /\p{L}/u.test(v);
const isNumber = (v: string): boolean => /^[+-]?\d+(?:[.,]\d+)?$/.test(v);
const isBoolean = (v: string): boolean => /^(?:true|false|yes|no|on|off)$/i.test(v);

/** Whether `value` (not a placeholder) can be a value of `type`. */
export function isPlausible(type: PiiType, value: string): boolean {
  // Quotes around it are the log's (`"1380013` in a cut-off JSON text), not the value's.
  const v = value.trim().replace(/^["']+|["']+$/g, '');
  switch (type) {
    case 'PHONE':
      // Optional extension: `+1 202-555-0143 ext. 12`.
      return digitsWithin(v.replace(/\s*(?:;?ext[.=]?|x|#|转|分机)\s*\d{1,6}$/i, ''), 6, 20);
    case 'EMAIL':
      return /[^\s@]@[^\s@]/.test(v) || /[^\s%]%40[^\s%]/i.test(v);
    case 'IP_ADDRESS':
      // One address alone. With a port, brackets or a list (`X-Forwarded-For`) the value is scanned:
      // the addresses are found there and the port and separators stay as written.
      return isIP(v) !== 0;
    case 'MAC_ADDRESS':
      // Six (or EUI-64's eight) hex pairs with `:`, `-`, `.` or spaces, or Cisco's three dotted quads.
      return /^[0-9a-f]{2}(?:[-:. ]?[0-9a-f]{2}){5,7}$|^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(v);
    case 'IMEI':
      return digitsWithin(v, 14, 17);
    case 'PAYMENT_CARD':
      return digitsWithin(v, 12, 19);
    case 'BANK_ACCOUNT':
      return digitsWithin(v, 6, 34);
    case 'US_SSN':
      return digitsWithin(v, 9, 9);
    case 'CN_RESIDENT_ID':
    case 'CN_PASSPORT':
    case 'HK_ID':
    case 'TW_NATIONAL_ID':
    case 'CN_USCC':
    case 'IBAN':
      // Letters and digits, a few separators, at least 5 digits: not a word, a flag or a small integer.
      return /^[A-Za-z0-9][A-Za-z0-9 ()（）.\/-]{4,40}$/.test(v) && digitCount(v) >= 5;
    case 'PERSON_NAME':
      return hasLetter(v) && !isBoolean(v) && !isIdentifier(v) && !isIpList(v) && !/:\/\//.test(v) && !isServiceName(v);
    case 'ADDRESS':
      // A street address may be one CJK run or words; not a number, a host, an IP, a URL or code.
      // One lower-case word is a setting (`bind_address: localhost`, `any`, `auto`), not a place.
      if (/^[a-z-]+$/.test(v)) return false;
      if (/^[^\s@]+@[^\s@]+$/.test(v)) return false; // an email: scanned as one
      return hasLetter(v) && !isBoolean(v) && !isIdentifier(v) && !isIpList(v) && !/:\/\//.test(v) && !isNumber(v);
    case 'USERNAME':
      // A Kubernetes identity of the system (`system:serviceaccount:kube-system:…`, `system:node:…`,
      // audit logs' `user.username`) is no person's login; scanned, so a node's embedded address is found.
      return !/^system:/.test(v);
    case 'DEVICE_ID':
      // A device id is long (IDFA, Android id, serial); `3` or `42` numbers a device in a list.
      return /^[\w:.-]{8,}$/.test(v) && !isBoolean(v);
    case 'DATE_OF_BIRTH':
    case 'GEO':
      return /\d/.test(v);
    case 'POSTAL_CODE':
      return /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(v) && /\d/.test(v);
    case 'GENDER':
      return !isNumber(v) || v.length === 1;
    default:
      // A type this file does not know (one added later): trust the field name.
      return true;
  }
}
