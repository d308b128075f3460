import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { maskKeeping } from '../../detectors/lib/mask.js';
import type { Operator } from './operator.js';

/**
 * Mask with `*`, keeping separators and a few characters so a reader can still tell values apart:
 * `****-****-****-1234`, `138****8000`, `j***@example.com`, `110105********123X`. What stays of a
 * pattern type is its detector's rule (DetectorSpec.mask, passed in the context); a name keeps its
 * first char (`张**`); anything else is masked whole.
 */
export const mask: Operator = (value, ctx) => {
  if (ctx.type === 'PHONE') return maskPhone(value, ctx.normalized); // moves into detectors/phone/ with the phone split
  const rule = ctx.mask ?? (ctx.type === 'PERSON_NAME' ? NAME_KEEP : NOTHING_KEPT);
  return typeof rule === 'function' ? rule(value, ctx.normalized) : maskKeeping(value, rule[0], rule[1]);
};

const NAME_KEEP = [1, 0] as const;
const NOTHING_KEPT = [0, 0] as const;

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
