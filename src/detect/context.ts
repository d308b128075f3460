/**
 * Context words: every detector's words (EN + ZH) in one trie. English words must be whole words: the
 * letters around a match may not continue it (`lic` in `public` is not `lic`), except at a camelCase
 * hump (`passportNo`) or an `_`/digit. CJK words need no boundary (Chinese has no spaces). A trie walk
 * costs a step or two at most positions, where a case-insensitive alternation of hundreds of words
 * retried every alternative.
 *
 * The scan loop finds the words as it goes (it reads every char anyway): where a word may start, it asks
 * `mayStartAt`/`startsWide` (one table read) and then `walk`. `hitsBetween` is the same search as a loop
 * of its own, for a stretch the scan loop jumps over and for keys.
 */

/** How far before a value (in UTF-16 units, end of the word to start of the value) a word counts. */
export const CONTEXT_WINDOW = 32;

export interface WordHit {
  readonly end: number;
  readonly word: number;
}

/**
 * The word hits of one string in order of where they start (the longest whole word at each start), in
 * two growing typed arrays that a scanner reuses for every string: a hit allocates nothing.
 */
export class WordHits {
  ends = new Int32Array(64);
  words = new Int32Array(64);
  count = 0;

  /** Empty, for the next string (arrays a long string grew are let go: a scanner lives as long as its worker). */
  clear(): void {
    this.count = 0;
    if (this.ends.length > 65_536) {
      this.ends = new Int32Array(64);
      this.words = new Int32Array(64);
    }
  }

  add(end: number, word: number): void {
    if (this.count === this.ends.length) {
      const ends = new Int32Array(2 * this.count);
      const words = new Int32Array(2 * this.count);
      ends.set(this.ends);
      words.set(this.words);
      this.ends = ends;
      this.words = words;
    }
    this.ends[this.count] = end;
    this.words[this.count] = word;
    this.count++;
  }
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const lower = (c: number) => (isUpper(c) ? c | 32 : c);

/**
 * The trie as flat tables: `ascii[state * 128 + c]` is the next state after ASCII char c (lower case),
 * 0 for none (state 0 is the root, never a target); non-ASCII chars go through one map keyed by state
 * and char. `wordAt[state]` is the word id ending there, or -1.
 */
export class ContextWords {
  /** words[i] in lower case; which detector wants which word is kept by the caller as word-id tables. */
  readonly words: readonly string[];
  /** Length of the longest word (a word ending within the window starts at most this far before it). */
  readonly longest: number;
  /**
   * Whether a word may be found inside an ISO date-time or a clock time (digits, `-`, `/`, `:`, `.`,
   * `,`, `T`, `Z`, `+`): only a word of one letter `t` or `z`, or one where a non-letter follows it.
   * With none, the scan loop skips such a token without looking for words in it.
   */
  readonly inTimes: boolean;
  /** End of the word the last `walk` found (when it found one). */
  end = 0;
  /** End of the longest anchor word the last `walk` found at its start, or -1 (see `anchors`). */
  anchorEnd = -1;
  private readonly ids = new Map<string, number>();
  private ascii: Int32Array;
  /** Non-ASCII steps: `state * 65536 + c` to the next state. */
  private readonly other = new Map<number, number>();
  private wordAt: Int32Array;
  /** 1 for a state whose word is CJK (no boundary needed after it). */
  private cjk: Uint8Array;
  /** 1 for an anchor word's id. */
  private readonly anchor: Uint8Array;
  /** 1 where a code unit starts some non-ASCII word: most CJK chars of a line miss in one array read. */
  private readonly startsOther = new Uint8Array(65536);
  /**
   * 1 at `c0 * 128 + c1` (lower case) where some English word starts with those two ASCII chars (or is
   * c0 alone): most letter tokens start no word, and one array read says so before any trie walk.
   */
  private readonly startsTwo = new Uint8Array(128 * 128);

  /**
   * `anchors`: the words (among `words`) whose end a `walk` also reports on its own, the longest whole one
   * starting where it started (the anchor words of `word` detectors).
   */
  constructor(words: Iterable<string>, anchors: Iterable<string> = []) {
    const list = [...new Set([...words, ...anchors].map((w) => w.toLowerCase()))].filter((w) => w.length > 0).sort();
    this.words = list;
    this.longest = list.reduce((m, w) => Math.max(m, w.length), 0);
    this.inTimes = list.some((w) => /^[tz](?![a-z])/.test(w));
    const chars = list.reduce((n, w) => n + w.length, 0);
    this.ascii = new Int32Array((chars + 1) * 128);
    this.wordAt = new Int32Array(chars + 1).fill(-1);
    this.cjk = new Uint8Array(chars + 1);
    this.anchor = new Uint8Array(list.length);
    let states = 1;
    list.forEach((w, id) => {
      const c0 = w.charCodeAt(0);
      // The scan loop looks for words only where a letter or a non-ASCII char is (not at `_`, digits…).
      if (c0 < 128 && !isLetter(c0)) throw new Error(`a context word must start with a letter: ${w}`);
      this.ids.set(w, id);
      let state = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        let next = c < 128 ? this.ascii[state * 128 + c] : (this.other.get(state * 65536 + c) ?? 0);
        if (next === 0) {
          next = states++;
          if (c < 128) this.ascii[state * 128 + c] = next;
          else {
            this.other.set(state * 65536 + c, next);
            if (state === 0) this.startsOther[c] = 1;
          }
        }
        state = next;
      }
      this.wordAt[state] = id;
      this.cjk[state] = /[^\x00-\x7f]/.test(w) ? 1 : 0;
      if (c0 < 128) {
        if (w.length === 1 || w.charCodeAt(1) >= 128) this.startsTwo.fill(1, c0 * 128, c0 * 128 + 128);
        else this.startsTwo[c0 * 128 + w.charCodeAt(1)] = 1;
      }
    });
    for (const a of anchors) this.anchor[this.id(a)] = 1;
    this.ascii = this.ascii.slice(0, states * 128);
    this.wordAt = this.wordAt.slice(0, states);
    this.cjk = this.cjk.slice(0, states);
  }

  id(word: string): number {
    const id = this.ids.get(word.toLowerCase());
    if (id === undefined) throw new Error(`unknown context word: ${word}`);
    return id;
  }

  /** Every whole-word hit in text, in order of position (the longest whole word at each position). */
  hits(text: string): WordHit[] {
    const found = new WordHits();
    this.hitsBetween(text, 0, text.length, found);
    const out: WordHit[] = [];
    for (let k = 0; k < found.count; k++) out.push({ end: found.ends[k], word: found.words[k] });
    return out;
  }

  /** Whether an anchor word occurs in text as a whole word. */
  hasAnchor(text: string): boolean {
    let prev = 0;
    for (let p = 0; p < text.length; p++) {
      const c = text.charCodeAt(p);
      const kind = letterCase(c);
      const starts = c < 128 ? kind !== 0 && (prev === 0 || (prev === 1 && kind === 2 && !afterOneLetter(text, p))) && this.mayStartAt(text, p) : this.startsWide(c);
      prev = kind;
      if (starts) {
        this.walk(text, p);
        if (this.anchorEnd > 0) return true;
      }
    }
    return false;
  }

  /** Append the hits of words starting at positions [from, to) to `out`, in order. */
  hitsBetween(text: string, from: number, to: number, out: WordHits): void {
    // What the previous char was, kept in locals: 0 not a letter, 1 lower case, 2 upper case.
    let prev = from > 0 ? letterCase(text.charCodeAt(from - 1)) : 0;
    for (let p = from; p < to; p++) {
      const c0 = text.charCodeAt(p);
      if (c0 < 128) {
        const kind = letterCase(c0);
        // An English word starts a word: not in the middle of letters, unless at a camelCase hump
        // (not the one after a token's one first letter: `iPhone`, `eBay`).
        const inWord = kind === 0 || (prev !== 0 && !(prev === 1 && kind === 2 && !afterOneLetter(text, p)));
        prev = kind;
        if (inWord || !this.mayStartAt(text, p)) continue;
      } else {
        prev = 0;
        if (this.startsOther[c0] === 0) continue;
      }
      const w = this.walk(text, p);
      if (w >= 0) out.add(this.end, w);
    }
  }

  /** Whether a non-ASCII char starts some word: one array read (the scan loop asks it per char). */
  startsWide(c: number): boolean {
    return this.startsOther[c] === 1;
  }

  /**
   * Whether an English word may start at p (text[p] ASCII): one table read by its first two chars, small
   * enough to be inlined where the scan loop asks at every letter token (most start no word).
   */
  mayStartAt(text: string, p: number): boolean {
    // Upper-case chars are folded; a char past the end or a non-ASCII one reads as 0 (it may end a
    // one-char word, and no two-char start has a NUL).
    const c1 = p + 1 < text.length ? text.charCodeAt(p + 1) : 0;
    return this.startsTwo[lower(text.charCodeAt(p)) * 128 + (c1 < 128 ? lower(c1) : 0)] === 1;
  }

  /**
   * The id of the longest whole word starting at p, or -1; its end in `end`, and the end of the longest
   * whole anchor word starting at p in `anchorEnd` (-1 for none). The caller knows a word may start at
   * p: a letter after no letter (or at a hump) that `mayStartAt`, or a non-ASCII char that `startsWide`.
   */
  walk(text: string, p: number): number {
    const ascii = this.ascii;
    const wordAt = this.wordAt;
    const n = text.length;
    let best = -1;
    let bestEnd = 0;
    let anchorEnd = -1;
    let state = 0;
    for (let i = p; ; ) {
      const c = text.charCodeAt(i);
      const next = c < 128 ? ascii[state * 128 + lower(c)] : (this.other.get(state * 65536 + c) ?? 0);
      if (next === 0) break;
      state = next;
      i++;
      const w = wordAt[state];
      if (w >= 0 && (this.cjk[state] === 1 || wholeAtEnd(text, i))) {
        best = w;
        bestEnd = i;
        if (this.anchor[w] === 1) anchorEnd = i;
      }
      if (i >= n) break;
    }
    this.end = bestEnd;
    this.anchorEnd = anchorEnd;
    return best;
  }
}

/** 0 for a char that is not an ASCII letter, 1 for a lower-case one, 2 for an upper-case one. */
/**
 * Whether the hump at p follows a token's one first letter (`iPhone`, `iPad`, `eBay`: names of
 * things, not a word and a word). A token is a run of ASCII letters and digits, as the scan loop reads
 * it; asked only at a hump.
 */
function afterOneLetter(text: string, p: number): boolean {
  if (p < 2) return p === 1;
  const c = text.charCodeAt(p - 2);
  return !(letterCase(c) !== 0 || (c >= 48 && c <= 57));
}

function letterCase(c: number): number {
  return c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : 0;
}

function wholeAtEnd(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (!isLetter(next)) return true;
  return isLower(text.charCodeAt(end - 1)) && isUpper(next);
}
