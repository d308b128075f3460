/**
 * What logveil's operators write in place of a value (src/operators/): a tag `<PHONE>`, a keyed hash
 * `PHONE_k3j9…` (16 base32 chars), a mask `138****8000`, an encrypt token `⟦EMAIL:base64url⟧` (an
 * FF1 output looks like any value of its type: nothing tells it apart). A second pass must take these for the values
 * they stand for and leave them as they are (issue 10: anonymizing twice changes nothing the first
 * pass wrote): a field rule does not replace them again, and a context word they follow stays
 * claimed by them. Here, not in src/operators/, because the scanner reads it too.
 */

const TAG = /^<[A-Z][A-Z0-9_]*>$/;
const HASH = /^[A-Z][A-Z0-9_]*_[a-z2-7]{16}$/;
const SEALED = /^⟦[A-Z][A-Z0-9_]*:[A-Za-z0-9_-]+⟧$/;
const TOKEN = /<[A-Z][A-Z0-9_]*>|[A-Z][A-Z0-9_]*_[a-z2-7]{16}(?![A-Za-z0-9_])|⟦[A-Z][A-Z0-9_]*:[A-Za-z0-9_-]+⟧/y;
const SEALED_OPEN = 0x27e6; // ⟦

/**
 * A mask's `*`: two together, or one beside a letter or digit (`138****8000`, `张*`, `j***@`), or an
 * IP address's masked part (`192.0.*.*`, `2001:db8:*`); not a glob or a footnote (`not *.address`).
 */
const MASK = /\*\*|[0-9A-Za-z\u4e00-\u9fff]\*|\*[0-9A-Za-z]|[.:]\*(?:[.:]|$)/;

/** Whether a whole value is an operator's output: a tag, a hash token, or a mask. */
export function isOperatorOutput(value: string): boolean {
  if (value.includes('*') && MASK.test(value)) return true;
  // Every value a field rule or finding replaces is asked: its first char (and a hash's `_` 17 from the
  // end) rule out most before a regex runs.
  const c = value.charCodeAt(0);
  if (c === 60 /* < */) return TAG.test(value);
  if (c === SEALED_OPEN) return SEALED.test(value);
  return c >= 65 && c <= 90 && value.length >= 18 && value.charCodeAt(value.length - 17) === 95 && HASH.test(value);
}

/** Where a tag or hash token starting at `i` ends, or -1 (a mask is recognized by its `*`). */
export function operatorTokenEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c !== 60 /* < */ && c !== SEALED_OPEN && !(c >= 65 && c <= 90)) return -1;
  TOKEN.lastIndex = i;
  return TOKEN.test(text) ? TOKEN.lastIndex : -1;
}

/**
 * Whether text[i] lies inside a tag or hash token (`<BANK_ACCOUNT>`, `BANK_ACCOUNT_k3j9…`): a context
 * word there is the name of a type an operator wrote, not a word of the log. Walks back over the
 * token's capitals, digits and `_`, then reads the token forward.
 */
export function insideOperatorToken(text: string, i: number): boolean {
  // An encrypt token's base64url may spell a word (`acct`): walk back over its chars to the `⟦`.
  let q = i;
  while (q > 0 && isTokenBodyCode(text.charCodeAt(q - 1))) q--;
  if (q > 0 && text.charCodeAt(q - 1) === SEALED_OPEN && operatorTokenEnd(text, q - 1) > i) return true;
  let p = i;
  while (p > 0) {
    const c = text.charCodeAt(p - 1);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) p--;
    else break;
  }
  if (p > 0 && text.charCodeAt(p - 1) === 60 /* < */) p--;
  const end = operatorTokenEnd(text, p);
  return end > i;
}

/** A char of an encrypt token's type or base64url body: A-Z a-z 0-9 `_` `-` `:`. */
function isTokenBodyCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 58) || c === 95 || c === 45;
}
