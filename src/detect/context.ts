/**
 * Context words: every detector's words (EN + ZH) in one trie, matched once per string and only when
 * a candidate asks. English words must be whole words: the letters around a match may not continue it
 * (`lic` in `public` is not `lic`), except at a camelCase hump (`passportNo`) or an `_`/digit. CJK words
 * need no boundary (Chinese has no spaces). A trie walk costs a step or two at most positions, where
 * a case-insensitive alternation of hundreds of words retried every alternative.
 */

/** How far before a value (in UTF-16 units, end of the word to start of the value) a word counts. */
export const CONTEXT_WINDOW = 32;

export interface WordHit {
  readonly end: number;
  readonly word: number;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const lower = (c: number) => (isUpper(c) ? c | 32 : c);

/**
 * The trie as flat tables: `ascii[state * 128 + c]` is the next state after ASCII char c (lower case),
 * 0 for none (state 0 is the root, never a target); non-ASCII chars go through a small map per state.
 * `word[state]` is the word id ending there, or -1.
 */
export class ContextWords {
  /** words[i] in lower case; which detector wants which word is kept by the caller as word-id sets. */
  readonly words: readonly string[];
  /** Length of the longest word (a word ending within the window starts at most this far before it). */
  readonly longest: number;
  private readonly ids = new Map<string, number>();
  private ascii: Int32Array;
  private readonly other: Array<Map<number, number> | undefined> = [];
  private readonly word: number[] = [];
  private readonly cjk: boolean[] = [];
  /** The root's non-ASCII children by code unit (CJK first chars), for a one-lookup miss. */
  private readonly firstOther = new Map<number, number>();
  /** 1 where a code unit starts some non-ASCII word: most CJK chars of a line miss in one array read. */
  private readonly startsOther = new Uint8Array(65536);
  /**
   * 1 at `c0 * 128 + c1` (lower case) where some English word starts with those two ASCII chars (or is
   * c0 alone): most letter tokens start no word, and one array read says so before any trie walk.
   */
  private readonly startsTwo = new Uint8Array(128 * 128);

  constructor(words: Iterable<string>) {
    const list = [...new Set([...words].map((w) => w.toLowerCase()))].filter((w) => w.length > 0).sort();
    this.words = list;
    this.longest = list.reduce((m, w) => Math.max(m, w.length), 0);
    let states = 1;
    const chars = list.reduce((n, w) => n + w.length, 0);
    this.ascii = new Int32Array((chars + 1) * 128);
    this.word.push(-1);
    this.cjk.push(false);
    list.forEach((w, id) => {
      this.ids.set(w, id);
      let state = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        let next = c < 128 ? this.ascii[state * 128 + c] : (this.other[state]?.get(c) ?? 0);
        if (next === 0) {
          next = states++;
          this.word.push(-1);
          this.cjk.push(false);
          if (c < 128) this.ascii[state * 128 + c] = next;
          else {
            let m = this.other[state];
            if (!m) this.other[state] = m = new Map();
            m.set(c, next);
            if (state === 0) {
              this.firstOther.set(c, next);
              this.startsOther[c] = 1;
            }
          }
        }
        state = next;
      }
      this.word[state] = id;
      this.cjk[state] = /[^\x00-\x7f]/.test(w);
      const c0 = w.charCodeAt(0);
      if (c0 < 128) {
        if (w.length === 1 || w.charCodeAt(1) >= 128) this.startsTwo.fill(1, c0 * 128, c0 * 128 + 128);
        else this.startsTwo[c0 * 128 + w.charCodeAt(1)] = 1;
      }
    });
    this.ascii = this.ascii.slice(0, states * 128);
  }

  id(word: string): number {
    const id = this.ids.get(word.toLowerCase());
    if (id === undefined) throw new Error(`unknown context word: ${word}`);
    return id;
  }

  /** Every whole-word hit in text, in order of position (the longest whole word at each position). */
  hits(text: string): WordHit[] {
    const out: WordHit[] = [];
    this.hitsBetween(text, 0, text.length, out);
    return out;
  }

  /** Append the hits of words starting at positions [from, to) to `out`, in order. */
  hitsBetween(text: string, from: number, to: number, out: WordHit[]): void {
    const ascii = this.ascii;
    // What the previous char was, kept in locals: 0 not a letter, 1 lower case, 2 upper case.
    let prev = from > 0 ? letterCase(text.charCodeAt(from - 1)) : 0;
    for (let p = from; p < to; p++) {
      const c0 = text.charCodeAt(p);
      let state: number;
      if (c0 < 128) {
        const kind = letterCase(c0);
        // An English word starts a word: not in the middle of letters, unless at a camelCase hump.
        const inWord = kind !== 0 && prev !== 0 && !(prev === 1 && kind === 2);
        prev = kind;
        if (inWord) continue;
        state = ascii[kind === 2 ? c0 | 32 : c0];
        if (state === 0) continue;
        const c1 = p + 1 < text.length ? text.charCodeAt(p + 1) : 0;
        if (this.startsTwo[(kind === 2 ? c0 | 32 : c0) * 128 + (c1 < 128 ? lower(c1) : 0)] === 0) continue;
      } else {
        prev = 0;
        if (this.startsOther[c0] === 0) continue;
        state = this.firstOther.get(c0)!;
      }
      this.walk(text, p, state, out);
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
   * End of the longest whole word starting at p, or -1 (the caller knows a word may start at p: no
   * letter before it). Most chars start no word: one table read.
   */
  wordEndAt(text: string, p: number): number {
    const c0 = text.charCodeAt(p);
    if (c0 < 128 && !this.mayStartAt(text, p)) return -1;
    const state = c0 < 128 ? this.ascii[lower(c0)] : (this.firstOther.get(c0) ?? 0);
    if (state === 0) return -1;
    return this.longestWord(text, p, state) >= 0 ? this.longestEnd : -1;
  }

  /** From the state after text[p], the longest whole word starting at p, appended to `out`. */
  private walk(text: string, p: number, state: number, out: WordHit[]): void {
    const best = this.longestWord(text, p, state);
    if (best >= 0) out.push({ end: this.longestEnd, word: best });
  }

  /** End of the last word `longest` found. */
  private longestEnd = 0;

  /** From the state after text[p], the id of the longest whole word starting at p (its end in longestEnd), or -1. */
  private longestWord(text: string, p: number, state: number): number {
    const ascii = this.ascii;
    const n = text.length;
    let best = -1;
    let bestEnd = 0;
    let i = p + 1;
    for (;;) {
      const w = this.word[state];
      if (w >= 0 && (this.cjk[state] || wholeAtEnd(text, i))) {
        best = w;
        bestEnd = i;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      const next = c < 128 ? ascii[state * 128 + lower(c)] : (this.other[state]?.get(c) ?? 0);
      if (next === 0) break;
      state = next;
      i++;
    }
    this.longestEnd = bestEnd;
    return best;
  }
}

/** 0 for a char that is not an ASCII letter, 1 for a lower-case one, 2 for an upper-case one. */
function letterCase(c: number): number {
  return c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : 0;
}

function wholeAtEnd(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (!isLetter(next)) return true;
  return isLower(text.charCodeAt(end - 1)) && isUpper(next);
}
