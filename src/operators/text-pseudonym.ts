import type { KeyedDraws } from './keyed-draws.js';

/**
 * Same-shape surrogates of free-form names (user names, an email's local part and domain labels):
 * each ASCII letter becomes a drawn letter of the same case, each digit a drawn digit, a CJK ideograph
 * a drawn ideograph, any other letter or digit a drawn lower-case letter; punctuation (`.`, `_`,
 * `-`, `+`) and `%XX` escapes stay where they were. `tries` draws are made until `ok` accepts one
 * that differs from the input; null if none does (the caller falls back).
 */
export function sameShapeText(text: string, draws: KeyedDraws, ok: (s: string) => boolean = () => true, tries = 100): string | null {
  for (let t = 0; t < tries; t++) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '%' && /^%[0-9A-Fa-f]{2}/.test(text.slice(i, i + 3))) {
        out += text.slice(i, i + 3);
        i += 2;
      } else if (c >= 'a' && c <= 'z') out += draws.pick(LOWER);
      else if (c >= 'A' && c <= 'Z') out += draws.pick(UPPER);
      else if (c >= '0' && c <= '9') out += draws.pick(DIGITS);
      else if (c >= '\u4e00' && c <= '\u9fa5') out += String.fromCharCode(0x4e00 + draws.int(0x9fa6 - 0x4e00));
      else if (/[\p{L}\p{N}]/u.test(c)) out += draws.pick(LOWER);
      else out += c;
    }
    if (out !== text && ok(out)) return out;
  }
  return null;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
