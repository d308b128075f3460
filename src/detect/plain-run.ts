import { isDigit } from '../../detectors/lib/chars.js';

/**
 * Plain digit runs: most number-like tokens in a log (epoch millis, order ids, pids, sizes) are one
 * unbroken run of digits followed by a space, quote or comma. Whether a `digits` shape matches such a
 * run mostly depends on its length alone (shapes write digits as `\d`), so it is looked up in a table
 * made once per shape instead of running the regex at every candidate: the common case costs an array
 * read. Where a shape's answer depends on the digits, the table says so and the regex runs.
 *
 * `test/detect/plain-run.test.ts` checks both halves against the regexes on generated strings: the
 * tables (random digits of every length) and `endsAtRun` (random digits, separators, letters).
 */

/** The shape does not match a plain run of this length. */
export const PLAIN_NO = 0;
/** It matches the whole run. */
export const PLAIN_YES = 1;
/** Depends on the digits (or the shape would read past the run): run the regex. */
export const PLAIN_ASK = 2;

/**
 * Digit strings of one length: each digit repeated, and every two-digit prefix (`13…`, `62…`) then
 * counting digits, so that a shape which did look at leading digits gets PLAIN_ASK, not a wrong answer.
 */
function samples(length: number): string[] {
  const out: string[] = [];
  for (let d = 0; d < 10; d++) out.push(String(d).repeat(length));
  if (length < 2) return out;
  let fill = '';
  for (let k = 2; k < length; k++) fill += String(k % 10);
  for (let p = 0; p < 100; p++) out.push(String(p).padStart(2, '0') + fill);
  return out;
}

/** How plain runs end in logs (none of them continues a number); the table must hold for each. */
const ENDINGS = ['', ',', ' ', ' a', '"', '}', ';', ':1', '=', '-a', '.a', '/a', ')a', '中'];

/** Tables by shape source and flags: compiled once per process, whatever number of scanners. */
const cache = new Map<string, Uint8Array>();

/**
 * For each length 0..maxLen, whether `shape` (sticky, with the scanner's right boundary) matches a run
 * of that many digits as a whole: PLAIN_YES or PLAIN_NO when every sample agrees, PLAIN_ASK otherwise.
 */
export function plainRunTable(shape: RegExp, maxLen: number): Uint8Array {
  const id = `${shape.flags}/${maxLen}/${shape.source}`;
  let table = cache.get(id);
  if (table) return table;
  table = new Uint8Array(maxLen + 1);
  const matchesRun = (s: string, ending: string) => {
    shape.lastIndex = 0;
    return shape.test(s + ending) && shape.lastIndex === s.length;
  };
  for (let length = 1; length <= maxLen; length++) {
    const all = samples(length);
    let yes = 0;
    for (const s of all) if (matchesRun(s, ',')) yes++;
    let answer = yes === 0 ? PLAIN_NO : yes === all.length ? PLAIN_YES : PLAIN_ASK;
    if (answer !== PLAIN_ASK && !ENDINGS.every((e) => matchesRun(all[all.length - 1], e) === (answer === PLAIN_YES))) {
      answer = PLAIN_ASK;
    }
    table[length] = answer;
  }
  cache.set(id, table);
  return table;
}

/** Chars a `digits` shape may read after a digit run: separators, brackets, `+`, `/`, the check char X. */
function mayContinue(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41 || c === 43 || c === 88 || c === 120;
}

/**
 * The digit run ending at q ends its token for every `digits` shape: the next char is not one a shape
 * reads on (a separator before more of the number, the check char X), so a shape matches the run as a
 * whole or not at all. A letter glued to the run (`123abc`) also ends it here; the caller rejects such
 * a run outright, since no shape may end right before a letter.
 */
export function endsAtRun(text: string, q: number): boolean {
  if (q >= text.length) return true;
  const c = text.charCodeAt(q);
  if (!mayContinue(c)) return true;
  if (c === 88 || c === 120) return false;
  // A separator: the number goes on if a digit, bracket, `+` or another separator follows.
  const c2 = q + 1 < text.length ? text.charCodeAt(q + 1) : 32;
  return !(isDigit(c2) || mayContinue(c2));
}
