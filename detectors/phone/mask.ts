/** PHONE's mask rule (DetectorSpec.mask). */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { maskKeeping } from '../lib/mask.js';
import { extensionStart } from './extension.js';

/**
 * A phone keeps its country code as written (`+86 138 **** 8000`), then the national number keeps its
 * first three and last four digits. `normalized` is the detector's E.164 form.
 */
export function maskPhone(found: string, normalized: string): string {
  // An extension is hidden whole: `201-***-0123 x****`.
  const at = extensionStart(found);
  const ext = found.slice(at).replace(/[0-9]/g, '*');
  return maskNumber(found.slice(0, at), normalized) + ext;
}

function maskNumber(value: string, normalized: string): string {
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
