/**
 * Which script a UTF-16 code unit belongs to: the one answer every "is this CJK" check asks (context
 * labels, the scanner's word test, text placeholders, key-value keys). Han, kana and Hangul are
 * written without spaces between words, so one such char is already word material.
 */

/** A Han ideograph: CJK Unified Ideographs, Extension A, and Compatibility Ideographs. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Hiragana or katakana. */
export function isKana(c: number): boolean {
  return c >= 0x3040 && c <= 0x30ff;
}

/** A Hangul syllable or jamo (conjoining and compatibility). */
export function isHangul(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
}

/** A char of Chinese, Japanese or Korean words: Han, kana or Hangul. */
export function isCjkWordChar(c: number): boolean {
  return c >= 0x1100 && (isHan(c) || isKana(c) || isHangul(c));
}

/** A letter beyond ASCII: Latin-1 and Latin Extended, Greek, Cyrillic (no × or ÷), or a CJK word char. */
export function isWideLetter(c: number): boolean {
  return (c >= 0xc0 && c <= 0x52f && c !== 0xd7 && c !== 0xf7) || isCjkWordChar(c);
}
