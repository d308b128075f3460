import { isDigit } from '../../detectors/lib/chars.js';

/**
 * Tokens that are never personal data and make up most number-like candidates in real logs: ISO
 * dates and timestamps, clock times and UUIDs. The scanner skips such a token whole instead of
 * offering each of its digit groups to every detector (a timestamp alone is six candidate starts).
 * Each pattern must end at a token boundary, so a token that merely begins like one is scanned as usual;
 * a fraction followed by `.` and a digit is no fraction (`08:00:02,192.0.2.10` is a time, then an IP).
 */

const DATE_TIME =
  /(?:\d{4}-\d{2}-\d{2}|\d{4}\/\d{2}\/\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?(?![0-9A-Za-z]|[.,:]\d)/y;
const CLOCK = /\d{2}:\d{2}(?::\d{2})?(?:[.,]\d{1,9})?(?![0-9A-Za-z:]|[.,]\d)/y;
const UUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z-])/y;

function endOf(re: RegExp, text: string, start: number): number {
  re.lastIndex = start;
  return re.test(text) ? re.lastIndex : -1;
}

/**
 * Where the benign token starting at `start` ends, or -1 if there is none. Cheap char checks pick the
 * one pattern worth trying, so most starts cost a few comparisons.
 */
export function benignTokenEnd(text: string, start: number): number {
  // Reads ahead are bounded by the length (see detectors/lib/code-at.ts): this runs at every hex-starting token.
  const n = text.length;
  if (start + 8 < n && text.charCodeAt(start + 8) === 45 /* - */) {
    const uuid = endOf(UUID, text, start);
    if (uuid > 0) return uuid;
  }
  if (start + 2 >= n || !isDigit(text.charCodeAt(start)) || !isDigit(text.charCodeAt(start + 1))) return -1;
  const c2 = text.charCodeAt(start + 2);
  if (c2 === 58 /* : */) return endOf(CLOCK, text, start);
  if (start + 4 >= n) return -1;
  const c4 = text.charCodeAt(start + 4);
  if ((c4 === 45 || c4 === 47) && isDigit(c2) && isDigit(text.charCodeAt(start + 3))) {
    return endOf(DATE_TIME, text, start);
  }
  return -1;
}
