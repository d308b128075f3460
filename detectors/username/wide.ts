/**
 * User names written with letters beyond ASCII: `müller`, `Zoë`, `Øyvind`, `józef`, `Émilie`, `иван`,
 * `Σοφία`, `nguyễn` (web apps, LDAP, Windows and SaaS audit logs allow them). The ASCII shapes of
 * index.ts and prompt.ts cannot read them; these Unicode ones can, and the scanner tries them only
 * where a token starts with such a letter or its ASCII match runs into one, so ASCII text never runs
 * them. On ASCII text they match exactly what the ASCII shapes match.
 *
 * Letters of the Latin (with diacritics), Greek and Cyrillic scripts, combining marks (`José` written
 * decomposed), and the ASCII digits and `._-` of the ASCII shapes. Not Han, kana or Hangul (a CJK run
 * after a name ends it: `user=zhang张伟`, `用户liuyang登录失败`), nor the full-width Latin letters of CJK
 * text, nor other digits (`alice１２３`).
 */

/** One letter of a name (a `v`-flag class: the script letters less the full-width ones). */
const LETTER = String.raw`[[\p{L}&&[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]]--[\uFF21-\uFF3A\uFF41-\uFF5A]]`;
/** A char inside a name, and one it may end with (not `.` or `-`, as in the ASCII shapes). */
const INSIDE = String.raw`[${LETTER}\p{M}0-9._\-]`;
const LAST = String.raw`[${LETTER}\p{M}0-9_]`;

/**
 * The Unicode shape of a name of up to `maxLen` chars: a letter first, as the ASCII shape
 * `[A-Za-z](?:[A-Za-z0-9._-]{0,maxLen-2}[A-Za-z0-9_])?` reads, and never ending inside a run of
 * letters (the scanner's right boundary is ASCII only).
 */
export function wideNameShape(maxLen: number): RegExp {
  return new RegExp(String.raw`${LETTER}(?:${INSIDE}{0,${maxLen - 2}}${LAST})?(?!${LETTER}|\p{M})`, 'vy');
}

const FIRST = new RegExp(LETTER, 'vy');

/** A letter the wide shape starts a name with is at `i` (`CORP\Øyvind`: a domain before a name). */
export function startsWideName(text: string, i: number): boolean {
  FIRST.lastIndex = i;
  return FIRST.test(text);
}
