import { isWideLetter } from '../../detectors/lib/scripts.js';
import type { PiiType } from '../../detectors/index.js';
import type { Finding } from './finding.js';

/**
 * A name found once in a string is the same name wherever else it stands in that string: FortiGate
 * writes `user="olivia.brown" … msg="Administrator olivia.brown logged in"`, sshd `Invalid user
 * mgarcia … Connection closed by invalid user mgarcia`. Found by its convention the first time, the
 * name would be left where the convention is missing. Its other whole occurrences (not part of a
 * longer token, not inside another finding) become findings of the same type, score and detector.
 *
 * Names only: a number may be something else where its own context says so (`order_id=13800138000
 * … call 13800138000` is an order id, then a phone).
 */
const RECURRING: ReadonlySet<PiiType> = new Set<PiiType>(['USERNAME', 'PERSON_NAME']);

/** Shorter values are too common as plain words to follow (`li`, `ok`). */
const MIN_LENGTH = 3;
/** More whole occurrences than this, and the value is followed nowhere. */
const MAX_RECURRENCES = 16;
/** Chars searched for recurrences per string at most (a 1 MB line of many names stays linear). */
const SEARCH_BUDGET = 1 << 22;

/** `found` (sorted by start, no overlaps) with the other whole occurrences of each name added. */
export function withRecurrences(text: string, found: readonly Finding[]): readonly Finding[] {
  let added: Finding[] | null = null;
  let taken: Uint8Array | null = null; // chars inside a finding, made on the first search
  let followed: Set<string> | null = null;
  let budget = SEARCH_BUDGET;
  for (const f of found) {
    if (!RECURRING.has(f.type) || f.end - f.start < MIN_LENGTH) continue;
    const value = text.slice(f.start, f.end);
    if (followed?.has(value)) continue;
    if ((budget -= text.length) < 0) break;
    (followed ??= new Set()).add(value);
    const more: number[] = [];
    for (let at = text.indexOf(value); at >= 0 && more.length <= MAX_RECURRENCES; at = text.indexOf(value, at + 1)) {
      if (at === f.start) continue; // most names stand once: no coverage made for them
      taken ??= coverage(text.length, found);
      if (taken[at] === 0 && taken[at + value.length - 1] === 0 && wholeAt(text, at, at + value.length)) more.push(at);
    }
    if (more.length === 0) continue;
    // A word that recurs that often is the string's own word (`/home/home/home…`), not one name.
    if (more.length > MAX_RECURRENCES) continue;
    for (const at of more) {
      const end = at + value.length;
      taken!.fill(1, at, end);
      (added ??= []).push({ type: f.type, start: at, end, score: f.score, detector: f.detector });
    }
  }
  if (added === null) return found;
  return [...found, ...added].sort((a, b) => a.start - b.start);
}

/** 1 at each char a finding covers. */
function coverage(length: number, found: readonly Finding[]): Uint8Array {
  const taken = new Uint8Array(length);
  for (const f of found) taken.fill(1, f.start, f.end);
  return taken;
}

/** text[start, end) is a token of its own: no letter, digit, `_`, `@` or `%` glued to it; `-` and `.` only as punctuation. */
function wholeAt(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  const after = end < text.length ? text.charCodeAt(end) : 32;
  if (gluing(before) || gluing(after)) return false;
  // `-`/`.` glue when a token char stands beyond them (`olivia.brown.bak`, `x-olivia`), not at a sentence's end.
  if ((before === 45 || before === 46) && start > 1 && gluing(text.charCodeAt(start - 2))) return false;
  return !((after === 45 || after === 46) && end + 1 < text.length && gluing(text.charCodeAt(end + 1)));
}

function gluing(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 64 || c === 37;
  return isWideLetter(c);
}
