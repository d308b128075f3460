import type { PhoneNumber } from 'libphonenumber-js/max';
import { extensionStart } from '../../detectors/phone/extension.js';
import { askLibrary } from '../../detectors/phone/library.js';
import type { KeyedDraws } from './keyed-draws.js';
import { numberingOf, regionsOf, type Numbering } from './phone-numbering.js';

/**
 * A phone's pseudonym: another valid number (libphonenumber-js's rules, full metadata) of the same
 * country (region, not only calling code: +1 stays in the US or in Canada), with as many national
 * digits, in the same national format (the same digit groups), so that it reads as the same kind of
 * number and logveil's phone detector finds it where it found the input. The digits are drawn from
 * the HMAC of the normalized (E.164) value, so `+86 138 0013 8000`, `13800138000` and
 * `0086-138-0013-8000` get one surrogate, each written in its own layout: only the national
 * number's digits change (`138 0013 8000` → `1xx xxxx xxxx`), the country code, trunk prefix,
 * separators and brackets stay, and an extension gets drawn digits.
 *
 * The first national digit is kept (it tells mobile from landline in most plans) and the rest drawn;
 * after every TRIES_PER_DIGIT draws that are not valid one more leading digit is kept, so even a thin
 * plan ends. Null when the value is not a valid number with an E.164 form (the caller falls back).
 */
export function pseudonymizePhone(value: string, normalized: string, draws: KeyedDraws): string | null {
  const e164 = normalized.replace(/;ext=\d*$/, '');
  const cc = /^\+\d+$/.test(e164) ? callingCode(e164) : undefined;
  if (cc === undefined) return null;
  const nsn = e164.slice(1 + cc.length);
  const accepts = compiledCheck(cc, nsn) ?? libraryCheck(cc, nsn);
  if (accepts === null) return null;
  const at = extensionStart(value);
  const places: number[] = [];
  for (let i = 0; i < at; i++) if (value[i] >= '0' && value[i] <= '9') places.push(i);
  // The national number is the number's last digits as written (after a country code or trunk prefix).
  const nsnPlaces = places.slice(places.length - nsn.length);
  if (places.length < nsn.length || nsnPlaces.map((i) => value[i]).join('') !== nsn) return null;
  const next = drawNational(nsn, accepts, draws);
  if (next === null) return null;
  const out = value.split('');
  nsnPlaces.forEach((p, k) => (out[p] = next[k]));
  for (let i = at; i < value.length; i++) if (value[i] >= '0' && value[i] <= '9') out[i] = draws.digits(1);
  return out.join('');
}

const TRIES_PER_DIGIT = 12;

function drawNational(nsn: string, accepts: (candidate: string) => boolean, draws: KeyedDraws): string | null {
  for (let t = 0; t < TRIES_PER_DIGIT * nsn.length; t++) {
    const keep = Math.min(nsn.length - 1, 1 + Math.floor(t / TRIES_PER_DIGIT));
    const candidate = nsn.slice(0, keep) + draws.digits(nsn.length - keep);
    if (candidate !== nsn && accepts(candidate)) return candidate;
  }
  return null;
}

/**
 * Which national numbers may stand for `nsn`: valid, of the region the input is of (the first of
 * the calling code's regions it is valid in, as libphonenumber finds it), in the same national
 * format. From the compiled plans (phone-numbering.ts); null if a region of the code has none.
 */
function compiledCheck(cc: string, nsn: string): ((candidate: string) => boolean) | null | undefined {
  const plans = regionsOf(cc).map(numberingOf);
  if (plans.length === 0 || plans.some((p) => p === null)) return undefined;
  const numbering = plans as Numbering[];
  const regionOf = (n: string) => numbering.findIndex((p) => p.valid(n));
  const region = regionOf(nsn);
  if (region < 0) return null;
  const grouping = numbering[region].grouping(nsn);
  return (candidate) => regionOf(candidate) === region && numbering[region].grouping(candidate) === grouping;
}

/** The same, asking libphonenumber-js (non-geographic codes, regions whose formats do not compile). */
function libraryCheck(cc: string, nsn: string): ((candidate: string) => boolean) | null {
  const input = askLibrary(cc, `+${cc}${nsn}`);
  if (!input) return null;
  const region = regionOf(input);
  const grouping = groups(input.formatNational());
  return (candidate) => {
    const p = askLibrary(cc, `+${cc}${candidate}`);
    return p !== undefined && regionOf(p) === region && groups(p.formatNational()) === grouping;
  };
}

/** The country calling code an E.164 number starts with (codes are prefix-free), or undefined. */
function callingCode(e164: string): string | undefined {
  for (let n = 1; n <= 3; n++) if (regionsOf(e164.slice(1, 1 + n)).length) return e164.slice(1, 1 + n);
  return undefined;
}

/**
 * The region a valid number belongs to: the one the library found, or (a number checked against its
 * calling code's main region only, as askLibrary does first) that main region; `001` for non-geographic codes.
 */
function regionOf(p: PhoneNumber): string {
  return p.country ?? regionsOf(p.countryCallingCode)[0];
}

/** The digit-group lengths of a formatted number: `010 1234 5678` → `3 4 4`. */
function groups(formatted: string): string {
  return (formatted.match(/\d+/g) ?? []).map((g) => g.length).join(' ');
}
