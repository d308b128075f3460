/**
 * Context words: one case-insensitive alternation of every detector's words (EN + ZH), matched once
 * per string and only when a candidate asks. English words must be whole words: the letters around a
 * match may not continue it (`lic` in `public` is not `lic`), except at a camelCase hump (`passportNo`)
 * or an `_`/digit. CJK words need no boundary (Chinese has no spaces).
 */

/** How far before a value (in UTF-16 units, end of the word to start of the value) a word counts. */
export const CONTEXT_WINDOW = 32;

export interface WordHit {
  readonly end: number;
  readonly word: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

export class ContextWords {
  /** words[i] in lower case; membership per detector is kept by the caller as word-id sets. */
  readonly words: readonly string[];
  private readonly re: RegExp | null;
  private readonly ids = new Map<string, number>();
  private readonly cjk: boolean[];

  constructor(words: Iterable<string>) {
    const list = [...new Set([...words].map((w) => w.toLowerCase()))].filter((w) => w.length > 0);
    // Longest first so `passport no` wins over `passport` in the alternation.
    list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.words = list;
    list.forEach((w, i) => this.ids.set(w, i));
    this.cjk = list.map((w) => /[^\x00-\x7f]/.test(w));
    this.re = list.length ? new RegExp(list.map(escapeRe).join('|'), 'giu') : null;
  }

  id(word: string): number {
    const id = this.ids.get(word.toLowerCase());
    if (id === undefined) throw new Error(`unknown context word: ${word}`);
    return id;
  }

  /** Every whole-word hit in text, in order. */
  hits(text: string): WordHit[] {
    const out: WordHit[] = [];
    const re = this.re;
    if (!re) return out;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      const hit = this.wholeWordAt(text, start, m[0].toLowerCase());
      if (hit) out.push(hit);
      // Overlapping words: retry just after this match start.
      re.lastIndex = start + 1;
    }
    return out;
  }

  /**
   * The longest word at `start` that is whole there. The alternation found the longest match; when it
   * is not a whole word (`macaddr` in `macAddress`), a shorter word at the same place may be (`mac`).
   */
  private wholeWordAt(text: string, start: number, matched: string): WordHit | null {
    const startOk = wholeAtStart(text, start);
    for (let len = matched.length; len > 0; len--) {
      const word = this.ids.get(len === matched.length ? matched : matched.slice(0, len));
      if (word === undefined) continue;
      if (this.cjk[word] || (startOk && wholeAtEnd(text, start + len))) return { end: start + len, word };
    }
    return null;
  }
}

function wholeAtStart(text: string, start: number): boolean {
  if (start === 0) return true;
  const prev = text.charCodeAt(start - 1);
  if (!isLetter(prev)) return true;
  // camelCase hump: `userPhone` — a lower-case letter before an upper-case one.
  return isLower(prev) && isUpper(text.charCodeAt(start));
}

function wholeAtEnd(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (!isLetter(next)) return true;
  return isLower(text.charCodeAt(end - 1)) && isUpper(next);
}
