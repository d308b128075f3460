/**
 * The masking helper behind DetectorSpec.mask: `[head, tail]` rules are applied with it by the mask
 * operator, and detectors' own mask functions use it for the part they do not special-case.
 */

function isSignificant(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/**
 * Replace significant (alphanumeric or non-ASCII) chars outside the kept head/tail by `*`; separators
 * stay as written: `maskKeeping('4111 1111 1111 1111', 0, 4)` is `**** **** **** 1111`.
 */
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
