import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { extensionStart } from '../../detectors/phone/extension.js';
import { askLibrary } from '../../detectors/phone/library.js';
import type { KeyedDraws } from './keyed-draws.js';

/**
 * A phone's pseudonym: another valid number (libphonenumber-js, full metadata) of the same country
 * (region, not only calling code: +1 stays in the US or in Canada), with as many national digits,
 * written in the same national grouping (its national format's digit groups), so that it reads as
 * the same kind of number and logveil's phone detector finds it where it found the input. The digits
 * are drawn from the HMAC of the normalized (E.164) value, so `+86 138 0013 8000`, `13800138000`
 * and `0086-138-0013-8000` get one surrogate, each written in its own layout: only the national
 * number's digits change (`138 0013 8000` → `1xx xxxx xxxx`), the country code, trunk prefix,
 * separators and brackets stay, and an extension gets drawn digits.
 *
 * The first national digit is kept (it tells mobile from landline in most plans) and the rest drawn;
 * after every TRIES_PER_DIGIT draws that are not valid one more leading digit is kept, so even a thin
 * plan ends. Null when the value is not a valid number with an E.164 form (the caller falls back).
 */
export function pseudonymizePhone(value: string, normalized: string, draws: KeyedDraws): string | null {
  const e164 = normalized.replace(/;ext=\d*$/, '');
  if (!/^\+\d+$/.test(e164)) return null;
  const input = parsePhoneNumberFromString(e164);
  if (!input?.isValid()) return null;
  const nsn = input.nationalNumber;
  const at = extensionStart(value);
  const places: number[] = [];
  for (let i = 0; i < at; i++) if (value[i] >= '0' && value[i] <= '9') places.push(i);
  // The national number is the number's last digits as written (after a country code or trunk prefix).
  const nsnPlaces = places.slice(places.length - nsn.length);
  if (places.length < nsn.length || nsnPlaces.map((i) => value[i]).join('') !== nsn) return null;
  const next = drawNational(input.countryCallingCode, nsn, regionOf(input), groups(input.formatNational()), draws);
  if (next === null) return null;
  const out = value.split('');
  nsnPlaces.forEach((p, k) => (out[p] = next[k]));
  for (let i = at; i < value.length; i++) if (value[i] >= '0' && value[i] <= '9') out[i] = draws.digits(1);
  return out.join('');
}

const TRIES_PER_DIGIT = 12;

function drawNational(cc: string, nsn: string, region: string, grouping: string, draws: KeyedDraws): string | null {
  for (let t = 0; t < TRIES_PER_DIGIT * nsn.length; t++) {
    const keep = Math.min(nsn.length - 1, 1 + Math.floor(t / TRIES_PER_DIGIT));
    const candidate = nsn.slice(0, keep) + draws.digits(nsn.length - keep);
    if (candidate === nsn) continue;
    const p = askLibrary(cc, `+${cc}${candidate}`);
    if (p && regionOf(p) === region && groups(p.formatNational()) === grouping) return candidate;
  }
  return null;
}

/**
 * The region a valid number belongs to: the one the library found, or (a number checked against its
 * calling code's main region only, as askLibrary does first) that main region; `001` for non-geographic codes.
 */
function regionOf(p: PhoneNumber): string {
  return p.country ?? (maxMetadata.country_calling_codes as Record<string, string[]>)[p.countryCallingCode][0];
}

/** The digit-group lengths of a formatted number: `010 1234 5678` → `3 4 4`. */
function groups(formatted: string): string {
  return (formatted.match(/\d+/g) ?? []).map((g) => g.length).join(' ');
}
