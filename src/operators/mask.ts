import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PiiType } from '../../detectors/lib/types.js';
import type { Operator } from './operator.js';

/**
 * Mask with `*`, keeping separators and a few characters so a reader can still tell values apart:
 * `****-****-****-1234`, `138****8000`, `j***@example.com`, `110105********123X`.
 * `keep` = how many significant (alphanumeric) chars stay visible at the start and at the end.
 */
const KEEP: Partial<Record<PiiType, readonly [head: number, tail: number]>> = {
  PAYMENT_CARD: [0, 4],
  CN_RESIDENT_ID: [6, 4],
  IBAN: [4, 4],
  BANK_ACCOUNT: [0, 4],
  IMEI: [0, 4],
  US_SSN: [0, 4],
  HK_ID: [1, 0],
  CN_PASSPORT: [1, 0],
  CN_USCC: [8, 0],
  PERSON_NAME: [1, 0],
};
const DEFAULT_KEEP = [0, 0] as const;

function isSignificant(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** Replace significant chars outside the kept head/tail by `*`; separators stay as written. */
export function maskKeeping(value: string, head: number, tail: number): string {
  let total = 0;
  for (let i = 0; i < value.length; i++) if (isSignificant(value.charCodeAt(i))) total++;
  // Too short to keep that much: hide everything (at least three chars, or all but one, stay hidden).
  if (total - head - tail < Math.min(3, total - 1)) head = tail = 0;
  let seen = 0;
  let out = '';
  for (const ch of value) {
    if (!isSignificant(ch.charCodeAt(0))) {
      out += ch;
      continue;
    }
    out += seen < head || seen >= total - tail ? ch : '*';
    seen++;
  }
  return out;
}

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  const enc = at < 0 ? value.toLowerCase().lastIndexOf('%40') : -1;
  const split = at >= 0 ? at : enc;
  if (split <= 0) return maskKeeping(value, 0, 0);
  return `${value[0]}***${value.slice(split)}`;
}

function maskIp(value: string): string {
  if (value.includes('.') && !value.includes(':')) {
    const parts = value.split('.');
    return `${parts[0]}.${parts[1]}.*.*`;
  }
  // IPv6: keep the first two groups (the routing prefix), hide the rest.
  const groups = value.split(':');
  return `${groups[0]}:${groups[1] ?? ''}:*`;
}

/**
 * A phone keeps its country code as written (`+86 138 **** 8000`), then the national number keeps its
 * first three and last four digits.
 */
function maskPhone(value: string, normalized: string): string {
  const cc = normalized.startsWith('+') ? parsePhoneNumberFromString(normalized)?.countryCallingCode : undefined;
  const trimmed = value.trimStart();
  const prefix = trimmed.startsWith('+') ? 1 : trimmed.startsWith('00') ? 2 : trimmed.startsWith('(+') ? 2 : -1;
  if (!cc || prefix < 0) return maskKeeping(value, 3, 4);
  // Skip the prefix and the country code's digits; keep them (and what separates them) as written.
  let i = value.length - trimmed.length + prefix;
  for (let seen = 0; i < value.length && seen < cc.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) seen++;
  }
  return value.slice(0, i) + maskKeeping(value.slice(i), 3, 4);
}

export const mask: Operator = (value, ctx) => {
  if (ctx.type === 'EMAIL') return maskEmail(value);
  if (ctx.type === 'PHONE') return maskPhone(value, ctx.normalized);
  if (ctx.type === 'IP_ADDRESS') return maskIp(value);
  const [head, tail] = KEEP[ctx.type] ?? DEFAULT_KEEP;
  return maskKeeping(value, head, tail);
};
